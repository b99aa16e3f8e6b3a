// What a search means, over Pagefind: the search worker runs it in the browser, the recall test in
// Node against the same index. Pagefind finds words by their beginning; this reads the query as
// people write places — a province in front (湖南吉首), a county or prefecture before a town
// (吉首市乾州街道, 湘西乾州) — and says which town each result matched.
import { shortName } from '../lib/names.ts';
import { PROVINCES } from '../lib/provinces.ts';

interface Data {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string>;
}

export interface Pagefind {
  search(q: string, o?: object): Promise<{ results: { data(): Promise<Data> }[] }>;
}

export interface Hit {
  url: string;
  meta: Record<string, string>;
  /** The town of this county the query named (乾州街道); absent when it named the place itself. */
  town?: string;
}

export interface Found {
  results: Hit[];
  /** How many places answer; `results` holds the first `limit` of them. */
  total: number;
  /** False when nothing holds the query and these are Pagefind's nearest words (石门坎乡 → 石门县). */
  exact: boolean;
}

/** Words per town on its county's record (src/lib/search-terms.ts townWords). */
export const TOWN_WORDS = 5;
/** Results read at first; the page asks for all of a shared name (城关镇: 88 counties) on demand. */
export const FIRST = 12;
export const ALL = 400;
/** Exact words over frequent ones: 东莞 should find 东莞市 before its towns. */
export const RANKING = { termFrequency: 0.2, termSimilarity: 5, pageLength: 0.5 };
const LEVEL = ['province', 'prefecture', 'county', 'town'];
/** Suffixes that end a county's or prefecture's full name: a place to split 吉首市|乾州街道. */
const ENDS_NAME = /[市县区州旗盟]/;
/** A town part that is only a suffix (街道, 镇) names no town. */
const namesTown = (part: string) => part.replace(/(街道|镇|乡|苏木)$/, '').length > 0;
/** Splits tried per query: each is one more Pagefind search, and may fetch one more index chunk. */
const MAX_SPLITS = 4;
const provinceNames = PROVINCES.flatMap((name) => [name, shortName(name, 'province')])
  // 内蒙古自治区 before 内蒙古: the longest name that the query starts with wins.
  .sort((a, b) => b.length - a.length);

/** The ways to read a query, most literal first: as typed, then without a province in front (searched
 *  within that province), then split into a place and a town. */
export function readings(
  q: string,
  filters: Record<string, string>,
): { q: string; filters: Record<string, string>; town: string }[] {
  const query = /^[a-z\s]+$/i.test(q) ? q.replace(/\s+/g, '').toLowerCase() : q.trim();
  const out = [{ q: query, filters, town: query }];
  let rest = query;
  let within = filters;
  const province = provinceNames.find((p) => query.startsWith(p) && query.length - p.length >= 2);
  if (province && !/\s/.test(query)) {
    rest = query.slice(province.length);
    within = { ...filters, province: PROVINCES.find((p) => p === province || shortName(p, 'province') === province)! };
    if (!filters.province || filters.province === within.province) out.push({ q: rest, filters: within, town: rest });
  }
  if (/\s/.test(rest) || /^[a-z]+$/.test(rest)) return out;
  const all = [...Array(Math.max(0, rest.length - 3)).keys()].map((i) => i + 2).filter((i) => namesTown(rest.slice(i)));
  const cuts = [...all.filter((i) => ENDS_NAME.test(rest[i - 1])), ...all.filter((i) => !ENDS_NAME.test(rest[i - 1]))];
  for (const i of cuts.slice(0, MAX_SPLITS))
    out.push({ q: `${rest.slice(0, i)} ${rest.slice(i)}`, filters: within, town: rest.slice(i) });
  return out;
}

/** The town a result matched, if the query named a town rather than the place itself. Town words
 *  come first in a record, TOWN_WORDS per town, its name first (search-terms.ts). */
function matchedTown(data: Data, split: boolean): string | undefined {
  const count = Number(data.meta.townWords ?? 0);
  const at = data.locations.find((l) => l < count);
  if (at === undefined || (!split && data.locations.some((l) => l >= count))) return undefined;
  return data.content.split(/\s+/)[at - (at % TOWN_WORDS)];
}

/** A place whose own name is the query comes first, bigger places before smaller (长沙 → 长沙市,
 *  then 长沙县); then towns of that exact name (城关镇 in each county that has one); otherwise
 *  Pagefind's order stands. */
function rank(hit: Hit, query: string, town: string): number {
  const m = hit.meta;
  if (!hit.town && [m.title, m.short, ...(m.pinyin ?? '').split(' ')].includes(query)) return LEVEL.indexOf(m.level);
  if (hit.town && (hit.town === town || shortName(hit.town, 'town') === town)) return LEVEL.length;
  return LEVEL.length + 1;
}

/** Whether a result holds every word of the query as the beginning of a word of its own. When no
 *  word begins with a query word, Pagefind answers with the longest word the query begins with
 *  (吉首市乾州街道 → 吉首市): a hint, not a match. */
function matches(data: Data, words: string[]): boolean {
  const content = data.content.split(/\s+/);
  return words.every((w) => data.locations.some((l) => content[l]?.toLowerCase().startsWith(w.toLowerCase())));
}

export async function search(pagefind: Pagefind, q: string, filters: Record<string, string>, limit = FIRST): Promise<Found> {
  let hint: Found | undefined;
  for (const reading of readings(q, filters)) {
    const found = await pagefind.search(reading.q, { filters: reading.filters });
    if (!found.results.length) continue;
    const best = await found.results[0].data();
    const exact = matches(best, reading.q.split(' '));
    if (!exact && hint) continue;
    const data = [best, ...(await Promise.all(found.results.slice(1, limit).map((r) => r.data())))];
    const split = reading.town !== reading.q;
    const hits = data.map((d) => ({ url: d.url, meta: d.meta, town: exact ? matchedTown(d, split) : undefined }));
    const query = reading.q.replace(/\s+/g, '');
    const ranked = hits
      .map((hit, i) => ({ hit, i, rank: rank(hit, query, reading.town) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ hit }) => hit);
    const answer = { results: ranked, total: found.results.length, exact };
    if (exact) return answer;
    hint = answer;
  }
  return hint ?? { results: [], total: 0, exact: true };
}
