import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { site, brands, pages, regions } = await catalog();
  const paths = [
    '/',
    '/regions/',
    '/privacy/',
    ...brands.map((b) => `/brands/${b.id}/`),
    ...pages.map((r) => regions.path(r.code)),
  ];
  const urls = paths.map((p) => `<url><loc>${new URL(p, site.url).href}</loc></url>`).join('');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
