// The Worker: /api/* goes to the lead function; everything else is the static site (dist/),
// served by Workers static assets before this code runs (see run_worker_first in wrangler.jsonc).
// The daily cron applies the retention period (functions/privacy/housekeeping.ts).
import { api } from './app.ts';
import type { Env } from './env.ts';
import { housekeeping } from './privacy/housekeeping.ts';

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api.fetch(request, env, ctx);
    return env.ASSETS.fetch(request);
  },
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(housekeeping(env));
  },
} satisfies ExportedHandler<Env>;
