// A user's own new password (POST /admin/password, from the account page): the current one first,
// as at sign-in and limited as sign-in is, then the new one twice. Their other sessions end — a
// password changed because it got out should shut whoever used it out — and the operator log says
// so; this device goes on under a new session id. Passkeys stay (the account page lists them, to
// remove one not known). Behind Cloudflare Access there are no passwords (functions/inbox.ts).
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientIp, retryAfter } from '../web/limits.ts';
import { postedFields } from '../web/posted-fields.ts';
import { wantsPage } from '../web/wants-page.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { endSession, passwordStill } from './sessions.ts';
import { MESSAGES, MIN_PASSWORD, newSessionCookie, sessionCookie } from './sign-in.ts';
import { sessionHash, signedIn, type SignedIn } from './signed-in.ts';
import { changePassword, staffById } from './store.ts';

/** What the account page says, by the code a browser is sent back with (?password=). */
export const PASSWORD_MESSAGES = {
  badForm: MESSAGES.badForm,
  tooMany: MESSAGES.tooMany,
  current: '当前密码不正确。',
  short: MESSAGES.short,
  mismatch: MESSAGES.mismatch,
  same: '新密码与当前密码相同。',
  changed: '密码没有修改：它刚被改过（在另一个页面或用设置链接），或账号已停用。请刷新后重试。',
};
type Refusal = keyof typeof PASSWORD_MESSAGES;

export const passwordChange = new Hono<SignedIn>();
passwordChange.use('/password', signedIn);

passwordChange.post('/password', async (c) => {
  const refuse = (status: 400 | 401 | 409 | 429, why: Refusal) =>
    wantsPage(c)
      ? c.redirect(`/admin/account/?password=${why}#password-title`, 303)
      : c.json({ ok: false, error: PASSWORD_MESSAGES[why] }, status);
  const form = await postedFields(c);
  if (!form) return refuse(400, 'badForm');
  const staff = c.var.staff;
  const [current, password] = [form.get('current') ?? '', form.get('password') ?? ''];
  // What the form itself says first: it tells nothing of the password, and costs no try.
  if ([...password].length < MIN_PASSWORD) return refuse(400, 'short');
  if (form.get('confirm') !== password) return refuse(400, 'mismatch');
  if (password === current) return refuse(400, 'same');
  // A session someone else holds must not become a way to guess the password it was opened with.
  const wait =
    (await retryAfter(c.env, 'signInIp', clientIp(c.req.raw.headers))) ||
    (await retryAfter(c.env, 'signInName', staff.name.toLowerCase()));
  if (wait) {
    c.header('retry-after', String(wait));
    return refuse(429, 'tooMany');
  }
  const user = await staffById(c.env.DB, staff.id);
  if (!user?.password_hash || !(await verifyPassword(current, user.password_hash))) return refuse(401, 'current');
  const newHash = await hashPassword(password);
  const { logId, ended } = await changePassword(c.env.DB, staff, user.password_hash, newHash, await sessionHash(c));
  if (!logId) return refuse(409, 'changed');
  // This device signed in anew, under a new session id: a copy of the old cookie opens nothing now.
  const old = getCookie(c, sessionCookie(c));
  if (old && (await newSessionCookie(c, staff.id, passwordStill(newHash)))) await endSession(c.env.DB, old);
  // The page says what the record says (log.ts countRecorded), not what a link could.
  return wantsPage(c) ? c.redirect(`/admin/account/?changed=${logId}#password-title`, 303) : c.json({ ok: true, ended });
});
