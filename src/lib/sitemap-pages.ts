// What the sitemap lists (src/pages/sitemap.xml.ts, sitemap-[n].xml.ts): every public page that is
// worth a search engine's visit, as absolute URLs — not /thanks/, /progress/ or the inbox.
import { catalog } from './catalog.ts';
import { sitemaps } from './sitemap.ts';

/** Every file of the site's sitemap, by path (src/lib/sitemap.ts). */
export async function siteSitemaps(): Promise<Map<string, string>> {
  const { site, brands, pages, regions } = await catalog();
  const paths = [
    '/',
    '/regions/',
    '/privacy/',
    ...brands.map((b) => `/brands/${b.id}/`),
    ...pages.map((r) => regions.path(r.code)),
  ];
  return sitemaps(
    paths.map((p) => new URL(p, site.url).href),
    site.url,
  );
}

export const xmlResponse = (body: string) => new Response(body, { headers: { 'content-type': 'application/xml' } });
