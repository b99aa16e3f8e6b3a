// Passkeys inside workerd with a software authenticator (authenticator.ts): registration only for
// the signed-in user with their own challenge; sign-in refuses a replay, a counter that went back,
// another site's origin, an unknown or removed passkey, a disabled user, and junk — never a 500.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { countRecorded, logStatement } from '../../functions/staff/log.ts';
import { addPasskey, passkeyUsed } from '../../functions/staff/passkeys.ts';
import { openSession } from '../../functions/staff/sessions.ts';
import { sha256Hex } from '../../functions/staff/tokens.ts';
import { staffByName } from '../../functions/staff/store.ts';
import { softPasskey } from './authenticator.ts';
import { freshIp, ORIGIN } from './helpers.ts';
import { inboxForm, inboxPost, staffSession } from './inbox.ts';

const RP = new URL(ORIGIN).hostname;
const json = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`${ORIGIN}/admin${path}`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': freshIp(), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
const challenge = async (path: string, headers: Record<string, string> = {}) =>
  ((await (await json(path, {}, headers)).json()) as { challenge: string }).challenge;

async function registered() {
  const user = await staffSession();
  const key = await softPasskey(RP);
  const options = await (
    await json('/passkeys/register/options', {}, { cookie: user.cookie })
  ).json<{
    challenge: string;
    rp: { id: string };
    user: { name: string };
    authenticatorSelection: { userVerification: string; residentKey: string };
  }>();
  expect(options).toMatchObject({ rp: { id: RP }, user: { name: user.name } });
  expect(options.authenticatorSelection).toMatchObject({ userVerification: 'required', residentKey: 'required' });
  const res = await json('/passkeys/register', { response: key.register(options.challenge, ORIGIN) }, { cookie: user.cookie });
  expect(res.status).toBe(201);
  return { ...user, key };
}

const signIn = async (response: unknown) => json('/passkeys/sign-in', { response });
const passkeyByIdCount = (id: string) => env.DB.prepare('SELECT COUNT(*) AS n FROM passkeys WHERE id = ?').bind(id).first('n');

