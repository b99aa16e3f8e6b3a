// The Worker: /api/* goes to the lead function; everything else is the static site (dist/),
// served by Workers static assets before this code runs (see run_worker_first in wrangler.jsonc).
import { api } from './app.ts';
import { consume } from './deliveries/consume.ts';
import type { DeliveryMessage } from './deliveries/queue.ts';
import { sweep } from './deliveries/sweep.ts';
import type { Env } from './env.ts';

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api.fetch(request, env, ctx);
    return env.ASSETS.fetch(request);
  },
  queue: consume,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweep(env));
  },
} satisfies ExportedHandler<Env, DeliveryMessage>;
