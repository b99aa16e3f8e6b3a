// Cloudflare Turnstile, when TURNSTILE_SECRET_KEY is set: the token the widget put in the form
// (`cf-turnstile-response`) is checked with siteverify before a lead is stored.
import type { Env } from '../env.ts';

const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

export type TurnstileResult = 'off' | 'ok' | 'missing' | 'invalid' | 'unavailable';

export async function checkTurnstile(env: Env, token: string | undefined, ip: string | undefined): Promise<TurnstileResult> {
  if (!env.TURNSTILE_SECRET_KEY) return 'off';
  if (!token) return 'missing';
  const form = new FormData();
  form.append('secret', env.TURNSTILE_SECRET_KEY);
  form.append('response', token);
  if (ip) form.append('remoteip', ip);
  try {
    const res = await fetch(env.TURNSTILE_VERIFY_URL || SITEVERIFY, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`siteverify HTTP ${res.status}`);
    const outcome = (await res.json()) as { success?: boolean; 'error-codes'?: string[] };
    if (outcome.success === true) return 'ok';
    console.warn('[turnstile] token refused:', (outcome['error-codes'] ?? []).join(',').slice(0, 200));
    return 'invalid';
  } catch (err) {
    console.error('[turnstile] siteverify unreachable:', err instanceof Error ? err.message : err);
    return 'unavailable';
  }
}
