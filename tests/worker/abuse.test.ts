// Abuse: rate limits per IP and per phone, the honeypot, merging repeats, Turnstile, other origins.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../functions/worker.ts';
import type { Env } from '../../functions/env.ts';
import { RATE_LIMITS } from '../../functions/web/limits.ts';
import { DUMMY_TOKEN, TEST_SECRETS } from './siteverify.ts';
import {
  confirmation,
  countLeads,
  deliveryOf,
  form,
  freshIp,
  freshPhone,
  incoming,
  inOneWindow,
  ORIGIN,
  post,
  valid,
} from './helpers.ts';

type Answer = { ok: boolean; id: string; reference: string; errors: Record<string, string> };

/** The production Worker with some settings changed. */
async function withEnv(settings: Partial<Env>, request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(incoming(request), { ...(env as unknown as Env), ...settings }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp(), ...headers },
    body: JSON.stringify(body),
  });

afterEach(() => vi.restoreAllMocks());

describe('rate limits', () => {
  it('per client IP: trip with 429 and Retry-After, then recover after the period', async () => {
    const { ip, statuses, refused, page } = await inOneWindow(RATE_LIMITS.ip.period, async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < RATE_LIMITS.ip.limit + 2; i++) {
        const res = await post({ ...valid(), consent: false }, { 'content-type': 'application/json', 'cf-connecting-ip': ip });
        statuses.push(res.status);
        if (res.status === 429) refused ??= res;
      }
      // A plain form post from the same address gets the page back, with the message.
      const page = await post(new URLSearchParams({ name: '王先生' }).toString(), {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        'cf-connecting-ip': ip,
      });
      return { ip, statuses, refused, page };
    });
    expect(statuses.slice(0, RATE_LIMITS.ip.limit).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(RATE_LIMITS.ip.limit)).toEqual([429, 429]);
    expect(refused!.headers.get('retry-after')).toBe('10');
    expect((await refused!.json<Answer>()).errors.form).toMatch(/提交过于频繁/);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('10');
    expect(await page.text()).toContain('提交过于频繁');
    // Another address is not affected.
    expect((await post({ ...valid(), consent: false })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 10_500));
    const again = await post(valid(), { 'content-type': 'application/json', 'cf-connecting-ip': ip });
    expect(again.status).toBe(201);
  });

  it('per phone: a fourth new post of one number within a minute is refused, whatever the address', async () => {
    const statuses = await inOneWindow(RATE_LIMITS.phone.period, async () => {
      const phone = freshPhone();
      const statuses = [];
      for (const [region, description] of [
        ['433101', '门锁坏了'],
        ['441900003', '保险柜打不开'],
        ['433101', '补充：锁舌卡住'],
        ['441900003', '另一台也坏了'],
      ])
        statuses.push((await post({ ...valid(), phone, region, brand: '', description })).status);
      return statuses;
    });
    expect(statuses.slice(0, 3).every((s) => s === 201 || s === 200)).toBe(true);
    expect(statuses[3]).toBe(429);
  });

  it('per phone: what was answered before is answered again over the limit (a retry, a click again), an edit is not', async () => {
    const got = await inOneWindow(RATE_LIMITS.phone.period, async () => {
      const phone = freshPhone();
      const first = { ...valid(), phone, brand: '', requestId: crypto.randomUUID() };
      const answers = [];
      for (const region of ['433101', '441900003', '433101'])
        answers.push(
          await post({
            ...first,
            region,
            requestId: region === '433101' && !answers.length ? first.requestId : crypto.randomUUID(),
          }),
        );
      return {
        answers,
        edited: await post({ ...first, description: '另一台也坏了', requestId: crypto.randomUUID() }),
        editedUnderItsId: await post({ ...first, description: '另一台也坏了' }),
        retried: await post(first),
        // A honeypot's is never merged (it would be stored as a lead of its own): refused.
        honeypot: await post({ ...first, requestId: crypto.randomUUID(), website: 'https://spam.example/' }),
        // Without JavaScript every post has a requestId of its own: the second lead's words again.
        clickedAgain: await form({ ...first, region: '441900003', requestId: '', consent: 'on' } as unknown as Record<
          string,
          string
        >),
      };
    });
    const [a, b] = await Promise.all(got.answers.slice(0, 2).map((r) => r.json<Answer>()));
    expect(got.edited.status).toBe(429);
    expect(got.edited.headers.get('retry-after')).toBe('60');
    expect((await got.edited.json<Answer>()).errors.form).toMatch(/^该号码一分钟内已多次提交报修。已经提交成功的报修不受影响/);
    expect(got.editedUnderItsId.status).toBe(429);
    expect(got.honeypot.status).toBe(429);
    expect(got.retried.status).toBe(200);
    expect(await got.retried.json<Answer>()).toMatchObject({ id: a.id, reference: a.reference });
    const page = await (await confirmation(got.clickedAgain)).text();
    expect(page).toContain(b.reference);
    // Over the limit nothing is written: the third post (a's words again, within it) is the one repeat,
    // and no lead but a and b has the phone.
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_repeats WHERE lead_id IN (?, ?)')
      .bind(a.id, b.id)
      .first<{ n: number }>();
    expect(stored!.n).toBe(1);
    const leads = await env.DB.prepare(
      'SELECT COUNT(*) AS n FROM leads WHERE phone_hash = (SELECT phone_hash FROM leads WHERE id = ?)',
    )
      .bind(a.id)
      .first<{ n: number }>();
    expect(leads!.n).toBe(2);
  });
});

