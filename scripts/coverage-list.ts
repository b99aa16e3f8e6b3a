// What a pasted coverage list as a whole says about its entries (coverage:import): a place listed with
// places inside it is asked about, and a county's short name that is a town's where the list is, said.
import type { RegionIndex } from '../src/lib/regions.ts';
import { ZONE_WORD } from '../src/lib/names.ts';
import { LEFT_OUT, listed, namesakes, ok, type Resolution, type Resolver } from '../src/lib/resolve.ts';
import { written } from '../src/lib/written.ts';

export function checkList(results: Resolution[], resolver: Resolver, regions: RegionIndex): void {
  placeNamesakes(results, resolver, regions);
  leftOut(results, resolver, regions);

  // A place listed with places inside it (湖南省、吉首市; 湖南省 凤凰县 泸溪县, a heading on their line):
  // covering it would cover all of it, pages the operator hardly meant. Asked, never written. So is one
  // listed with an entry asked about that may be inside it (福州、鼓楼 beside 南京: 福州's 鼓楼区, or
  // 南京's?): the answer may make it a heading.
  const insideOf = new Map<string, Set<Resolution>>(); // sets: a list of 20,000 lines under one city
  // Not a kind of zone alone (新区: a zone more likely than the towns called so beside 徐州), nor the
  // places a name has outside the place written before it (长沙 城关: 湖北's 城关镇 are not 湖北's question).
  const maybe = (r: Resolution) =>
    ZONE_WORD.test(written(r.input).text) || r.outside ? [] : (r.candidates ?? []).map((c) => c.code);
  for (const r of results)
    for (const code of new Set(ok(r) ? [r.code!] : maybe(r)))
      for (const above of regions.lineage(code).slice(0, -1))
        insideOf.set(above.code, (insideOf.get(above.code) ?? new Set()).add(r));
  for (const r of results) {
    const inside = ok(r) ? [...(insideOf.get(r.code!) ?? [])] : [];
    if (!inside.length) continue;
    const named = [...new Set(inside.map((o) => o.input))];
    Object.assign(r, {
      status: 'ambiguous',
      code: undefined,
      path: undefined,
      candidates: [{ code: r.code!, path: r.path! }],
      note: [
        r.note,
        `the list also names places inside it (${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}): ` +
          `leave ${r.input} out to cover only those, or list it without them to cover all of ${r.path}`,
      ]
        .filter(Boolean)
        .join('; '),
    });
  }

  // A county's name without its suffix that is also a town's where the list's other places are (西乡
  // beside 深圳宝安区: 宝安区's 西乡街道, not 陕西's 西乡县, 1,500 km away): read as that town, said, the
  // county named for whoever meant it; asked when several towns there have the name.
  const provinceOf = (code: string) => regions.lineage(code)[0].code;
  for (const r of results) {
    if (!ok(r) || r.town) continue;
    const { text } = written(r.input);
    if (text !== regions.get(r.code!)!.shortName) continue;
    // Only when no other place of the list is in its province (芙蓉 among 长沙's and 常德's districts is
    // 芙蓉区, though 常德 has a 芙蓉街道).
    const others = results.filter((o) => o !== r && ok(o)).map((o) => o.code!);
    if (others.some((code) => provinceOf(code) === provinceOf(r.code!))) continue;
    const listed = new Set(others.map((code) => regions.prefectureOf(code)));
    const towns = resolver.townsNamed(text).filter((t) => listed.has(regions.prefectureOf(t.county)));
    if (!towns.length) continue;
    const county = `${r.path} (write ${regions.get(r.code!)!.name} for it)`;
    const town = towns.length === 1 ? resolver.resolve(`${regions.get(towns[0].county)!.name}${text}`) : undefined;
    if (town && ok(town) && town.town) {
      Object.assign(r, town, {
        input: r.input,
        status: 'warning',
        note: `read as ${towns[0].path}, where the list's other places are; also ${county}`,
      });
      continue;
    }
    Object.assign(r, {
      status: 'ambiguous',
      code: undefined,
      path: undefined,
      town: undefined,
      candidates: [...towns.map((t) => ({ code: t.county, path: t.path })), { code: r.code!, path: r.path! }],
      note: `${towns.length} towns in the cities of the list's other places are called so, and so is ${county}: write it with its county`,
    });
  }
}

