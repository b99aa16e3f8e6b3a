// /admin/*: the operator's inbox — its POST handlers: sign-in (functions/staff/), working leads
// (functions/work/). Its pages are Astro's, on demand (src/pages/admin/, composed in entry.ts). Nothing under /admin is cached or indexed. State changes only
// from this site's own pages: the session cookie is SameSite=Strict, and every POST must come from
// the same origin (Origin, else Sec-Fetch-Site) — the lead endpoint's check without ALLOWED_ORIGINS,
// which a form without JavaScript passes and another site cannot, so no CSRF token is needed.
import { Hono } from 'hono';
import type { Env } from './env.ts';
import { staffAuth } from './staff/sign-in.ts';
import { work } from './work/handlers.ts';
import { securityHeaders } from './web/headers.ts';

export const inbox = new Hono<{ Bindings: Env }>().basePath('/admin');

inbox.use('*', securityHeaders);
inbox.use('*', async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
  c.res.headers.set('x-robots-tag', 'noindex, nofollow');
});
inbox.use('*', async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const same = origin !== undefined ? origin === new URL(c.req.url).origin : site === undefined || site === 'same-origin';
  return same ? next() : c.json({ ok: false, error: '请从本站的管理页面操作。' }, 403);
});
inbox.route('/', staffAuth);
inbox.route('/', work);
// Pages are not this app's (entry.ts sends GETs to Astro): here, the site's 404 page, not cached.
inbox.notFound((c) =>
  c.env.ASSETS.fetch(new Request(new URL('/404.html', c.req.url))).then(
    (r) => new Response(r.body, { status: 404, headers: r.headers }),
  ),
);
