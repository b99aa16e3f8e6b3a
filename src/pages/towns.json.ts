// /towns.json: every town (乡镇/街道) of a county-level unit as customers type it, by county code, one
// string of names each — for the lead function's search without JavaScript (functions/regions/), with
// /catalog.json and /uncovered-regions.json. Browsers never fetch it (the search worker has Pagefind).
import type { APIRoute } from 'astro';
import { countyTowns } from '../lib/county-towns.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await countyTowns((names) => names.join(' '))), {
    headers: { 'content-type': 'application/json' },
  });
