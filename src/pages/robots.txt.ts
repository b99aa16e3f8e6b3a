import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { site } = await catalog();
  return new Response(
    // Not /thanks/: a crawler kept out would never read its noindex, and could list the bare address.
    `User-agent: *\nDisallow: /api/\n\nSitemap: ${new URL('/sitemap.xml', site.url).href}\n`,
  );
};
