// The parts of a sitemap of more than 50,000 pages (src/lib/sitemap.ts); none for a smaller site.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSitemaps, xmlResponse } from '../lib/sitemap-pages.ts';

export const getStaticPaths = (async () =>
  [...(await siteSitemaps())]
    .filter(([path]) => path !== '/sitemap.xml')
    .map(([path, body]) => ({ params: { n: /\d+/.exec(path)![0] }, props: { body } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => xmlResponse(props.body as string);
