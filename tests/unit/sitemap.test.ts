import { describe, expect, it } from 'vitest';
import { sitemaps } from '../../src/lib/sitemap.ts';

const SITE = 'https://baoxiu.example.com';
const urls = (n: number) => Array.from({ length: n }, (_, i) => `${SITE}/p${i}/`);

describe('the sitemap', () => {
  it('is one file while the pages fit, its addresses XML-escaped', () => {
    const files = sitemaps([...urls(2), `${SITE}/a&b/'q'/`], SITE, 3);
    expect([...files.keys()]).toEqual(['/sitemap.xml']);
    const xml = files.get('/sitemap.xml')!;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    expect(xml).toContain(`<url><loc>${SITE}/p1/</loc></url>`);
    expect(xml).toContain(`<loc>${SITE}/a&amp;b/&apos;q&apos;/</loc>`);
  });

  it('is an index of parts of at most the limit each, in order, past it', () => {
    const files = sitemaps(urls(5), SITE, 2);
    expect([...files.keys()]).toEqual(['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    expect(files.get('/sitemap.xml')).toContain(
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE}/sitemap-1.xml</loc></sitemap>`,
    );
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs(files.get('/sitemap.xml')!)).toHaveLength(3);
    expect([1, 2, 3].flatMap((n) => locs(files.get(`/sitemap-${n}.xml`)!))).toEqual(urls(5));
    expect(files.get('/sitemap-3.xml')).toContain('<urlset');
  });
});