/** A name places share, read as one of them, said: the one where the list's other places are (朝阳、
 *  海淀、丰台: 北京's 朝阳区), else a city's name alone as the city (西安: 陕西's 西安市, not the 西安区s of
 *  辽源 and 牡丹江; 乌鲁木齐: the city, not its 乌鲁木齐县), as a city is written without its 市 and a
 *  county or district seldom without its 县 or 区. Nothing else is guessed. */
function placeNamesakes(results: Resolution[], resolver: Resolver, regions: RegionIndex): void {
  const placed = results.filter(ok).map((r) => r.code!);
  const provinceOf = (code: string) => regions.lineage(code)[0].code;
  // The provinces the list is in, for each entry: also one that another shared name's places are all
  // in (吉林: 吉林省, 吉林市).
  const oneProvince = new Map(
    results.filter(namesakes).flatMap((r) => {
      const of = new Set(r.candidates!.map((c) => provinceOf(c.code)));
      return of.size === 1 ? [[r, [...of][0]] as const] : [];
    }),
  );
  const provincesBeside = (r: Resolution) =>
    new Set([...placed.map(provinceOf), ...[...oneProvince].filter(([o]) => o !== r).map(([, p]) => p)]);
  const isRegion = (c: { code: string; path: string }) => c.path.split(' ').at(-1) === regions.get(c.code)!.name;
  for (const r of results) {
    // Not a kind of zone alone (新区: 铜山区's 新区街道, beside 徐州?): a zone is more likely meant.
    if (!namesakes(r) || ZONE_WORD.test(written(r.input).text)) continue;
    const candidates = r.candidates!;
    const inList = (of: (code: string) => string, among = candidates) => {
      const where = new Set(placed.map(of));
      const there = among.filter((c) => where.has(of(c.code)));
      return there.length === 1 ? there[0] : undefined;
    };
    // By the list's prefectures; by its provinces only a county or larger (新区 beside 莱芜 is no town
    // of 山东 named 新区街道).
    const near = inList((code) => regions.prefectureOf(code)) ?? inList(provinceOf, candidates.filter(isRegion));
    // The city, unless the list is where another of them is and not where the city is (西安 beside
    // 辽源's 龙山区 and 牡丹江's 爱民区, or beside 吉林, is asked; 湖南：长沙 株洲 is 长沙市), and not
    // beside a district of 北京, 上海, 天津 or 重庆, written without 区 as a city is (朝阳: 北京's 朝阳区
    // as much as 辽宁's 朝阳市), or a county-level city, a city too (大理: 大理州, or its 大理市?).
    const provinces = provincesBeside(r);
    const municipal = (code: string) => regions.lineage(code)[0].name.endsWith('市');
    const cities = candidates.filter((c) => isRegion(c) && regions.get(c.code)!.level === 'prefecture');
    const elsewhere =
      cities.length === 1 &&
      !provinces.has(provinceOf(cities[0].code)) &&
      candidates.some((c) => c !== cities[0] && provinces.has(provinceOf(c.code)));
    const city =
      !near &&
      !elsewhere &&
      /\p{Script=Han}/u.test(r.input) &&
      cities.length === 1 &&
      candidates.every(
        (c) =>
          c === cities[0] ||
          (isRegion(c) && regions.get(c.code)!.level === 'county' && !municipal(c.code) && !c.path.endsWith('市')),
      )
        ? cities[0]
        : undefined;
    // With its brackets, which may name places in it or leave some out (长沙（岳麓、天心）, 长沙（除望城）),
    // and so say which it is (朝阳（双塔、龙城）: 辽宁's 朝阳市, where those two are).
    const { text, around, notes } = written(r.input);
    const bracket = notes.join('');
    const holding = bracket
      ? candidates.filter((c) => {
          const inside = resolver.resolve(c.path.replaceAll(' ', '') + bracket).candidates ?? [];
          return inside.length > 0 && inside.every((p) => p.code !== c.code && regions.within(p.code, c.code));
        })
      : [];
    const held = holding.length === 1 ? holding[0] : undefined;
    const chosen = held ?? near ?? city;
    // As written under the places above it, for what that reading says (北京 崇文: 崇文区, merged into
    // 东城区 in 2010); else the candidate's own path.
    const asWritten = chosen && resolver.resolve(chosen.path.split(' ').slice(0, -1).join('') + text + bracket);
    const read =
      chosen &&
      (asWritten && ok(asWritten) && asWritten.code === chosen.code
        ? asWritten
        : resolver.resolve(chosen.path.replaceAll(' ', '') + bracket));
    if (!read) continue;
    // The name as the resolver read it (湘潭, of 湘潭等 or 湘潭（满100元上门）).
    const name = /places are called ([^;:]+?)(?: in pinyin)?[;:]/.exec(r.note!)?.[1] ?? r.input;
    const others = candidates.filter((c) => c !== chosen).map((c) => c.path);
    const rest = others.length > 3 ? [...others.slice(0, 3), `${others.length - 3} more`] : others;
    // 长沙市 is a city; 红河哈尼族彝族自治州, 兴安盟 and 阿里地区 are prefectures, not cities.
    const kind = chosen.path.endsWith('市') ? 'city' : 'prefecture';
    const reading = held
      ? `${candidates.length} places are called ${name}: read as ${chosen.path}, where the places in its brackets are`
      : near
        ? `${candidates.length} places are called ${name}: read as ${chosen.path}, where the list's other places are; for ${listed(rest)}, write it with its city`
        : `${candidates.length} places are called ${name}: read as the ${kind}, ${chosen.path}; for ${listed(rest)}, write it with its 县 or 区 and its ${kind}`;
    if (!ok(read)) {
      // Asked as the place written in full would be, with what its brackets offer.
      if (bracket) Object.assign(r, { status: read.status, candidates: read.candidates, note: `${reading}; ${read.note}` });
      continue;
    }
    Object.assign(r, {
      status: 'warning',
      code: read.code,
      path: read.path,
      town: read.town,
      candidates: undefined,
      // With what reading it says (a town: its whole county covered, where pages end).
      note: [
        reading,
        read.note,
        // 湘潭等: what is around it is the operator's to list, as for a place read alone (resolve.ts).
        around && `${around.word} read off: only ${read.path} is covered; list the places around it to cover them`,
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
}

/** A place the list leaves out (上海全市，崇明除外) inside one it covers: that one would cover it.
 *  Asked, with its other places as candidates, never written whole. */
function leftOut(results: Resolution[], resolver: Resolver, regions: RegionIndex): void {
  for (const r of results) {
    const { text } = written(r.input);
    const word = r.status === 'unresolved' ? LEFT_OUT.exec(text)?.[1] : undefined;
    const place = word && resolver.resolve(text.slice(0, -word.length));
    if (!place || !ok(place)) continue;
    const holding = results.filter((o) => ok(o) && o.code !== place.code && regions.within(place.code!, o.code!));
    if (holding.length)
      r.note = `${word} leaves ${place.path} out, which ${listed(holding.map((o) => o.input))} would cover: write the places to cover instead of ${holding.length > 1 ? 'them' : 'it'}`;
    for (const o of holding) {
      const rest = regions.children(o.code!).filter((c) => !regions.within(place.code!, c.code));
      Object.assign(o, {
        status: 'unresolved',
        code: undefined,
        path: undefined,
        town: undefined,
        note: `the list leaves ${place.path} out (${r.input}), which ${o.path} holds: write the places of it to cover instead${rest.length ? ' (candidates below)' : ''}`,
        candidates: rest.length ? rest.map((c) => ({ code: c.code, path: regions.names(c.code) })) : undefined,
      });
    }
  }
}
