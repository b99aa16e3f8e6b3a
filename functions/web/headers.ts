// Security headers. Static pages get theirs from public/_headers (Workers static assets apply it);
// answers of the Worker get the same through this middleware, and a unit test keeps the two equal.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The site's CSP: scripts only from files of the site (Astro's scripts are external, see
 * astro.config.mjs) plus Turnstile's; 'wasm-unsafe-eval' for Pagefind's search index. Styles are
 * inlined by Astro, so style-src keeps 'unsafe-inline' (styles cannot run code).
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' https://challenges.cloudflare.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'frame-src https://challenges.cloudflare.com',
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** The inbox's pages: the site's CSP without Turnstile and WebAssembly (no search there); its only
 *  script is the passkey script, a file of the site that talks to the site (script-src and
 *  connect-src 'self'). */
export const INBOX_CSP = SITE_CSP.replace(" 'wasm-unsafe-eval' https://challenges.cloudflare.com", '').replace(
  /; frame-src [^;]+/,
  '',
);

/** JSON answers render nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every answer carries, pages and API alike (public/_headers lists the same). */
export const COMMON_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const library = secureHeaders({
  strictTransportSecurity: COMMON_HEADERS['Strict-Transport-Security'],
  referrerPolicy: COMMON_HEADERS['Referrer-Policy'],
  xFrameOptions: COMMON_HEADERS['X-Frame-Options'],
  crossOriginResourcePolicy: false, // CORS answers to ALLOWED_ORIGINS must stay readable
});

/** hono's secureHeaders, then the CSP for what the answer is: a page of the site, or data. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await library(c, async () => {
    await next();
  });
  const html = c.res.headers.get('content-type')?.includes('text/html');
  c.res.headers.set('Content-Security-Policy', html ? SITE_CSP : API_CSP);
  c.res.headers.set('Permissions-Policy', COMMON_HEADERS['Permissions-Policy']);
  if (!html) c.res.headers.set('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
};
