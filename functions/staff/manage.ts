// The owner's staff management (POST /admin/staff…, /admin/sessions/…/revoke): add a user (with a
// setup link to send them), a new setup link for a user who lost their password, disable a user
// (asked first) or enable one again, end anyone's session. Owners only; each change is in the
// operator log (log.ts) with who and when.
// A browser goes back to /admin/staff/ (303), a new setup link in a cookie of that page, shown until
// the next step there. Behind Cloudflare Access there are no setup links: Access signs users in by the
// e-mail added.
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { postedFields } from '../web/posted-fields.ts';
import { wantsPage } from '../web/wants-page.ts';
import { accessOn } from './access.ts';
import { logStatement } from './log.ts';
import { revokeSession, sessionOwner } from './sessions.ts';
import { ownerOnly, signedIn, type SignedIn } from './signed-in.ts';
import { addStaff, disableStaff, enableStaff, NAME, newSetupLink, staffById } from './store.ts';

type Ctx = Context<SignedIn>;

/** Shown on the staff page for ?problem=<code>. */
export const STAFF_PROBLEMS = {
  name: '用户名为 1–64 个字（汉字、字母、数字、_ . + @ -）。',
  taken: '已经有同名的员工。',
  owner: '负责人不能被停用。',
  gone: '没有这个员工或会话（可能已被停用或结束）。',
  access: '用 Cloudflare Access 登录时不用设置链接：员工用名单里的邮箱通过 Access 登录。',
} as const;
type StaffProblem = keyof typeof STAFF_PROBLEMS;

export const manage = new Hono<SignedIn>();
manage.use('/staff', signedIn, ownerOnly);
manage.use('/staff/*', signedIn, ownerOnly);
manage.use('/sessions/*', signedIn, ownerOnly);

manage.post('/staff', async (c) => {
  const form = (await postedFields(c)) ?? new Map<string, string>();
  const name = form.get('name')?.normalize('NFC').trim() ?? '';
  const role = form.get('role') === 'owner' ? 'owner' : 'staff';
  // A browser is sent back with what it typed, to correct rather than type again.
  const typed = { name: name.slice(0, 64), role };
  if (!NAME.test(name)) return problem(c, 'name', 400, typed);
  const by = c.var.staff;
  const added = await addStaff(c.env.DB, { name, role, createdBy: by.id }, [logStatement(c.env.DB, by, 'add-staff', name)]);
  if (!added) return problem(c, 'taken', 409, typed);
  // Behind Access the user signs in there, by the e-mail added: no link to send (it would be refused).
  return accessOn(c.env) ? done(c) : linkMade(c, added.code, added.expiresAt);
});

manage.post('/staff/:id/setup-link', async (c) => {
  if (accessOn(c.env)) return problem(c, 'access', 409);
  const user = await staffById(c.env.DB, c.req.param('id'));
  if (!user || user.disabled_at) return problem(c, 'gone', 404);
  const link = await newSetupLink(c.env.DB, user.id, [logStatement(c.env.DB, c.var.staff, 'setup-link', user.name)]);
  return linkMade(c, link.code, link.expiresAt);
});

manage.post('/staff/:id/disable', async (c) => {
  const user = await staffById(c.env.DB, c.req.param('id'));
  if (!user || user.disabled_at) return problem(c, 'gone', 404);
  if (user.role === 'owner') return problem(c, 'owner', 409);
  // A browser's 停用 asks first, on the staff page (it cannot be undone: one tap beside 新的设置链接
  // locked a technician out for good); that page's 确认停用 sends confirm=1.
  if (wantsPage(c) && (await postedFields(c))?.get('confirm') !== '1')
    return c.redirect(`/admin/staff/?disable=${encodeURIComponent(user.id)}#confirm-disable`, 303);
  await disableStaff(c.env.DB, user.id, logStatement(c.env.DB, c.var.staff, 'disable-staff', user.name));
  return done(c);
});

manage.post('/staff/:id/enable', async (c) => {
  const user = await staffById(c.env.DB, c.req.param('id'));
  if (!user?.disabled_at) return problem(c, 'gone', 404);
  await enableStaff(c.env.DB, user.id, logStatement(c.env.DB, c.var.staff, 'enable-staff', user.name));
  return done(c);
});

manage.post('/sessions/:hash/revoke', async (c) => {
  const hash = c.req.param('hash');
  const whose = (await sessionOwner(c.env.DB, hash)) ?? undefined;
  const revoked = await revokeSession(c.env.DB, hash, [logStatement(c.env.DB, c.var.staff, 'revoke-session', whose)]);
  return revoked ? done(c) : problem(c, 'gone', 404);
});

/** The setup link just made, for the staff page to show: in a cookie of that page, not in its
 *  address (the owner's history, a Referer). The page shows it only while it is unused and unexpired. */
export const SETUP_LINK_COOKIE = 'baoxiu-setup-link';

function linkMade(c: Ctx, code: string, expiresAt: string) {
  const setupUrl = new URL(`/admin/setup/?code=${code}`, c.req.url).href;
  if (!wantsPage(c)) return c.json({ ok: true, setupUrl, expiresAt }, 201);
  setCookie(c, SETUP_LINK_COOKIE, code, {
    path: '/admin/staff/',
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    maxAge: 3600,
  });
  return c.redirect('/admin/staff/', 303);
}

/** The page after another step: the last link made is no longer shown (it still works, until used). */
function toPage(c: Ctx, address: string) {
  deleteCookie(c, SETUP_LINK_COOKIE, { path: '/admin/staff/', secure: true });
  return c.redirect(address, 303);
}

const done = (c: Ctx) => (wantsPage(c) ? toPage(c, '/admin/staff/') : c.json({ ok: true }));

function problem(c: Ctx, code: StaffProblem, status: 400 | 404 | 409, typed?: { name: string; role: string }) {
  return wantsPage(c)
    ? toPage(c, `/admin/staff/?${new URLSearchParams({ problem: code, ...typed })}`)
    : c.json({ ok: false, error: STAFF_PROBLEMS[code] }, status);
}
