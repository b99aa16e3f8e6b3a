// The customer's progress look-up and cancel inside workerd: the answer for the right reference and
// phone tail, one answer for every way of not matching, rate limits, leads that are gone, the
// operator's changes showing, cancel (idempotent, the operator told), and the no-JavaScript page.
import { createExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beijingDaysAhead } from '../beijing-day.ts';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../functions/env.ts';
import worker from '../../functions/worker.ts';
import { api } from '../../functions/app.ts';
import { findLead, LOCK_AFTER, LOCK_FOR_GOOD, lookupLock } from '../../functions/progress/lookup.ts';
import type { StoredLead } from '../../functions/rows.ts';
import { listEvents } from '../../functions/work/events.ts';
import { progressPage } from '../../functions/progress/page.ts';
import { keyring } from '../../functions/privacy/keyring.ts';
import { cancelByCustomer } from '../../functions/work/store.ts';
import { freshIp, freshPhone, incoming, inOneWindow, ORIGIN, post, valid } from './helpers.ts';
import { inboxPost, staffSession } from './inbox.ts';

const ask = (body: unknown, path = '/api/progress', headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': freshIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );

async function newLead() {
  const phone = freshPhone();
  const { id, reference } = (await (await post({ ...valid(), phone })).json()) as { id: string; reference: string };
  return { id, reference, tail: phone.slice(-4), phone };
}

describe('progress look-up', () => {
  it('answers the status, region, brand and hotline for the right reference and tail; nothing else personal', async () => {
    const lead = await newLead();
    const res = await ask({ reference: lead.reference.toLowerCase(), tail: lead.tail });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { progress } = (await res.json()) as { progress: Record<string, unknown> };
    expect(progress).toEqual({
      reference: lead.reference,
      status: '已受理',
      region: '湖南省 湘西土家族苗族自治州 吉首市',
      brand: '坚匣',
      hotline: '400-000-0000',
      cancellable: true,
      lines: [
        `单号 ${lead.reference}：已受理。`,
        '地区：湖南省 湘西土家族苗族自治州 吉首市；品牌：坚匣。',
        '有问题请拨打 400-000-0000。',
      ],
    });
    // Not the phone, whole or masked (139****1234); not /139/, which a random reference can hold.
    const shown = JSON.stringify(progress);
    expect(shown).not.toMatch(/王先生|乾州街道|保险柜/);
    expect(shown).not.toContain(lead.phone);
    expect(shown).not.toContain(`${lead.phone.slice(0, 3)}****`);
  });

  it('reads the reference and tail as Chinese keyboards type them: full-width digits and dash, spaces', async () => {
    const lead = await newLead();
    const wide = (s: string) => s.replace(/[0-9A-Za-z-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const res = await ask({
      reference: ` ${wide(lead.reference).replace('－', ' － ')}`,
      tail: `${wide(lead.tail.slice(0, 2))} ${lead.tail.slice(2)}`,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { progress: { reference: string } }).progress.reference).toBe(lead.reference);
  });

  it('reads a reference retyped without its hyphens, with spaces or with another dash', async () => {
    const lead = await newLead();
    const [, day, number] = lead.reference.split('-');
    for (const reference of [`BX${day}${number}`, `bx ${day} ${number}`, `BX—${day}–${number}`, `BX_${day}_${number}`]) {
      const res = await ask({ reference, tail: lead.tail });
      expect([reference, res.status]).toEqual([reference, 200]);
      expect(((await res.json()) as { progress: { reference: string } }).progress.reference).toBe(lead.reference);
    }
    // Not a reference with a digit too many or too few.
    expect((await ask({ reference: `BX${day}${number}0`, tail: lead.tail })).status).toBe(400);
    expect((await ask({ reference: `BX${day}${number.slice(1)}`, tail: lead.tail })).status).toBe(400);
  });

  it("takes the tail of an office's number, not of its extension", async () => {
    const office = `0731${freshPhone().slice(-8)}`;
    const { reference } = (await (await post({ ...valid(), phone: `${office}转8001` })).json()) as { reference: string };
    expect((await ask({ reference, tail: office.slice(-4) })).status).toBe(200);
    expect((await ask({ reference, tail: '8001' })).status).toBe(404);
  });

  it('shows what the operator did: 已联系, 已预约 with the time, 已完成', async () => {
    const lead = await newLead();
    const { cookie } = await staffSession();
    const status = async () =>
      ((await (await ask(lead)).json()) as { progress: { status: string; appointment?: string } }).progress;
    await inboxPost(`/leads/${lead.id}/stage`, { stage: 'contacted' }, { cookie });
    expect(await status()).toMatchObject({ status: '已联系' });
    const when = beijingDaysAhead(2);
    await inboxPost(`/leads/${lead.id}/stage`, { stage: 'scheduled', appointmentAt: when.local }, { cookie });
    expect(await status()).toMatchObject({ status: '已预约', appointment: when.shown });
    await inboxPost(`/leads/${lead.id}/stage`, { stage: 'done' }, { cookie });
    expect(await status()).toMatchObject({ status: '已完成', cancellable: false });
  });

  it('gives one answer for a wrong tail, a wrong reference and a lead that is gone', async () => {
    const lead = await newLead();
    const forgotten = await newLead();
    await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/customers`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ phone: forgotten.phone }),
      }),
    );
    const wrongTail = String((Number(lead.tail) + 1) % 10000).padStart(4, '0');
    const answers = await Promise.all(
      [
        { reference: lead.reference, tail: wrongTail },
        { reference: 'BX-000101-000000', tail: lead.tail },
        { reference: forgotten.reference, tail: forgotten.tail },
      ].map(async (body) => {
        const res = await ask(body);
        return [res.status, await res.text()];
      }),
    );
    expect(answers[0][0]).toBe(404);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0][1]).toContain('没有找到这条报修');
  });

  it('says what is wrong with the input, in Chinese, and never a 5xx for junk', async () => {
    const res = await ask({ reference: 'BX-12', tail: '12a' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      reference: '请填写单号，格式如 BX-261130-123456。',
      tail: '请填写报修时所留电话号码的后 4 位数字。',
    });
    for (const body of ['', 'null', '[]', '{"reference": 5}', '"x"']) {
      const r = await exports.default.fetch(
        new Request(`${ORIGIN}/api/progress`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          body,
        }),
      );
      expect(r.status, body).toBe(400);
    }
    expect(
      (await ask({ reference: 'BX-000101-000000', tail: '0000' }, '/api/progress', { origin: 'https://evil.example' })).status,
    ).toBe(403);
  });

  it('answers 503 in Chinese, to be tried again, when the key ring or D1 fails: never a 500', async () => {
    const lead = await newLead();
    const broken = {
      prepare() {
        throw new Error('D1 unavailable');
      },
      batch() {
        throw new Error('D1 unavailable');
      },
    };
    for (const [what, change] of [
      ['no key', { LEADS_ENCRYPTION_KEY: '' }],
      ['no D1', { DB: broken }],
    ] as const) {
      for (const [path, accept] of [
        ['/api/progress', 'application/json'],
        ['/api/progress/cancel', 'text/html'],
      ]) {
        const request = new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept, origin: ORIGIN, 'cf-connecting-ip': freshIp() },
          body: new URLSearchParams({ reference: lead.reference, tail: lead.tail }),
        });
        const res = await worker.fetch(
          incoming(request),
          { ...(env as unknown as Env), ...change } as Env,
          createExecutionContext(),
        );
        expect(res.status, `${what} ${path}`).toBe(503);
        expect(res.headers.get('retry-after')).toBe('30');
        expect(await res.text(), `${what} ${path}`).toContain('系统繁忙，暂时查不到');
      }
    }
    // Nothing was cancelled meanwhile.
    expect(((await (await ask(lead)).json()) as { progress: { status: string } }).progress.status).toBe('已受理');
  });

  it('limits look-ups per reference (and per IP): 429 with Retry-After', async () => {
    const { statuses, limited } = await inOneWindow(60, async () => {
      const lead = await newLead();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await ask({ reference: lead.reference, tail: '0000' })).status);
      return { statuses, limited: await ask(lead) };
    });
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another reference from another address is not held up.
    const other = await newLead();
    expect((await ask(other)).status).toBe(200);
    const fromOneIp = await inOneWindow(60, async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push(
          (await ask({ reference: `BX-000101-00000${i % 10}`, tail: '0000' }, '/api/progress', { 'cf-connecting-ip': ip }))
            .status,
        );
      return statuses;
    });
    expect(fromOneIp.at(-1)).toBe(429);
  });

  it(`locks a reference after ${LOCK_AFTER} wrong tails in a day, wherever and however fast they came; open again after a quiet day`, async () => {
    const lead = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const wrong = String((Number(lead.tail) + 1) % 10_000).padStart(4, '0');
    const failures = async () =>
      (await env.DB.prepare('SELECT lookup_failures AS n FROM leads WHERE id = ?').bind(lead.id).first<{ n: number }>())!.n;
    // Guesses from many places, past each location's rate limit: counted in D1.
    for (let i = 0; i < LOCK_AFTER - 1; i++) expect(await findLead(env.DB, ring, lead.reference, wrong)).toBeNull();
    expect(await failures()).toBe(LOCK_AFTER - 1);
    // The right tail before the lock: found, and not counted; the wrong ones still are.
    expect((await findLead(env.DB, ring, lead.reference, lead.tail))?.id).toBe(lead.id);
    expect(await failures()).toBe(LOCK_AFTER - 1);
    expect(await findLead(env.DB, ring, lead.reference, wrong)).toBeNull();
    // Locked: the right tail gets the one answer for not found, from anywhere.
    const locked = await ask(lead);
    expect(locked.status).toBe(404);
    expect(((await locked.json()) as { errors: { form: string } }).errors.form).toContain('没有找到这条报修');
    // A day without a look-up: open again, the count afresh.
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    await env.DB.prepare('UPDATE leads SET lookup_failed_at = ? WHERE id = ?').bind(dayAgo, lead.id).run();
    expect((await ask(lead)).status).toBe(200);
    expect(await failures()).toBe(0);
    // Guessing at a reference that names no lead counts a miss (one row written, as for a lead's
    // count, so the time does not tell), and touches no lead.
    const misses = async () => (await env.DB.prepare('SELECT misses FROM lookup_misses').first<{ misses: number }>())!.misses;
    const [before, missesBefore] = [await env.DB.prepare('SELECT SUM(lookup_failures) AS n FROM leads').first(), await misses()];
    expect(await findLead(env.DB, ring, 'BX-000101-999999', '0000')).toBeNull();
    expect(await env.DB.prepare('SELECT SUM(lookup_failures) AS n FROM leads').first()).toEqual(before);
    expect(await misses()).toBe(missesBefore + 1);
    // A look-up of a lead counts no miss.
    expect(await findLead(env.DB, ring, lead.reference, lead.tail)).not.toBeNull();
    expect(await misses()).toBe(missesBefore + 1);
  });

  it(`locks a reference for good after ${LOCK_FOR_GOOD} wrong tails in its life, a quiet day or not`, async () => {
    const lead = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    const set = (total: number) =>
      env.DB.prepare('UPDATE leads SET lookup_failures = 0, lookup_failures_total = ?, lookup_failed_at = ? WHERE id = ?')
        .bind(total, dayAgo, lead.id)
        .run();
    // Ten a day over the days before: one short of the lifetime count, the right tail still opens it.
    await set(LOCK_FOR_GOOD - 1);
    expect((await findLead(env.DB, ring, lead.reference, lead.tail))?.id).toBe(lead.id);
    await set(LOCK_FOR_GOOD);
    expect(await findLead(env.DB, ring, lead.reference, lead.tail)).toBeNull();
    await set(LOCK_FOR_GOOD);
    const locked = await ask(lead);
    expect(locked.status).toBe(404);
    expect(((await locked.json()) as { errors: { form: string } }).errors.form).toContain('多次查不到的，请直接拨打服务电话');
  });

  it('adds no guess at a reference locked for the day to its life count: a day of guessing cannot lock it for good', async () => {
    const lead = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const wrong = String((Number(lead.tail) + 1) % 10_000).padStart(4, '0');
    for (let i = 0; i < 4 * LOCK_FOR_GOOD; i++) expect(await findLead(env.DB, ring, lead.reference, wrong)).toBeNull();
    const counts = () =>
      env.DB.prepare('SELECT lookup_failures AS day, lookup_failures_total AS life FROM leads WHERE id = ?')
        .bind(lead.id)
        .first();
    // The day's count goes on (the lock holds while the guessing does); the life's stops at the lock.
    expect(await counts()).toEqual({ day: 4 * LOCK_FOR_GOOD, life: LOCK_AFTER + 1 });
    expect(await findLead(env.DB, ring, lead.reference, lead.tail)).toBeNull();
    // After a quiet day the customer's right tail opens it.
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000).toISOString();
    await env.DB.prepare('UPDATE leads SET lookup_failed_at = ? WHERE id = ?').bind(dayAgo, lead.id).run();
    expect((await findLead(env.DB, ring, lead.reference, lead.tail))?.id).toBe(lead.id);
  });

  it('tells staff when a reference is locked, as the look-up finds it; staff let the customer in again, recorded', async () => {
    const lead = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const wrong = String((Number(lead.tail) + 1) % 10_000).padStart(4, '0');
    const row = async () => (await env.DB.prepare('SELECT * FROM leads WHERE id = ?').bind(lead.id).first<StoredLead>())!;
    for (let i = 0; i < LOCK_AFTER - 1; i++) await findLead(env.DB, ring, lead.reference, wrong);
    expect(lookupLock(await row())).toBeUndefined();
    await findLead(env.DB, ring, lead.reference, wrong);
    expect(lookupLock(await row())).toBe('day');
    expect(await findLead(env.DB, ring, lead.reference, lead.tail)).toBeNull(); // as the page says
    // A day later the day's lock is over by itself; the life's count is the staff's to undo.
    expect(lookupLock(await row(), new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000))).toBeUndefined();
    await env.DB.prepare('UPDATE leads SET lookup_failures_total = ? WHERE id = ?').bind(LOCK_FOR_GOOD, lead.id).run();
    expect(lookupLock(await row(), new Date(Date.now() + 3 * 24 * 60 * 60 * 1000))).toBe('for-good');

    const staff = await staffSession();
    expect((await inboxPost(`/leads/${lead.id}/unlock`, {}, { cookie: staff.cookie })).status).toBe(200);
    expect(lookupLock(await row())).toBeUndefined();
    expect((await findLead(env.DB, ring, lead.reference, lead.tail))?.id).toBe(lead.id);
    // Pressed again: nothing to undo, nothing recorded twice.
    expect((await inboxPost(`/leads/${lead.id}/unlock`, {}, { cookie: staff.cookie })).status).toBe(200);
    const events = await listEvents(env.DB, ring, lead.id);
    expect(events.map((e) => [e.kind, e.staff_name])).toEqual([['unlock', staff.name]]);
    expect((await inboxPost(`/leads/${lead.id}/unlock`, {})).status).not.toBe(200); // no session
    expect((await inboxPost('/leads/00000000-0000-0000-0000-000000000000/unlock', {}, { cookie: staff.cookie })).status).toBe(
      404,
    );
  });

  it('counts every one of many guesses sent at once, the right tail among them too late', async () => {
    const lead = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const wrong = Array.from({ length: 2 * LOCK_AFTER }, (_, i) => String((Number(lead.tail) + 1 + i) % 10_000).padStart(4, '0'));
    // All at once: each is counted before its tail is checked, so none is let through on a count
    // read before the others were written.
    const answers = await Promise.all([...wrong, lead.tail].map((t) => findLead(env.DB, ring, lead.reference, t)));
    expect(answers).toEqual([...wrong, lead.tail].map(() => null));
    expect(
      (await env.DB.prepare('SELECT lookup_failures AS n FROM leads WHERE id = ?').bind(lead.id).first<{ n: number }>())!.n,
    ).toBe(2 * LOCK_AFTER + 1);
  });
});

describe('cancel from the progress page', () => {
  it('cancels with the same proof, once: logged as 客户, the operator told on the lead channels; again is the same answer', async () => {
    const lead = await newLead();
    const refused = await ask({ reference: lead.reference, tail: '0000' }, '/api/progress/cancel');
    expect(refused.status).toBe(404);
    const res = await ask(lead, '/api/progress/cancel');
    expect(res.status).toBe(200);
    const { progress } = (await res.json()) as { progress: { status: string; cancellable: boolean; lines: string[] } };
    expect(progress).toMatchObject({ status: '已取消', cancellable: false });
    expect(progress.lines).toContain('已为您取消，并已通知我们的客服。');
    const again = await ask(lead, '/api/progress/cancel');
    expect(again.status).toBe(200);
    // Told it was cancelled before, not that the operator was told again; and nobody is.
    expect(((await again.json()) as { progress: { lines: string[] } }).progress.lines).toContain('这条报修此前已经取消。');
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    expect(await cancelByCustomer(env.DB, ring.current, lead.id)).toEqual({ outcome: 'already', deliveries: [] });

    const events = await env.DB.prepare('SELECT staff_id, staff_name, kind, stage FROM lead_events WHERE lead_id = ?')
      .bind(lead.id)
      .all();
    expect(events.results).toEqual([{ staff_id: null, staff_name: '客户', kind: 'stage', stage: 'cancelled' }]);
    const deliveries = () =>
      env.DB.prepare('SELECT channel, kind, status FROM deliveries WHERE lead_id = ? ORDER BY kind').bind(lead.id).all();
    await expect
      .poll(async () => (await deliveries()).results, { timeout: 10_000 })
      .toEqual([
        { channel: 'outbox', kind: 'cancel', status: 'sent' },
        { channel: 'outbox', kind: 'lead', status: 'sent' },
      ]);
  });

  it('does not say the operator was told when no channel can carry a cancel (SMS alone), nor when staff cancelled it', async () => {
    const lead = await newLead();
    // An operator with SMS alone: the lead went out by SMS, whose template says "new lead".
    await env.DB.prepare(`UPDATE deliveries SET channel = 'sms-aliyun' WHERE lead_id = ?`).bind(lead.id).run();
    const res = await ask(lead, '/api/progress/cancel');
    const lines = ((await res.json()) as { progress: { lines: string[] } }).progress.lines;
    expect(lines).toContain('已为您取消，客服会在后台看到；如已约好上门时间，请拨打服务电话告知。');
    expect(lines.join()).not.toMatch(/已通知|已为您取消，并/);
    const byStaff = await newLead();
    const { cookie } = await staffSession();
    await inboxPost(`/leads/${byStaff.id}/stage`, { stage: 'cancelled', reason: '客户来电取消' }, { cookie });
    const after = await ask(byStaff, '/api/progress/cancel');
    expect(((await after.json()) as { progress: { lines: string[] } }).progress.lines).toContain('这条报修此前已经取消。');
  });

  it('tells a customer whose lead is among spam that it is being checked, not 已受理, and not that staff will see the cancel in the list', async () => {
    const lead = await newLead();
    // As the form's checks leave one: among spam, nobody told.
    await env.DB.batch([
      env.DB.prepare(`UPDATE leads SET status = 'spam' WHERE id = ?`).bind(lead.id),
      env.DB.prepare('DELETE FROM deliveries WHERE lead_id = ?').bind(lead.id),
    ]);
    const looked = ((await (await ask(lead)).json()) as { progress: { status: string; lines: string[] } }).progress;
    expect(looked.status).toBe('已收到，正在核实');
    expect(looked.lines[0]).toBe(`单号 ${lead.reference}：已收到，正在核实。`);
    const cancelled = (
      (await (await ask(lead, '/api/progress/cancel')).json()) as { progress: { status: string; lines: string[] } }
    ).progress;
    expect(cancelled.status).toBe('已取消');
    expect(cancelled.lines).toContain('已为您取消。');
    expect(cancelled.lines.join()).not.toMatch(/后台|已通知/);
  });

  it('refuses a lead that is 已完成 with a clear message', async () => {
    const lead = await newLead();
    const { cookie } = await staffSession();
    await inboxPost(`/leads/${lead.id}/stage`, { stage: 'done' }, { cookie });
    const res = await ask(lead, '/api/progress/cancel');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: { form: string } }).errors.form).toContain('已经完成，不能取消');
  });
});

describe('the progress page without JavaScript', () => {
  it('fills in ?ref=, and answers a form post with the page: the status and the cancel form', async () => {
    const lead = await newLead();
    const get = await worker.fetch(
      new Request(`${ORIGIN}/progress/?ref=${lead.reference}`),
      env as unknown as Env,
      createExecutionContext(),
    );
    expect(get.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(get.headers.get('cache-control')).toBe('no-store');
    expect(await get.text()).toContain(`value="${lead.reference}"`);
    // What is written into an attribute cannot end it, whatever it is (a reference takes no such signs).
    const odd = await progressPage(env as unknown as Env, ORIGIN, { reference: '"><script>x</script>' });
    const oddHtml = await odd.text();
    expect(oddHtml).toContain('value="&quot;><script>x</script>"');
    expect(oddHtml).not.toContain('value=""><script>');

    const page = await exports.default.fetch(
      new Request(`${ORIGIN}/api/progress`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          origin: ORIGIN,
          'cf-connecting-ip': freshIp(),
        },
        body: new URLSearchParams({ reference: lead.reference, tail: lead.tail }).toString(),
      }),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`单号 ${lead.reference}：已受理。`);
    expect(html).toMatch(/<form method="post" action="\/api\/progress\/cancel" data-progress-cancel>/);
    expect(html).toContain(`name="tail" value="${lead.tail}"`);
  });

  it('sends the address a form post ended on, opened again, back to its page', async () => {
    for (const [path, to] of [
      ['/api/progress', '/progress/'],
      ['/api/progress/cancel', '/progress/'],
      ['/api/leads', '/'],
    ]) {
      const res = await exports.default.fetch(
        new Request(`${ORIGIN}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' }),
      );
      expect([path, res.status, res.headers.get('location')]).toEqual([path, 303, to]);
    }
    // Any other address under /api/ a browser opens: a page, in Chinese.
    const other = await exports.default.fetch(new Request(`${ORIGIN}/api/nothing`, { headers: { accept: 'text/html' } }));
    expect([other.status, other.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    const text = await other.text();
    expect(text).toContain('没有这个页面');
    expect(text).toContain('安家修（示例） · 服务电话 <a href="tel:4000000000">400-000-0000</a>');
  });

  it("answers with a page of its own when the site's files cannot be read, the answer in it", async () => {
    const lead = await newLead();
    const broken = { ...env, ASSETS: { fetch: () => Promise.reject(new Error('assets unavailable')) } };
    const form = (path: string) =>
      api.request(
        `${ORIGIN}${path}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN },
          body: new URLSearchParams({ reference: lead.reference, tail: lead.tail }).toString(),
        },
        broken,
      );
    // The catalog (the hotline) read before, as the Worker keeps it: the answer, on a page of its own.
    await ask(lead);
    const found = await form('/api/progress');
    expect([found.status, found.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const text = await found.text();
    expect(text).toContain(`单号 ${lead.reference}：已受理。`);
    expect(text).toContain('有问题请拨打 400-000-0000。');
    // The GET of the page itself.
    const page = await worker.fetch(
      new Request(`${ORIGIN}/progress/?ref=${lead.reference}`),
      broken as never,
      createExecutionContext(),
    );
    expect([page.status, page.headers.get('content-type'), page.headers.get('retry-after')]).toEqual([
      503,
      'text/html; charset=utf-8',
      '30',
    ]);
    expect(await page.text()).toContain('查询页暂时打不开');
  });
});
