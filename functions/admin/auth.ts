// The operator's API is behind `Authorization: Bearer <ADMIN_TOKEN>`, and does not exist at all
// while ADMIN_TOKEN is unset. The token is compared in constant time: both sides are hashed to the
// same length first, then compared with workerd's crypto.subtle.timingSafeEqual.
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../env.ts';

const sha256 = async (s: string) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));

export async function tokenMatches(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(given), sha256(expected)]);
  // workerd's extension of SubtleCrypto (typed in @cloudflare/workers-types, hidden by the DOM lib).
  return (crypto.subtle as unknown as { timingSafeEqual(a: ArrayBuffer, b: ArrayBuffer): boolean }).timingSafeEqual(a, b);
}

export const adminOnly: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) return c.json({ ok: false, error: 'not found' }, 404);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (!match || !(await tokenMatches(match[1], expected))) {
    return c.json({ ok: false, error: 'unauthorized: send Authorization: Bearer <ADMIN_TOKEN>' }, 401, {
      'www-authenticate': 'Bearer realm="baoxiu admin"',
    });
  }
  return next();
};
