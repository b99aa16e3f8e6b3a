// The ways to read a query, most literal first (search-core.ts searches each in turn): as typed,
// then without a province in front — searched within that province (湖南吉首 → 吉首 in 湖南省) — then
// a county's full name before a town as the index has it, short (吉首市乾州街道 → 吉首乾州街道, kept
// to 吉首市), then split into a place and a town (吉首市乾州街道 → 吉首市 乾州街道).
import { COMMON_NAMES, endsWithPeople, peopleOnly, shortName, SUFFIX_PINYIN, TOWN_END } from '../lib/names.ts';
import { PROVINCE_PINYIN, PROVINCES } from '../lib/provinces.ts';

/** Suffixes that end a county's or prefecture's full name: a place to split 吉首市|乾州街道 (a
 *  nationality ends one written without 自治州: names.ts endsWithPeople). */
const ENDS_NAME = /[市县区州旗盟]/;
/** A town part that is only a suffix (街道, 镇) names no town. */
const namesTown = (part: string) => part.replace(TOWN_END, '').length > 0;
/** What may follow a province's pinyin and is no place (hunan|sheng): a suffix's pinyin, or two
 *  letters or fewer. Not xian, which is 西安 too: xinjiangxian stays 新绛县 as a place of that very name
 *  (search-core.ts). */
const NO_PLACE = new Set([
  ...Object.keys(SUFFIX_PINYIN).filter((p) => p !== 'xian'),
  ...['qu', 'zhou', 'xian', 'qi'].map((p) => `zizhi${p}`),
]);
const namesNoPlace = (rest: string) => rest.length <= 2 || NO_PLACE.has(rest);
/** Places named a province's short name and a suffix or a nationality (海南藏族, for 海南藏族自治州:
 *  names.ts prefectureForms); tests/unit/search-core.test.ts checks the list against the data. */
export const NAMED_AS_PROVINCE = /^(吉林市|海南州|海南藏族|海南区|河北区)/;
/** Splits tried per query: each is one more Pagefind search, and may fetch one more index chunk. */
const MAX_SPLITS = 4;
/** A county's (or city's) name cut short before a town, tried per query: one more search each. */
const MAX_SHORT = 2;

export interface Reading {
  q: string;
  filters: Record<string, string>;
  /** The part of q that may name a town (all of it, when the reading is one word). */
  town: string;
  /** The full name q's front was cut from (吉首市 of 吉首乾州街道): its places first. */
  county?: string;
}
// With the common names that begin a province's (内蒙: names.ts COMMON_NAMES).
export const PROVINCE_NAMES = [
  ...PROVINCES.flatMap((name) => [name, shortName(name, 'province')]),
  ...Object.entries(COMMON_NAMES).flatMap(([code, names]) => (code.endsWith('0000') ? names : [])),
]
  // 内蒙古自治区 before 内蒙古: the longest name that the query starts with wins.
  .sort((a, b) => b.length - a.length);

/** A county's full name before a town, read short (see readings). The rest may be a town's first
 *  character as it is typed (芙蓉区五: 芙蓉五里牌街道; 铁岭县镇: 铁岭镇西堡镇). */
function shortened(text: string, filters: Record<string, string>): Reading[] {
  return (
    [...Array(Math.max(0, text.length - 2)).keys()]
      .map((i) => i + 2)
      .filter((i) => ENDS_NAME.test(text[i - 1]))
      .map((i) => ({ county: text.slice(0, i), short: shortName(text.slice(0, i), 'county'), i }))
      // A name, not the end of one cut off (城步苗族|自治县儒林镇: 苗族自治县 is no county).
      .filter(({ county, short }) => short !== county && short.length >= 2 && !peopleOnly(short))
      .slice(0, MAX_SHORT)
      .map(({ county, short, i }) => ({ q: short + text.slice(i), filters, town: short + text.slice(i), county }))
  );
}

/** The ways to read a query, most literal first: as typed, then without a province in front (searched
 *  within that province), then split into a place and a town. */
