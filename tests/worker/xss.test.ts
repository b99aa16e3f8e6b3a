// XSS payloads in every field come out as text: on the confirmation page, on the form shown again,
// in the outbox log line (masked) and in admin JSON. And every answer carries the security headers.
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { confirmation, deliveryOf, form, ORIGIN, post, valid } from './helpers.ts';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(2)</script>',
];
const RAW = [/<script>alert\(\d\)<\/script>/, /<img src=x onerror/, /<svg onload/];

/** The markup outside attribute values: inside a quoted value (its " escaped) `<script>` is only text. */
const outsideAttributes = (html: string) => html.replace(/="[^"]*"/g, '=""');

const hostile = (i: number) => ({
  name: `王${PAYLOADS[i % PAYLOADS.length]}`.slice(0, 20),
  description: `保险柜 ${PAYLOADS.join(' ')}`,
  address: PAYLOADS.join(''),
  preferredTime: PAYLOADS[(i + 1) % PAYLOADS.length],
});

describe('XSS payloads come out escaped', () => {
  it('on the confirmation page', async () => {
    const res = await confirmation(
      await form({ ...valid(), consent: 'on', ...hostile(0), page: '/hunan/xiangxi/jishou/' } as unknown as Record<
        string,
        string
      >),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/data-lead-reference>BX-/);
    for (const raw of RAW) expect(outsideAttributes(html)).not.toMatch(raw);
  });

  it('on the form shown again with errors, every field kept as text', async () => {
    for (let i = 0; i < PAYLOADS.length; i++) {
      const res = await form({ ...valid(), consent: '', ...hostile(i), page: '/hunan/xiangxi/jishou/' } as unknown as Record<
        string,
        string
      >);
      expect(res.status).toBe(400);
      const html = await res.text();
      for (const raw of RAW) expect(outsideAttributes(html)).not.toMatch(raw);
      expect(html).not.toMatch(/value="[^"]*"[^>]*onerror/); // no attribute broken out of
      expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
    }
  });

  it('in the outbox log line and in admin JSON', async () => {
    const log = vi.spyOn(console, 'log');
    const res = await post({ ...valid(), ...hostile(0) });
    const { id } = await res.json<{ id: string }>();
    await deliveryOf(id);
    const line = log.mock.calls
      .flat()
      .map(String)
      .find((l) => l.includes(id))!;
    log.mockRestore();
    // The name is masked to its first character (王***), so none of the payload reaches the log.
    expect(line).toContain(' · 王*** · ');
    expect(line).not.toMatch(/[<>]|script/);

    const list = await exports.default.fetch(
      new Request(`${ORIGIN}/api/admin/leads?limit=5`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } }),
    );
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    expect(list.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await list.text();
    expect(text).not.toMatch(/[<>]/);
    const lead = (JSON.parse(text) as { leads: { id: string; name: string; address: string }[] }).leads.find((l) => l.id === id)!;
    expect(lead.name).toBe(hostile(0).name); // the data itself is intact
    expect(lead.address).toBe(hostile(0).address);
  });
});

describe('security headers', () => {
  const expectCommon = (res: Response) => {
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it('on a static page (public/_headers), with a CSP without inline scripts', async () => {
    const res = await exports.default.fetch(`${ORIGIN}/hunan/xiangxi/jishou/`);
    expectCommon(res);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toContain("unsafe-inline' https://challenges"); // script-src has no unsafe-inline
    const html = await res.text();
    // Every executable script is a file; only JSON-LD data blocks are inline.
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src=|type="application\/ld\+json"/);
  });

  it('on API answers: JSON, errors and the form pages', async () => {
    const health = await exports.default.fetch(`${ORIGIN}/api/health`);
    expectCommon(health);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bad = await post('{');
    expectCommon(bad);
    const page = await form({ name: '' });
    expect(page.headers.get('content-type')).toContain('text/html');
    expectCommon(page);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const missing = await exports.default.fetch(`${ORIGIN}/api/nothing`);
    expectCommon(missing);
  });
});
