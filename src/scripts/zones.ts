// Development zones as residents write them (合肥市高新区, 宿州市经济开发区), read against the names the
// data may give them (names.ts `zoneNames`, typed.ts `zones`): which answer is the zone, and a zone
// listed before a town that its kind alone names.
import { inCity, ZONE_NAME_END, type ZoneName } from '../lib/names.ts';
import type { Found } from './find.ts';
import { sameHit, type Hit } from './search-hits.ts';

/** Whether a result lies in the city written before a zone (zoneNames' `city`), if one was. */
const within = (hit: Hit, city: string | undefined) =>
  !city || inCity([...(hit.meta.path ?? '').split(' '), hit.meta.title], city);

/** Whether a development zone's name as the data may give it found the zone: a place
 *  (合肥高新技术产业开发区) or a town of that name (乌海高新技术产业开发区…), never a town that only ends
 *  the name (景德镇市高新技术产业开发区: 珠山区's town 高新技术产业开发区); in the city written before the
 *  zone, if one was (栖霞市经济开发区: not 南京's 栖霞区, whose town 栖霞经济开发区 is). */
export const isZone = (found: Found | undefined, { name, city }: ZoneName): found is Found =>
  !!found?.exact &&
  found.results.length > 0 &&
  (found.results[0].town ?? name).startsWith(name) &&
  within(found.results[0], city);

/** A zone as residents write it that a town is also called (保定市高新技术产业开发区: 保定高新技术产业开发区,
 *  and 涿州市's town 高新技术产业开发区; 宿州市经济开发区: 宿州经济技术开发区, and 砀山县's town 经济开发区 —
 *  towns named by the kind of zone alone; 新乡市经济开发区, found by a name only guessed: 新乡经济技术开发区,
 *  and 新乡县's town 新乡经济开发区): the zone first, then the town, as the import lists both (resolve.ts).
 *  `as` searches one name as typed (search-core.ts). */
export async function zoneFirst(
  found: Found,
  zones: ZoneName[],
  limit: number,
  as: (name: string) => Promise<Found | undefined>,
): Promise<Found> {
  const town = found.results[0]?.town;
  // The first name that finds a zone that is a place (not a town: the one found already may be it).
  let named: Found | undefined;
  for (const zone of town && ZONE_NAME_END.test(town) ? zones : []) {
    const zoned = await as(zone.name);
    const places = zoned?.exact ? zoned.results.filter((h) => !h.town && within(h, zone.city)) : [];
    if (places.length) {
      named = { ...zoned!, results: places, total: places.length };
      break;
    }
  }
  if (!named) return found;
  const more = found.results.filter((h) => !named.results.some((n) => sameHit(n, h)));
  return {
    ...found,
    results: [...named.results, ...more].slice(0, limit),
    total: named.total + found.total - (found.results.length - more.length),
    complete: named.complete && found.complete,
  };
}
