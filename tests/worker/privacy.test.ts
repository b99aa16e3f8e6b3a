// Privacy: personal fields encrypted at rest, deletion by phone, retention, key rotation, and a
// database failure that leaves nothing half-written.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { Env } from '../../functions/env.ts';
import { importKeyring, keyring, newKeyEntry } from '../../functions/privacy/keyring.ts';
import { saveLead } from '../../functions/leads/store.ts';
import { housekeeping, warnAuthorizations } from '../../functions/privacy/housekeeping.ts';
import { resealLeads } from '../../functions/privacy/reseal.ts';
import { deleteExpired } from '../../functions/privacy/erase.ts';
import { inboxPost, staffSession } from './inbox.ts';
import { openLead, openRepeat } from '../../functions/privacy/sealed-lead.ts';
import type { Repeat } from '../../functions/rows.ts';
import { eventStatement, openEvent, type LeadEvent } from '../../functions/work/events.ts';
import worker from '../../functions/worker.ts';
import { countLeads, deliveryOf, incoming, leadInput, openRow, ORIGIN, post, rawRow, valid } from './helpers.ts';

const admin = (method: string, path: string, body?: unknown, token: string | null = env.ADMIN_TOKEN!) =>
  exports.default.fetch(
    new Request(`${ORIGIN}/api/admin${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

describe('encryption at rest', () => {
  it('keeps no plaintext name, phone, address, description, preferred time or note in the D1 rows of a lead', async () => {
    const lead = {
      ...valid(),
      name: '欧阳秘密',
      address: '秘密路 42 号 3 栋',
      description: '保险柜密码是 88486620 打不开',
      preferredTime: '下午打我爱人 13900001111',
    };
    const res = await post(lead);
    const { id } = await res.json<{ id: string }>();
    // The same request again with more to say (a repeat, kept beside the lead), and a staff note.
    await post({ ...lead, description: `${lead.description}，秘密补充`, requestId: crypto.randomUUID() });
    const { cookie } = await staffSession();
    await inboxPost(`/leads/${id}/notes`, { text: '秘密：客户说门口密码 88486620' }, { cookie });
    const row = (await env.DB.prepare('SELECT * FROM leads WHERE id = ?').bind(id).first<Record<string, unknown>>())!;
    const rows = async (table: string) =>
      (await env.DB.prepare(`SELECT * FROM ${table} WHERE lead_id = ?`).bind(id).all()).results;
    const [repeats, events, deliveries] = [await rows('lead_repeats'), await rows('lead_events'), await rows('deliveries')];
    expect([repeats.length, events.length]).toEqual([1, 1]);
    const everything = JSON.stringify([row, repeats, events, deliveries]);
    const e164 = `+86${lead.phone}`;
    for (const secret of [
      lead.name,
      lead.address,
      lead.description,
      lead.phone,
      e164,
      lead.phone.slice(3),
      '秘密',
      // Eight digits: four turned up by chance in a random requestId (…-8848-…) of one run.
      '88486620',
      '13900001111',
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(row.key_id).toBe('test2'); // the ring's first (current) key
    expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await openRow(id)).toMatchObject({
      name: lead.name,
      phone: e164,
      address: lead.address,
      description: lead.description,
      preferred_time: lead.preferredTime,
    });
  });

  it('binds each value to its row and field: a swapped ciphertext does not decrypt', async () => {
    const { id } = await (await post(valid())).json<{ id: string }>();
    const row = (await rawRow(id))!;
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    await expect(openLead(ring, { ...row, name: row.description })).rejects.toThrow();
    await expect(openLead(ring, { ...row, id: crypto.randomUUID() })).rejects.toThrow();
  });

  it('refuses leads (503) rather than store them in clear when the key is missing or malformed', async () => {
    for (const key of ['', 'no-colon', 'k1:c2hvcnQ=']) {
      const ctx = createExecutionContext();
      const req = new Request(`${ORIGIN}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(valid()),
      });
      const res = await worker.fetch(incoming(req), { ...(env as unknown as Env), LEADS_ENCRYPTION_KEY: key }, ctx);
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
    }
  });
});

