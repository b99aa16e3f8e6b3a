// Areas that are no division (汉口, 两江新区: areas.ts) and development zones as residents write them.
import { AREAS, type Area } from '../areas.ts';
import { inCity, zoneNames, ZONE_AFTER, ZONE_NAME_END } from '../names.ts';
import type { Resolver } from '../resolve.ts';
import { listed, MAX_CANDIDATES, type Resolution } from './resolution.ts';

/** An area of a city that is no division (汉口, 南京江北新区: areas.ts) as the text writes it: after
 *  nothing but names of the places above its counties (重庆, 南京市), with what follows it. Not a
 *  name divisions or towns have too, in front: 江北 alone is 重庆's and 宁波's 江北区, 江北曲 a misspelt
 *  江北区; the area's after its city (南京江北). */
function* areasIn(resolver: Resolver, text: string): Generator<{ area: Area; name: string; rest: string }> {
  for (const area of AREAS)
    for (const name of area.names) {
      const at = text.indexOf(name);
      if (at < 0 || (at === 0 && resolver.byName.has(name)) || !onlyAbove(resolver, text.slice(0, at), area)) continue;
      yield { area, name, rest: text.slice(at + name.length) };
    }
}

/** The area the whole text names. */
export function areaOf(resolver: Resolver, text: string): { area: Area; name: string } | undefined {
  for (const written of areasIn(resolver, text)) if (!written.rest) return written;
  return undefined;
}

/** An area written as a division of its city (南京江北区, 汉口区), which has none of that name: the area. */
export function areaAsDivision(resolver: Resolver, input: string, text: string): Resolution | undefined {
  for (const written of areasIn(resolver, text)) {
    if (!/^[区县]$/.test(written.rest)) continue;
    const found = inArea(resolver, input, written);
    return { ...found, note: `read ${text} as ${text.slice(0, -1)}: ${found.note}` };
  }
  return undefined;
}

/** Whether `before` is nothing but names of the places above an area's counties (重庆, 南京市). */
function onlyAbove(resolver: Resolver, before: string, area: Area): boolean {
  const above = new Set(area.counties.flatMap((code) => resolver.regions.lineage(code).slice(0, -1)));
  for (const r of above) for (const n of [r.name, r.shortName]) if (before.startsWith(n)) before = before.slice(n.length);
  return !before;
}

/** A place written after an area it lies in (两江新区鸳鸯街道, 雄安新区容城县): that place, read alone and
 *  kept only where it is in one of the area's counties. */
export function afterArea(resolver: Resolver, input: string, text: string): Resolution | undefined {
  for (const { area, name, rest: after } of areasIn(resolver, text)) {
    // Written as a district (南京江北区泰山街道): what follows that.
    const rest = after.replace(/^[区县](?=.)/, '');
    if (!rest) continue;
    const found = resolver.resolve(rest);
    // A rest that names nothing is no place in the area: the text is read otherwise.
    if (found.status === 'unresolved' && !found.code) continue;
    const candidates = found.candidates?.filter((c) => area.counties.includes(c.code)) ?? [];
    if (found.code && area.partly?.includes(found.code) && !found.town)
      return {
        ...found,
        input,
        status: 'warning',
        note: [found.note, `only part of ${found.path} lies in ${name}: all of it is covered`].filter(Boolean).join('; '),
      };
    if (found.code && area.counties.includes(found.code)) return { ...found, input };
    // The one in the area, read as its full path says it (a town: noted on its county's page, said).
    if (found.status === 'ambiguous' && candidates.length === 1)
      return { ...resolver.resolve(candidates[0].path.replaceAll(' ', '')), input };
    if (found.status === 'ambiguous' && candidates.length > 1) return { ...found, input, candidates };
    const where = found.code ? ` (${found.path})` : '';
    return {
      input,
      status: 'unresolved',
      note: `${rest}${where} is not in ${name}, which lies in ${listed(area.counties.map((c) => resolver.pathOf(c)))}`,
    };
  }
  return undefined;
}

