// Staff sign-in inside workerd: passwords, setup links, sessions, limits.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openSession, passwordStill, startSession } from '../../functions/staff/sessions.ts';
import { completeSetup, staffByName } from '../../functions/staff/store.ts';
import { sha256Hex } from '../../functions/staff/tokens.ts';
import { inboxForm, inboxPost } from './inbox.ts';
import { freshIp, inOneWindow, ORIGIN } from './helpers.ts';
import { hashPassword, verifyPassword } from '../../functions/staff/password.ts';

describe('passwords', () => {
  it('are hashed with PBKDF2-SHA-256 at the most iterations workerd allows, salted', async () => {
    const a = await hashPassword('正确的马电池订书钉');
    const b = await hashPassword('正确的马电池订书钉');
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('正确的马电池订书钉', a)).toBe(true);
    expect(await verifyPassword('正确的马电池订书钊', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
    // A crafted hash cannot make verification do more work than the cap.
    expect(await verifyPassword('正确的马电池订书钉', a.replace('$100000$', '$9000000$'))).toBe(false);
  });
});

const admin = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers },
    }),
  );

let users = 0;
/** A new user through the admin API; resolves with their name and setup code. */
async function newUser(role: 'owner' | 'staff' = 'staff') {
  const name = `师傅${Date.now() % 100000}${users++}`;
  const res = await admin('/api/admin/staff', { method: 'POST', body: JSON.stringify({ name, role }) });
  expect(res.status).toBe(201);
  const { setupUrl, expiresAt } = (await res.json()) as { setupUrl: string; expiresAt: string };
  return { name, code: new URL(setupUrl).searchParams.get('code')!, setupUrl, expiresAt };
}

const cookieOf = (res: Response) => res.headers.get('set-cookie') ?? '';
const sessionId = (res: Response) => /baoxiu-session=([^;]+)/.exec(cookieOf(res))?.[1] ?? '';

