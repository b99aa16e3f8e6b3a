// Shared by the workerd tests of the inbox's handlers: a signed-in user, and a post as the inbox's pages send it.
import { env, exports } from 'cloudflare:workers';
import { freshIp, ORIGIN } from './helpers.ts';

let users = 0;
/** A signed-in staff user: their name and session cookie. */
export async function staffSession(role: 'owner' | 'staff' = 'staff') {
  const name = `工${Date.now() % 100000}${users++}`;
  const added = await exports.default.fetch(
    new Request(`${ORIGIN}/api/admin/staff`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, role }),
    }),
  );
  const code = new URL(((await added.json()) as { setupUrl: string }).setupUrl).searchParams.get('code')!;
  const setup = await inboxPost('/setup', { code, password: 'correct horse battery' });
  const cookie = /baoxiu-session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')![0];
  return { name, cookie };
}

export const inboxPost = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`${ORIGIN}/admin${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': freshIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );

/** A post as a browser's form sends it, without JavaScript: URL-encoded, asking for a page. */
export const inboxForm = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  exports.default.fetch(
    new Request(`${ORIGIN}/admin${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        'cf-connecting-ip': freshIp(),
        ...headers,
      },
      body: new URLSearchParams(body).toString(),
    }),
  );