describe('passkeys', () => {
  it('registers for the signed-in user only, with a challenge issued to them, once', async () => {
    const key = await softPasskey(RP);
    expect((await json('/passkeys/register/options', {})).status).toBe(401);
    expect((await json('/passkeys/register', { response: key.register('x', ORIGIN) })).status).toBe(401);

    const a = await staffSession();
    const b = await staffSession();
    const forA = await challenge('/passkeys/register/options', { cookie: a.cookie });
    // B cannot use A's challenge; A cannot use it twice; nor from another site's page.
    expect((await json('/passkeys/register', { response: key.register(forA, ORIGIN) }, { cookie: b.cookie })).status).toBe(400);
    const again = await challenge('/passkeys/register/options', { cookie: a.cookie });
    const evil = await json(
      '/passkeys/register',
      { response: key.register(again, 'https://evil.example') },
      { cookie: a.cookie },
    );
    expect(evil.status).toBe(400);
    expect(await evil.json()).toEqual({ ok: false, error: '通行密钥未能添加，请重试。' });
    const third = await challenge('/passkeys/register/options', { cookie: a.cookie });
    expect((await json('/passkeys/register', { response: key.register(third, ORIGIN) }, { cookie: a.cookie })).status).toBe(201);
    expect((await json('/passkeys/register', { response: key.register(third, ORIGIN) }, { cookie: a.cookie })).status).toBe(400);
    // The same credential for B, with B's own challenge: refused in Chinese, not a 500; A keeps it.
    const forB = await challenge('/passkeys/register/options', { cookie: b.cookie });
    const taken = await json('/passkeys/register', { response: key.register(forB, ORIGIN) }, { cookie: b.cookie });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toEqual({ ok: false, error: '这个通行密钥已经登记过了。' });
    const rows = await env.DB.prepare('SELECT staff_id FROM passkeys WHERE id = ?').bind(key.id).all();
    expect(rows.results).toEqual([{ staff_id: (await staffByName(env.DB, a.name))!.id }]);
    const logged = await env.DB.prepare(`SELECT COUNT(*) AS n FROM operator_log WHERE action = 'add-passkey' AND detail = ?`)
      .bind(b.name)
      .first<{ n: number }>();
    expect(logged!.n).toBe(0);
  });

  it('a registration whose session a setup link ended meanwhile adds nothing, and logs nothing', async () => {
    const user = await staffSession();
    const staff = (await staffByName(env.DB, user.name))!;
    const session = await sha256Hex(/baoxiu-session=([^;]+)/.exec(user.cookie)![1]);
    const credential = { id: `lost-phone-${crypto.randomUUID()}`, publicKey: new Uint8Array([1, 2, 3]), counter: 0 };
    const add = () =>
      addPasskey(env.DB, staff.id, credential, null, session, logStatement(env.DB, staff, 'add-passkey', staff.name));
    // The session ends (the link for a lost phone) after the request passed the gate, before the write.
    await env.DB.prepare('UPDATE sessions SET ended_at = ? WHERE id_hash = ?').bind(new Date().toISOString(), session).run();
    expect(await add()).toBe('signed-out');
    expect(await passkeyByIdCount(credential.id)).toBe(0);
    const logged = await env.DB.prepare(`SELECT COUNT(*) AS n FROM operator_log WHERE action = 'add-passkey' AND staff_id = ?`)
      .bind(staff.id)
      .first('n');
    expect(logged).toBe(0);
    // With the session live, the same write adds it.
    await env.DB.prepare('UPDATE sessions SET ended_at = NULL WHERE id_hash = ?').bind(session).run();
    expect(await add()).toBe('added');
    expect(await passkeyByIdCount(credential.id)).toBe(1);
  });

  it('signs in with a valid assertion, and refuses a replay, a challenge a failed attempt used, an old counter and another origin', async () => {
    const { name, key } = await registered();
    const first = await key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN);
    const ok = await signIn(first);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, staff: { name } });
    expect(ok.headers.get('set-cookie')).toMatch(/baoxiu-session=.+HttpOnly.+SameSite=Strict/i);

    expect((await signIn(first)).status).toBe(401); // its challenge is used up
    // A failed attempt uses its challenge up too (an unknown passkey): it cannot be answered again.
    const once = await challenge('/passkeys/sign-in/options');
    expect((await signIn(await (await softPasskey(RP)).authenticate(once, ORIGIN))).status).toBe(401);
    expect((await signIn(await key.authenticate(once, ORIGIN))).status).toBe(401);
    const old = await key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN, 1);
    expect((await signIn(old)).status).toBe(401); // counter 1 again: a cloned authenticator
    const elsewhere = await key.authenticate(await challenge('/passkeys/sign-in/options'), 'https://evil.example');
    expect((await signIn(elsewhere)).status).toBe(401);
    const later = await key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN);
    expect((await signIn(later)).status).toBe(200);
    // Two sign-ins verified at once, the higher counter stored first: the lower one does not undo it.
    const stored = async () =>
      (await env.DB.prepare('SELECT counter FROM passkeys WHERE id = ?').bind(key.id).first<{ counter: number }>())!.counter;
    const high = await stored();
    await passkeyUsed(env.DB, key.id, high - 1);
    expect(await stored()).toBe(high);
  });

  it('a removed passkey or a disabled user signs in no more; junk gets a clear 4xx', async () => {
    const owner = await staffSession('owner');
    const user = await registered();
    const removed = await inboxPost(`/passkeys/${user.key.id}/remove`, {}, { cookie: user.cookie });
    expect(removed.status).toBe(200);
    const gone = await signIn(await user.key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN));
    expect(gone.status).toBe(401);
    expect(((await gone.json()) as { error: string }).error).toContain('不属于任何员工');

    const other = await registered();
    const id = (await staffByName(env.DB, other.name))!.id;
    expect((await inboxPost(`/staff/${id}/disable`, {}, { cookie: owner.cookie })).status).toBe(200);
    expect((await signIn(await other.key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN))).status).toBe(401);

    for (const body of ['', 'null', '{"response": 1}', '{"response": {"id": 5}}', '{"response": {"id": "x", "response": {}}}']) {
      const res = await json('/passkeys/sign-in', body);
      expect(res.status, body).toBe(401);
    }
    const mine = await registered();
    const junk = {
      ...(await mine.key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN)),
      response: { signature: 'AA' },
    };
    expect((await signIn(junk)).status).toBe(401);
  });

  it('removing a passkey signs out the other sessions it opened (a lost phone), not the asking one nor a password sign-in', async () => {
    const user = await registered(); // signed in with the setup link's password
    const viaKey = async () => {
      const res = await signIn(await user.key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN));
      expect(res.status).toBe(200);
      return /baoxiu-session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
    };
    const [here, lost, idle] = [await viaKey(), await viaKey(), await viaKey()];
    const live = async (id: string) => (await openSession(env.DB, id)) !== null;
    // One idle past 12 hours is dead already: not counted among those the removal ends.
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?')
      .bind(new Date(Date.now() - 13 * 3600_000).toISOString(), await sha256Hex(idle))
      .run();
    const password = /baoxiu-session=([^;]+)/.exec(user.cookie)![1];

    // Someone else's removal of it (not theirs) removes and ends nothing.
    const other = await staffSession();
    const refused = await inboxPost(`/passkeys/${encodeURIComponent(user.key.id)}/remove`, {}, { cookie: other.cookie });
    expect(refused.status).toBe(404);
    expect(await passkeyByIdCount(user.key.id)).toBe(1);
    expect(await live(lost)).toBe(true);

    const res = await inboxPost(`/passkeys/${encodeURIComponent(user.key.id)}/remove`, {}, { cookie: `baoxiu-session=${here}` });
    expect(await res.json()).toEqual({ ok: true, ended: 1 });
    expect(await live(lost)).toBe(false);
    expect(await live(here)).toBe(true);
    expect(await live(password)).toBe(true);
    // Recorded: who, and how many sessions it ended.
    const log = async () =>
      (
        await env.DB.prepare(`SELECT detail FROM operator_log WHERE action = 'remove-passkey' AND staff_name = ?`)
          .bind(user.name)
          .all<{ detail: string }>()
      ).results.map((r) => r.detail);
    expect(await log()).toEqual(['1']);
    // Removed again, from the password's session: nothing to remove, so nothing ends (not the
    // session it was removed from either) and nothing is logged.
    const twice = await inboxPost(`/passkeys/${encodeURIComponent(user.key.id)}/remove`, {}, { cookie: user.cookie });
    expect(twice.status).toBe(404);
    expect(await live(here)).toBe(true);
    expect(await log()).toEqual(['1']);

    // A browser's form post: back to the account page, which says what ended.
    const again = await registered();
    const key2 = /baoxiu-session=([^;]+)/.exec(
      (await signIn(await again.key.authenticate(await challenge('/passkeys/sign-in/options'), ORIGIN))).headers.get(
        'set-cookie',
      )!,
    )![1];
    const form = await inboxForm(`/passkeys/${encodeURIComponent(again.key.id)}/remove`, {}, { cookie: again.cookie });
    expect(form.status).toBe(303);
    // The page reads the count from the record the link names (log.ts countRecorded), not from the link.
    const removed = /^\/admin\/account\/\?removed=([0-9a-f-]{36})$/.exec(form.headers.get('location')!)![1];
    const staffId = (await staffByName(env.DB, again.name))!.id;
    expect(await countRecorded(env.DB, removed, staffId, 'remove-passkey')).toBe(1);
    expect(await countRecorded(env.DB, removed, (await staffByName(env.DB, user.name))!.id, 'remove-passkey')).toBeUndefined();
    expect(await live(key2)).toBe(false);
  });
});