/** Ambiguous: the counties an area lies in, which of them to cover being the operator's to say. */
export function inArea(resolver: Resolver, input: string, { area, name }: { area: Area; name: string }): Resolution {
  const paths = area.counties.map((code) => resolver.pathOf(code));
  // One with a district (苏州新区: 虎丘区): that district, said.
  if (area.counties.length === 1 && !area.partly?.length)
    return {
      input,
      status: 'warning',
      code: area.counties[0],
      path: paths[0],
      note: `read ${name} as ${paths[0]}: the zone and the district are one (${area.source.url})`,
    };
  const parts = paths.filter((_, i) => area.partly?.includes(area.counties[i]));
  const whole = paths.filter((p) => !parts.includes(p));
  const said = [...whole, ...(parts.length ? [`${parts.length > 1 ? 'parts' : 'part'} of ${listed(parts)}`] : [])];
  return {
    input,
    status: 'ambiguous',
    candidates: area.counties.map((code, i) => ({ code, path: paths[i] })),
    note: `${name === area.names[0] ? name : `${name} (${area.names[0]})`} is an area, not a division: it lies in ${listed(said)} (${area.source.url}); write the ones to cover`,
  };
}

/** A development zone as residents write it, read as the data names it (zoneNames), if it does: the
 *  first name found, and the first that is a place rather than a town (新乡市经济开发区: the town
 *  新乡经济开发区 of 新乡县, and 新乡经济技术开发区). */
export function zoneNamed(
  resolver: Resolver,
  text: string,
  find: (t: string) => Resolution | undefined,
): { name: string; found: Resolution; place?: Resolution } | undefined {
  let first: { name: string; found: Resolution } | undefined;
  for (const { name, city } of zoneNames(text)) {
    // A town only of that name (乌海高新技术产业开发区…), never one that only ends a guessed name
    // (景德镇市高新技术产业开发区: 珠山区's town 高新技术产业开发区); in the city written before the zone
    // (栖霞市经济开发区: not the town 栖霞经济开发区 of 南京's 栖霞区).
    const found = find(name);
    if (!found || !(found.town ?? name).startsWith(name)) continue;
    const paths = found.path ? [found.path] : (found.candidates ?? []).map((c) => c.path);
    if (city && !paths.every((p) => inCity(p.split(' '), city))) continue;
    first ??= { name, found };
    if (found.code && !found.town) return { ...first, place: found };
  }
  return first;
}

/** A zone as residents write it that is also a town's name (保定市高新技术产业开发区: 保定高新技术产业开发区,
 *  or 涿州市's town 高新技术产业开发区), or several towns' (徐州市经济开发区): all, the zone first, for the
 *  operator to choose. */
export function zoneOrTown(resolver: Resolver, input: string, text: string, zone: Resolution, town: Resolution): Resolution {
  const name = zone.path!.split(' ').at(-1);
  const towns = town.candidates ?? [{ code: town.code!, path: `${town.path} ${town.town}` }];
  return {
    input,
    status: 'ambiguous',
    candidates: [{ code: zone.code!, path: zone.path! }, ...towns].slice(0, MAX_CANDIDATES),
    note: town.candidates
      ? `${text} may be ${name} or one of ${town.candidates.length} towns of that name; write which`
      : `${text} may be ${name} or the town ${town.town} of ${town.path}; write which`,
  };
}

/** The place a zone's name is written after: before a zone's word (西安高新区: 西安), else the longest
 *  beginning that names one region before a zone's own name (郑州市郑东新区: 郑州市). Never a town. */
export function zoneAfter(resolver: Resolver, text: string): Resolution | undefined {
  const word = ZONE_AFTER.exec(text);
  const city = word && resolver.named(word[1], word[1]);
  if (city && !city.town && (city.code || city.candidates)) return city;
  if (!ZONE_NAME_END.test(text)) return undefined;
  for (let i = text.length - 3; i >= 2; i--) {
    const before = resolver.named(text.slice(0, i), text.slice(0, i));
    if (before?.code && !before.town) return before;
  }
  return undefined;
}
