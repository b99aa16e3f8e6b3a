// public/_headers (static pages) and functions/web/headers.ts (the Worker's answers) say the same.
import { readFileSync } from 'node:fs';
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
