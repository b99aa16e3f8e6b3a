// What a Pagefind result holds for a query (search-core.ts reads the query): the places of its record
// — a page's, or a record of uncovered places — the town a word of the query named, and how the
// results rank. A record's words are its towns' first, TOWN_WORDS per town, then its own names
// (src/lib/search-terms.ts).
import { shortName, SUFFIX_PINYIN } from '../lib/names.ts';

export interface Data {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string>;
}

export interface Result {
  id: string;
  data(): Promise<Data>;
}

/** What a result shows of a place; src/pages/search-records.json.ts writes it (strings: Pagefind's meta). */
export interface Place {
  title: string;
  short?: string;
  pinyin?: string;
  level?: string;
  path?: string;
  /** 湘西州 吉首市: how a town result names the page it leads to. */
  place?: string;
  /** How many of its words are its towns' (TOWN_WORDS each, before its own names). */
  townWords?: string;
  /** How many of its town words, the last, are those of the 2020 codes' towns it holds now (淀山湖镇). */
  formerWords?: string;
  /** How many words it has in its record (a record of uncovered places holds several, in order). */
  words?: string;
  covered: '1' | '0';
  code?: string;
  brands?: string;
  /** The 街道 of the city it is in (src/lib/city-size.ts): namesakes, the bigger city's first. */
  streets?: string;
  /** Names of the areas it lies in (两江新区: src/lib/areas.ts), space-separated: one may stand before
   *  its towns as a place does (两江新区鸳鸯街道). */
  areas?: string;
}

export interface Hit {
  url: string;
  meta: Place;
  /** The town of this county the query named (乾州街道); absent when it named the place itself. */
  town?: string;
  /** The query is that town's pinyin whole (taixia: 太霞乡), not the beginning of a longer one (taixian: 泰县). */
  spelled?: true;
  /** That town is one of the 2020 codes that today's do not name (淀山湖镇; src/lib/former-towns.ts). */
  former?: true;
  /** A word typed before the town is another town's here, or the town's own name again, not a place
   *  it lies in (张掖 火车站街道 in 兰州's 城关区, which has 张掖路街道; 武安 武安镇 in 郓城县's): left out
   *  where a town in the places typed answers (search-as.ts). */
  stray?: true;
}

/** Follows a place's own names in its record (吉林ϙ): a letter nobody types, that Pagefind keeps. */
export const OWN = 'ϙ';
/** Words per town on its county's record (src/lib/search-terms.ts townWords). */
export const TOWN_WORDS = 4;

export const LEVEL = ['province', 'prefecture', 'county', 'town'];

const areasOf = (hit: Hit) => (hit.meta.areas ?? '').split(' ');
/** Whether a result lies in an area (渝北区 in 两江新区). */
export const inArea = (hit: Hit, area: string) => areasOf(hit).includes(area);
/** The area a result lies in that a query's leading word names (两江新区, 重庆两江新区: 两江新区). */
export const areaBegun = (hit: Hit, word: string) => areasOf(hit).find((a) => !!a && word.endsWith(a));
/** The area a result lies in whose name begins a text, by its full name (江北泰山街道: 江北新区, whose
 *  short name 江北 begins it). */
export const areaLeading = (hit: Hit, text: string) => {
  const names = areasOf(hit);
  const written = names.find((a) => !!a && text.startsWith(a));
  return written && names.find((a) => a.startsWith(written));
};

/** The places a result matched: the page's own, or those of a record of uncovered places that hold
 *  the matched words, each with the town the query named, if it named a town rather than the place.
 *  A place's words are its towns' first, TOWN_WORDS per town, the town's name first (search-terms.ts). */
