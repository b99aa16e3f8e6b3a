// How big the city a place is in, by the 街道 (urban subdistricts) the data gives it, the data having
// no population: search orders namesakes by it (南山区: 深圳市's, a city of 74 街道, before 鹤岗市's, of 29;
// 朝阳区: 北京市's, 165, before 长春市's, 116).
import type { Region, RegionIndex } from './regions.ts';
import type { Town } from './towns.ts';

/** 街道 per city — a prefecture, or a municipality for its districts — by its code. */
export function streetsByCity(regions: RegionIndex, towns: Map<string, Town[]>): Map<string, number> {
  const count = new Map<string, number>();
  for (const region of regions.byCode.values()) {
    if (region.level !== 'county' || !region.parent) continue;
    // The towns of 东莞 and 中山 are regions of their own (东城街道).
    const own = region.name.endsWith('街道') ? 1 : 0;
    const streets = (towns.get(region.code) ?? []).filter((t) => t.name.endsWith('街道')).length + own;
    count.set(region.parent, (count.get(region.parent) ?? 0) + streets);
  }
  return count;
}

/** The city a place is in: a county's prefecture (or municipality); a prefecture or province itself. */
export const cityOf = (region: Region) => (region.level === 'county' ? region.parent! : region.code);
