// The inbox under wrangler dev with 10,000 leads in the local D1: how long the list page (newest,
// a phone search, a page deep in the keyset) and a lead's page take, beside a no-op route (the local
// runtime's floor), and how many bytes a page is gzipped. Latency from sequential requests (no
// queueing), p50 and p95 of each.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { keyring, newKeyEntry } from '../../functions/privacy/keyring.ts';
import { sealLead } from '../../functions/privacy/sealed-lead.ts';
import { freePort, migrate, secretsFile, startWranglerDev } from '../wrangler-dev.ts';
import { QUICK, results, row } from './report.ts';

const LEADS = 10_000;
const REGIONS: [string, string][] = [
  ['433101', '湖南省 湘西土家族苗族自治州 吉首市'],
  ['430104', '湖南省 长沙市 岳麓区'],
  ['441900003', '广东省 东莞市 东城街道'],
  ['513221', '四川省 阿坝藏族羌族自治州 汶川县'],
];

/** 10,000 sealed leads, one sent delivery each, over the last 100 days, written straight into the
 *  local D1 file (posting them would take minutes and trip the rate limits). */
async function seed(state: string, secret: string) {
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const db = new DatabaseSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!));
  const key = (await keyring(secret)).current;
  const lead = db.prepare(
    `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, brand, brand_name, description,
       address, consent_at, privacy_version, created_at, key_id, phone_hash, route, stage)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'jianxia', '坚匣', ?, ?, ?, '2026-11-22', ?, ?, ?, '(all configured channels)', ?)`,
  );
  const delivery = db.prepare(
    `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at, due_at) VALUES (?, ?, 'outbox', 'sent', 1, ?, ?, ?)`,
  );
  const now = Date.now();
  const rows = await Promise.all(
    Array.from({ length: LEADS }, async (_, i) => {
      const id = crypto.randomUUID();
      const phone = `+86137${String(i).padStart(8, '0')}`;
      const sealed = await sealLead(key, id, { name: `客户${i}`, phone, description: `保险柜打不开，第 ${i} 条基准测试报修`, address: `示例路 ${i} 号` });
      return { id, i, sealed, at: new Date(now - i * 864_000).toISOString() };
    }),
  );
  db.exec('BEGIN');
  for (const { id, i, sealed, at } of rows) {
    const [code, name] = REGIONS[i % REGIONS.length];
    const stage = ['new', 'contacted', 'scheduled', 'done'][i % 4];
    lead.run(id, `BX-261130-${String(i).padStart(6, '0')}`, crypto.randomUUID(), i % 50 ? 'new' : 'spam', sealed.name, sealed.phone, code, name,
      sealed.description, sealed.address, at, at, sealed.key_id, sealed.phone_hash, stage);
    delivery.run(crypto.randomUUID(), id, at, at, at);
  }
  db.exec('COMMIT');
  const newest = db.prepare("SELECT id FROM leads ORDER BY created_at DESC LIMIT 1").get() as { id: string };
  const deep = db.prepare("SELECT created_at || '_' || id AS cursor FROM leads WHERE status = 'new' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 9000").get() as { cursor: string };
  db.close();
  return { newest: newest.id, deep: deep.cursor };
}

/** The customer's look-up (/api/progress): the right tail, a wrong tail, a reference that does not
 *  exist — the same answer for the last two, and (lookup.ts) the same work; here, their times. Each
 *  request from its own address and for its own reference, so the rate limits stay out of it. */
async function progressLookups(url: string) {
  const n = QUICK ? 50 : 200;
  const kinds = {
    'right tail': (i: number) => ({ reference: `BX-261130-${String(i).padStart(6, '0')}`, tail: String(i).padStart(8, '0').slice(-4) }),
    'wrong tail': (i: number) => ({ reference: `BX-261130-${String(i).padStart(6, '0')}`, tail: String((i + 1) % 10000).padStart(4, '0') }),
    'no such lead': (i: number) => ({ reference: `BX-000101-${String(i).padStart(6, '0')}`, tail: '0000' }),
  };
  const out: Record<string, unknown> = {};
  let k = 0;
  for (const [name, body] of Object.entries(kinds)) {
    const times: number[] = [];
    for (let i = 0; i < n + 5; i++) {
      const t = performance.now();
      const res = await fetch(`${url}/api/progress`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': `10.8.${k >> 8}.${k++ & 255}` },
        body: JSON.stringify(body(100 + i * 7 + (name === 'wrong tail' ? 3 : 0))),
      });
      await res.arrayBuffer();
      if (res.status !== (name === 'right tail' ? 200 : 404)) throw new Error(`progress ${name}: HTTP ${res.status}`);
      if (i >= 5) times.push(performance.now() - t);
    }
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
    out[name] = { p50, p95 };
    row(`progress look-up, ${name}: p50 / p95`, `${p50.toFixed(1)} ms / ${p95.toFixed(1)} ms`, name === 'right tail' ? '' : 'same as the others');
  }
  return out;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

export async function inbox() {
  const state = mkdtempSync(join(tmpdir(), 'baoxiu-bench-inbox-'));
  migrate(state);
  const secret = newKeyEntry('bench');
  const token = crypto.randomUUID();
  const seeded = await seed(state, secret);
  const dev = await startWranglerDev({
    port: await freePort(),
    persistTo: state,
    envFiles: [secretsFile({ LEADS_ENCRYPTION_KEY: secret, ADMIN_TOKEN: token }, join(state, 'secrets'))],
    output: 'pipe',
  });
  try {
    const added = await fetch(`${dev.url}/api/admin/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', role: 'owner' }),
    });
    const code = new URL(((await added.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
    const setup = await fetch(`${dev.url}/admin/setup`, {
      method: 'POST',
      headers: { origin: dev.url, 'content-type': 'application/json' },
      body: JSON.stringify({ code, password: 'bench password long enough' }),
    });
    const cookie = /baoxiu-session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')![0];

    const pages: Record<string, string> = {
      'no-op route (floor)': '/api/nothing',
      'list, newest 50': '/admin/',
      'list, phone search': '/admin/?q=137 0000 1234',
      'list, page 180 (keyset)': `/admin/?before=${encodeURIComponent(seeded.deep)}`,
      'lead page': `/admin/leads/${seeded.newest}/`,
    };
    const n = QUICK ? 50 : 200;
    const out: Record<string, unknown> = { leads: LEADS };
    for (const [name, path] of Object.entries(pages)) {
      const times: number[] = [];
      let bytes = 0;
      let gzip = 0;
      for (let i = 0; i < n + 5; i++) {
        const t = performance.now();
        const res = await fetch(dev.url + path, { headers: { cookie } });
        const body = new Uint8Array(await res.arrayBuffer());
        if (i >= 5) times.push(performance.now() - t); // the first few warm the isolate up
        if (path.startsWith('/admin') && res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
        [bytes, gzip] = [body.length, gzipSync(body).length];
      }
      const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
      out[name] = { p50, p95, bytes, gzip };
      const size = path.startsWith('/admin') ? `, ${(gzip / 1024).toFixed(1)} KB gzip` : '';
      row(`inbox: ${name}: p50 / p95`, `${p50.toFixed(0)} ms / ${p95.toFixed(0)} ms${size}`, name.includes('floor') ? '' : 'p95 ≤ 100 ms, ≤ 30 KB');
    }
    results.inbox = out;
    results.progress = await progressLookups(dev.url);
  } finally {
    dev.stop();
    rmSync(state, { recursive: true, force: true });
  }
}
