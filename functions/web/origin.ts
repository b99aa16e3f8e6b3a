// Which sites may post to the lead function: its own origin, and ALLOWED_ORIGINS when the static
// pages are hosted elsewhere (those also get CORS, for the JavaScript form). A browser always says
// where a POST comes from (Origin, or at least Sec-Fetch-Site); a client without either is not a
// browser, so there is no ambient authority (cookies) to protect from it and it passes.
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Env } from '../env.ts';

type Ctx = Context<{ Bindings: Env }>;

/** ALLOWED_ORIGINS as a set of `scheme://host[:port]`; entries that are not origins are ignored. */
export function allowedOrigins(env: Pick<Env, 'ALLOWED_ORIGINS'>): Set<string> {
  const out = new Set<string>();
  for (const entry of (env.ALLOWED_ORIGINS ?? '').split(',')) {
    const trimmed = entry.trim();
    if (!trimmed) continue;
    try {
      const { origin } = new URL(trimmed);
      if (origin !== 'null') out.add(origin);
    } catch {
      console.warn(`[origin] ignoring ALLOWED_ORIGINS entry that is not an origin: ${trimmed.slice(0, 80)}`);
    }
  }
  return out;
}

/** True when the request may post: same origin, one of `others`, or (unless `browserOnly`) not
 *  from a browser. */
function fromAllowedSite(c: Ctx, others: Set<string>, browserOnly: boolean): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === new URL(c.req.url).origin || others.has(origin);
  // Older browsers omit Origin on same-origin posts but send Sec-Fetch-Site.
  const site = c.req.header('sec-fetch-site');
  if (site === undefined) return !browserOnly;
  return site === 'same-origin' || site === 'none';
}

/** Rejects posts from other sites with `onReject`; safe methods pass. ALLOWED_ORIGINS count as the
 *  site's own unless `withAllowedOrigins` is false; `browserOnly`: a post that says neither where it
 *  comes from (Origin) nor whether it is the site's own (Sec-Fetch-Site) is refused too — the inbox,
 *  whose pages are its only clients, where a session may come from a cookie the request did not choose
 *  (Cloudflare Access's). */
export function sameSiteOnly(
  onReject: (c: Ctx) => Response | Promise<Response>,
  { withAllowedOrigins = true, browserOnly = false } = {},
): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    if (!fromAllowedSite(c, withAllowedOrigins ? allowedOrigins(c.env) : new Set(), browserOnly)) return onReject(c);
    return next();
  };
}

/** CORS (hono/cors) for exactly the ALLOWED_ORIGINS; nothing for anyone else. */
export const corsForAllowedOrigins: MiddlewareHandler<{ Bindings: Env }> = (c, next) =>
  cors({
    origin: (origin) => (allowedOrigins(c.env).has(origin) ? origin : null),
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type', 'Accept'],
    maxAge: 600,
  })(c, next);
