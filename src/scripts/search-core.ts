// What a search means, over Pagefind: the search worker runs it in the browser, the recall test in
// Node against the same index. Pagefind finds words by their beginning; this reads the query as
// people write places — a province in front (湖南吉首), a county or prefecture before a town
// (吉首市乾州街道, 湘西乾州) — and says which town each result matched.
import { GENERIC_ZONE, placeOnly, shortName } from '../lib/names.ts';
import { FIRST, holding, nothing, type Found, type Pagefind } from './find.ts';
import { liesIn, provinceOf, spelledAs, type Hit } from './search-hits.ts';
import { readings } from './readings.ts';
import { PINYIN_THEN_HAN, typedForms } from './typed.ts';
import { isZone, zoneFirst } from './zones.ts';
import { searchAs } from './search-as.ts';

/** Tables the search worker fetches only for a query that found nothing as typed. */
export interface Tables {
  /** The query in simplified characters (廣州 → 广州; 於都 → 於都, 于都): names.ts `simplify`. */
  simplify?: (q: string) => Promise<string[]>;
  /** The query's characters as their pinyin, each reading (常沙 → changsha): names.ts `bySound`. */
  bySound?: (q: string) => Promise<string[]>;
}

export async function search(
  pagefind: Pagefind,
  typed: string,
  filters: Record<string, string>,
  limit = FIRST,
  tables: Tables = {},
): Promise<Found> {
  const { q, joined, spelled, asTyped, reversed, placeFirst, zones, switched, provinceThen } = typedForms(typed);
  // A place with what the customer wants done (长沙开锁, 保险柜维修长沙) or with an address's parts
  // below a town (乾州社区), written as the input method meant it (向阳小区jiedao: 向阳小区街道, a town's
  // name): when no name begins with it as typed (a town's …服务中心 may), the place alone first — as
  // typed it holds a word every record has (保险柜), and its readings cost a dozen searches of every
  // record (229 ms a question in the recall). A phrase with no place left (保险柜维修电话) names none:
  // no places that merely offer the service, but the page's advice and hotline.
  const written = spelled || joined;
  const place = placeOnly(written);
  // As typed, or with a county's full name read short as the index has it (东西湖区柏泉办事处街道; after
  // a prefecture, two words: 铜陵 铜官露采社区街道).
  const compact = written.replace(/\s+/g, '');
  const short = place !== written ? readings(compact, filters).filter((r) => r.county) : [];
  let unheld = place !== written && !(await holding(pagefind, compact, filters, 1)).length;
  for (const r of short) if (unheld) unheld = !(await holding(pagefind, r.q, r.filters, 1)).length;
  if (unheld && !place) return nothing();
  const alone = place !== written && place.replace(/\s/g, '').length >= 2;
  const byPlace = async () => {
    const found = await search(pagefind, place, filters, limit, tables);
    return found.results.length && (found.exact || found.near) ? found : undefined;
  };
  const first = unheld && alone ? await byPlace() : undefined;
  if (first) return first;
  // A place in pinyin, then one in it in characters (changsha 岳麓), before the query as typed: a
  // record can hold both as two towns of another county (siping 铁西: 普兰店区's 四平街道 and 铁西街道).
  if (switched) {
    const found = await apart(pagefind, q, filters, limit, tables, true);
    if (found) return found;
  }
  const as = (query: string) => searchAs(pagefind, query, filters, limit);
  let hint: Found | undefined;
  for (const query of asTyped) {
    if (!query) continue;
    let found = await as(query);
    // A town typed before its place without its suffix (乾州 吉首): both words are in the place's record,
    // which answers without the town; written the other way round, the town is found in it.
    if (found?.exact && query === q && reversed && !found.results[0]?.town) {
      const other = await as(reversed);
      if (other?.exact && other.results[0]?.town && other.results[0].url === found.results[0]?.url) found = other;
    }
    if (found?.exact) return GENERIC_ZONE.test(found.results[0]?.town ?? '') ? zoneFirst(found, zones, limit, as) : found;
    hint ??= found;
  }
  if (provinceThen && !filters.province) {
    const within = { ...filters, province: provinceThen.province };
    const found = await search(pagefind, provinceThen.rest, within, limit, tables);
    if (found.exact && found.results.length) return found;
  }
  // A development zone as residents write it, by the names the data may give it (zones.ts).
  for (const zone of zones) {
    const found = await as(zone.name);
    if (isZone(found, zone)) return zoneFirst(found, zones, limit, as);
    hint ??= found;
  }
  if (!place) return nothing();
  const then = !unheld && alone ? await byPlace() : undefined;
  if (then) return then;
  // Nothing holds it as typed: what it may still name (search-near.ts), loaded only now.
  const { searchNear } = await import('./search-near.ts');
  // A town before its place (太平镇 成都) as if typed the other way round, as asTyped read it first —
  // kept only where it names that town with another suffix (成都's 太平街道): else a town misspelt
  // (胡门镇 东莞) would be read as the place's name and a suffix (莒县's 东莞镇).
  if (placeFirst) {
    const town = shortName(q.split(' ')[0], 'town');
    const found = await searchNear(
      pagefind,
      { q: placeFirst, joined: placeFirst, spelled, switched },
      filters,
      limit,
      tables,
      hint,
    );
    if (found.results.length && found.results.every((h) => h.town?.startsWith(town))) return found;
  }
  return searchNear(pagefind, { q, joined, spelled, switched }, filters, limit, tables, hint);
}

