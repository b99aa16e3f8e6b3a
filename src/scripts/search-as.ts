// A query's answer by its readings (readings.ts): the first reading a place holds, ranked, or the
// nearest words of the reading that accounts for most of the query (search-core.ts reads on from those).

import { shortName } from '../lib/names.ts';
import { find, FIRST, type Found, type Pagefind } from './find.ts';
import { readings } from './readings.ts';
import {
  biggerFirst,
  citySize,
  covers,
  hitsOf,
  LEVEL,
  matches,
  namedInMeta,
  ownRank,
  placesOf,
  provinceOf,
  rank,
  sameHit,
  wordsOf,
  type Data,
} from './search-hits.ts';

/** Rounds of results read (FIRST at a time) beyond the first when too few of them hold the query's places. */
const MORE_ROUNDS = 3;

/** The longest word of a reading's results read that the reading begins with (湖南石门坎乡: 石门 of
 *  石门县, read within 湖南省; 襄樊市樊城区: 襄樊市, a former name 襄阳市's record holds; 黔西南高新区:
 *  黔西南 of the second result, not 黔西 of 黔西市, which Pagefind may rank first). */
function leadingWord(reading: string, data: Data[]): string {
  const rest = reading.replace(/\s+/g, '');
  const words = data.flatMap((d) => d.locations.map((l) => wordsOf(d)[l] ?? '')).filter((w) => rest.startsWith(w));
  return words.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The words a query of one word begins with, of two characters or more (海南西卓: 海南 海南西). */
const beginnings = (q: string) => {
  const chars = [...q]; // 𬱖: a character beyond the BMP is one
  return chars
    .slice(2)
    .map((_, i) => chars.slice(0, i + 2).join(''))
    .join(' ');
};

/** The query's answer by its readings (the first that a place holds), or the nearest words of the
 *  reading that accounts for most of it. */
export async function searchAs(
  pagefind: Pagefind,
  q: string,
  filters: Record<string, string>,
  limit: number,
): Promise<Found | undefined> {
  let hint: Found | undefined;
  let hintAccounts = 0;
  const all = readings(q, filters);
  const typed = all[0].q.replace(/\s+/g, '');
  // The province the query begins with (北京亦庄), when the rest is read within it.
  const province = all[1]?.filters.province !== filters.province ? all[1]?.filters.province : undefined;
  let aside: Found | undefined;
  let towns: Found | undefined;
  const next = (reading: (typeof all)[number]) => all[all.indexOf(reading) + 1];
  for (const reading of all) {
    let { results, data } = await find(pagefind, reading.q, reading.filters, limit);
    // Pagefind's nearest words, when no word begins with the query, are the longest word it begins
    // with in the index chunks loaded so far: 海南西卓孜山街道 sorts in a chunk after 海南's, so 海南 was
    // found only after an earlier search had loaded that chunk. With the chunks of its beginnings
    // loaded, the answer is the same whatever was searched before.
    if (!results.length && /^\p{Script=Han}{3,}$/u.test(reading.q)) {
      await pagefind.preload(beginnings(reading.q));
      ({ results, data } = await find(pagefind, reading.q, reading.filters, limit));
    }
    if (!results.length) continue;
    const words = reading.q.split(' ');
    const exact =
      matches(wordsOf(data[0]), data[0].locations, words) ||
      (words.length === 1 && placesOf(data[0]).some((p) => namedInMeta(p.meta, words[0])));
    // How much of the query the nearest words account for: the province read off its front, and the
    // leading word.
    const leading = exact ? '' : leadingWord(reading.q, data);
    const accounts = exact ? 0 : typed.length - reading.q.replace(/\s+/g, '').length + leading.length;
    // As typed, of a full name read short (南京市江北新区 of 南京江北新区): search() finds it in the query.
    const begun = reading.county ? leading.replace(shortName(reading.county, 'county'), reading.county) : leading;
    if (!exact && hint && accounts <= hintAccounts) continue;
    const split = reading.town !== reading.q;
    let hits = data.flatMap((d) => hitsOf(d, words, exact, split));
    // Records matched by their metadata alone hold none of the query's places (湖南省 matches every
    // covered district's path): read on, a round at a time, until the page has as many as it shows.
    for (let round = 0; exact && hits.length < limit && data.length < results.length && round < MORE_ROUNDS; round++) {
      const more = await Promise.all(results.slice(data.length, data.length + FIRST).map((r) => r.data()));
      data.push(...more);
      hits = [...hits, ...more.flatMap((d) => hitsOf(d, words, exact, split))];
    }
    // A county's full name read short (吉首市 of 吉首乾州街道): only its own towns, as a word of the
    // county's full name and the town's would find — not 朝阳县's for 朝阳区…, nor 新乡县's town 新乡经济
    // 开发区 for 新乡市经济开发区 (a city's zone: search() reads that).
    if (reading.county) hits = hits.filter((h) => h.meta.title === reading.county);
    // A town of that name in the places typed before it: those alone, not the same name elsewhere
    // beside a word that begins with theirs (南阳 城关镇: not 宕昌县's, which has 南阳镇).
    if (hits.some((h) => h.town && !h.stray)) hits = hits.filter((h) => !h.stray);
    if (!hits.length) continue;
    // The query's own names: joined, and each word of two typed apart (坚匣 长沙: 长沙).
    const names = [reading.q.replace(/\s+/g, ''), ...(reading.town === reading.q && words.length === 2 ? words : [])];
    const owners = new Map<string, number>();
    for (const hit of hits) {
      const own = ownRank(hit, names);
      if (own !== undefined) owners.set(hit.meta.title, own);
    }
    const ranked = biggerFirst(
      hits
        .map((hit, i) => ({ hit, i, rank: rank(hit, names, reading.town, owners) }))
        // Among equal answers a covered place first: it has a page and a form of its own; among places
        // of one level whose own name it is, the bigger city's (gz: 贵州省, then 广州市 before 赣州市).
        .sort(
          (a, b) =>
            a.rank - b.rank ||
            covers(b.hit) - covers(a.hit) ||
            (a.rank < LEVEL.length ? citySize(b.hit) - citySize(a.hit) : 0) ||
            a.i - b.i,
        )
        .map(({ hit }) => hit),
    );
    // A record of uncovered places may answer for several: count what was read, and the rest as one each.
    const unread = results.length - data.length;
    const answer: Found = {
      results: ranked,
      total: hits.length + unread,
      complete: unread === 0,
      exact,
      ...(begun ? { begun } : {}),
    };
    // As typed, a place elsewhere whose name begins so (北京亦庄永清高新技术产业开发区, a town of 河北):
    // only when the province's own places have none (北京 亦庄: 亦庄地区 of 大兴区).
    // A place of that very name stays the answer (河北街道: towns of 5 counties, none in 河北省).
    const elsewhere =
      reading === all[0] &&
      province &&
      !ranked.some((h) => provinceOf(h) === province || (h.town ?? h.meta.title) === typed || ownRank(h, [typed]) !== undefined);
    if (exact && elsewhere) aside = answer;
    // No place of that very name, where a reading after this one may name one (吉林朝阳: 吉林市's
    // 朝阳镇s as typed, 长春's 朝阳区 within 吉林省; 安徽芜湖: 安徽芜湖三山经济开发区, and 芜湖市;
    // shanxi changan: 山西's 常安乡, 陕西's 长安区): that place first.
    else if (
      exact &&
      !towns &&
      ranked.every((h) => ownRank(h, names) === undefined) &&
      (reading === all[0] ? province : next(reading)?.q === reading.q)
    )
      towns = answer;
    else if (exact && towns) {
      const own = ranked.filter((h) => !h.town && ownRank(h, names) !== undefined);
      const results = [...own, ...towns.results.filter((t) => !own.some((o) => sameHit(o, t)))];
      return { ...towns, results, total: towns.total + own.length };
    } else if (exact) return answer;
    else [hint, hintAccounts] = [answer, accounts];
  }
  return towns ?? aside ?? hint;
}
