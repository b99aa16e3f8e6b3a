// The towns of each county as /towns.json and /search-pinyin.json write them (CountyTowns), walked once
// in one order so that the two files hold the same towns name for name.
import type { CountyTowns } from '../contract/catalog.ts';
import { catalog } from './catalog.ts';
import { namesAsTowns } from './names-as-towns.ts';

/** Every county's towns, written by `write`: today's, then after a `|` those of the 2020 codes it holds,
 *  then after another the names that are no town's but answer as one, written by `writeNamed`
 *  (names-as-towns.ts: 闸北区 on 静安区, 汉口) — on a prefecture too, for its own former names (思茅市 on
 *  普洱市). */
export async function countyTowns(
  write: (names: string[]) => string,
  writeNamed: (names: string[]) => string = write,
): Promise<CountyTowns> {
  const { regions, townsOf, formerTownsOf } = await catalog();
  const named = namesAsTowns(regions);
  const data: CountyTowns = {};
  for (const r of regions.byCode.values()) {
    // A town of a county-less city has no towns, but may hold one of 2020 (中山's 小榄镇: 东升镇).
    const towns = r.level === 'county' || r.level === 'town' ? townsOf(r.code) : [];
    const former = formerTownsOf(r.code);
    const names = [...new Set(named.get(r.code))].filter((n) => !towns.includes(n) && !former.includes(n));
    const after = names.length ? [write(former), writeNamed(names)] : former.length ? [write(former)] : [];
    if (towns.length || after.length) data[r.code] = [write(towns), ...after].join('|');
  }
  return data;
}
