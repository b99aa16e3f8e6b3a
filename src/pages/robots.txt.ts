import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { site } = await catalog();
  return new Response(
    `User-agent: *\nDisallow: /api/\nDisallow: /thanks/\n\nSitemap: ${new URL('/sitemap.xml', site.url).href}\n`,
  );
};
