// A user's own password change inside workerd (functions/staff/password-change.ts): the current
// password first, the new one twice; their other sessions end, the asking one stays; recorded.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/staff/password.ts';
import { openSession } from '../../functions/staff/sessions.ts';
import { changePassword, newSetupLink, setupCodeOwner, staffByName } from '../../functions/staff/store.ts';
import { sha256Hex } from '../../functions/staff/tokens.ts';
import { inOneWindow } from './helpers.ts';
import { inboxForm, inboxPost, staffSession } from './inbox.ts';

const OLD = 'correct horse battery'; // staffSession's
const NEW = '一个更长的新密码，真的';
const signIn = (name: string, password: string) => inboxPost('/sign-in', { name, password });
const idOf = (cookie: string) => cookie.split('=')[1];
const renewedCookie = (res: Response) => /baoxiu-session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
const logOf = (name: string) =>
  env.DB.prepare(`SELECT action, detail FROM operator_log WHERE staff_name = ? AND action = 'change-password'`).bind(name).all();

describe('changing one’s own password', () => {
  it('with the current one: the old no longer signs in, the new one does; the other sessions end, this device stays under a new session id; recorded', async () => {
    const { name, cookie } = await staffSession();
    const other = /baoxiu-session=[^;]+/.exec((await signIn(name, OLD)).headers.get('set-cookie') ?? '')![0];
    // A session dead already (idle past 12 hours) is not counted as one the change ended.
    const idle = /baoxiu-session=[^;]+/.exec((await signIn(name, OLD)).headers.get('set-cookie') ?? '')![0];
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?')
      .bind(new Date(Date.now() - 13 * 3600_000).toISOString(), await sha256Hex(idOf(idle)))
      .run();
    // Another user's session is theirs.
    const someoneElse = (await staffSession()).cookie;
    const res = await inboxPost('/password', { current: OLD, password: NEW, confirm: NEW }, { cookie });
    expect([res.status, await res.json()]).toEqual([200, { ok: true, ended: 1 }]);
    expect(await openSession(env.DB, idOf(other))).toBeNull();
    expect(await openSession(env.DB, idOf(someoneElse))).not.toBeNull();
    // This device goes on under a new session id: the old cookie (a copy of it) opens nothing.
    const renewed = /baoxiu-session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    expect(renewed).toMatch(/^[\w-]{43}$/);
    expect(await openSession(env.DB, renewed!)).not.toBeNull();
    expect(await openSession(env.DB, idOf(cookie))).toBeNull();
    expect([(await signIn(name, OLD)).status, (await signIn(name, NEW)).status]).toEqual([401, 200]);
    expect((await logOf(name)).results).toEqual([{ action: 'change-password', detail: '1' }]);
  });

  it('ends the user’s unused setup links, as a link used would have replaced this password; a failed change ends none', async () => {
    const { name, cookie } = await staffSession();
    const user = (await staffByName(env.DB, name))!;
    const { code } = await newSetupLink(env.DB, user.id);
    const wrong = await inboxPost('/password', { current: 'wrong horse battery', password: NEW, confirm: NEW }, { cookie });
    expect(wrong.status).toBe(401);
    expect(await setupCodeOwner(env.DB, code)).toMatchObject({ name });
    const res = await inboxPost('/password', { current: OLD, password: NEW, confirm: NEW }, { cookie });
    expect(res.status).toBe(200);
    expect(await setupCodeOwner(env.DB, code)).toBeNull();
    // Nor can it still set a password.
    const setup = await inboxPost('/setup', { code, password: '另一个足够长的密码呀', confirm: '另一个足够长的密码呀' });
    expect(setup.status).toBe(410);
    expect([(await signIn(name, NEW)).status, (await signIn(name, '另一个足够长的密码呀')).status]).toEqual([200, 401]);
    // Another user's link is theirs.
    const other = (await staffByName(env.DB, (await staffSession()).name))!;
    const theirs = (await newSetupLink(env.DB, other.id)).code;
    await inboxPost('/password', { current: NEW, password: OLD + '2', confirm: OLD + '2' }, { cookie: renewedCookie(res) });
    expect(await setupCodeOwner(env.DB, theirs)).toMatchObject({ name: other.name });
  });

  it('refuses a wrong current password, a short, mistyped or unchanged new one, and changes nothing', async () => {
    const { name, cookie } = await staffSession();
    const tries: [Record<string, string>, number, string][] = [
      [{ current: 'wrong horse battery', password: NEW, confirm: NEW }, 401, '当前密码不正确。'],
      [{ current: OLD, password: '短密码', confirm: '短密码' }, 400, '密码至少 10 个字符。'],
      [{ current: OLD, password: NEW, confirm: `${NEW}。` }, 400, '两次输入的密码不一致。'],
      [{ current: OLD, password: NEW }, 400, '两次输入的密码不一致。'],
      [{ current: OLD, password: OLD, confirm: OLD }, 400, '新密码与当前密码相同。'],
    ];
    for (const [body, status, error] of tries) {
      const res = await inboxPost('/password', body, { cookie });
      expect([res.status, await res.json()]).toEqual([status, { ok: false, error }]);
    }
    expect((await signIn(name, OLD)).status).toBe(200);
    expect((await logOf(name)).results).toEqual([]);
  });

  it('a browser’s form goes back to the account page with what happened; signed out, to sign-in; another site may not post', async () => {
    const { name, cookie } = await staffSession();
    const form = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      inboxForm('/password', body, { cookie, ...headers });
    const wrong = await form({ current: 'nope nope nope', password: NEW, confirm: NEW });
    expect([wrong.status, wrong.headers.get('location')]).toEqual([303, '/admin/account/?password=current#password-title']);
    // Never a password in the address.
    expect(wrong.headers.get('location')).not.toContain('nope');
    const signedOut = await form({ current: OLD, password: NEW, confirm: NEW }, { cookie: '' });
    expect([signedOut.status, signedOut.headers.get('location')]).toEqual([303, '/admin/sign-in/']);
    const elsewhere = await form({ current: OLD, password: NEW, confirm: NEW }, { origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect((await signIn(name, OLD)).status).toBe(200);
    const done = await form({ current: OLD, password: NEW, confirm: NEW });
    const id = done.headers.get('location')!.match(/^\/admin\/account\/\?changed=([\w-]{36})#password-title$/)?.[1];
    // The change the link names, recorded: the account page reads its count of sessions ended there.
    const entry = await env.DB.prepare('SELECT staff_name, action FROM operator_log WHERE id = ?').bind(id).first();
    expect(entry).toEqual({ staff_name: name, action: 'change-password' });
  });

  it('a password changed meanwhile (another tab, a setup link) is not overwritten, and no session ends', async () => {
    const { name, cookie } = await staffSession();
    const other = /baoxiu-session=[^;]+/.exec((await signIn(name, OLD)).headers.get('set-cookie') ?? '')![0];
    const staff = (await staffByName(env.DB, name))!;
    const stale = await hashPassword('the password before');
    expect(await changePassword(env.DB, staff, stale, await hashPassword(NEW), null)).toEqual({ ended: 0 });
    for (const session of [cookie, other]) expect(await openSession(env.DB, idOf(session))).not.toBeNull();
    expect((await signIn(name, OLD)).status).toBe(200);
    expect((await logOf(name)).results).toEqual([]);
  });

  it('is limited as sign-in is: a session someone else holds is no way to guess its password', async () => {
    const statuses = await inOneWindow(60, async () => {
      const { cookie } = await staffSession();
      const statuses = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await inboxPost('/password', { current: `guess ${i} nope`, password: NEW, confirm: NEW }, { cookie })).status,
        );
      return statuses;
    });
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });
});
