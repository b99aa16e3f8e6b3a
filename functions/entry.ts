// The deployed Worker: the lead function and the inbox's handlers (functions/worker.ts, Astro-free
// and tested inside workerd) composed with the adapter's Astro handler for the inbox's pages.
// wrangler.jsonc's `main`; the build bundles it into dist-worker/.
import { cf } from '@astrojs/cloudflare/hono';
import { astro } from 'astro/hono';
import { Hono } from 'hono';
import type { DeliveryMessage } from './deliveries/queue.ts';
import type { Env } from './env.ts';
import { securityHeaders } from './web/headers.ts';
import worker from './worker.ts';

const pages = new Hono<{ Bindings: Env }>();
// The inbox's pages carry the Worker's security headers (static pages get theirs from _headers),
// and are neither cached, indexed, nor named to other sites (their URLs hold lead ids, setup codes).
pages.use('/admin/*', async (c, next) => {
  await next();
  c.res.headers.set('cache-control', 'no-store');
  c.res.headers.set('x-robots-tag', 'noindex, nofollow');
  // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on form posts.
  c.res.headers.set('referrer-policy', 'same-origin');
});
pages.use('/admin/*', securityHeaders); // inside the one above, which has the last word
pages.use(cf());
pages.use(astro());

export default {
  ...worker,
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    const handlers = pathname.startsWith('/api/') || (pathname.startsWith('/admin/') && request.method === 'POST');
    return handlers ? worker.fetch(request, env, ctx) : pages.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env, DeliveryMessage>;
