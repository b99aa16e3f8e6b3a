// /admin/*: the operator's inbox — its POST handlers: sign-in (functions/staff/), working leads
// (functions/work/). Its pages are Astro's, on demand (src/pages/admin/, composed in entry.ts).
// State changes only from this site's own pages: the session cookie is SameSite=Strict, and every POST must come from
// the same origin (Origin, else Sec-Fetch-Site) — the lead endpoint's check without ALLOWED_ORIGINS,
// which a form without JavaScript passes and another site cannot, so no CSRF token is needed.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Env } from './env.ts';
import { ACCESS_SIGN_IN, accessOn } from './staff/access.ts';
import { manage } from './staff/manage.ts';
import { passwordChange } from './staff/password-change.ts';
import { staffAuth } from './staff/sign-in.ts';
import { webauthn } from './staff/webauthn.ts';
import { work } from './work/handlers.ts';
import { INBOX_CSP, securityHeaders } from './web/headers.ts';
import { sameSiteOnly } from './web/origin.ts';
import { bodyLimit } from './web/body-limit.ts';
import { wantsPage } from './web/wants-page.ts';
import { plainPage } from './web/plain-page.ts';

/** A refusal before any handler: a page for a browser's form (no JavaScript), JSON otherwise. */
const refuse = (c: Context, status: 403 | 413, error: string) =>
  wantsPage(c)
    ? plainPage({ title: '无法完成', lines: [error], link: { href: '/admin/', text: '返回收件箱' }, status })
    : c.json({ ok: false, error }, status);

export const inbox = new Hono<{ Bindings: Env }>().basePath('/admin');

const accessOwnsSignIn: MiddlewareHandler<{ Bindings: Env }> = (c, next) =>
  accessOn(c.env) ? Promise.resolve(refuse(c, 403, ACCESS_SIGN_IN)) : next();

/** Every answer under /admin, handlers' and pages' (entry.ts): the Worker's security headers, never
 *  cached or indexed, and no URL (lead ids, setup codes) named to other sites — same-origin, not
 *  no-referrer: with no-referrer a browser sends `Origin: null` on form posts. */
export const inboxHeaders: MiddlewareHandler = async (c, next) => {
  await securityHeaders(c, next); // inside: the lines below have the last word
  c.res.headers.set('cache-control', 'no-store');
  c.res.headers.set('x-robots-tag', 'noindex, nofollow');
  c.res.headers.set('referrer-policy', 'same-origin');
  if (c.res.headers.get('content-type')?.includes('text/html')) c.res.headers.set('content-security-policy', INBOX_CSP);
};

inbox.use('*', inboxHeaders);
inbox.use(
  '*',
  sameSiteOnly((c) => refuse(c, 403, '请从本站的管理页面操作。'), {
    withAllowedOrigins: false,
    browserOnly: true,
  }),
);
// The largest form is a note of 1,000 characters: 9 KB as a URL-encoded form of Chinese text.
inbox.use(
  '*',
  bodyLimit<Env>(16_384, (c) => refuse(c, 413, '提交的内容太长。')),
);
// Behind Cloudflare Access the user is Access's (staff/access.ts): no sign-in of our own.
inbox.use('/sign-in', accessOwnsSignIn);
inbox.use('/setup', accessOwnsSignIn);
inbox.use('/password', accessOwnsSignIn);
inbox.use('/passkeys/sign-in/*', accessOwnsSignIn);
inbox.use('/passkeys/sign-in', accessOwnsSignIn);
inbox.route('/', staffAuth);
inbox.route('/', work);
inbox.route('/', manage);
inbox.route('/', webauthn);
inbox.route('/', passwordChange);
// Whatever went wrong unforeseen: said in Chinese (a page for a browser's form), never Hono's
// English 500; the batch it happened in changed nothing.
inbox.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error('[inbox] unexpected error:', err instanceof Error ? err.message : err);
  const message = '系统暂时无法处理这个操作，请稍后重试。';
  return wantsPage(c)
    ? plainPage({ title: '出错了', lines: [message], link: { href: '/admin/', text: '返回收件箱' }, status: 500 })
    : c.json({ ok: false, error: message }, 500);
});
// Pages are not this app's (entry.ts sends GETs to Astro): here, the site's 404 page, not cached.
inbox.notFound((c) =>
  c.env.ASSETS.fetch(new Request(new URL('/404.html', c.req.url))).then(
    (r) => new Response(r.body, { status: 404, headers: r.headers }),
  ),
);
