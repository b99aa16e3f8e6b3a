// The Worker: /api/* goes to the lead function, /admin/* to the inbox, /progress/ gets its reference
// filled in (progress/page.ts), /regions/ a search's answer (regions/page.ts); everything else is the static
// site (dist/), served by Workers static assets before this code runs (run_worker_first in wrangler.jsonc).
// Crons: every 5 minutes the delivery sweep; daily the retention period (privacy/housekeeping.ts).
import { api } from './app.ts';
import { inbox } from './inbox.ts';
import { progressForm } from './progress/page.ts';
import { regionsPage } from './regions/page.ts';
import { consume } from './deliveries/consume.ts';
import type { DeliveryMessage } from './deliveries/queue.ts';
import { sweep } from './deliveries/sweep.ts';
import type { Env } from './env.ts';
import { housekeeping } from './privacy/housekeeping.ts';

/** The daily cron in wrangler.jsonc; the other one is the delivery sweep. */
const DAILY = '17 3 * * *'; // not exported: a Worker module's named exports are entrypoints

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api.fetch(request, env, ctx);
    if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return inbox.fetch(request, env, ctx);
    if (url.pathname === '/progress/') return progressForm.fetch(request, env, ctx);
    if (url.pathname === '/regions/') return regionsPage.fetch(request, env, ctx);
    return env.ASSETS.fetch(request);
  },
  queue: consume,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(controller.cron === DAILY ? housekeeping(env) : sweep(env));
  },
} satisfies ExportedHandler<Env, DeliveryMessage>;
