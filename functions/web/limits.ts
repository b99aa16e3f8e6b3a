// Rate limits on lead posts and staff sign-ins, with the Workers Rate Limiting binding (wrangler.jsonc
// `ratelimits`; it also runs under `wrangler dev` and in the workerd tests). Counts are per Cloudflare
// location and approximate: this stops floods, not a patient attacker (Turnstile and the honeypot do more).
import type { Env } from '../env.ts';

/** Mirrors wrangler.jsonc; `period` (10 or 60 s) is the Retry-After a refused client is given. */
export const RATE_LIMITS = {
  ip: { binding: 'LEAD_IP_LIMIT', limit: 20, period: 10 },
  phone: { binding: 'LEAD_PHONE_LIMIT', limit: 3, period: 60 },
  /** Staff sign-in attempts (functions/staff/sign-in.ts). */
  signInIp: { binding: 'SIGN_IN_IP_LIMIT', limit: 10, period: 60 },
  signInName: { binding: 'SIGN_IN_NAME_LIMIT', limit: 5, period: 60 },
  /** Progress look-ups and cancels by customers (functions/progress/), per IP and per reference. */
  progressIp: { binding: 'PROGRESS_IP_LIMIT', limit: 10, period: 60 },
  progressRef: { binding: 'PROGRESS_REF_LIMIT', limit: 5, period: 60 },
} as const;

export type LimitName = keyof typeof RATE_LIMITS;

/**
 * The client's address as Cloudflare saw it (CF-Connecting-IP; never X-Forwarded-For, which the
 * client writes). An IPv6 address counts as its /64, which one subscriber usually gets whole.
 */
export function clientIp(headers: Headers): string {
  const ip = headers.get('cf-connecting-ip')?.trim() ?? '';
  if (!ip) return 'unknown';
  if (ip.includes(':')) return `${expandV6(ip).slice(0, 4).join(':')}::/64`;
  return ip.slice(0, 45);
}

function expandV6(ip: string): string[] {
  const [head, tail = ''] = ip.split('::');
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  return [...a, ...Array(Math.max(8 - a.length - b.length, 0)).fill('0'), ...b].map((g) =>
    g.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** Seconds to wait when over the limit, or 0 when the request may go on. Fails open if the binding errs. */
export async function retryAfter(env: Env, name: LimitName, key: string): Promise<number> {
  const spec = RATE_LIMITS[name];
  const binding = env[spec.binding];
  if (!binding) return 0;
  try {
    const { success } = await binding.limit({ key: `${name}:${key}` });
    return success ? 0 : spec.period;
  } catch (err) {
    // Losing a limit for a moment is better than losing a customer's lead.
    console.error(`[limits] ${spec.binding} failed:`, err instanceof Error ? err.message : err);
    return 0;
  }
}