export function readings(q: string, filters: Record<string, string>): Reading[] {
  const query = /^[a-z\s]+$/i.test(q) ? q.replace(/\s+/g, '').toLowerCase() : q.replace(/["“”]/g, '').trim();
  const out: Reading[] = [{ q: query, filters, town: query }];
  let rest = query;
  let within = filters;
  // In pinyin (hunan changsha): within that province; shanxi is two, each in turn.
  const spelled =
    /^[a-z]+$/.test(query) && !PROVINCE_PINYIN.some(([p]) => p === query)
      ? PROVINCE_PINYIN.filter(([p]) => query.startsWith(p) && !namesNoPlace(query.slice(p.length))).sort(
          (a, b) => b[0].length - a[0].length,
        )
      : [];
  // The postal spelling of 陕西, which the index does not have: as its pinyin, within it.
  const postal = query.match(/^shaanxi(sheng)?$/);
  if (postal && (!filters.province || filters.province === '陕西省'))
    return [...out, { q: `shanxi${postal[1] ?? ''}`, filters: { ...filters, province: '陕西省' }, town: query }];
  if (spelled.length) {
    const rest = query.slice(spelled[0][0].length);
    const named = spelled.filter(([p, name]) => p === spelled[0][0] && (!filters.province || filters.province === name));
    return [...out, ...named.map(([, province]) => ({ q: rest, filters: { ...filters, province }, town: rest }))];
  }
  // Not a place whose name is a province's and a suffix (吉林市朝阳, 海南州恰卜恰: 吉林 and 海南 are
  // those places' here; 山东市中魏家庄 is 山东's 市中区).
  const province = !NAMED_AS_PROVINCE.test(query)
    ? PROVINCE_NAMES.find((p) => query.startsWith(p) && query.length - p.length >= 2)
    : undefined;
  if (province && !/\s/.test(query)) {
    const named =
      PROVINCES.find((p) => p === province || shortName(p, 'province') === province) ??
      PROVINCES.find((p) => p.startsWith(province))!;
    // A province in the query that contradicts the one chosen (湖南吉首乾州 with 广东省): the query as
    // typed is all that is searched, within the chosen one.
    if (filters.province && filters.province !== named) return out;
    rest = query.slice(province.length);
    within = { ...filters, province: named };
    out.push({ q: rest, filters: within, town: rest });
  }
  if (/\s/.test(rest) || /^[a-z]+$/.test(rest)) return out;
  const all = [...Array(Math.max(0, rest.length - 3)).keys()].map((i) => i + 2).filter((i) => namesTown(rest.slice(i)));
  // After a suffix first, or after a nationality (湘西土家族苗族|乾州街道, 博尔塔拉蒙古|艾比湖镇): where a
  // name ends.
  const ends = (i: number) => ENDS_NAME.test(rest[i - 1]) || endsWithPeople(rest.slice(0, i));
  const cuts = [...all.filter(ends), ...all.filter((i) => !ends(i))];
  // A town's words hold its county's short name, not its full one (search-terms.ts townWords): 吉首市
  // 乾州街道 as 吉首乾州街道, 城步苗族自治县儒林镇 as 城步儒林镇, each one word — after a province read off,
  // then as typed, for a county named so (吉林白城经济开发区幸福街道).
  out.push(...shortened(rest, within), ...(rest !== query ? shortened(query, filters) : []));
  for (const i of cuts.slice(0, MAX_SPLITS)) {
    // After a prefecture, a county's full name and its town read short too (毕节市 威宁…自治县观风海镇:
    // 毕节市 威宁观风海镇; 铜陵 铜官区露采社区街道: 铜陵 铜官露采社区街道).
    const [county] = shortened(rest.slice(i), within);
    if (county) out.push({ ...county, q: `${rest.slice(0, i)} ${county.q}` });
    out.push({ q: `${rest.slice(0, i)} ${rest.slice(i)}`, filters: within, town: rest.slice(i) });
  }
  return out;
}