/** Places typed apart, the narrowest last, in pinyin (guangdong dongguan humen, hainan gonghe) or in
 *  pinyin and then characters (changsha 岳麓, jishou乾州): the places of the last word that lie in a
 *  place of the words before it. The index holds no pinyin of a place after another's (湘西乾州 is a
 *  word, xiangxiqianzhou none: a fifth more words). */
export async function apart(
  pagefind: Pagefind,
  q: string,
  filters: Record<string, string>,
  limit: number,
  tables: Tables,
  byName = false,
): Promise<Found | undefined> {
  const mixed = q.match(PINYIN_THEN_HAN);
  const spaced = mixed ? [...mixed[1].trim().split(/\s+/), mixed[2]] : q.split(/\s+/);
  const last = spaced.at(-1)!;
  if (spaced.length < 2 || (!mixed && (!/^[a-z\s]+$/.test(q) || last.length < 4))) return undefined;
  // The words before it read the same way (xiamen xiangan: 翔安区, not every place of 厦门).
  const front = spaced.slice(0, -1);
  const within =
    (front.length > 1
      ? await search(pagefind, front.join(' '), filters, limit, tables)
      : await searchAs(pagefind, front[0], filters, limit)
    )?.results ?? [];
  const fronts = within.filter((h) => !h.town);
  // Within their province (a shared town name: 城关镇, in 88 counties), each one's when they lie in
  // two or three (henan: 河南省 and 青海's 河南县; shanxi: 山西省 and 陕西省); in more, the country's.
  const provinces = filters.province ? [] : [...new Set(fronts.map(provinceOf))];
  const scopes = provinces.length && provinces.length <= 3 ? provinces.map((province) => ({ ...filters, province })) : [filters];
  const places = fronts.length
    ? (await Promise.all(scopes.map((scope) => holding(pagefind, last, scope, Math.max(4 * FIRST, limit))))).flat()
    : [];
  // In the order of the places they lie in: the one the words spell whole before one they begin
  // (qingshan 青山路街道: 包头's 青山区, then 南昌's 青山湖区, both with such a town).
  const under = (h: Hit) => fronts.findIndex((f) => liesIn(h, f.meta.title));
  const results = places
    .map((h) => ({ h, at: under(h) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ h }) => h);
  if (results.length || !byName)
    return results.length ? { results: results.slice(0, limit), total: results.length, complete: true, exact: true } : undefined;
  // `byName`, when nothing else answered (search-near.ts): a name of many places whose first ones lie
  // elsewhere (taiping: 105 records, 成都's 太平街道 not in the first 32), with the place's name in
  // characters, a word of the same record (成都太平街道: see townWords) — for the first prefectures or
  // counties the word before spells whole (chengdu; not yanta, the beginning of 烟台's yantai).
  for (const f of fronts.filter((h) => h.meta.level !== 'province' && h.meta.short && spelledAs(h, front.at(-1)!)).slice(0, 2)) {
    const held = (await holding(pagefind, `${f.meta.short} ${last}`, filters, limit)).filter(
      (h) => h.town && liesIn(h, f.meta.title),
    );
    if (held.length) return { results: held, total: held.length, complete: true, exact: true };
    // A town in characters (chengdu 太平镇) that place lacks as typed: as if the place were typed so
    // too (成都 太平镇), which may name it with another suffix (太平街道).
    if (mixed) {
      const found = await search(pagefind, `${f.meta.title} ${last}`, filters, limit, tables);
      if (found.results.length && found.results.every((h) => h.town && liesIn(h, f.meta.title))) return found;
    }
  }
}
