// The owner's staff management inside workerd: adding users with setup links, new links, disabling
// (which ends their sessions), ending a session; each logged with who and when; a technician may do
// none of it.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../functions/staff/tokens.ts';
import { staffByName } from '../../functions/staff/store.ts';
import { inboxPost, staffSession } from './inbox.ts';

const lastLog = () =>
  env.DB.prepare('SELECT staff_name, action, detail FROM operator_log ORDER BY at DESC, rowid DESC LIMIT 1').first();
const canWork = async (cookie: string) =>
  (await inboxPost('/leads/00000000-0000-0000-0000-000000000000/notes', { text: 'x' }, { cookie })).status !== 401;

describe('staff management', () => {
  it('an owner adds a user and gets a setup link that works once; a new link replaces the old one', async () => {
    const owner = await staffSession('owner');
    const name = `技师${Date.now() % 100000}`;
    const added = await inboxPost('/staff', { name, role: 'staff' }, { cookie: owner.cookie });
    expect(added.status).toBe(201);
    const { setupUrl } = (await added.json()) as { setupUrl: string };
    expect(await lastLog()).toEqual({ staff_name: owner.name, action: 'add-staff', detail: name });
    expect((await inboxPost('/staff', { name, role: 'staff' }, { cookie: owner.cookie })).status).toBe(409);
    expect((await inboxPost('/staff', { name: '<script>', role: 'staff' }, { cookie: owner.cookie })).status).toBe(400);

    const user = (await staffByName(env.DB, name))!;
    const again = await inboxPost(`/staff/${user.id}/setup-link`, {}, { cookie: owner.cookie });
    const newUrl = ((await again.json()) as { setupUrl: string }).setupUrl;
    expect(newUrl).not.toBe(setupUrl);
    expect(await lastLog()).toEqual({ staff_name: owner.name, action: 'setup-link', detail: name });
    const code = (url: string) => new URL(url).searchParams.get('code')!;
    expect((await inboxPost('/setup', { code: code(setupUrl), password: 'long enough password' })).status).toBe(410);
    expect((await inboxPost('/setup', { code: code(newUrl), password: 'long enough password' })).status).toBe(200);
    expect(await lastLog()).toEqual({ staff_name: name, action: 'complete-setup', detail: 'first' });
  });

  it('a new setup link, once used, locks a lost phone out: its session and the passkeys end', async () => {
    const owner = await staffSession('owner');
    const worker = await staffSession('staff');
    const id = (await staffByName(env.DB, worker.name))!.id;
    await env.DB.prepare(`INSERT INTO passkeys (id, staff_id, public_key, counter, created_at) VALUES (?, ?, 'key', 0, ?)`)
      .bind(`lost-${id}`, id, new Date().toISOString())
      .run();
    const link = await inboxPost(`/staff/${id}/setup-link`, {}, { cookie: owner.cookie });
    // Until the link is used, the phone still works (the owner may have made it by mistake).
    expect(await canWork(worker.cookie)).toBe(true);
    const code = new URL(((await link.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
    const done = await inboxPost('/setup', { code, password: 'a new long password' });
    expect(done.status).toBe(200);
    expect(await canWork(worker.cookie)).toBe(false);
    const passkeys = await env.DB.prepare('SELECT COUNT(*) AS n FROM passkeys WHERE staff_id = ?')
      .bind(id)
      .first<{ n: number }>();
    expect(passkeys!.n).toBe(0);
    // The new session, on the device that used the link, works.
    const fresh = /baoxiu-session=[^;]+/.exec(done.headers.get('set-cookie') ?? '')![0];
    expect(await canWork(fresh)).toBe(true);
    expect(await lastLog()).toEqual({ staff_name: worker.name, action: 'complete-setup', detail: null });
  });

  it('disabling a user ends their sessions; an owner cannot be disabled', async () => {
    const owner = await staffSession('owner');
    const other = await staffSession('owner');
    const worker = await staffSession('staff');
    expect(await canWork(worker.cookie)).toBe(true);
    const id = (await staffByName(env.DB, worker.name))!.id;
    // A browser's 停用 asks first, on the staff page: nothing is disabled until it is confirmed.
    const asked = await inboxPost(`/staff/${id}/disable`, {}, { cookie: owner.cookie, accept: 'text/html' });
    expect([asked.status, asked.headers.get('location')]).toEqual([303, `/admin/staff/?disable=${id}#confirm-disable`]);
    expect(await canWork(worker.cookie)).toBe(true);
    const confirmed = await inboxPost(`/staff/${id}/disable`, { confirm: '1' }, { cookie: owner.cookie, accept: 'text/html' });
    expect([confirmed.status, confirmed.headers.get('location')]).toEqual([303, '/admin/staff/']);
    expect(await canWork(worker.cookie)).toBe(false);
    expect((await inboxPost(`/staff/${id}/disable`, {}, { cookie: owner.cookie })).status).toBe(404);
    // A JSON client (the admin API) is not asked.
    const next = await staffSession('staff');
    const nextId = (await staffByName(env.DB, next.name))!.id;
    expect((await inboxPost(`/staff/${nextId}/disable`, {}, { cookie: owner.cookie })).status).toBe(200);
    expect(await canWork(next.cookie)).toBe(false);
    expect(await lastLog()).toEqual({ staff_name: owner.name, action: 'disable-staff', detail: next.name });
    // Enabled again: signs in with the password they had; recorded; one not disabled is no such change.
    expect((await inboxPost(`/staff/${nextId}/enable`, {}, { cookie: owner.cookie })).status).toBe(200);
    expect(await lastLog()).toEqual({ staff_name: owner.name, action: 'enable-staff', detail: next.name });
    expect((await inboxPost('/sign-in', { name: next.name, password: 'correct horse battery' })).status).toBe(200);
    expect((await inboxPost(`/staff/${nextId}/enable`, {}, { cookie: owner.cookie })).status).toBe(404);
    expect((await inboxPost(`/staff/${nextId}/enable`, {}, { cookie: worker.cookie })).status).toBe(401);
    const otherId = (await staffByName(env.DB, other.name))!.id;
    expect((await inboxPost(`/staff/${otherId}/disable`, {}, { cookie: owner.cookie })).status).toBe(409);
    expect(await canWork(other.cookie)).toBe(true);
  });

  it('an owner ends another session by its stored id; that cookie then opens nothing', async () => {
    const owner = await staffSession('owner');
    const worker = await staffSession('staff');
    const hash = await sha256Hex(worker.cookie.split('=')[1]);
    expect((await inboxPost(`/sessions/${hash}/revoke`, {}, { cookie: owner.cookie })).status).toBe(200);
    expect(await canWork(worker.cookie)).toBe(false);
    expect(await lastLog()).toEqual({ staff_name: owner.name, action: 'revoke-session', detail: worker.name });
    expect((await inboxPost(`/sessions/${hash}/revoke`, {}, { cookie: owner.cookie })).status).toBe(404);
  });

  it('a technician may not manage staff: 403 and nothing changed', async () => {
    const worker = await staffSession('staff');
    const victim = await staffSession('staff');
    const victimId = (await staffByName(env.DB, victim.name))!.id;
    const hash = await sha256Hex(victim.cookie.split('=')[1]);
    const logged = await lastLog();
    for (const [path, body] of [
      ['/staff', { name: `偷偷${Date.now() % 1000}`, role: 'owner' }],
      [`/staff/${victimId}/disable`, {}],
      [`/staff/${victimId}/setup-link`, {}],
      [`/sessions/${hash}/revoke`, {}],
    ] as const) {
      const res = await inboxPost(path, body, { cookie: worker.cookie });
      expect(res.status, path).toBe(403);
    }
    expect(await canWork(victim.cookie)).toBe(true);
    expect(await lastLog()).toEqual(logged);
    // Without a session at all: 401, and a browser is sent to sign in.
    expect((await inboxPost('/staff', { name: 'x', role: 'staff' })).status).toBe(401);
    const page = await inboxPost('/staff', { name: 'x', role: 'staff' }, { accept: 'text/html' });
    expect(page.headers.get('location')).toBe('/admin/sign-in/');
  });
});
