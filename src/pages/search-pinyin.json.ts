// /search-pinyin.json: what search without JavaScript (functions/regions/places.ts) reads in pinyin,
// as the search worker's Pagefind words have it (src/lib/search-terms.ts): each region without a page
// by its short name (a covered one has its page's slug), and /towns.json's towns without their suffix
// (乾州街道 → qianzhou), name for name in the same order.
import type { APIRoute } from 'astro';
import type { SearchPinyin } from '../contract/catalog.ts';
import { catalog } from '../lib/catalog.ts';
import { countyTowns } from '../lib/county-towns.ts';
import { shortName } from '../lib/names.ts';
import { pinyinSlug } from '../lib/slugs.ts';

// Each short name once: 41,640 towns have 29,757 (城关 88 times), and pinyin-pro takes ~6 µs a name.
const said = new Map<string, string>();
const say = (short: string) => said.get(short) ?? said.set(short, pinyinSlug(short) || '-').get(short)!;
// `-` keeps the place of a name with no pinyin (none has today).
const spoken = (names: string[]) => names.map((name) => say(shortName(name, 'town'))).join(' ');

export const GET: APIRoute = async () => {
  const { pages, regions } = await catalog();
  const inPages = new Set(pages.map((r) => r.code));
  const data: SearchPinyin = {
    regions: Object.fromEntries(
      [...regions.byCode.values()].filter((r) => !inPages.has(r.code)).map((r) => [r.code, pinyinSlug(r.shortName)]),
    ),
    // Not the names that are no town's (a former division's: 彬县, now 彬州市): read in pinyin they would
    // be one more place for a spelling that names a town of today (binzhou binxian: 宾县's 宾州镇).
    towns: await countyTowns(spoken, (names) => names.map(() => '-').join(' ')),
  };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
