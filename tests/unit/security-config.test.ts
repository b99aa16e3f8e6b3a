// public/_headers and wrangler.jsonc say what the Worker code assumes: the same security headers, the same rate limits.
import { readFileSync } from 'node:fs';
import { wranglerConfig } from '../../src/lib/wrangler-config.ts';
import { describe, expect, it } from 'vitest';
import { COMMON_HEADERS, SITE_CSP } from '../../functions/web/headers.ts';

const file = readFileSync('public/_headers', 'utf8');
const declared = Object.fromEntries(
  file
    .split('\n')
    .filter((l) => /^\s+\S+:/.test(l))
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    }),
);

describe('security headers', () => {
  it('public/_headers applies to every path and matches the Worker', () => {
    expect(file).toMatch(/^\/\*$/m);
    expect(declared['Content-Security-Policy']).toBe(SITE_CSP);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(declared[name], name).toBe(value);
  });

  it('the CSP allows no inline script and no framing', () => {
    const scriptSrc = SITE_CSP.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toMatch(/'unsafe-eval'/);
    expect(SITE_CSP).toContain("frame-ancestors 'none'");
    expect(SITE_CSP).toContain("object-src 'none'");
  });
});

describe('rate limits', () => {
  it('limits.ts mirrors the ratelimits bindings of wrangler.jsonc', async () => {
    const { RATE_LIMITS } = await import('../../functions/web/limits.ts');
    const { ratelimits } = wranglerConfig() as { ratelimits: { name: string; simple: { limit: number; period: number } }[] };
    for (const spec of Object.values(RATE_LIMITS)) {
      expect(ratelimits.find((r) => r.name === spec.binding)?.simple).toEqual({ limit: spec.limit, period: spec.period });
    }
  });
});

describe('logs', () => {
  it("keep no query strings: the inbox's search (?q=) may hold a whole phone number", () => {
    // Workers Logs record each request's URL; wrangler's config-schema.json: redact_query_string.
    expect((wranglerConfig() as { observability: object }).observability).toMatchObject({
      enabled: true,
      redact_query_string: true,
    });
  });
});
