// The inbox's sign-in: set a password with a setup link, sign in, sign out (POST /admin/setup,
// /admin/sign-in, /admin/sign-out; the origin check is the inbox's, functions/inbox.ts). Answers
// JSON; a browser's form post (Accept: text/html) is sent on to /admin/ with 303.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env.ts';
import { clientIp, retryAfter } from '../web/limits.ts';
import { postedFields } from '../web/posted-fields.ts';
import { wantsPage } from '../web/wants-page.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { endSession, passwordStill, startSession, type StillTrue } from './sessions.ts';
import { completeSetup, staffByName } from './store.ts';
import { inboxPage } from '../../src/contract/sign-in-return.ts';

type Ctx = Context<{ Bindings: Env }>;

/** `__Host-` on https: a browser takes such a cookie only from this host itself, Secure, for Path=/
 *  and no Domain, so a sibling subdomain cannot plant one (with `__Secure-` it could, and one planted
 *  for /admin before ours would be read first: the operator could never sign in). The plain name on
 *  local http. Path=/ sends it with the public pages too; only the inbox reads it. */
export const sessionCookie = (c: { req: { url: string } }) =>
  new URL(c.req.url).protocol === 'https:' ? '__Host-baoxiu-session' : 'baoxiu-session';

/** The list view an operator last had (src/lib/inbox/list-view.ts): it can hold a searched phone
 *  number, so sign-out deletes it with the session. */
export const LIST_VIEW_COOKIE = 'baoxiu-inbox-view';

export const MIN_PASSWORD = 10;

/** What the sign-in and setup pages say, by the code a browser is sent back with (?error=). */
export const MESSAGES = {
  badForm: '表单内容无法识别，请刷新页面后重试。',
  signIn: '用户名或密码不正确。',
  tooMany: '尝试次数过多，请 1 分钟后再试。',
  setup: '设置链接无效、已使用或已过期（有效期 24 小时），请向负责人索取新链接。',
  short: `密码至少 ${MIN_PASSWORD} 个字符。`,
  mismatch: '两次输入的密码不一致。',
};

export const staffAuth = new Hono<{ Bindings: Env }>();

staffAuth.post('/sign-in', async (c) => {
  const form = await postedFields(c);
  if (!form) return refuse(c, 400, 'badForm');
  const name = form.get('name')?.trim() ?? '';
  const password = form.get('password') ?? '';
  const wait =
    (await retryAfter(c.env, 'signInIp', clientIp(c.req.raw.headers))) ||
    (await retryAfter(c.env, 'signInName', name.toLowerCase()));
  // The inbox page it goes on to (a lead's: src/contract/sign-in-return.ts), kept through a refusal.
  const next = inboxPage(form.get('next'));
  // A browser is sent back with the name it typed (not the password), so only the password is typed again.
  const back = `/admin/sign-in/?${new URLSearchParams({ name: name.slice(0, 64), ...(next ? { next } : {}) })}&error=`;
  if (wait) {
    c.header('retry-after', String(wait));
    return refuse(c, 429, 'tooMany', back);
  }
  // An unknown name costs the same hashing as a wrong password, and gets the same answer.
  const staff = name ? await staffByName(c.env.DB, name) : null;
  if (!(await verifyPassword(password, staff?.password_hash)) || !staff) return refuse(c, 401, 'signIn', back);
  const started = await signedIn(c, staff.id, { name: staff.name, role: staff.role }, passwordStill(staff.password_hash!), next);
  return started ?? refuse(c, 401, 'signIn', back);
});

/** No: JSON with the message, or a browser back to the page (`back` + the code), which shows it. */
function refuse(c: Ctx, status: 400 | 401 | 410 | 429, why: keyof typeof MESSAGES, back = '/admin/sign-in/?error=') {
  if (wantsPage(c)) return c.redirect(`${back}${why}`, 303);
  return c.json({ ok: false, error: MESSAGES[why] }, status);
}

staffAuth.post('/setup', async (c) => {
  const form = await postedFields(c);
  const code = form?.get('code') ?? '';
  // Back to the page with the code, if it can be one (a lone surrogate cannot even be URL-encoded).
  const back = `/admin/setup/?code=${/^[\w-]{1,100}$/.test(code) ? code : ''}&error=`;
  if (!form) return refuse(c, 400, 'badForm', back);
  // Hashing a password costs ~10 ms of CPU before the code is checked: limited per IP as sign-in is.
  const wait = await retryAfter(c.env, 'signInIp', clientIp(c.req.raw.headers));
  if (wait) {
    c.header('retry-after', String(wait));
    return refuse(c, 429, 'tooMany', back);
  }
  const password = form.get('password') ?? '';
  if ([...password].length < MIN_PASSWORD) return refuse(c, 400, 'short', back);
  if (form.has('confirm') && form.get('confirm') !== password) return refuse(c, 400, 'mismatch', back);
  const staff = await completeSetup(c.env.DB, code, await hashPassword(password));
  if (!staff) return refuse(c, 410, 'setup', back);
  return (await signedIn(c, staff.id, { name: staff.name, role: staff.role })) ?? refuse(c, 410, 'setup', back);
});

staffAuth.post('/sign-out', async (c) => {
  const id = getCookie(c, sessionCookie(c));
  if (id) await endSession(c.env.DB, id);
  deleteCookie(c, sessionCookie(c), { path: '/', secure: true });
  deleteCookie(c, LIST_VIEW_COOKIE, { path: '/admin', secure: true });
  return answer(c, { ok: true }, '/admin/sign-in/');
});

/** Starts a session for this user: the cookie, and the answer that follows (passkeys.ts uses it too);
 *  null when `still` no longer held. */
export async function signedIn(
  c: Ctx,
  staffId: string,
  staff: { name: string; role: string },
  still?: StillTrue,
  next = '/admin/',
) {
  const started = await newSessionCookie(c, staffId, still);
  return started ? answer(c, { ok: true, staff }, next) : null;
}

/** A new session for this user, in the answer's cookie; false when `still` no longer held. */
export async function newSessionCookie<E extends { Bindings: Env }>(
  c: Context<E>,
  staffId: string,
  still?: StillTrue,
): Promise<boolean> {
  const started = await startSession(c.env.DB, staffId, c.req.header('user-agent') ?? null, still);
  if (!started) return false;
  const { id, expiresAt } = started;
  setCookie(c, sessionCookie(c), id, { path: '/', httpOnly: true, secure: true, sameSite: 'Strict', expires: expiresAt });
  return true;
}

/** JSON, or for a browser's form post a 303 to the page that follows. */
function answer(c: Ctx, body: object, next: string) {
  return wantsPage(c) ? c.redirect(next, 303) : c.json(body);
}
