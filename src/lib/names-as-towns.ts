// Names that are no town's but answer as a town of the region that holds them now, in both searches
// (search-records-build.ts for Pagefind; /towns.json for the search without JavaScript).
import { AREAS } from './areas.ts';
import { FORMER, SPLIT } from './history.ts';
import { CIVIL_NAMES } from './names.ts';
import type { RegionIndex } from './regions.ts';

/** By region code: a division's former name, or a county created after the data (history.ts), on the
 *  division that took it over or that it was carved from (萝岗区 → 广州市 黄埔区, 和康县 → 和田地区 皮山县),
 *  not on a successor of that very name (庐江县, moved from 巢湖市: src/scripts/moved.ts reads where it
 *  was); one split between several on each (吴县 → 吴中区, 相城区); a civil-affairs name the statistical
 *  codes do not use (南沙区, listed as 南沙群岛: names.ts); a part of a city that is no division (汉口,
 *  江北新区: areas.ts) on each county it lies in. */
export function namesAsTowns(regions: RegionIndex): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, code: string) => names.set(code, [...(names.get(code) ?? []), name]);
  for (const f of FORMER) for (const code of f.parts ?? [f.successor]) if (regions.get(code)!.name !== f.name) add(f.name, code);
  for (const f of SPLIT) for (const code of f.successors) add(f.name, code);
  for (const [code, list] of Object.entries(CIVIL_NAMES)) for (const name of list) add(name, code);
  for (const area of AREAS) for (const code of area.counties) for (const name of area.names) add(name, code);
  return names;
}
