// The deployed Worker: the lead function and the inbox's handlers (functions/worker.ts, Astro-free
// and tested inside workerd) composed with the adapter's Astro handler for the inbox's pages.
// wrangler.jsonc's `main`; the build bundles it into dist-worker/.
import { cf } from '@astrojs/cloudflare/hono';
import { astro } from 'astro/hono';
import { Hono } from 'hono';
import type { DeliveryMessage } from './deliveries/queue.ts';
import type { Env } from './env.ts';
import { inboxHeaders } from './inbox.ts';
import worker from './worker.ts';

// The adapter's middleware takes the bindings as wrangler.jsonc declares them (its `vars` required),
// which our Env, with every setting optional (env.ts), is not typed as: they are the same object.
const pages = new Hono<{ Bindings: Cloudflare.Env }>();
pages.use('/admin/*', inboxHeaders); // static pages get theirs from _headers
pages.use(cf());
pages.use(astro());

export default {
  ...worker,
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    const handlers =
      pathname.startsWith('/api/') ||
      pathname === '/progress/' ||
      pathname === '/regions/' ||
      (pathname.startsWith('/admin/') && request.method === 'POST');
    return handlers ? worker.fetch(request, env, ctx) : pages.fetch(request, env as unknown as Cloudflare.Env, ctx);
  },
} satisfies ExportedHandler<Env, DeliveryMessage>;
