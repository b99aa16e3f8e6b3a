// /towns.json: every town (乡镇/街道) of a county-level unit as customers type it, by county code, one
// string of names each — for the lead function's search without JavaScript (functions/regions/), with
// /catalog.json and /uncovered-regions.json. Browsers never fetch it (the search worker has Pagefind).
import type { APIRoute } from 'astro';
import type { CountyTowns } from '../contract/catalog.ts';
import { catalog } from '../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { regions, townsOf, formerTownsOf } = await catalog();
  const data: CountyTowns = {};
  for (const r of regions.byCode.values()) {
    // A town of a county-less city has no towns, but may hold one of 2020 (中山's 小榄镇: 东升镇).
    if (r.level !== 'county' && r.level !== 'town') continue;
    const [towns, former] = [townsOf(r.code), formerTownsOf(r.code)];
    if (towns.length || former.length) data[r.code] = towns.join(' ') + (former.length ? `|${former.join(' ')}` : '');
  }
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
