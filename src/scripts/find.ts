// A name searched in Pagefind as the search core asks it: the places whose own name it is first, then
// those with a word that begins with it, with the data of the first of them loaded in one round.
import { TOWN_END } from '../lib/names.ts';
import { hitsOf, matches, namedInMeta, OWN, placesOf, wordsOf, type Data, type Hit, type Result } from './search-hits.ts';

export interface Pagefind {
  search(q: string, o?: object): Promise<{ results: Result[] }>;
  /** Loads the index chunks of a query's words, searching nothing. */
  preload(q: string): Promise<void>;
}

/** Sorts after every word a query begins (U+10FFFF): Pagefind fetches for a word only the index chunk
 *  it falls in, so the words that begin with a query past that chunk's end go unseen (德阳: its
 *  counties' words in the next chunk, 1 result instead of 7) unless the chunk where they end is
 *  loaded too. */
const LAST = '\u{10FFFF}';

export interface Found {
  results: Hit[];
  /** How many places answer; `results` holds the first `limit` of them. */
  total: number;
  /** Whether `total` is exact: a record of uncovered places not read yet may answer for several. */
  complete: boolean;
  /** False when nothing holds the query: these are the places of a near name (石门坎乡 → 石门乡, see
   *  nearNames), or with none of those either, Pagefind's nearest words (湖南石门坎乡 → 石门县). */
  exact: boolean;
  /** The near name whose places these are (石门乡 for 石门坎乡). */
  near?: string;
  /** Where the query put them, which does not hold them (资阳 of 资阳简阳: 简阳市 is 成都's). */
  under?: string;
  /** When nothing holds the query: the word of the first result it begins with (襄樊市 of 襄樊市樊城区). */
  begun?: string;
}

/** No place found: the page gives its advice and the hotline. */
export const nothing = (): Found => ({ results: [], total: 0, complete: true, exact: true });

/** Results read at first, as many as the page shows (search.ts); the page asks for all of a shared
 *  name (城关镇: 88 counties) on demand. Each result read may fetch a fragment file: 12 made a later
 *  search three times slower (长沙: 14 ms instead of 5, in Node). */
export const FIRST = 8;
export const ALL = 400;
/** Pagefind's options, the worker's and the recall test's: exact words over frequent ones (东莞 should
 *  find 东莞市 before its towns), and no excerpts, which no result shows (building them took 5–9 % of a
 *  question's time in the recall test, alternating runs). */
export const PAGEFIND_OPTIONS = { ranking: { termFrequency: 0.2, termSimilarity: 5, pageLength: 0.5 }, excerptLength: 0 };
/** Records of places whose own name is the query (吉林: the province and the city; their names are
 *  also indexed with OWN after them), then those with a word that begins with it (the hundred towns
 *  of 吉林市, written 吉林…): Pagefind ranks by how often a record matches, which buries a place's own
 *  short name under its towns'. OWN words sort right after the name, in the same index chunk.
 *  With the data of the first `limit`, loaded in one round (a later search waits on one fetch of
 *  fragments, not two). */
export async function find(
  pagefind: Pagefind,
  q: string,
  filters: Record<string, string>,
  limit: number,
): Promise<{ results: Result[]; data: Data[] }> {
  // A query that ends like a town (乾州街道, 城关镇) is a place's own name only for a town of the four
  // cities without counties (石龙镇): searched for only when more records answer than are read, one
  // of which could be that town (城关镇: 88). Most town queries are answered by one search, not two.
  const twoWords = q.includes(' ');
  const townLike = TOWN_END.test(q);
  const ownSearch = () => pagefind.search(q + OWN, { filters });
  // The own search, and the index chunks where the words that begin with the query begin and end
  // (LAST), fetched side by side before the search by beginning, which reads only the chunks loaded:
  // 海西州乌兰县 sorts after 海西州ϙ, 德阳's counties' words in the chunk after 德阳's. Mostly it is one
  // chunk, fetched once.
  const [maybeOwn] = await Promise.all([
    twoWords || townLike ? undefined : ownSearch(),
    pagefind.preload(q.replace(/\S+/g, (w) => `${w} ${w}${LAST}`)),
  ]);
  // The data of the place of that name, fetched while Pagefind searches by beginning (its fragment
  // file mostly holds the first results' too: neighbours in the region tree).
  const ownData = maybeOwn?.results[0]?.data();
  const begins = await pagefind.search(q, { filters });
  const own = maybeOwn ?? (townLike && !twoWords && begins.results.length > limit ? await ownSearch() : undefined);
  const first = begins.results.slice(0, limit);
  const [ownFirst, ...firstData] = await Promise.all([ownData ?? own?.results[0]?.data(), ...first.map((r) => r.data())]);
  const loaded = new Map(first.map((r, i) => [r.id, firstData[i]]));
  // No place of that name: Pagefind answered with a shorter name (湘西乾州ϙ → 湘西), not one of ours.
  const owned = ownFirst && matches(wordsOf(ownFirst), ownFirst.locations, [q + OWN]) ? own!.results : [];
  if (owned.length) loaded.set(owned[0].id, ownFirst!);
  const seen = new Set<string>();
  const results = [...owned, ...begins.results].filter((r) => !seen.has(r.id) && seen.add(r.id));
  return { results, data: await Promise.all(results.slice(0, limit).map((r) => loaded.get(r.id) ?? r.data())) };
}

/** The places that hold a name as typed (a word of theirs begins with it; each of two words typed
 *  apart, 铜陵 铜官露采社区街道): one Pagefind search or two, not every reading of it as searchAs tries. */
export async function holding(pagefind: Pagefind, name: string, filters: Record<string, string>, limit: number): Promise<Hit[]> {
  const { results, data } = await find(pagefind, name, filters, limit);
  const words = name.split(' ');
  const held = !!data.length && matches(wordsOf(data[0]), data[0].locations, words);
  return results.length && (held || placesOf(data[0]).some((p) => namedInMeta(p.meta, name)))
    ? data.flatMap((d) => hitsOf(d, words, true, words.length > 1))
    : [];
}