describe('deleting a customer by phone (admin)', () => {
  it('is off without ADMIN_TOKEN, 401 without the right token, and deletes every lead of the number', async () => {
    const ctx = createExecutionContext();
    const off = await worker.fetch(
      new Request(`${ORIGIN}/api/admin/customers`, { method: 'DELETE', headers: { authorization: 'Bearer x' } }),
      { ...(env as unknown as Env), ADMIN_TOKEN: '' },
      ctx,
    );
    expect(off.status).toBe(404);
    expect((await admin('DELETE', '/customers', { phone: '13900000000' }, null)).status).toBe(401);
    // "Bearer " and nothing: malformed to Hono's bearerAuth.
    expect((await admin('DELETE', '/customers', { phone: '13900000000' }, '')).status).toBe(400);
    expect((await admin('DELETE', '/customers', { phone: '13900000000' }, `${env.ADMIN_TOKEN}x`)).status).toBe(401);

    const lead = valid();
    const a = await (await post(lead)).json<{ id: string }>();
    expect((await post({ ...lead, description: '再来一次', requestId: crypto.randomUUID() })).status).toBe(200); // a repeat of a
    const b = await (await post({ ...lead, region: '441900003', brand: '' })).json<{ id: string }>();
    const other = await (await post(valid())).json<{ id: string }>();
    await deliveryOf(a.id);
    const res = await admin('DELETE', '/customers', { phone: `+86 ${lead.phone}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, deleted: 2 });
    // Recorded as the inbox's forget is: who (the admin API) and how many leads.
    const log = await env.DB.prepare(
      `SELECT staff_id, staff_name, detail FROM operator_log WHERE action = 'forget-customer' ORDER BY at DESC, rowid DESC`,
    ).first();
    expect(log).toEqual({ staff_id: null, staff_name: '管理接口', detail: '2' });
    expect(await rawRow(a.id)).toBeNull();
    expect(await rawRow(b.id)).toBeNull();
    expect(await rawRow(other.id)).not.toBeNull();
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE lead_id = ?').bind(a.id).first())!.n).toBe(0);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_repeats WHERE lead_id = ?').bind(a.id).first())!.n).toBe(0);
    expect((await admin('DELETE', '/customers', { phone: 'abc' })).status).toBe(400);
  });

  it('says how many leads no number can find (sealed under a key that left the ring): a deletion by number may be incomplete', async () => {
    const lost = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, consent_at,
         privacy_version, created_at, key_id, phone_hash)
       VALUES (?1, ?2, ?1, 'new', 'x', 'x', '433101', '湖南省', 'x', ?3, 'v', ?3, 'left-the-ring', 'h')`,
    )
      .bind(lost, `BX-000000-${String((Date.now() + 5) % 1e6).padStart(6, '0')}`, new Date().toISOString())
      .run();
    try {
      const answer = await (await admin('DELETE', '/customers', { phone: '13900000001' })).json<Record<string, unknown>>();
      expect(answer).toMatchObject({ ok: true, deleted: 0, unsearchable: 1 });
      expect(answer.warning).toMatch(/^1 lead\(s\) are sealed under keys no longer in LEADS_ENCRYPTION_KEY/);
    } finally {
      await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(lost).run();
    }
    expect(await (await admin('DELETE', '/customers', { phone: '13900000001' })).json()).toEqual({ ok: true, deleted: 0 });
  });

  it("finds an office's leads by its number written with an extension, a row in clear from before sealing too", async () => {
    const office = `0731${String(Date.now() % 1e8).padStart(8, '0')}`;
    const sealed = await (await post({ ...valid(), phone: `${office}转8001` })).json<{ id: string }>();
    const legacyId = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, consent_at, privacy_version, created_at)
       VALUES (?1, ?2, ?3, 'new', '旧客户', ?4, '433101', '湖南省', '旧的描述', ?5, '2026-11-22', ?5)`,
    )
      .bind(
        legacyId,
        `BX-000000-${String(Date.now() % 1e6).padStart(6, '0')}`,
        crypto.randomUUID(),
        `+86${office.slice(1)}`,
        new Date().toISOString(),
      )
      .run();
    expect(await (await admin('DELETE', '/customers', { phone: `${office}转8001` })).json()).toEqual({ ok: true, deleted: 2 });
    expect([await rawRow(sealed.id), await rawRow(legacyId)]).toEqual([null, null]);
  });
});

describe('the scheduled job', () => {
  it("says when leads past the retention period remain after a day's rounds; the next run goes on", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await (await post(valid())).json<{ id: string }>()).id);
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await env.DB.prepare('UPDATE leads SET created_at = ? WHERE id IN (SELECT value FROM json_each(?))')
      .bind(longAgo, JSON.stringify(ids))
      .run();
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await deleteExpired(env.DB, 399, new Date(), { atOnce: 1, rounds: 2 })).toBe(2);
      expect(warned.mock.calls.flat().join('\n')).toContain('leads older than 399 days remain after 2 deleted today');
      warned.mockClear();
      expect(await deleteExpired(env.DB, 399, new Date(), { atOnce: 1, rounds: 2 })).toBe(1);
      expect(warned).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
    expect(await Promise.all(ids.map(rawRow))).toEqual([null, null, null]);
  });

  it('deletes leads older than LEAD_RETENTION_DAYS and keeps newer ones', async () => {
    const first = valid();
    const old = await (await post(first)).json<{ id: string }>();
    await post({ ...first, description: '补充说明', requestId: crypto.randomUUID() }); // a repeat of it
    const recent = await (await post(valid())).json<{ id: string }>();
    // A note and a stage change from the inbox: the lead's history goes with it.
    const { cookie } = await staffSession();
    await inboxPost(`/leads/${old.id}/notes`, { text: '客户住 3 楼' }, { cookie });
    await inboxPost(`/leads/${old.id}/stage`, { stage: 'contacted' }, { cookie });
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_events WHERE lead_id = ?').bind(old.id).first())!.n).toBe(2);
    const longAgo = new Date(Date.now() - 181 * 86_400_000).toISOString();
    await env.DB.prepare('UPDATE leads SET created_at = ? WHERE id = ?').bind(longAgo, old.id).run();
    const { deleted } = await housekeeping(env as unknown as Env);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await rawRow(old.id)).toBeNull();
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_repeats WHERE lead_id = ?').bind(old.id).first())!.n).toBe(0);
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM lead_events WHERE lead_id = ?').bind(old.id).first())!.n).toBe(0);
    expect(await rawRow(recent.id)).not.toBeNull();
    // A shorter setting applies too.
    await env.DB.prepare('UPDATE leads SET created_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 8 * 86_400_000).toISOString(), recent.id)
      .run();
    await housekeeping({ ...(env as unknown as Env), LEAD_RETENTION_DAYS: '7' });
    expect(await rawRow(recent.id)).toBeNull();
  });

  it('deletes a backlog of expired leads a batch at a time, each with its deliveries; a failure stops nothing else', async () => {
    const longAgo = new Date(Date.now() - 400 * 86_400_000).toISOString();
    // 1,234 leads of long ago (a retention period shortened, say), one delivery each.
    await env.DB.batch([
      env.DB.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
         INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description,
           consent_at, privacy_version, created_at, route)
         SELECT 'backlog-' || i, 'BX-BACKLOG-' || i, 'backlog-' || i, 'new', 'x', 'x', '433101', 'x', 'x', ?1, 'v', ?1, 'test' FROM n`,
      ).bind(longAgo),
      env.DB.prepare(
        `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at, due_at)
         SELECT 'd-' || id, id, 'outbox', 'sent', 1, ?1, ?1, ?1 FROM leads WHERE id LIKE 'backlog-%'`,
      ).bind(longAgo),
    ]);
    const { deleted } = await housekeeping(env as unknown as Env);
    expect(deleted).toBeGreaterThanOrEqual(1234);
    expect((await env.DB.prepare(`SELECT COUNT(*) AS n FROM leads WHERE id LIKE 'backlog-%'`).first())!.n).toBe(0);
    expect((await env.DB.prepare(`SELECT COUNT(*) AS n FROM deliveries WHERE id LIKE 'd-backlog-%'`).first())!.n).toBe(0);
    // D1 failing the deletion: reported, and the staff records' purge and the summary still come.
    const lines: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
    try {
      const failing = {
        prepare: (q: string) =>
          q.startsWith('DELETE FROM leads')
            ? { bind: () => ({ all: () => Promise.reject(new Error('D1_ERROR: too many')) }) }
            : env.DB.prepare(q),
        batch: (s: D1PreparedStatement[]) => env.DB.batch(s),
      };
      await housekeeping({ ...(env as unknown as Env), DB: failing as never });
    } finally {
      error.mockRestore();
      log.mockRestore();
    }
    expect(lines.join('\n')).toContain('[housekeeping] expired leads not deleted: D1_ERROR: too many');
    expect(lines.join('\n')).toMatch(/\[housekeeping\] retention \d+ days: 0 lead\(s\) deleted/);
  });

  /** A new lead, dated `days` ago. */
  const leadAged = async (days: number) => {
    const { id } = await (await post(valid())).json<{ id: string }>();
    await env.DB.prepare('UPDATE leads SET created_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - days * 86_400_000).toISOString(), id)
      .run();
    return id;
  };

  it("keeps no lead longer than the deployed /privacy/ says (its build's setting), and says so when LEAD_RETENTION_DAYS differs", async () => {
    const id = await leadAged(181);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      // Set to 400 days after a build that said 180 (catalog.json): 180, and the log says why.
      await housekeeping({ ...(env as unknown as Env), LEAD_RETENTION_DAYS: '400' });
      expect(await rawRow(id)).toBeNull();
      expect(warn.mock.calls.flat().join('\n')).toContain(
        'LEAD_RETENTION_DAYS is 400 but the deployed /privacy/ says leads are kept 180 days: deleting after 180; build with LEAD_RETENTION_DAYS=400',
      );
      warn.mockClear();
      await housekeeping(env as unknown as Env);
      expect(warn.mock.calls.flat().join('\n')).not.toContain('LEAD_RETENTION_DAYS');
    } finally {
      warn.mockRestore();
    }
  });

  it('reads a malformed LEAD_RETENTION_DAYS ("30 days") as what /privacy/ says, and logs why, never as the longer default', async () => {
    const id = await leadAged(181);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await housekeeping({ ...(env as unknown as Env), LEAD_RETENTION_DAYS: '30 days' });
      expect(await rawRow(id)).toBeNull(); // after the 180 the deployed /privacy/ states
      expect(error.mock.calls.flat().join('\n')).toContain(
        '[housekeeping] LEAD_RETENTION_DAYS must be a whole number of days, 1 or more, not "30 days": deleting after 180 days, as /privacy/ says',
      );
    } finally {
      error.mockRestore();
    }
  });

  it("deletes the inbox's staff records past their time: sessions and setup links after a month, the log after a year", async () => {
    const { name } = await staffSession();
    const { id } = (await env.DB.prepare('SELECT id FROM staff WHERE name = ?').bind(name).first<{ id: string }>())!;
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const session = (tag: string, lastSeen: string, ended: string | null, expires: string) =>
      env.DB.prepare(
        `INSERT INTO sessions (id_hash, staff_id, created_at, last_seen_at, expires_at, user_agent, ended_at) VALUES (?, ?, ?, ?, ?, 'Phone', ?)`,
      ).bind(`${tag}-${id}`, id, ago(40), lastSeen, expires, ended);
    const link = (tag: string, used: string | null, expires: string) =>
      env.DB.prepare('INSERT INTO staff_setup (code_hash, staff_id, expires_at, used_at) VALUES (?, ?, ?, ?)').bind(
        `${tag}-${id}`,
        id,
        expires,
        used,
      );
    const entry = (tag: string, at: string, action = 'add-passkey') =>
      env.DB.prepare(`INSERT INTO operator_log (id, at, staff_id, staff_name, action) VALUES (?, ?, ?, ?, ?)`).bind(
        `${tag}-${id}`,
        at,
        id,
        name,
        action,
      );
    await env.DB.batch([
      session('ended-31', ago(31), ago(31), ago(-10)),
      session('ended-29', ago(29), ago(29), ago(-10)),
      session('expired-31', ago(32), null, ago(31)),
      // Idle (12 hours after its last use it opens nothing) and never marked ended: gone 30 days after that.
      session('idle-31', ago(31), null, ago(-1)),
      session('idle-29', ago(29), null, ago(-1)),
      link('used-31', ago(31), ago(-1)),
      link('expired-31', null, ago(31)),
      link('pending', null, ago(-1)),
      entry('log-366', ago(366)),
      entry('log-364', ago(364)),
      entry('forgot-400', ago(400), 'forget-customer'),
    ]);
    await housekeeping(env as unknown as Env);
    const left = async (table: string, key: string) =>
      (await env.DB.prepare(`SELECT ${key} AS k FROM ${table} WHERE ${key} LIKE ?`).bind(`%-${id}`).all<{ k: string }>()).results
        .map((r) => r.k.replace(`-${id}`, ''))
        .sort();
    expect(await left('sessions', 'id_hash')).toEqual(['ended-29', 'idle-29']);
    expect(await left('staff_setup', 'code_hash')).toEqual(['pending']);
    expect(await left('operator_log', 'id')).toEqual(['forgot-400', 'log-364']);
    // The user's own live session and the setup link used a moment ago stay.
    const own = (table: string, key: string) =>
      env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE staff_id = ? AND ${key} NOT LIKE ?`)
        .bind(id, `%-${id}`)
        .first('n');
    expect(await own('sessions', 'id_hash')).toBe(1);
    expect(await own('staff_setup', 'code_hash')).toBe(1);
  });

  it("says a month ahead when a brand's recorded authorization ends, and when it has ended while the pages still claim it", async () => {
    // The sample's 栖门 is authorized until 2030-12-31 (src/content/brands/qimen.md), read from the built catalog.
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const at = (instant: string) => warnAuthorizations(env as unknown as Env, new Date(instant));
    expect(await at('2030-12-01T15:59:00Z')).toEqual([]); // 2030-12-01 23:59 in Beijing
    expect(await at('2030-12-01T16:00:00Z')).toEqual([
      "[housekeeping] 栖门: its authorization's last day is 2030-12-31 (in 29 day(s)): record the renewal, or change the brand's page and rebuild the day after",
    ]);
    expect(await at('2030-12-31T15:59:00Z')).toEqual([
      "[housekeeping] 栖门: its authorization's last day is 2030-12-31 (today): record the renewal, or change the brand's page and rebuild the day after",
    ]);
    expect(await at('2030-12-31T16:00:00Z')).toEqual([
      '[housekeeping] 栖门: its authorization ended 2030-12-31; the deployed pages still claim it: rebuild and deploy',
    ]);
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
  });

  it('runs from the cron trigger', async () => {
    const spy = vi.spyOn(console, 'log');
    const ctx = createExecutionContext();
    await worker.scheduled!(
      { cron: '17 3 * * *', scheduledTime: Date.now(), noRetry() {} } as ScheduledController,
      env as unknown as Env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(spy.mock.calls.flat().join('\n')).toMatch(/\[housekeeping\] retention 180 days/);
    spy.mockRestore();
  });

  it('re-encrypts in batches, writing over no row changed since it was read (another run, say), nor counting it', async () => {
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY); // test2, then test1
    const underOld = await importKeyring(env.LEADS_ENCRYPTION_KEY!.split(',')[1]);
    await resealLeads(env.DB, ring, 1000); // the other tests' rows: only these two are under test1 now
    const [raced, calm] = [
      (await saveLead(env.DB, underOld, leadInput('甲'), [])).lead,
      (await saveLead(env.DB, underOld, leadInput('乙'), [])).lead,
    ];
    let batches = 0;
    const db = {
      prepare: (q: string) => env.DB.prepare(q),
      batch: async (statements: D1PreparedStatement[]) => {
        // Between the read and the write, another run reseals one of them.
        if (++batches === 2)
          await env.DB.prepare(`UPDATE leads SET key_id = 'test2', name = 'theirs' WHERE id = ?`).bind(raced.id).run();
        return env.DB.batch(statements);
      },
    };
    const done = await resealLeads(db as never, ring, 1000);
    expect(batches).toBe(2); // the reads, then the writes (fewer than a batch's 100)
    expect((await rawRow(raced.id))!.name).toBe('theirs');
    expect((await rawRow(calm.id))!.key_id).toBe('test2');
    expect((await openLead(ring, (await rawRow(calm.id))!)).name).toBe('乙');
    // Counted: what it wrote, not the row the other run had.
    const again = await resealLeads(db as never, ring, 1000);
    expect(again).toBe(0);
    expect(done).toBe(1);
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(raced.id).run();
  });

  it('re-encrypts rows under an old key, and rows from before encryption, with the current key', async () => {
    const lead = valid();
    const { id } = await (await post(lead)).json<{ id: string }>();
    await post({ ...lead, description: '又来了', requestId: crypto.randomUUID() }); // a repeat, sealed under test2
    // A row written before migration 0002: plaintext, no key id.
    const legacyId = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, consent_at, privacy_version, created_at, preferred_time)
       VALUES (?1, ?2, ?3, 'new', '旧客户', '+8613700009999', '433101', '湖南省', '旧的描述', ?4, '2026-11-22', ?4, '周末上午')`,
    )
      .bind(legacyId, `BX-000000-${String(Date.now() % 1e6).padStart(6, '0')}`, crypto.randomUUID(), new Date().toISOString())
      .run();
    // A note on the lead (an event's sealed detail), and a damaged row, which must not stop the run.
    const before = await keyring(env.LEADS_ENCRYPTION_KEY);
    const at = new Date().toISOString();
    await (
      await eventStatement(env.DB, before.current, {
        leadId: id,
        by: { id: null, name: '测试' },
        kind: 'note',
        detail: '客户说周末在家',
        at,
      })
    ).run();
    const damagedId = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, consent_at, privacy_version, created_at, key_id)
       VALUES (?1, ?2, ?1, 'new', 'not-a-ciphertext', 'x', '433101', '湖南省', 'x', ?3, 'v', ?3, ?4)`,
    )
      .bind(damagedId, `BX-000000-${String((Date.now() + 1) % 1e6).padStart(6, '0')}`, at, before.current.id)
      .run();
    // Rotate: a new current key in front of the old ring.
    const rotated = { ...(env as unknown as Env), LEADS_ENCRYPTION_KEY: `${newKeyEntry('k9')},${env.LEADS_ENCRYPTION_KEY}` };
    const logged = vi.spyOn(console, 'log');
    const { resealed } = await housekeeping(rotated);
    // The damaged row stays under its key, and says so in the log line of what old keys still seal.
    expect(logged.mock.calls.flat().join('\n')).toMatch(new RegExp(`still under old keys: ${before.current.id} 1[,;]`));
    logged.mockRestore();
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(damagedId).run();
    expect(resealed).toBeGreaterThanOrEqual(2);
    const ring = await keyring(rotated.LEADS_ENCRYPTION_KEY);
    const row = (await rawRow(id))!;
    expect(row.key_id).toBe('k9');
    expect((await openLead(ring, row)).phone).toBe(`+86${lead.phone}`);
    const legacy = (await rawRow(legacyId))!;
    expect(legacy.key_id).toBe('k9');
    // Its preferred time, in clear before migration 0013, sealed now.
    expect(legacy.preferred_time).not.toContain('周末上午');
    expect(legacy.sealed_time).toBe(1);
    expect((await openLead(ring, legacy)).preferred_time).toBe('周末上午');
    expect(JSON.stringify(legacy)).not.toContain('旧客户');
    expect((await openLead(ring, legacy)).name).toBe('旧客户');
    const repeat = (await env.DB.prepare('SELECT * FROM lead_repeats WHERE lead_id = ?').bind(id).first<Repeat>())!;
    expect(repeat.key_id).toBe('k9');
    expect((await openRepeat(ring, repeat)).description).toBe('又来了');
    // A row whose key left the ring, its preferred time still in clear, is not picked: it cannot be
    // opened, and run after run it would take the place of one that can.
    const stuck = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, description, consent_at,
         privacy_version, created_at, key_id, preferred_time, sealed_time)
       VALUES (?1, ?2, ?1, 'new', 'x', 'x', '433101', '湖南省', 'x', ?3, 'v', ?3, 'left-the-ring', '周末', 0)`,
    )
      .bind(stuck, `BX-000000-${String((Date.now() + 2) % 1e6).padStart(6, '0')}`, new Date().toISOString())
      .run();
    const waiting = (await (await post(valid())).json<{ id: string }>()).id; // under the old key, after it
    expect(await resealLeads(env.DB, ring, 1)).toBe(1);
    expect((await rawRow(waiting))!.key_id).toBe('k9');
    await env.DB.prepare('DELETE FROM leads WHERE id = ?').bind(stuck).run();
    // Notes too (they stayed under the old key, and were lost with it when it left the ring).
    const note = (await env.DB.prepare(`SELECT * FROM lead_events WHERE lead_id = ? AND kind = 'note'`)
      .bind(id)
      .first<LeadEvent>())!;
    expect(note.key_id).toBe('k9');
    expect(await openEvent(ring, note)).toBe('客户说周末在家');
    // Forgetting by phone still finds the re-encrypted row.
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${ORIGIN}/api/admin/customers`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` },
        body: JSON.stringify({ phone: '13700009999' }),
      }),
      rotated,
      ctx,
    );
    expect(await res.json()).toEqual({ ok: true, deleted: 1 });
    // Back under the test ring for the other tests: the old ring lacks k9, so reseal with k9 kept as an old key.
    await housekeeping({
      ...(env as unknown as Env),
      LEADS_ENCRYPTION_KEY: `${env.LEADS_ENCRYPTION_KEY},${rotated.LEADS_ENCRYPTION_KEY.split(',')[0]}`,
    });
    expect((await rawRow(id))!.key_id).toBe('test2');
  });
});

describe('database failure', () => {
  it('answers 503 with Retry-After and writes no lead when the delivery rows cannot be written', async () => {
    const before = await countLeads();
    await env.DB.prepare('ALTER TABLE deliveries RENAME TO deliveries_away').run();
    try {
      const res = await post(valid());
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect((await res.json<{ errors: Record<string, string> }>()).errors.form).toMatch(/报修可能未能保存，请稍后重新提交/);
    } finally {
      await env.DB.prepare('ALTER TABLE deliveries_away RENAME TO deliveries').run();
    }
    expect(await countLeads()).toBe(before);
  });

  it('answers 503 when D1 is unreachable', async () => {
    const broken = {
      prepare() {
        throw new Error('D1 unavailable');
      },
      batch() {
        throw new Error('D1 unavailable');
      },
    };
    const ctx = createExecutionContext();
    const req = new Request(`${ORIGIN}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid()),
    });
    const res = await worker.fetch(incoming(req), { ...(env as unknown as Env), DB: broken as unknown as D1Database }, ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
  });
});
