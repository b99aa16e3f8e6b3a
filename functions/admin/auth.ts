// The operator's API is behind `Authorization: Bearer <ADMIN_TOKEN>` (Hono's bearerAuth compares in
// constant time); with no ADMIN_TOKEN set it does not exist (404).
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { Env } from '../env.ts';

/** RFC 6750's token68, as hono/bearer-auth reads it, 20 characters or more. */
const USABLE = /^(?=.{20,}$)[A-Za-z0-9._~+/-]+=*$/;

export const adminOnly: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return c.json({ ok: false, error: 'not found: the admin API is off until the ADMIN_TOKEN secret is set' }, 404);
  // A short token is guessed (this API has no rate limit); one with a space or `!` could never be
  // sent (bearerAuth reads a header's token as RFC 6750's token68): said, not a mystery 400.
  if (!USABLE.test(token))
    return c.json(
      {
        ok: false,
        error: 'ADMIN_TOKEN is unusable: set at least 20 characters of A-Z a-z 0-9 . _ ~ + / - (openssl rand -base64 24)',
      },
      503,
    );
  const check = bearerAuth({
    token,
    noAuthenticationHeader: { message: { ok: false, error: 'Missing Authorization: Bearer <ADMIN_TOKEN>.' } },
    invalidAuthenticationHeader: { message: { ok: false, error: 'Malformed Authorization header.' } },
    invalidToken: { message: { ok: false, error: 'Wrong admin token.' } },
  }) as MiddlewareHandler<{ Bindings: Env }>;
  return check(c, next);
};
