// /uncovered-regions.json: the regions of China that have no page (nobody covers them), for the lead
// function alone: a customer search told 暂未覆盖 may still leave a lead for one, and the function
// must know the code and name it. Kept out of /catalog.json, which every form's picker fetches.
import type { APIRoute } from 'astro';
import type { UncoveredRegions } from '../contract/catalog.ts';
import { catalog } from '../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { pages, regions } = await catalog();
  const inPages = new Set(pages.map((r) => r.code));
  const data: UncoveredRegions = Object.fromEntries(
    [...regions.byCode.values()]
      .filter((r) => !inPages.has(r.code))
      .map((r) => [r.code, r.parent ? [r.name, r.parent] : [r.name]]),
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
