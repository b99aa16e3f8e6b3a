// The inbox's gate: a request goes on only with a live session, and then knows its user
// (c.var.staff). Without one, nothing of the inbox is shown: JSON clients get 401, a browser is
// sent to the sign-in page.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Env } from '../env.ts';
import { accessOn, accessStaff } from './access.ts';
import { openSession } from './sessions.ts';
import { sessionCookie } from './sign-in.ts';
import type { Staff } from './store.ts';
import { sha256Hex } from './tokens.ts';
import { wantsPage } from '../web/wants-page.ts';
import { signInPage } from '../../src/contract/sign-in-return.ts';

export type SignedIn = { Bindings: Env; Variables: { staff: Staff } };

export const signedIn: MiddlewareHandler<SignedIn> = async (c, next) => {
  const staff = await staffOf(c.env, c.req.raw.headers, getCookie(c, sessionCookie(c)));
  if (!staff) {
    // A page asked for (a lead's, from a notification) is where the sign-in goes on to.
    const page = c.req.method === 'GET' ? signInPage(c.req.path) : '/admin/sign-in/';
    return wantsPage(c) ? c.redirect(page, 303) : c.json({ ok: false, error: '请先登录。' }, 401);
  }
  c.set('staff', staff);
  return next();
};

/** The hash of the asking session, as D1 keeps it; null under Access (no session of ours). */
export async function sessionHash(c: Context<SignedIn>): Promise<string | null> {
  const cookie = accessOn(c.env) ? undefined : getCookie(c, sessionCookie(c));
  return cookie ? await sha256Hex(cookie) : null;
}

/** The request's user: Access's when Access is on (access.ts), else the live session's of the cookie. */
export async function staffOf(env: Env, headers: Headers, cookie: string | undefined): Promise<Staff | null> {
  if (accessOn(env)) return accessStaff(env, headers);
  const open = cookie ? await openSession(env.DB, cookie) : null;
  return open?.staff ?? null;
}

/** After signedIn: only an owner goes on (staff management, forgetting a customer). */
export const ownerOnly: MiddlewareHandler<SignedIn> = async (c, next) => {
  if (c.var.staff.role === 'owner') return next();
  return wantsPage(c)
    ? c.redirect('/admin/staff/', 303) // which says that only an owner may
    : c.json({ ok: false, error: '只有负责人可以这样做。' }, 403);
};
