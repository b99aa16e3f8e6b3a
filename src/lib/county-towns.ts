// The towns of each county as /towns.json and /search-pinyin.json write them (CountyTowns), walked once
// in one order so that the two files hold the same towns name for name.
import type { CountyTowns } from '../contract/catalog.ts';
import { catalog } from './catalog.ts';

/** Every county's towns, written by `write`: today's, then after a `|` those of the 2020 codes it holds. */
export async function countyTowns(write: (names: string[]) => string): Promise<CountyTowns> {
  const { regions, townsOf, formerTownsOf } = await catalog();
  const data: CountyTowns = {};
  for (const r of regions.byCode.values()) {
    // A town of a county-less city has no towns, but may hold one of 2020 (中山's 小榄镇: 东升镇).
    if (r.level !== 'county' && r.level !== 'town') continue;
    const [towns, former] = [townsOf(r.code), formerTownsOf(r.code)];
    if (towns.length || former.length) data[r.code] = write(towns) + (former.length ? `|${write(former)}` : '');
  }
  return data;
}