describe('setup links', () => {
  it('are made by the admin API, work once within 24 hours, and sign the new user in', async () => {
    const { name, code, setupUrl, expiresAt } = await newUser('owner');
    expect(setupUrl).toMatch(new RegExp(`^${ORIGIN}/admin/setup/\\?code=[\\w-]{43}$`));
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    // Only a hash of the code is stored.
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM staff_setup').all())).not.toContain(code);

    expect((await inboxPost('/setup', { code, password: 'short' })).status).toBe(400);
    const res = await inboxPost('/setup', { code, password: '一二三四五六七八九十' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, staff: { name, role: 'owner' } });
    expect(cookieOf(res)).toMatch(/^baoxiu-session=[\w-]{43}; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Strict$/);
    // Used once: the same code again is refused.
    expect((await inboxPost('/setup', { code, password: '一二三四五六七八九十' })).status).toBe(410);
  });

  it('over https, name the cookie __Host-: this host only, Path=/, no Domain', async () => {
    const { code } = await newUser('staff');
    const https = 'https://baoxiu.test';
    const res = await exports.default.fetch(
      new Request(`${https}/admin/setup`, {
        method: 'POST',
        headers: { origin: https, 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
        body: JSON.stringify({ code, password: '一二三四五六七八九十' }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^__Host-baoxiu-session=[\w-]{43}; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Strict$/);
    // The session it names is read under that name: sign-out ends it, and removes the cookie where it was set.
    const session = cookie.split(';')[0];
    const id = session.split('=')[1];
    expect(await openSession(env.DB, id)).not.toBeNull();
    const out = await exports.default.fetch(
      new Request(`${https}/admin/sign-out`, {
        method: 'POST',
        headers: { origin: https, 'content-type': 'application/json', cookie: session, 'cf-connecting-ip': freshIp() },
        body: '{}',
      }),
    );
    expect(cookieOf(out)).toMatch(/^__Host-baoxiu-session=; Max-Age=0; Path=\/; Secure/);
    expect(await openSession(env.DB, id)).toBeNull();
  });

  it('change all or nothing: a link whose changes fail stays usable, and the old password with it', async () => {
    const { name, code } = await newUser('staff');
    const failing = new Proxy(env.DB, {
      get: (db, k: keyof D1Database) => (k === 'batch' ? () => Promise.reject(new Error('D1 is down')) : db[k].bind(db)),
    });
    const hash = await hashPassword('一二三四五六七八九十');
    await expect(completeSetup(failing, code, hash)).rejects.toThrow('D1 is down');
    expect(
      await env.DB.prepare(
        'SELECT COUNT(*) AS n FROM staff_setup WHERE used_at IS NOT NULL AND staff_id = (SELECT id FROM staff WHERE name = ?)',
      )
        .bind(name)
        .first('n'),
    ).toBe(0);
    expect(await completeSetup(env.DB, code, hash)).toMatchObject({ name, password_hash: hash });
    expect(await completeSetup(env.DB, code, hash)).toBeNull(); // once
  });

  it('a sign-in verified against a password a setup link has replaced meanwhile opens no session', async () => {
    const { name, code } = await newUser('staff');
    const old = await hashPassword('旧密码旧密码旧密码旧');
    await completeSetup(env.DB, code, old);
    const user = (await staffByName(env.DB, name))!;
    expect(await startSession(env.DB, user.id, null, passwordStill(old))).not.toBeNull();
    // A new link is used between the password check and the session's write.
    await env.DB.prepare('UPDATE staff SET password_hash = ? WHERE id = ?')
      .bind(await hashPassword('新密码新密码新密码新'), user.id)
      .run();
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE staff_id = ?').bind(user.id).first('n');
    expect(await startSession(env.DB, user.id, null, passwordStill(old))).toBeNull();
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM sessions WHERE staff_id = ?').bind(user.id).first('n')).toBe(before);
  });

  it('expire after 24 hours, and an unknown code says the same', async () => {
    const { code } = await newUser();
    await env.DB.prepare("UPDATE staff_setup SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    const expired = await inboxPost('/setup', { code, password: 'a-long-enough-password' });
    const unknown = await inboxPost('/setup', { code: 'x'.repeat(43), password: 'a-long-enough-password' });
    expect([expired.status, unknown.status]).toEqual([410, 410]);
    expect(await expired.json()).toEqual(await unknown.json());
    // A code that cannot even be URL-encoded (a lone surrogate; found by the inbox fuzz test): a page, not a 500.
    const odd = await inboxPost('/setup', { code: '\ud800', password: 'a-long-enough-password' }, { accept: 'text/html' });
    expect([odd.status, odd.headers.get('location')]).toEqual([303, '/admin/setup/?code=&error=setup']);
  });

  it('refuse a taken name and a bad body with a clear error', async () => {
    const { name } = await newUser();
    // The user added through the admin API is in the operator log, as one added in the inbox is.
    const log = await env.DB.prepare(`SELECT staff_name, detail FROM operator_log WHERE action = 'add-staff' AND detail = ?`)
      .bind(name)
      .all();
    expect(log.results).toEqual([{ staff_name: '管理接口', detail: name }]);
    expect((await admin('/api/admin/staff', { method: 'POST', body: JSON.stringify({ name }) })).status).toBe(409);
    const bad = await admin('/api/admin/staff', { method: 'POST', body: JSON.stringify({ name: '<b>x</b>', role: 'boss' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/name/);
  });
});

describe('sign-in', () => {
  async function userWithPassword() {
    const user = await newUser();
    await inboxPost('/setup', { code: user.code, password: 'correct horse battery' });
    return user.name;
  }

  it('opens a session with the right password; a wrong password and an unknown name get the same answer', async () => {
    const name = await userWithPassword();
    const ok = await inboxPost('/sign-in', { name, password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    const id = sessionId(ok);
    const row = await env.DB.prepare('SELECT * FROM sessions WHERE id_hash = ?')
      .bind(await sha256Hex(id))
      .first<Record<string, string>>();
    expect(row).toMatchObject({ ended_at: null });
    expect(Date.parse(row!.expires_at) - Date.parse(row!.created_at)).toBe(30 * 86_400_000);

    const wrong = await inboxPost('/sign-in', { name, password: 'wrong horse battery' });
    const unknown = await inboxPost('/sign-in', { name: `${name}x`, password: 'correct horse battery' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(cookieOf(wrong) + cookieOf(unknown)).toBe('');
  });

  it('a browser form post is sent on to the inbox with 303, and the answer is not cached or indexed', async () => {
    const name = await userWithPassword();
    const res = await inboxForm('/sign-in', { name, password: 'correct horse battery' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');

    // Refused: back to the page with the name typed, never the password.
    const wrong = await inboxPost('/sign-in', { name, password: 'wrong horse battery' }, { accept: 'text/html' });
    expect([wrong.status, wrong.headers.get('location')]).toEqual([
      303,
      `/admin/sign-in/?${new URLSearchParams({ name })}&error=signIn`,
    ]);
    expect(wrong.headers.get('location')).not.toMatch(/horse|battery/);
  });

  it('refuses posts from another site', async () => {
    const name = await userWithPassword();
    const res = await inboxPost('/sign-in', { name, password: 'correct horse battery' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(cookieOf(res)).toBe('');
  });

  it('setup posts are limited per IP like sign-in: each hashes a password before its code is checked', async () => {
    // A fresh address each try: a burst that straddled two windows is run again with keys of its own.
    const statuses = await inOneWindow(60, async () => {
      const ip = freshIp();
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (await inboxPost('/setup', { code: 'x'.repeat(43), password: 'a-long-enough-password' }, { 'cf-connecting-ip': ip }))
            .status,
        );
      return statuses;
    });
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(410));
    expect(statuses.at(-1)).toBe(429);
  });

  it('is rate-limited per user name', async () => {
    const statuses = await inOneWindow(60, async () => {
      const name = await userWithPassword();
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await inboxPost('/sign-in', { name, password: `guess ${i} nope` })).status);
      return statuses;
    });
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('sessions', () => {
  async function signedIn() {
    const user = await newUser();
    return sessionId(await inboxPost('/setup', { code: user.code, password: 'correct horse battery' }));
  }

  it('open while live; end after 12 idle hours, after 30 days, or at sign-out (server-side)', async () => {
    const id = await signedIn();
    expect(await openSession(env.DB, id)).toMatchObject({ staff: { role: 'staff' } });
    expect(await openSession(env.DB, id, new Date(Date.now() + 13 * 3600_000))).toBeNull();

    const old = await signedIn();
    // Used every few hours, it still ends 30 days after sign-in.
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?')
      .bind(new Date(Date.now() + 30 * 86_400_000).toISOString(), await sha256Hex(old))
      .run();
    expect(await openSession(env.DB, old, new Date(Date.now() + 30 * 86_400_000 + 60_000))).toBeNull();

    const out = await inboxPost('/sign-out', {}, { cookie: `baoxiu-session=${id}` });
    expect(out.status).toBe(200);
    expect(cookieOf(out)).toMatch(/^baoxiu-session=; Max-Age=0; Path=\/;/);
    expect(await openSession(env.DB, id)).toBeNull();
  });
});

describe('the inbox', () => {
  it('the Astro-free Worker answers no inbox page: the 404 page, not cached, not indexed', async () => {
    const res = await exports.default.fetch(new Request(`${ORIGIN}/admin/`));
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(await res.text()).toContain('页面不存在');
  });
});
