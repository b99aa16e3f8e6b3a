// /search-sounds.json: GB 2312's characters by their pinyin (src/lib/sounds.ts), which the search
// worker fetches only for a query that found nothing, to read it by its sound (常沙 → changsha).
import type { APIRoute } from 'astro';
import { soundTable } from '../lib/sounds.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(soundTable()), { headers: { 'content-type': 'application/json' } });
