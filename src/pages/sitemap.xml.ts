import type { APIRoute } from 'astro';
import { siteSitemaps, xmlResponse } from '../lib/sitemap-pages.ts';

export const GET: APIRoute = async () => xmlResponse((await siteSitemaps()).get('/sitemap.xml')!);