describe('spam and repeats', () => {
  it('catches a honeypot submission: kept as spam, delivered nowhere, listed for the operator', async () => {
    const res = await post({ ...valid(), website: 'https://spam.example/buy' });
    expect(res.status).toBe(201);
    const { id } = await res.json<Answer>();
    expect((await env.DB.prepare('SELECT status FROM leads WHERE id = ?').bind(id).first())!.status).toBe('spam');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?').bind(id).first())!.n).toBe(0);
    const list = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/leads?status=spam`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }),
    );
    const { leads } = await list.json<{ leads: { id: string; status: string; name: string }[] }>();
    expect(leads.find((l) => l.id === id)).toMatchObject({ status: 'spam', name: '王先生' });
    expect(leads.every((l) => l.status === 'spam')).toBe(true);
  });

  it('merges the same phone, region and brand within 10 minutes: nobody notified twice, no reference told', async () => {
    const lead = valid();
    const first = await post(lead);
    expect(first.status).toBe(201);
    const a = await first.json<Answer>();
    await deliveryOf(a.id);
    const before = await countLeads();
    const again = { ...lead, description: '又坏了，请尽快', address: '地址改为示例小区 2 栋', requestId: crypto.randomUUID() };
    const second = await post(again);
    expect(second.status).toBe(200);
    // Merged: the earlier lead's reference and id are not told (whoever knows the phone could post
    // after its owner and get them; with the phone's last four digits they open the progress page).
    const b = await second.json<Answer & { merged: boolean; next: string[] }>();
    expect(b).toEqual({ ok: true, merged: true, next: expect.any(Array), hotline: '400-000-0000' });
    expect(b.next.at(-1)).toMatch(/报上您的电话号码。$/);
    expect(b.next.join('')).not.toContain('单号');
    expect(await countLeads()).toBe(before);
    const row = await env.DB.prepare('SELECT repeat_count FROM leads WHERE id = ?').bind(a.id).first<{ repeat_count: number }>();
    expect(row!.repeat_count).toBe(1);
    // What the customer wrote again is kept (sealed) with the lead, for the operator to read.
    const raw = await env.DB.prepare('SELECT * FROM lead_repeats WHERE lead_id = ?').bind(a.id).all();
    expect(raw.results).toHaveLength(1);
    expect(JSON.stringify(raw.results)).not.toMatch(/又坏了|示例小区/);
    const shown = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/leads/${a.id}`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }),
    );
    const { repeats } = await shown.json<{ repeats: { description: string; address: string; name: string }[] }>();
    expect(repeats).toEqual([
      expect.objectContaining({ description: '又坏了，请尽快', address: '地址改为示例小区 2 栋', name: '王先生' }),
    ]);
    const deliveries = await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?')
      .bind(a.id)
      .first<{ n: number }>();
    expect(deliveries!.n).toBe(1);
    // Another region is another lead.
    const elsewhere = await post({ ...lead, region: '441900003', brand: '' });
    expect(elsewhere.status).toBe(201);
  });

  it('says so without JavaScript too: the confirmation page tells no reference for a merged post', async () => {
    const lead = valid();
    const fields = { ...lead, consent: 'on' } as unknown as Record<string, string>;
    const first = await confirmation(await form({ ...fields, requestId: crypto.randomUUID() }));
    expect(first.status).toBe(200);
    const reference = /<span[^>]*data-lead-reference[^>]*>\s*(BX-[\d-]+)/.exec(await first.text())![1];
    const page = await confirmation(await form({ ...fields, requestId: crypto.randomUUID(), description: '补充：是指纹锁' }));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('已补充到那次报修里');
    expect(html).not.toContain(reference);
    expect(html).not.toContain('data-lead-progress');
  });

  it('makes a new lead, told to its own route, for another brand, or once the earlier one is cancelled or done', async () => {
    const lead = valid();
    const a = await (await post(lead)).json<Answer>();
    const deliveriesOf = async (id: string) =>
      (await env.DB.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ? AND kind = 'lead'`)
        .bind(id)
        .first<{ n: number }>())!.n;
    // Another brand, same phone and county: another repair, which its route must hear of.
    const other = await post({ ...lead, brand: 'nuanchuan', requestId: crypto.randomUUID() });
    expect(other.status).toBe(201);
    const b = await other.json<Answer>();
    expect(b.reference).not.toBe(a.reference);
    expect((await env.DB.prepare('SELECT brand FROM leads WHERE id = ?').bind(b.id).first())!.brand).toBe('nuanchuan');
    expect(await deliveriesOf(b.id)).toBeGreaterThan(0);
    // The customer cancels from the progress page, then asks again: a new lead, not the cancelled one.
    const cancel = await exports.default.fetch(
      new Request(`${ORIGIN}/api/progress/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp() },
        body: JSON.stringify({ reference: a.reference, tail: lead.phone.slice(-4) }),
      }),
    );
    expect(cancel.status).toBe(200);
    const afterCancel = await post({ ...lead, description: '刚才填错了，重新报修', requestId: crypto.randomUUID() });
    expect(afterCancel.status).toBe(201);
    const c = await afterCancel.json<Answer>();
    expect(c.reference).not.toBe(a.reference);
    expect(await deliveriesOf(c.id)).toBeGreaterThan(0);
    // A repair done: the next request is another one (another phone: three posts a minute each).
    const done = valid();
    const d = await (await post(done)).json<Answer>();
    await env.DB.prepare(`UPDATE leads SET stage = 'done' WHERE id = ?`).bind(d.id).run();
    const afterDone = await post({ ...done, description: '又坏了', requestId: crypto.randomUUID() });
    expect(afterDone.status).toBe(201);
    expect((await afterDone.json<Answer>()).id).not.toBe(d.id);
  });

  it('answers a retried repeat like the first time, and counts and keeps it once', async () => {
    const lead = valid();
    const a = await (await post(lead)).json<Answer>();
    const again = { ...lead, description: '补充：门锁电池没电', requestId: crypto.randomUUID() };
    const first = await post(again);
    const retried = await post(again);
    expect([first.status, retried.status]).toEqual([200, 200]);
    expect(await retried.json()).toEqual(await first.json()); // merged both times: no reference told
    expect(a.reference).toMatch(/^BX-/);
    const row = await env.DB.prepare('SELECT repeat_count FROM leads WHERE id = ?').bind(a.id).first<{ repeat_count: number }>();
    expect(row!.repeat_count).toBe(1);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_repeats WHERE lead_id = ?').bind(a.id).first())!.n).toBe(1);
  });

  it('stores one lead when the same form arrives twice at once, with one requestId or two', async () => {
    for (const sameRequest of [true, false]) {
      const lead = { ...valid(), requestId: crypto.randomUUID() };
      const before = await countLeads();
      const answers = await Promise.all(
        Array.from({ length: RATE_LIMITS.phone.limit }, (_, i) =>
          post(sameRequest || i === 0 ? lead : { ...lead, requestId: crypto.randomUUID() }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      // Every answer tells the same reference: the same form word for word, sent again within
      // minutes, is its customer's own (functions/leads/own-repeat.ts), whatever its requestId.
      const bodies = (await Promise.all(answers.map((r) => r.json<Answer>()))).filter((b) => b.reference);
      expect(bodies.length).toBe(3);
      expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
      expect(await countLeads()).toBe(before + 1);
      const row = await env.DB.prepare('SELECT repeat_count FROM leads WHERE id = ?')
        .bind(bodies[0].id)
        .first<{ repeat_count: number }>();
      // A repeated requestId is the same post again; a new one is the customer asking again.
      expect(row!.repeat_count).toBe(sameRequest ? 0 : 2);
      await deliveryOf(bodies[0].id);
      const deliveries = await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?')
        .bind(bodies[0].id)
        .first<{ n: number }>();
      expect(deliveries!.n).toBe(1);
    }
  });

  it('tells no reference to a post merged into an earlier lead that it does not repeat word for word', async () => {
    // Each with a phone of its own: a phone may post 3 times a minute.
    for (const change of [
      { description: '还有一台也打不开' },
      { name: '李女士' },
      { address: '别的小区' },
      { preferredTime: '' },
    ]) {
      const lead = valid();
      expect((await post(lead)).status).toBe(201);
      const merged = await post({ ...lead, ...change });
      expect([merged.status, await merged.json()], JSON.stringify(change)).toEqual([
        200,
        { ok: true, merged: true, next: expect.any(Array), hotline: '400-000-0000' },
      ]);
    }
  });
});

describe('Turnstile, against a stand-in of siteverify (tests/worker/siteverify.ts)', () => {
  const providers = (env as unknown as Record<string, string>).PROVIDERS_URL;
  const verifyUrl = `${providers}/turnstile/v0/siteverify`;
  const using = (secret: string, url = verifyUrl) => ({ TURNSTILE_SECRET_KEY: secret, TURNSTILE_VERIFY_URL: url });
  /** The checks siteverify received for a token. */
  const checksOf = async (token: string) =>
    (
      (await (await fetch(`${providers}/records`)).json()) as {
        path: string;
        ok: boolean;
        why?: string;
        headers: Record<string, string>;
        body: Record<string, string>;
      }[]
    ).filter((r) => r.path === 'turnstile' && r.body.response === token);
  // The test secrets answer whatever the token: each test's own tells its checks apart.
  const tokenFor = () => `${DUMMY_TOKEN}.${crypto.randomUUID()}`;

  it('stores a lead only with a token siteverify accepts, asked as its spec says', async () => {
    const before = await countLeads();
    const warned = vi.spyOn(console, 'warn');
    const missing = await withEnv(using(TEST_SECRETS.pass), json(valid()));
    // Logged: a site built without the widget refuses every customer so, and the log shows it.
    expect(warned.mock.calls.flat().join(' ')).toContain('was the site built with PUBLIC_TURNSTILE_SITE_KEY?');
    warned.mockRestore();
    expect(missing.status).toBe(400);
    expect((await missing.json<Answer>()).errors.form).toBe(
      '请完成人机验证后重新提交；无法完成验证（如浏览器未启用 JavaScript）的，请直接拨打服务电话。',
    );
    expect(await countLeads()).toBe(before);
    const token = tokenFor();
    const good = await withEnv(
      using(TEST_SECRETS.pass),
      json({ ...valid(), 'cf-turnstile-response': token }, { 'cf-connecting-ip': '198.51.100.4' }),
    );
    expect(good.status).toBe(201);
    const checks = await checksOf(token);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ ok: true, body: { secret: TEST_SECRETS.pass, response: token, remoteip: '198.51.100.4' } });
  });

  it('refuses a token siteverify finds invalid or spent: solve it again, nothing stored', async () => {
    for (const secret of [TEST_SECRETS.fail, TEST_SECRETS.spent]) {
      const before = await countLeads();
      const token = tokenFor();
      const refused = await withEnv(using(secret), json({ ...valid(), 'cf-turnstile-response': token }));
      expect(refused.status).toBe(400);
      expect((await refused.json<Answer>()).errors.form).toBe(
        '请完成人机验证后重新提交；无法完成验证（如浏览器未启用 JavaScript）的，请直接拨打服务电话。',
      );
      expect(await countLeads()).toBe(before);
      expect(await checksOf(token)).toMatchObject([{ ok: true }]);
    }
  });

  it('answers 503 with Retry-After, never blaming the customer, when siteverify refuses our secret, fails or is down', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = await countLeads();
    // A secret that is not the widget's: every customer would be refused; the operator must see it.
    const wrong = await withEnv(
      using('0x4AAAAAAAnot-this-widgets-secret'),
      json({ ...valid(), 'cf-turnstile-response': tokenFor() }),
    );
    expect(wrong.status).toBe(503);
    expect(wrong.headers.get('retry-after')).toBe('30');
    expect((await wrong.json<Answer>()).errors.form).toBe('人机验证暂时不可用，请稍后重试，或直接拨打服务电话。');
    expect(logged.mock.calls.flat().join(' ')).toMatch(/invalid-input-secret.*TURNSTILE_SECRET_KEY/);
    await fetch(`${providers}/faults`, {
      method: 'POST',
      body: JSON.stringify({ at: 'turnstile/v0/siteverify', answers: ['500'] }),
    });
    const failing = await withEnv(using(TEST_SECRETS.pass), json({ ...valid(), 'cf-turnstile-response': tokenFor() }));
    expect(failing.status).toBe(503);
    const down = await withEnv(
      using(TEST_SECRETS.pass, 'http://127.0.0.1:9/turnstile/v0/siteverify'),
      json({ ...valid(), 'cf-turnstile-response': tokenFor() }),
    );
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('30');
    expect(await countLeads()).toBe(before);
    const off = await withEnv({ TURNSTILE_SECRET_KEY: '' }, json(valid()));
    expect(off.status).toBe(201);
  });
});

describe('pages on another CDN (ALLOWED_ORIGINS)', () => {
  const settings = { ALLOWED_ORIGINS: 'https://cdn.example, https://www.cdn.example' };

  it('answers CORS for exactly those origins and takes their posts', async () => {
    const preflight = await withEnv(
      settings,
      new Request(`${ORIGIN}/api/leads`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://cdn.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://cdn.example');
    const ok = await withEnv(settings, json(valid(), { origin: 'https://www.cdn.example' }));
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.cdn.example');

    const other = await withEnv(settings, json(valid(), { origin: 'https://evil.example' }));
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
