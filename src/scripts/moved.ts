// A place written otherwise than the data writes it, which no place holds as typed: with a suffix it
// had or never had (增城市), or under a prefecture it left (资阳简阳). The search core asks these after
// the query's readings find nothing.
import { CITY_PARTS, countyThen, shortName, TOWN_END } from '../lib/names.ts';
import { holding, type Found, type Pagefind } from './find.ts';
import { liesIn, ownRank, provinceOf, sameHit, type Hit } from './search-hits.ts';

/** A suffix a name may have had, or been given by mistake: a county's (增城市), a town's (石桥镇). */
const SUFFIX = /([市县区旗]|街道|镇|乡)$/;
const COUNTY_END = /[市县区旗]$/;

/** A name with a suffix it had or never had (增城市, 双流县, 长沙望城县, 吉首县: 增城区, 双流区, 望城区,
 *  吉首市 in the data; 简阳石桥镇: 石桥街道): the places of that name with the data's suffix, said to be near. */
export async function suffixChanged(
  pagefind: Pagefind,
  q: string,
  filters: Record<string, string>,
  limit: number,
): Promise<Found | undefined> {
  const stem = q.replace(SUFFIX, '');
  if (stem === q || !/^\p{Script=Han}{2,}$/u.test(stem)) return undefined;
  const town = TOWN_END.test(q);
  const found = await holding(pagefind, stem, filters, limit);
  const nameOf = (hit: Hit) =>
    town
      ? hit.town && shortName(hit.town, 'town')
      : !hit.town && (hit.meta.level === 'county' || hit.meta.level === 'prefecture') && hit.meta.short;
  const results = found.filter((hit) => {
    const name = nameOf(hit);
    return !!name && name.length >= 2 && stem.endsWith(name);
  });
  if (results.length)
    return { results, total: results.length, complete: true, exact: false, near: town ? results[0].town : results[0].meta.title };
}

/** A county written under a prefecture it is not in, of the same province: 资阳简阳 (简阳市 is 成都's
 *  since 2016), 安庆枞阳, 莱芜钢城 — where it was before it moved, as the import reads them too — or with a
 *  town of it (资阳简阳石桥镇), and an old address's rest (资阳市简阳市石桥镇人民路5号; 巢湖市庐江县汤池镇: 合肥's
 *  since 2011). The county's places of that name in that province, as near ones, saying where the
 *  query put it; with a character of its sound too (资阳简扬). */