export function hitsOf(data: Data, words: string[], exact: boolean, split: boolean): Hit[] {
  const town = words.at(-1)!.toLowerCase();
  // A town's pinyin words the query may be whole: its name's, with a suffix's or without (taixia:
  // taixia, taixiaxiang, 太霞乡; not taixian, 泰县).
  const spellings = /^[a-z]+$/.test(town) ? new Set([town, ...Object.keys(SUFFIX_PINYIN).map((s) => town + s)]) : undefined;
  const content = wordsOf(data);
  const places = placesOf(data);
  const hits: Hit[] = [];
  let start = 0;
  for (const { url, meta } of places) {
    const end = places.length === 1 ? Infinity : start + Number(meta.words);
    const at = data.locations.filter((l) => l >= start && l < end);
    const towns = start + Number(meta.townWords ?? 0);
    if (!at.length) {
      // Matched by its metadata alone: the place itself, never a town.
      if (words.length === 1 && namedInMeta(meta, words[0])) hits.push({ url, meta });
    } else if (
      (places.length === 1 || !exact || matches(content, at, words)) &&
      // A place and a town (凤凰 shi): the place part is one of this place's own names, or an area it
      // lies in (两江新区 鸳鸯街道, 南京江北 泰山街道), not another town.
      (!split ||
        !exact ||
        at.some((l) => l >= towns && l < end && content[l].toLowerCase().startsWith(words[0].toLowerCase())) ||
        !!areaBegun({ url, meta }, words[0]))
    ) {
      // In a record of several places, each of the query's words must be this place's.
      // The town word the query's town part begins (湘西 乾州: 湘西乾州街道 is 湘西's, 乾州街道 the town's),
      // reaching into the town's own name: 长沙 begins 长沙五里牌街道 but names the district's city, so
      // the answer is the district, not the street.
      const group = (l: number) => l - ((l - start) % TOWN_WORDS); // the town's first word
      const reachesName = (l: number) => {
        const first = group(l);
        const before = l === first + TOWN_WORDS - 1 ? 0 : content[l].length - content[first].length; // pinyin last
        return town.length > before;
      };
      const reached = at.filter((l) => l < towns && content[l].toLowerCase().startsWith(town) && reachesName(l));
      // The town the query names, if one is (崇文: 东城区's former 崇文区, before its 崇文门外街道), by its
      // very name first (吴县: the former 吴县, not 吴县市, which it names short too).
      const nameAt = (l: number) => content[group(l)];
      // Then the town whose word the query is whole (滨海新区天津经济技术开发区: that town, not its
      // 天津经济技术开发区东区泰达街道, which the query begins too).
      const townAt =
        reached.find((l) => nameAt(l) === town) ??
        reached.find((l) => namedBy(nameAt(l), town)) ??
        reached.find((l) => content[l].toLowerCase() === town) ??
        reached[0];
      // A town unless the town part also names the place itself (吉首: 吉首市, not its 吉首市乾州街道);
      // the words before it may be the place's (湘西 乾州: 湘西 of 湘西州, 乾州 of 乾州街道).
      const own = at.some((l) => l >= towns && content[l].toLowerCase().startsWith(town));
      const named = exact && townAt !== undefined && (split || !own);
      const spelled =
        named && !!spellings && reached.some((l) => group(l) === group(townAt) && spellings.has(content[l].toLowerCase()));
      const former = named && townAt >= towns - Number(meta.formerWords ?? 0);
      // Each word before the town: one of this place's own names, or a word of the town's own (湘西乾州街道).
      const placed = (w: string) =>
        at.some(
          (l) =>
            content[l] !== content[townAt] &&
            content[l].toLowerCase().startsWith(w) &&
            (l >= towns || group(l) === group(townAt)),
        );
      const stray = named && words.length > 1 && !words.slice(0, -1).every((w) => placed(w.toLowerCase()));
      hits.push({
        url,
        meta,
        ...(named ? { town: nameAt(townAt) } : {}),
        ...(spelled ? { spelled } : {}),
        ...(former ? { former } : {}),
        ...(stray ? { stray } : {}),
      });
    }
    start = end;
  }
  return hits;
}

/** Whether a town (or a former division noted as one: 崇文区) is named by the query, in full or short. */
const namedBy = (name: string, q: string) => name === q || shortName(name, 'town') === q || shortName(name, 'county') === q;

const placeCache = new WeakMap<Data, { url: string; meta: Place }[]>();
/** The places a record holds: its page's, or the uncovered places of a prefecture
 *  (search-records.json.ts); parsed once however often a search reads them. */
export function placesOf(data: Data): { url: string; meta: Place }[] {
  let places = placeCache.get(data);
  if (!places)
    placeCache.set(
      data,
      (places = data.meta.places
        ? (JSON.parse(data.meta.places) as Place[]).map((meta) => ({ url: `/regions/?uncovered=${meta.code}`, meta }))
        : [{ url: data.url, meta: data.meta as unknown as Place }]),
    );
  return places;
}

/** The name of the place a place is right under (the last of its path: 长沙市 for 芙蓉区). */
const parentOf = (meta: Place) => meta.path?.split(' ').at(-1);

/** Whether the query begins a place's own name or its parent's. Pagefind matches a record's metadata
 *  too, and a place matched there alone holds none of the query's words in the chunks loaded: 湖南省
 *  begins 湖南省长沙市, which sorts into the next chunk. It still answers: 湖南省 lists 长沙市, 北京 lists
 *  东城区 (a district right under the province has no 北京 word). Its code or counts never do. */
export const namedInMeta = (meta: Place, q: string) =>
  [meta.title, meta.short, parentOf(meta)].some((name) => !!name && name.startsWith(q));

/** For a place whose own name is the query, or a word of it (坚匣 长沙): bigger places first (长沙 →
 *  长沙市, then 长沙县). */
