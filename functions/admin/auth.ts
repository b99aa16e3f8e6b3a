// The operator's API is behind `Authorization: Bearer <ADMIN_TOKEN>` (Hono's bearerAuth compares in
// constant time); with no ADMIN_TOKEN set it does not exist (404).
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { Env } from '../env.ts';

export const adminOnly: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const token = c.env.ADMIN_TOKEN;
  if (!token) return c.json({ ok: false, error: 'not found: the admin API is off until the ADMIN_TOKEN secret is set' }, 404);
  const check = bearerAuth({
    token,
    noAuthenticationHeader: { message: { ok: false, error: 'Missing Authorization: Bearer <ADMIN_TOKEN>.' } },
    invalidAuthenticationHeader: { message: { ok: false, error: 'Malformed Authorization header.' } },
    invalidToken: { message: { ok: false, error: 'Wrong admin token.' } },
  }) as MiddlewareHandler<{ Bindings: Env }>;
  return check(c, next);
};