export async function movedPlace(
  pagefind: Pagefind,
  rest: string,
  filters: Record<string, string>,
  limit: number,
  bySound?: (q: string) => Promise<string[]>,
): Promise<Found | undefined> {
  // An address's number ends what is read (人民路5号: 人民路).
  const han = rest.match(/^\p{Script=Han}{4,}/u)?.[0];
  if (!han) return undefined;
  const exact = (name: string) => holding(pagefind, name, filters, limit);
  // The places of that name, and prefectures it is a former name of (襄樊: 襄阳市, so named until 2010).
  const own = async (name: string) => {
    const held = await exact(name);
    const former = held.filter(
      (hit) =>
        hit.meta.level === 'prefecture' && !!hit.town && shortName(hit.town, 'prefecture') === shortName(name, 'prefecture'),
    );
    return [held.filter((hit) => hit.meta.level !== 'province' && ownRank(hit, [name]) !== undefined), former];
  };
  // A county by its own name, by a former county's name noted on it (思茅市翠云区: 思茅区, 翠云区 until
  // 2007; no town's name ends so), or a town of it after the county's name (简阳石桥: 简阳市's 石桥街道).
  const county = async (name: string) =>
    (await exact(name)).filter(
      (hit) =>
        hit.meta.level === 'county' &&
        (hit.town
          ? (hit.town === name && COUNTY_END.test(name)) || (!!hit.meta.short && name.startsWith(hit.meta.short))
          : ownRank(hit, [name]) !== undefined),
    );
  // The county's name is the end of the query: the longest end first (莱芜钢城区: 钢城区, not 城区); the
  // prefecture before it a short name (资阳, 西双版纳) or a full one (海南藏族自治州): a Pagefind search or
  // three for each cut, so only those.
  for (let i = 2; i <= han.length - 2; i++) {
    const [under, name] = [han.slice(0, i), han.slice(i)];
    if (i > 4 && !/[市州盟]$|地区$/.test(under)) continue;
    // With a suffix it had (资阳简阳县: 简阳市; 资阳简阳石桥镇: 石桥街道). Never a word for part of a
    // city (太原郊区: not 阳泉's 郊区), nor a suffix alone (石门坎乡: not 坎乡).
    const stem = name.replace(SUFFIX, '');
    if (CITY_PARTS.test(name) || (TOWN_END.test(name) && stem.length < 2)) continue;
    // The place before it first: short, and mostly no place (我要修保险柜), which ends the cut.
    const [before, formerly] = await own(under);
    const provinces = new Set([...before, ...formerly].map(provinceOf));
    if (!provinces.size) continue;
    const counties = [...(await county(name)), ...(stem !== name && stem.length >= 2 ? await county(stem) : [])].filter(
      (hit, i, all) => all.findIndex((h) => sameHit(h, hit)) === i,
    );
    let results = counties.filter((hit) => provinces.has(provinceOf(hit)));
    // The county's full name, then more: a town of it as its record has it (简阳石桥: the county's short
    // name before the town's), else the county alone (countyThen). Only a name one county has: 鼓楼区
    // (南京's, 徐州's, 福州's, 开封's) after another city is likelier its own district or street miswritten.
    const then = results.length ? undefined : countyThen(name);
    const namesakes = then && then.county !== name ? await county(then.county) : [];
    if (then && new Set(namesakes.map((h) => h.url)).size === 1)
      for (const part of [...townForms(then.county, then.town), then.county]) {
        results = (part === then.county ? namesakes : await county(part)).filter((hit) => provinces.has(provinceOf(hit)));
        if (results.length) break;
      }
    // None by that name: one of its sound, in pinyin, which every place has (资阳简扬: 简阳市); the
    // table is fetched only here, after a place before it.
    // A town of a county-less city has a page of its own, as a county does (东莞胡门镇: 虎门镇).
    for (const sound of !results.length && bySound && stem.length >= 2 && han === rest ? await bySound(stem) : []) {
      results = (await exact(sound)).filter(
        (hit) =>
          (hit.meta.level === 'county' || (hit.meta.level === 'town' && !hit.town)) &&
          ownRank(hit, [sound]) !== undefined &&
          provinces.has(provinceOf(hit)),
      );
      if (results.length) break;
    }
    // A prefecture, then two counties of it run together (深圳龙华宝安): those two.
    const prefectures = before.filter((b) => b.meta.level === 'prefecture');
    const two = !results.length && prefectures.length ? await movedPlace(pagefind, name, filters, limit) : undefined;
    if (two?.exact && two.results.every((r) => prefectures.some((p) => liesIn(r, p.meta.title)))) return two;
    // Under the prefecture's former name (襄樊樊城: 襄阳市 樊城区): where it is.
    const renamed = results.filter((r) => formerly.some((f) => liesIn(r, f.meta.title)));
    if (renamed.length) return { results: renamed, total: renamed.length, complete: true, exact: true };
    // Two counties of a prefecture, run together (龙华宝安: 深圳's 宝安区 and 龙华区): both, the last
    // named first, as the narrower place is written last.
    const above = (hit: Hit) => hit.meta.path ?? '';
    const siblings = before.filter(
      (b) =>
        b.meta.level === 'county' &&
        results.some((r) => above(r) === above(b)) &&
        !before.some((p) => p.meta.level === 'prefecture' && provinceOf(p) === provinceOf(b)),
    );
    if (siblings.length) {
      const both = [...results.filter((r) => siblings.some((b) => above(b) === above(r))), ...siblings];
      return { results: both, total: both.length, complete: true, exact: true };
    }
    // Named as the data names it (资阳简阳县: “简阳市”不在“资阳”); where it does lie in the place before
    // it, only a name written otherwise (湘西急首, 长沙岳鹿: 吉首市, 岳麓区), never said to be elsewhere.
    const inside = results.filter((r) => before.some((b) => liesIn(r, b.meta.title)));
    if (inside.length) return { results: inside, total: inside.length, complete: true, exact: false, near: inside[0].meta.title };
    if (results.length)
      return { results, total: results.length, complete: true, exact: false, near: results[0].meta.title, under };
  }
}

/** A town after its county's full name as the county's record words it: the county's short name, then
 *  the town's name with its suffix or without (简阳市 石桥镇: 简阳石桥镇, 简阳石桥 — 简阳's is 石桥街道). */
const townForms = (county: string, town: string | undefined) => {
  if (!town) return [];
  const short = shortName(county, 'county');
  return [...new Set([short + town, short + shortName(town, 'town')])].filter((f) => f.length > short.length + 1);
};
