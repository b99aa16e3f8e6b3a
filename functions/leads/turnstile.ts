// Cloudflare Turnstile, when TURNSTILE_SECRET_KEY is set: the token the widget put in the form
// (`cf-turnstile-response`) is checked with siteverify before a lead is stored.
import type { Env } from '../env.ts';

const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
/** siteverify's error codes that say the token is no good (Cloudflare's docs, "Validate the token"). */
const TOKEN_ERRORS = new Set(['missing-input-response', 'invalid-input-response', 'timeout-or-duplicate']);

export type TurnstileResult = 'off' | 'ok' | 'missing' | 'invalid' | 'unavailable';

export async function checkTurnstile(env: Env, token: string | undefined, ip: string | undefined): Promise<TurnstileResult> {
  if (!env.TURNSTILE_SECRET_KEY) return 'off';
  if (!token) {
    // A bot's, or every customer's when the pages were built without the widget
    // (PUBLIC_TURNSTILE_SITE_KEY): said in the log, where the second shows as every post refused.
    console.warn('[turnstile] a lead without a token refused: was the site built with PUBLIC_TURNSTILE_SITE_KEY?');
    return 'missing';
  }
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
    const codes = (outcome['error-codes'] ?? []).join(',').slice(0, 200) || 'no error code';
    // The token's fault: the customer solves the challenge again. Any other (a wrong secret, a
    // request siteverify cannot read, its own error) is ours: every customer would be refused.
    if ((outcome['error-codes'] ?? []).some((code) => TOKEN_ERRORS.has(code))) {
      console.warn('[turnstile] token refused:', codes);
      return 'invalid';
    }
    console.error(`[turnstile] siteverify refused the check (${codes}): is TURNSTILE_SECRET_KEY this widget's secret?`);
    return 'unavailable';
  } catch (err) {
    console.error('[turnstile] siteverify unreachable:', err instanceof Error ? err.message : err);
    return 'unavailable';
  }
}
