// Former divisions (闸北区, 萝岗区, 吴县: 吴中区 and 相城区), counties newer than the data (和康县), civil-affairs
// names (西沙区) and areas of a city (汉口), each asked as customers write them: both recall tests ask
// them, through Pagefind (recall.test.ts) and without JavaScript (recall-plain.test.ts).
import { AREAS } from '../../src/lib/areas.ts';
import { FORMER, SPLIT } from '../../src/lib/history.ts';
import { townsByCounty, typedName } from '../../src/lib/towns.ts';
import { every, first, regions, target, type Ask, type Place } from './ask.ts';

/** Where each is now: a former name its successor's (several's, when split), listed among the places of
 *  that name (`divisions`); an area every county it lies in (`areas`), and a county or a town written
 *  after it that one (`areaThen`). */
export function formerDivisions(): { divisions: Ask[]; areas: Ask[]; areaThen: Ask[] } {
  // Not a name a region still has (日喀则市, 市中区): search answers with that region.
  // A name some region still has (城区, 日喀则市) lists that region first, then the former ones, among
  // the towns of that name: all of them asked for. Not a name its successor has (庐江县, moved).
  // (The former one may be listed as a place under it, 日喀则市 → 桑珠孜区: its URL is what counts.)
  const current = new Map<string, string[]>();
  for (const r of regions.byCode.values()) current.set(r.name, [...(current.get(r.name) ?? []), target(r.code)]);
  const byName = new Map<string, Place[]>();
  // One split (邯郸县 → 丛台区, 邯山区 and 复兴区; 吴县 → 吴中区 and 相城区): each of them.
  for (const f of FORMER)
    for (const code of f.parts ?? [f.successor])
      if (regions.get(code)!.name !== f.name)
        byName.set(f.name, [...(byName.get(f.name) ?? []), { url: target(code), town: f.name }]);
  for (const f of SPLIT)
    byName.set(f.name, [...(byName.get(f.name) ?? []), ...f.successors.map((c) => ({ url: target(c), town: f.name }))]);
  const list: Ask[] = [...byName].map(([q, places]) => ({
    q,
    what: places.map((p) => p.url).join(' '),
    ok: current.has(q) ? (urls) => current.get(q)!.includes(urls[0]) && places.every((p) => urls.includes(p.url)) : every(places),
    all: current.has(q),
  }));
  // With the prefecture they were in (大同城区 → 平城区, not 阳泉's 城区).
  list.push({ q: '大同城区', what: target('140213'), ok: first({ url: target('140213'), town: '城区' }) });
  // A civil-affairs name the statistical codes do not use (names.ts): 西沙区 is 西沙群岛; 南沙区 is
  // 三沙's 南沙群岛 as well as 广州's 南沙区, listed first.
  const [xisha, nansha, guangzhou] = [target('460321'), target('460322'), target('440115')];
  list.push(
    { q: '西沙区', what: xisha, ok: first({ url: xisha, town: '西沙区' }) },
    { q: '三沙市南沙区', what: nansha, ok: first({ url: nansha, town: '南沙区' }) },
    {
      q: '南沙区',
      what: `${guangzhou} ${nansha}`,
      ok: (urls, named) => urls[0] === guangzhou && every([{ url: nansha, town: '南沙区' }])(urls, named),
    },
  );
  // A part of a city that is no division (汉口, 两江新区: areas.ts): every county it lies in, named by
  // one of the area's names; alone, after a region that has the name too (江北: 重庆's and 宁波's
  // 江北区 first), and after its city, that city's counties (成都天府新区: 成都's four, not 眉山's two).
  const townsOf = townsByCounty(regions);
  const isName = (name: string) => current.has(name);
  const areas: Ask[] = [];
  const areaThen: Ask[] = [];
  for (const area of AREAS) {
    const cities = new Set(area.counties.map((c) => regions.get(c)!.parent!));
    const asks = area.names.flatMap((name) => [
      { q: name, counties: area.counties },
      ...[...cities].flatMap((code) => {
        const city = regions.get(code)!;
        const counties = area.counties.filter((c) => regions.get(c)!.parent === code);
        // Written as a district the city has not (南京市江北区, 武汉汉口区): the area.
        const district = !name.endsWith('区') && !regions.children(code).some((r) => r.name === `${name}区`);
        const written = [city.shortName + name, city.name + name];
        return [...written, ...(district ? written.map((q) => `${q}区`) : [])].map((q) => ({ q, counties }));
      }),
      ...(!name.endsWith('区') && !isName(`${name}区`) ? [{ q: `${name}区`, counties: area.counties }] : []),
    ]);
    // Before one of its counties or the first town of each (雄安新区容城县, 两江新区鸳鸯街道): that place.
    for (const code of area.counties) {
      const county = regions.get(code)!;
      const town = townsOf.get(code)?.[0];
      areaThen.push({ q: area.names[0] + county.name, what: target(code), ok: first({ url: target(code) }) });
      // And in an address pasted whole (两江新区鸳鸯街道人民路1号), that town's county first.
      if (town) {
        const q = area.names[0] + typedName(town.name);
        const named = first({ url: target(code), town: typedName(town.name) });
        // After its city's full name too (南京市江北新区泰山街道), and the area written as a district
        // (汉口区花桥街道, 南京市江北区泰山街道; not 江北区泰山街道: 重庆's or 宁波's 江北区, which have no
        // such town).
        const city = regions.get(county.parent!)!.name;
        const asDistrict = area.names
          .filter((n) => !n.endsWith('区'))
          .flatMap((n) => {
            const d = `${n}区${typedName(town.name)}`;
            return [...(isName(`${n}区`) ? [] : [d]), city + d];
          });
        for (const q2 of [q, city + q, ...asDistrict]) areaThen.push({ q: q2, what: target(code), ok: named });
        areaThen.push({ q: `${q}人民路1号`, what: target(code), ok: (urls) => urls[0] === target(code) });
      }
    }
    for (const { q, counties } of asks) {
      const urls = counties.map(target);
      const all = (found: string[], named: (string | undefined)[]) =>
        urls.every((u) => found.some((f, i) => f === u && area.names.includes(named[i]!)));
      const owners = [...regions.byCode.values()].filter((r) => r.shortName === q).map((r) => target(r.code));
      areas.push({
        q,
        what: urls.join(' '),
        ok: owners.length ? (found, named) => owners.includes(found[0]) && all(found, named) : all,
      });
    }
  }
  return { divisions: list, areas, areaThen };
}
