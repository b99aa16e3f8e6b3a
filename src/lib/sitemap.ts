// The sitemap (sitemaps.org): one file of every page while there are at most 50,000, the protocol's
// limit for a file; above that, /sitemap.xml is an index of files of 50,000 each (/sitemap-1.xml, …).
// Addresses are XML-escaped (`entities`): a URL may hold & or '.
import { encodeXML } from 'entities';

const URLS_PER_SITEMAP = 50_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const loc = (url: string) => `<loc>${encodeXML(url)}</loc>`;

/** Every file of the sitemap of these pages (absolute URLs), by path: /sitemap.xml first. */
export function sitemaps(urls: string[], site: string, max = URLS_PER_SITEMAP): Map<string, string> {
  const urlset = (part: string[]) => `${HEAD}<urlset ${NS}>${part.map((u) => `<url>${loc(u)}</url>`).join('')}</urlset>`;
  if (urls.length <= max) return new Map([['/sitemap.xml', urlset(urls)]]);
  const files = new Map<string, string>();
  for (let i = 0; i * max < urls.length; i++) files.set(`/sitemap-${i + 1}.xml`, urlset(urls.slice(i * max, (i + 1) * max)));
  const index = [...files.keys()].map((path) => `<sitemap>${loc(new URL(path, site).href)}</sitemap>`).join('');
  return new Map([['/sitemap.xml', `${HEAD}<sitemapindex ${NS}>${index}</sitemapindex>`], ...files]);
}
