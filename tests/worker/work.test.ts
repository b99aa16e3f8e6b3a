// Working a lead from the inbox inside workerd: stages, the agreed time, cancel reasons, assignment,
// notes, the audit log (sealed), and nothing without a session or from another site.
import { env, exports } from 'cloudflare:workers';
import { beijingDaysAhead } from '../beijing-day.ts';
import { describe, expect, it } from 'vitest';
import { importKeyring, keyring, newKeyEntry } from '../../functions/privacy/keyring.ts';
import { eventStatement, listEvents } from '../../functions/work/events.ts';
import { staffByName } from '../../functions/staff/store.ts';
import { KEEP_ASSIGNEE, moveStage, RESENT_WITHIN_MS } from '../../functions/work/store.ts';
import { ORIGIN, post, valid } from './helpers.ts';
import { inboxPost, staffSession } from './inbox.ts';

async function newLead(): Promise<string> {
  const res = await post(valid());
  return ((await res.json()) as { id: string }).id;
}

const stageOf = async (id: string) =>
  env.DB.prepare('SELECT stage, appointment_at, assignee_id FROM leads WHERE id = ?')
    .bind(id)
    .first<Record<string, string | null>>();

describe('working a lead', () => {
  it('moves 新 → 已联系 → 已预约 (Beijing time) → 已完成, each change logged with who and when', async () => {
    const { name, cookie } = await staffSession();
    const id = await newLead();
    const move = (body: Record<string, string>) => inboxPost(`/leads/${id}/stage`, body, { cookie });
    expect((await move({ stage: 'contacted' })).status).toBe(200);
    expect((await move({ stage: 'scheduled' })).status).toBe(400); // no time given
    // A time or a reason under another stage: refused, not dropped (the select offers no default).
    const unused = await move({ stage: 'contacted', appointmentAt: '2026-11-25T09:30' });
    expect([unused.status, ((await unused.json()) as { error: string }).error]).toEqual([
      400,
      expect.stringContaining('只用于“已预约”'),
    ]);
    expect((await move({ stage: 'done', reason: '客户不要了' })).status).toBe(400);
    // No such time: not rolled into 3 March or the next day.
    expect((await move({ stage: 'scheduled', appointmentAt: '2026-02-31T10:00' })).status).toBe(400);
    expect((await move({ stage: 'scheduled', appointmentAt: '2026-11-25T24:00' })).status).toBe(400);
    const noTime = await move({ stage: 'scheduled', appointmentAt: '明天上午' });
    expect([noTime.status, ((await noTime.json()) as { error: string }).error]).toEqual([
      400,
      '已预约需要填写约定的上门时间，如 2026-11-25 09:30。',
    ]);
    // A wrong day or year: said, not booked.
    const past = await move({ stage: 'scheduled', appointmentAt: beijingDaysAhead(-2).local });
    expect([past.status, ((await past.json()) as { error: string }).error]).toEqual([
      400,
      '上门时间已经过去一天以上，请检查日期。',
    ]);
    const far = await move({ stage: 'scheduled', appointmentAt: beijingDaysAhead(400).local });
    expect([far.status, ((await far.json()) as { error: string }).error]).toEqual([400, '上门时间在半年以后，请检查日期。']);
    const tomorrow = beijingDaysAhead(1);
    expect((await move({ stage: 'scheduled', appointmentAt: tomorrow.local })).status).toBe(200);
    // 09:30 in Beijing is 01:30 UTC.
    expect(await stageOf(id)).toMatchObject({ stage: 'scheduled', appointment_at: tomorrow.iso });
    expect(tomorrow.iso).toMatch(/T01:30:00\.000Z$/);
    // The same minute as phones send it with seconds, and as typed with a space: the same booking,
    // recorded once (the same stage and time again changes nothing).
    const later = beijingDaysAhead(2, '14:05');
    for (const typed of [`${later.local}:00`, `${later.local}:00.000`, later.local.replace('T', ' ')]) {
      expect((await move({ stage: 'scheduled', appointmentAt: typed })).status).toBe(200);
      expect(await stageOf(id)).toMatchObject({ stage: 'scheduled', appointment_at: later.iso });
    }
    expect((await move({ stage: 'done' })).status).toBe(200);
    // 已完成 is final.
    const again = await move({ stage: 'contacted' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toMatch(/不能/);

    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => [e.kind, e.stage, e.staff_name])).toEqual([
      ['stage', 'contacted', name],
      ['stage', 'scheduled', name],
      ['stage', 'scheduled', name],
      ['stage', 'done', name],
    ]);
    expect(events.every((e) => Date.now() - Date.parse(e.at) < 60_000)).toBe(true);
  });

  it('two people moving the same lead at once: one wins, the other is told, one event is logged', async () => {
    const a = await staffSession();
    const b = await staffSession();
    const id = await newLead();
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const by = async (name: string) => ({ id: (await staffByName(env.DB, name))!.id, name });
    const [byA, byB] = [await by(a.name), await by(b.name)];
    const outcomes = await Promise.all([
      moveStage(env.DB, ring.current, id, byA, { to: 'contacted' }),
      moveStage(env.DB, ring.current, id, byB, { to: 'cancelled', reason: '重复' }),
    ]);
    expect(outcomes.sort()).toEqual(['conflict', 'done']);
    expect(await listEvents(env.DB, ring, id)).toHaveLength(1);
  });

  it('cancels only with a reason, kept sealed in the log', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    expect((await inboxPost(`/leads/${id}/stage`, { stage: 'cancelled' }, { cookie })).status).toBe(400);
    expect(await stageOf(id)).toMatchObject({ stage: 'new' });
    expect((await inboxPost(`/leads/${id}/stage`, { stage: 'cancelled', reason: '客户已自行修好' }, { cookie })).status).toBe(
      200,
    );
    const raw = await env.DB.prepare('SELECT detail FROM lead_events WHERE lead_id = ?').bind(id).first<{ detail: string }>();
    expect(raw!.detail).not.toContain('客户');
    const [event] = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(event).toMatchObject({ stage: 'cancelled', detail: '客户已自行修好' });
  });

  it('assigns to a staff user and keeps notes; unknown users and empty notes are refused', async () => {
    const me = await staffSession();
    const tech = await staffSession();
    const id = await newLead();
    expect((await inboxPost(`/leads/${id}/assign`, { staff: tech.name }, { cookie: me.cookie })).status).toBe(200);
    expect((await stageOf(id))!.assignee_id).not.toBeNull();
    expect((await inboxPost(`/leads/${id}/assign`, { staff: '没有这个人' }, { cookie: me.cookie })).status).toBe(400);
    expect((await inboxPost(`/leads/${id}/notes`, { text: '  ' }, { cookie: me.cookie })).status).toBe(400);
    expect((await inboxPost(`/leads/${id}/notes`, { text: '客户说下午在家' }, { cookie: tech.cookie })).status).toBe(200);
    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => [e.kind, e.staff_name, e.detail])).toEqual([
      ['assign', me.name, tech.name],
      ['note', tech.name, '客户说下午在家'],
    ]);
  });

  it('keeps a note sent twice from one form once; another note from that form, or one without a form, is its own', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    const formId = crypto.randomUUID();
    const note = (text: string, more: Record<string, string> = { formId }) =>
      inboxPost(`/leads/${id}/notes`, { text, ...more }, { cookie });
    for (const text of ['客户说下午在家', '客户说下午在家', '门禁密码 1234', '客户说下午在家'])
      expect((await note(text)).status).toBe(200);
    expect((await note('客户说下午在家', {})).status).toBe(200);
    // The same form's id on another lead is that lead's note.
    const other = await newLead();
    expect((await inboxPost(`/leads/${other}/notes`, { text: '客户说下午在家', formId }, { cookie })).status).toBe(200);
    const notes = async (lead: string) =>
      (await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), lead))
        .filter((e) => e.kind === 'note')
        .map((e) => e.detail);
    expect(await notes(id)).toEqual(['客户说下午在家', '门禁密码 1234', '客户说下午在家']);
    expect(await notes(other)).toEqual(['客户说下午在家']);
    // The same note from that form again later (back to the page, a second call the same way): its own.
    const earlier = new Date(Date.now() - RESENT_WITHIN_MS - 1000).toISOString();
    await env.DB.prepare(`UPDATE lead_events SET at = ? WHERE lead_id = ? AND kind = 'note'`).bind(earlier, id).run();
    expect((await note('门禁密码 1234')).status).toBe(200);
    expect(await notes(id)).toEqual(['客户说下午在家', '门禁密码 1234', '客户说下午在家', '门禁密码 1234']);
    expect((await inboxPost(`/leads/00000000-0000-0000-0000-000000000000/notes`, { text: 'x', formId }, { cookie })).status).toBe(
      404,
    );
  });

  it('keeps a lead with its assignee disabled since when the form is sent unchanged; 指派 to another still works', async () => {
    const { cookie } = await staffSession();
    const gone = await staffSession();
    const tech = await staffSession();
    const id = await newLead();
    expect((await inboxPost(`/leads/${id}/assign`, { staff: gone.name }, { cookie })).status).toBe(200);
    const goneId = (await stageOf(id))!.assignee_id;
    await env.DB.prepare('UPDATE staff SET disabled_at = ? WHERE id = ?').bind(new Date().toISOString(), goneId).run();
    // The page's select shows them with （已停用）, its value KEEP_ASSIGNEE.
    expect((await inboxPost(`/leads/${id}/assign`, { staff: KEEP_ASSIGNEE, fromAssignee: goneId! }, { cookie })).status).toBe(
      200,
    );
    expect((await stageOf(id))!.assignee_id).toBe(goneId);
    expect((await inboxPost(`/leads/${id}/assign`, { staff: gone.name }, { cookie })).status).toBe(400); // not given anew
    // Kept, but someone gave it to another meanwhile: said, not written over; no such lead: said.
    expect((await inboxPost(`/leads/${id}/assign`, { staff: KEEP_ASSIGNEE, fromAssignee: tech.name }, { cookie })).status).toBe(
      409,
    );
    const none = '00000000-0000-0000-0000-000000000000';
    expect((await inboxPost(`/leads/${none}/assign`, { staff: KEEP_ASSIGNEE, fromAssignee: goneId! }, { cookie })).status).toBe(
      404,
    );
    expect((await stageOf(id))!.assignee_id).toBe(goneId);
    expect((await inboxPost(`/leads/${id}/assign`, { staff: tech.name, fromAssignee: goneId! }, { cookie })).status).toBe(200);
    expect((await stageOf(id))!.assignee_id).not.toBe(goneId);
    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => [e.kind, e.detail])).toEqual([
      ['assign', gone.name],
      ['assign', tech.name],
    ]);
  });

  it('lists the whole history when an entry cannot be opened (its key left the ring, or its ciphertext is damaged), saying so there', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    expect((await inboxPost(`/leads/${id}/notes`, { text: '客户说下午在家' }, { cookie })).status).toBe(200);
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    const gone = (await importKeyring(newKeyEntry('gone'))).current;
    const at = new Date().toISOString();
    const by = { id: null, name: '店长' };
    await env.DB.batch([
      await eventStatement(env.DB, gone, { leadId: id, by, kind: 'stage', stage: 'scheduled', detail: at, at }),
      await eventStatement(env.DB, gone, { leadId: id, by, kind: 'assign', detail: '李师傅', at }),
      await eventStatement(env.DB, ring.current, { leadId: id, by, kind: 'note', detail: '会被改坏', at }),
    ]);
    await env.DB.prepare(`UPDATE lead_events SET detail = 'AAAA' || detail WHERE lead_id = ? AND key_id = ? AND at = ?`)
      .bind(id, ring.current.id, at)
      .run();
    const events = await listEvents(env.DB, ring, id);
    // Rows the ring cannot open go: the scheduled job's test counts what old keys still seal.
    await env.DB.prepare('DELETE FROM lead_events WHERE lead_id = ? AND at = ?').bind(id, at).run();
    const cannot = (key: string) => `（无法解密：LEADS_ENCRYPTION_KEY 里须保留写入它的密钥 ${key}）`;
    expect(events.map((e) => [e.kind, e.detail, e.unreadable])).toEqual([
      ['note', '客户说下午在家', undefined],
      ['stage', null, cannot('gone')],
      ['assign', null, cannot('gone')],
      ['note', null, cannot(ring.current.id)],
    ]);
  });

  it('keeps a note of 1,000 Chinese characters sent as a form (9 KB encoded), refuses 1,001 and a huge body', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    const note = (text: string) =>
      exports.default.fetch(
        new Request(`${ORIGIN}/admin/leads/${id}/notes`, {
          method: 'POST',
          headers: { origin: ORIGIN, cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ text }).toString(),
        }),
      );
    expect((await note('修'.repeat(1000))).status).toBe(200);
    expect((await note('修'.repeat(1001))).status).toBe(400);
    expect((await note('修'.repeat(5000))).status).toBe(413);
    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => e.detail?.length)).toEqual([1000]);
  });

  it('a browser form post goes back to the lead page with 303', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    const res = await exports.default.fetch(
      new Request(`${ORIGIN}/admin/leads/${id}/stage`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: ORIGIN, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'stage=contacted',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/leads/${id}/`);
  });

  it('answers an id with a line break in it as a lead that is not there, not with a 500', async () => {
    const { cookie } = await staffSession();
    for (const path of ['/leads/%0D%0A/notes', '/leads/a%0Ab/stage']) {
      const page = await inboxPost(path, { text: '备注', stage: 'contacted' }, { cookie, accept: 'text/html' });
      expect(page.status, path).toBe(303);
      expect(page.headers.get('location'), path).toMatch(/^\/admin\/leads\/(%0D%0A|a%0Ab)\/\?problem=/);
      expect((await inboxPost(path, { text: '备注', stage: 'contacted' }, { cookie })).status, path).toBe(404);
    }
  });

  it('changes nothing without a session, after sign-out, from another site or one unsaid, or for a lead that is gone', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    expect((await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' })).status).toBe(401);
    expect((await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' }, { cookie: 'baoxiu-session=forged' })).status).toBe(401);
    expect(
      (await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' }, { cookie, origin: 'https://evil.example' })).status,
    ).toBe(403);
    // Nor one that says neither where it comes from (Origin) nor whether it is this site's (Sec-Fetch-Site).
    const unsaid = new Request(`${ORIGIN}/admin/leads/${id}/stage`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ stage: 'contacted' }),
    });
    expect((await exports.default.fetch(unsaid)).status).toBe(403);
    expect((await inboxPost(`/leads/00000000-0000-0000-0000-000000000000/notes`, { text: 'x' }, { cookie })).status).toBe(404);
    await inboxPost('/sign-out', {}, { cookie });
    expect((await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' }, { cookie })).status).toBe(401);
    expect(await stageOf(id)).toMatchObject({ stage: 'new' });
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_events WHERE lead_id = ?').bind(id).first<{ n: number }>())!.n,
    ).toBe(0);
  });
});

describe('retrying a delivery from the inbox', () => {
  it('puts a failed delivery back in line, logs who did it, and it is sent; a sent one is refused', async () => {
    const { name, cookie } = await staffSession();
    const id = await newLead();
    const delivery = () =>
      env.DB.prepare('SELECT * FROM deliveries WHERE lead_id = ?').bind(id).first<{ id: string; status: string }>();
    await expect.poll(async () => (await delivery())?.status, { timeout: 10_000 }).toBe('sent');
    const { id: deliveryId } = (await delivery())!;
    const sent = await inboxPost(`/deliveries/${deliveryId}/retry`, {}, { cookie });
    expect([sent.status, ((await sent.json()) as { error: string }).error]).toEqual([409, '这条通知已经送达，不用重新发送。']);
    // A browser's retry of a notification that is gone (its lead forgotten meanwhile): the inbox says so.
    const gone = await inboxPost('/deliveries/no-such-delivery/retry', {}, { cookie, accept: 'text/html' });
    expect([gone.status, gone.headers.get('location')]).toEqual([303, '/admin/?problem=not-found']);

    await env.DB.prepare("UPDATE deliveries SET status = 'failed' WHERE id = ?").bind(deliveryId).run();
    expect((await inboxPost(`/deliveries/${deliveryId}/retry`, {})).status).toBe(401);
    expect((await inboxPost(`/deliveries/${deliveryId}/retry`, {}, { cookie })).status).toBe(200);
    await expect.poll(async () => (await delivery())?.status, { timeout: 10_000 }).toBe('sent');
    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => [e.kind, e.staff_name, e.detail])).toEqual([['retry', name, 'outbox']]);
  });
});

describe('spam and forgetting a customer', () => {
  const count = async (sql: string, ...values: unknown[]) =>
    (await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${sql}`)
      .bind(...values)
      .first<{ n: number }>())!.n;

  it('a spam lead moved to the inbox gets its deliveries now, sent once; moving it again changes nothing', async () => {
    const { name, cookie } = await staffSession();
    const id = ((await (await post({ ...valid(), website: 'http://spam.example' })).json()) as { id: string }).id;
    expect(await count('deliveries WHERE lead_id = ?', id)).toBe(0);
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '0' }, { cookie })).status).toBe(200);
    // A second tap (or a colleague's the same moment): where it is already, nothing recorded, nobody told twice.
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '0' }, { cookie })).status).toBe(200);
    const delivery = () => env.DB.prepare('SELECT status FROM deliveries WHERE lead_id = ?').bind(id).first<{ status: string }>();
    await expect.poll(async () => (await delivery())?.status, { timeout: 10_000 }).toBe('sent');
    expect(await count('deliveries WHERE lead_id = ?', id)).toBe(1);
    expect((await env.DB.prepare('SELECT status, route FROM leads WHERE id = ?').bind(id).first())!).toEqual({
      status: 'new',
      route: '(all configured channels)',
    });
    // Back to spam and out again: the channel it was sent on is not sent twice.
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '1' }, { cookie })).status).toBe(200);
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '0' }, { cookie })).status).toBe(200);
    expect(await count('deliveries WHERE lead_id = ?', id)).toBe(1);
    const events = await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id);
    expect(events.map((e) => [e.kind, e.staff_name])).toEqual([
      ['not-spam', name],
      ['spam', name],
      ['not-spam', name],
    ]);
  });

  it('forgets every lead of the phone with notes and log, only for an owner who confirmed, and logs who did', async () => {
    const owner = await staffSession('owner');
    const worker = await staffSession('staff');
    const lead = valid();
    const first = ((await (await post(lead)).json()) as { id: string }).id;
    const second = ((await (await post({ ...lead, region: '433122', brand: 'nuanchuan' })).json()) as { id: string }).id; // 泸溪县: not merged
    const other = await newLead();
    await inboxPost(`/leads/${first}/notes`, { text: '客户说周末在家' }, { cookie: worker.cookie });

    const refused = await inboxPost(`/leads/${first}/forget`, { confirm: 'yes' }, { cookie: worker.cookie });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('只有负责人可以这样做。');
    const unconfirmed = await inboxPost(`/leads/${first}/forget`, {}, { cookie: owner.cookie });
    expect(unconfirmed.status).toBe(400);
    expect(await count('leads WHERE id IN (?, ?)', first, second)).toBe(2);

    const forgot = await inboxPost(`/leads/${first}/forget`, { confirm: 'yes' }, { cookie: owner.cookie });
    expect(await forgot.json()).toEqual({ ok: true, deleted: 2 });
    expect(await count('leads WHERE id IN (?, ?)', first, second)).toBe(0);
    expect(await count('lead_events WHERE lead_id = ?', first)).toBe(0);
    expect(await count('deliveries WHERE lead_id IN (?, ?)', first, second)).toBe(0);
    expect(await count('leads WHERE id = ?', other)).toBe(1);
    const log = await env.DB.prepare(
      `SELECT staff_name, detail FROM operator_log WHERE action = 'forget-customer' ORDER BY at DESC`,
    ).first();
    expect(log).toEqual({ staff_name: owner.name, detail: '2' }); // how many leads
    // Gone is gone: a second try finds nothing, and logs nothing.
    const before = await count(`operator_log WHERE action = 'forget-customer'`);
    expect((await inboxPost(`/leads/${first}/forget`, { confirm: 'yes' }, { cookie: owner.cookie })).status).toBe(404);
    expect(await count(`operator_log WHERE action = 'forget-customer'`)).toBe(before);
  });

  it("forgets a lead whose key has left the ring, with the phone's other leads sealed with it", async () => {
    const owner = await staffSession('owner');
    const lead = valid();
    const first = ((await (await post(lead)).json()) as { id: string }).id;
    const second = ((await (await post({ ...lead, region: '433122', brand: 'nuanchuan' })).json()) as { id: string }).id;
    const other = await newLead();
    // Sealed under a key no longer in LEADS_ENCRYPTION_KEY: the phone cannot be read.
    await env.DB.prepare(`UPDATE leads SET key_id = 'gone' WHERE id IN (?, ?, ?)`).bind(first, second, other).run();
    const forgot = await inboxPost(`/leads/${first}/forget`, { confirm: 'yes' }, { cookie: owner.cookie });
    expect(await forgot.json()).toEqual({ ok: true, deleted: 2 });
    expect(await count('leads WHERE id IN (?, ?)', first, second)).toBe(0);
    expect(await count('leads WHERE id = ?', other)).toBe(1);
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(other).run(); // unreadable: out of other tests' way
  });
});