export function ownRank(hit: Hit, names: string[]): number | undefined {
  const m = hit.meta;
  // An autonomous prefecture is also written with 州 after its short name (湘西州), as results say it.
  const zhou = m.level === 'prefecture' && m.title.endsWith('自治州') ? `${m.short}州` : undefined;
  const own = [m.title, m.short, zhou, ...(m.pinyin ?? '').split(' ')];
  if (!hit.town && names.some((n) => own.includes(n))) return m.level ? LEVEL.indexOf(m.level) : LEVEL.length;
}
const [UNDER_OWN, NAMED_TOWN, OTHER] = [LEVEL.length + 1, LEVEL.length + 2, LEVEL.length + 3];
/** A place whose own name is the query comes first (ownRank); then the places right under one of
 *  them (长沙市's districts; 海南 → 海南省's before 海南藏族自治州's), `owners` giving those names' ranks;
 *  then towns of that exact name (城关镇 in each county that has one); otherwise Pagefind's order
 *  stands. The page shows them in this order (the recall test measures it). */
export function rank(hit: Hit, names: string[], town: string, owners: Map<string, number>): number {
  const own = ownRank(hit, names);
  if (own !== undefined) return own;
  const parent = hit.town ? undefined : parentOf(hit.meta);
  if (parent && owners.has(parent)) return UNDER_OWN + owners.get(parent)! / 10;
  if (hit.town && (namedBy(hit.town, town) || hit.spelled)) return NAMED_TOWN;
  return OTHER;
}

export const covers = (hit: Hit) => (hit.meta.covered === '0' ? 0 : 1);
/** How big the city of a result is (Place `streets`). */
export const citySize = (hit: Hit) => Number(hit.meta.streets ?? 0);

/** Namesakes (南山区 and 南山区, 城关镇 in 88 counties) in the places they hold among the results: a
 *  covered one first, a town of today before one of the 2020 codes, then the bigger city's (深圳's
 *  南山区, then 鹤岗's). Places of other names keep their order: Pagefind ranks a name typed in full
 *  (乌镇, a town of 佳县) before one it begins (乌镇街道). */
export function biggerFirst(hits: Hit[]): Hit[] {
  const byName = new Map<string, number[]>();
  // A town (or a former name, answered as a town: 东山区 of 越秀区) is no namesake of a place.
  const name = (h: Hit) => (h.town ? `town ${h.town}` : h.meta.title);
  hits.forEach((h, i) => byName.set(name(h), [...(byName.get(name(h)) ?? []), i]));
  const out = [...hits];
  for (const at of byName.values()) {
    if (at.length < 2) continue;
    const sorted = at
      .map((i) => hits[i])
      .sort((a, b) => covers(b) - covers(a) || Number(!!a.former) - Number(!!b.former) || citySize(b) - citySize(a));
    at.forEach((i, k) => (out[i] = sorted[k]));
  }
  return out;
}

/** Whether a result holds every word of the query as the beginning of a word of its own. When no
 *  word begins with a query word, Pagefind answers with the longest word the query begins with
 *  (吉首市乾州街道 → 吉首市): a hint, not a match. */
export function matches(content: string[], locations: number[], words: string[]): boolean {
  return words.every((w) => locations.some((l) => content[l]?.toLowerCase().startsWith(w.toLowerCase())));
}

const wordCache = new WeakMap<Data, string[]>();
/** A record's words, split once however often a search reads them. */
export function wordsOf(data: Data): string[] {
  let words = wordCache.get(data);
  if (!words) wordCache.set(data, (words = data.content.split(/\s+/)));
  return words;
}

/** The same place answered twice (a county and the town the query named). */
export const sameHit = (a: Hit, b: Hit) => a.url === b.url && a.town === b.town;

/** The province a result is in (its path's first name; a province's own title). */
export const provinceOf = (hit: Hit) => (hit.meta.path || hit.meta.title).split(' ')[0];

/** Whether `word` is one of a result's own names in pinyin whole (chengdu of 成都市; not yanta, which
 *  begins 烟台's yantai). */
export const spelledAs = (hit: Hit, word: string) => (hit.meta.pinyin ?? '').split(' ').includes(word);

/** Whether a result is the place of that title or lies in it (樊城区 in 襄阳市). */
export const liesIn = (hit: Hit, title: string) => [...(hit.meta.path ?? '').split(' '), hit.meta.title].includes(title);
/** The places a result lies in (its path: province, then prefecture), each with its short name. */
const pathOf = (hit: Hit) =>
  (hit.meta.path ?? '').split(' ').map((name, i) => ({ name, short: shortName(name, i ? 'prefecture' : 'province') }));
/** Whether a result is, or lies in, a place of that short name: after a name several places share,
 *  any of them (东营: 东营区, and 东营市's 利津县; 甘南: 甘肃's 甘南州 and 黑龙江's 甘南县). */
export const liesInNamed = (hit: Hit, short: string) => hit.meta.short === short || pathOf(hit).some((p) => p.short === short);
/** Whether the places a query put before a name are ones a result lies in (唐山 of 唐山开平: 开平区, not
 *  广东's 开平市; 福州 of 福州鼓楼: 福州's 鼓楼区, not 南京's): their last, by its full or short name. */
export const liesUnder = (hit: Hit, before: string) =>
  !before || pathOf(hit).some(({ name, short }) => [name, short, `${short}州`].some((n) => before.endsWith(n)));
