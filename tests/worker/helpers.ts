// Shared by the workerd tests: requests as a browser or client would send them, and D1 read back.
import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import { keyring } from '../../functions/privacy/keyring.ts';
import { openLead } from '../../functions/privacy/sealed-lead.ts';
import type { StoredLead } from '../../functions/rows.ts';

export const ORIGIN = 'http://baoxiu.test';
/** A request as the Worker receives one (its `cf` typed as incoming), to call its fetch directly. */
export const incoming = (request: Request) => request as Request<unknown, IncomingRequestCfProperties>;

// From a random point: the files of one runner share its rate limits (vitest.config.ts isolate), and
// this module may be evaluated afresh for each of them.
let n = crypto.getRandomValues(new Uint32Array(1))[0] & 0xffffff;
/** A client address of its own per call, so tests do not share the per-IP rate limit. */
export const freshIp = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;

/** Runs a burst against a local rate limit in one window of `seconds`, again (with the fresh keys
 *  `burst` makes) if it straddled two: miniflare's windows are aligned to the clock, and a new one
 *  resets every counter of that period (sign-in's five a minute split 3 + 4 never trips). */
export async function inOneWindow<T>(seconds: number, burst: () => Promise<T>): Promise<T> {
  const window = () => Math.floor(Date.now() / (seconds * 1000));
  for (let tries = 1; ; tries++) {
    const started = window();
    const result = await burst();
    if (window() === started || tries === 3) return result;
  }
}

/** A valid mobile number no other test uses (139 + 8 random digits). */
export const freshPhone = () => `139${String(crypto.getRandomValues(new Uint32Array(1))[0] % 100_000_000).padStart(8, '0')}`;

export const valid = () => ({
  name: '王先生',
  phone: freshPhone(),
  region: '433101', // 吉首市: 坚匣 and 暖川 are serviced there
  brand: 'jianxia',
  description: '保险柜忘记密码打不开',
  address: '吉首市乾州街道示例小区 1 栋',
  preferredTime: '明天上午',
  consent: true,
  abroad: true,
});

/** A lead as saveLead (functions/leads/store.ts) takes it, with a phone no other test uses. */
export const leadInput = (name = '周先生') => ({
  requestId: crypto.randomUUID(),
  status: 'new' as const,
  name,
  phone: `+86${freshPhone()}`,
  regionCode: '433101',
  regionName: '湖南省 湘西土家族苗族自治州 吉首市',
  description: '保险柜打不开',
  privacyVersion: '1',
  route: 'default',
});

export const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  exports.default.fetch(
    new Request(`${ORIGIN}/api/leads`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'cf-connecting-ip': freshIp(), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

export const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  post(new URLSearchParams(fields).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html,application/xhtml+xml',
    ...headers,
  });

/** A plain form post's answer, 303 to its confirmation page, followed (as the browser does). */
export async function confirmation(posted: Response): Promise<Response> {
  expect(posted.status).toBe(303);
  const location = posted.headers.get('location')!;
  expect(location).toMatch(/^\/api\/leads\/confirmation\?t=/);
  return exports.default.fetch(new Request(new URL(location, ORIGIN), { headers: { accept: 'text/html' } }));
}

export const countLeads = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM leads').first<{ n: number }>())!.n;

export const rawRow = (id: string) => env.DB.prepare('SELECT * FROM leads WHERE id = ?').bind(id).first<StoredLead>();

/** The lead as the operator reads it: personal fields decrypted. */
export async function openRow(id: string): Promise<StoredLead> {
  const row = await rawRow(id);
  if (!row) throw new Error(`no lead ${id}`);
  return openLead(await keyring(env.LEADS_ENCRYPTION_KEY), row);
}

export async function deliveryOf(leadId: string) {
  // Delivery runs after the answer (waitUntil); give it a moment.
  for (let i = 0; i < 250; i++) {
    const row = await env.DB.prepare('SELECT * FROM deliveries WHERE lead_id = ?').bind(leadId).first<Record<string, unknown>>();
    if (row?.status === 'sent') return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  return env.DB.prepare('SELECT * FROM deliveries WHERE lead_id = ?').bind(leadId).first<Record<string, unknown>>();
}