describe('what the page showed, and spam', () => {
  const read = (id: string) =>
    env.DB.prepare('SELECT stage, appointment_at, assignee_id, status FROM leads WHERE id = ?').bind(id).first();
  const events = async (id: string) => (await listEvents(env.DB, await keyring(env.LEADS_ENCRYPTION_KEY), id)).map((e) => e.kind);

  it("refuses a change made on a page someone else's change has made stale, and records none", async () => {
    const a = await staffSession();
    const b = await staffSession();
    const id = await newLead();
    const [ten, three] = [beijingDaysAhead(1, '10:00'), beijingDaysAhead(1, '15:00')];
    await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' }, { cookie: a.cookie });
    // Both open the 已联系 page; B books 10:00 first, then A books 15:00 from the page they had.
    const seen = { fromStage: 'contacted', fromAppointment: '' };
    expect(
      (await inboxPost(`/leads/${id}/stage`, { stage: 'scheduled', appointmentAt: ten.local, ...seen }, { cookie: b.cookie }))
        .status,
    ).toBe(200);
    const stale = await inboxPost(
      `/leads/${id}/stage`,
      { stage: 'scheduled', appointmentAt: three.local, ...seen },
      { cookie: a.cookie },
    );
    expect([stale.status, ((await stale.json()) as { error: string }).error]).toEqual([
      409,
      '这条报修刚被别人改过：请先查看它现在的进度，再决定是否保存。',
    ]);
    expect(await read(id)).toMatchObject({ stage: 'scheduled', appointment_at: ten.iso });
    // B's second tap of 保存 (the page it had): already so, done, and nothing more recorded.
    expect(
      (await inboxPost(`/leads/${id}/stage`, { stage: 'scheduled', appointmentAt: ten.local, ...seen }, { cookie: b.cookie }))
        .status,
    ).toBe(200);
    // Rescheduled from the page as it is now: taken.
    const now = { fromStage: 'scheduled', fromAppointment: ten.iso };
    expect(
      (await inboxPost(`/leads/${id}/stage`, { stage: 'scheduled', appointmentAt: three.local, ...now }, { cookie: a.cookie }))
        .status,
    ).toBe(200);
    expect(await read(id)).toMatchObject({ appointment_at: three.iso });
    // Assigning: from a stale page refused; to whom it already has, nothing recorded.
    const techB = (await staffByName(env.DB, b.name))!;
    expect((await inboxPost(`/leads/${id}/assign`, { staff: b.name, fromAssignee: '' }, { cookie: a.cookie })).status).toBe(200);
    expect((await inboxPost(`/leads/${id}/assign`, { staff: b.name, fromAssignee: '' }, { cookie: a.cookie })).status).toBe(200);
    expect((await inboxPost(`/leads/${id}/assign`, { staff: a.name, fromAssignee: '' }, { cookie: a.cookie })).status).toBe(409);
    expect((await inboxPost(`/leads/${id}/assign`, { staff: b.name, fromAssignee: techB.id }, { cookie: a.cookie })).status).toBe(
      200,
    );
    expect(await read(id)).toMatchObject({ assignee_id: techB.id });
    expect(await events(id)).toEqual(['stage', 'stage', 'stage', 'assign']);
  });

  it('takes a spam change only as the page sends it; no stage while spam; a closed lead moved back notifies nobody', async () => {
    const { cookie } = await staffSession();
    const id = ((await (await post({ ...valid(), website: 'http://spam.example' })).json()) as { id: string }).id;
    for (const spam of [undefined, 'true', '']) {
      const res = await inboxPost(`/leads/${id}/spam`, spam === undefined ? {} : { spam }, { cookie });
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([
        400,
        '请用页面上的按钮标记为垃圾或移回收件箱。',
      ]);
    }
    expect(await read(id)).toMatchObject({ status: 'spam' });
    const staged = await inboxPost(`/leads/${id}/stage`, { stage: 'contacted' }, { cookie });
    expect([staged.status, ((await staged.json()) as { error: string }).error]).toEqual([
      409,
      '这条报修在“垃圾”文件夹里：请先移回收件箱，再改进度。',
    ]);
    // Cancelled before it was spam (the customer cancelled, then it was marked): back, nobody told.
    await env.DB.prepare(`UPDATE leads SET stage = 'cancelled' WHERE id = ?`).bind(id).run();
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '0' }, { cookie })).status).toBe(200);
    expect(await read(id)).toMatchObject({ status: 'new', stage: 'cancelled' });
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?').bind(id).first())!.n).toBe(0);
  });

  it('marks a lead whose key left the ring as spam, and says why it cannot move one back, without a 500', async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    await env.DB.prepare(`UPDATE leads SET key_id = 'gone' WHERE id = ?`).bind(id).run();
    expect((await inboxPost(`/leads/${id}/spam`, { spam: '1' }, { cookie })).status).toBe(200);
    const back = await inboxPost(`/leads/${id}/spam`, { spam: '0' }, { cookie });
    expect([back.status, ((await back.json()) as { error: string }).error]).toEqual([409, expect.stringContaining('无法解密')]);
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(id).run(); // unreadable: out of other tests' way
  });

  it("answers a browser's refused post with a page, not JSON", async () => {
    const { cookie } = await staffSession();
    const id = await newLead();
    const res = await exports.default.fetch(
      new Request(`${ORIGIN}/admin/leads/${id}/notes`, {
        method: 'POST',
        headers: {
          cookie,
          origin: 'https://evil.example',
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'text=x',
        redirect: 'manual',
      }),
    );
    expect([res.status, res.headers.get('content-type')]).toEqual([403, 'text/html; charset=utf-8']);
    expect(await res.text()).toContain('请从本站的管理页面操作。');
  });
});
