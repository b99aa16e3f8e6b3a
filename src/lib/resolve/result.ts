// A chain of places read as one Resolution: the last place, with what was guessed on the way said
// (a former division, a changed suffix, a town's county).
import { APPROVALS } from '../approvals.ts';
import { SOURCES } from '../history.ts';
import { CIVIL_NAMES, COMMON_NAMES, ZONE_WORD } from '../names.ts';
import type { Resolver } from '../resolve.ts';
import { listed, MAX_CANDIDATES, WRITE_ZONE, type Match, type Resolution, type Status } from './resolution.ts';
import {
  oldCodesNamed,
  oldNamesake,
  FORMER_PREFECTURES,
  FORMER_PREFECTURES_SHORT,
  RENAMED_PREFECTURES_SHORT,
  others,
} from './former.ts';

/** Where history-codes.ts comes from, for a year whose table SOURCES lacks. */
const CODE_TABLES = "the ministry's code tables, as github.com/yescallop/areacodes keeps them";

/** A chain read as its last place, with every guess on the way said (and a warning for it). */
export function result(resolver: Resolver, input: string, chain: Match[]): Resolution {
  const last = chain.at(-1)!.place;
  const tail = chain.at(-1)!;
  const namesake = tail.how === 'variant' ? oldNamesake(resolver, tail.text, last.region) : undefined;
  if (namesake) {
    // 武汉汉阳县: read by its suffix as 汉阳区, but 汉阳县 was another county (蔡甸区 since 1992).
    const [code, [path, year, successors]] = namesake;
    const codes = [last.region, ...successors.filter((c) => c !== last.region)];
    return {
      input,
      status: 'ambiguous',
      note: `${tail.text} reads as ${resolver.pathOf(last.region)} (the suffix differs), but ${path} (${code}) was another division until ${year}, now ${listed(successors.map((c) => resolver.regions.get(c)!.name))}: write which`,
      candidates: codes.slice(0, MAX_CANDIDATES).map((c) => ({ code: c, path: resolver.pathOf(c) })),
    };
  }
  // A kind of zone after a city, which a town of it is called (徐州 新区: 铜山区's 新区街道; 盐城高新区:
  // 东台市's town 高新区, not 盐城's zone): a zone of the city is as likely meant. Asked; not after
  // the town's county (阳泉郊区开发区: 郊区's town 开发区).
  const before = chain.at(-2)?.place;
  const afterCounty = before?.kind === 'region' && resolver.regions.get(before.region)?.level === 'county';
  if (last.kind === 'town' && ZONE_WORD.test(tail.text) && !afterCounty) {
    const county = resolver.regions.get(last.region)!.name;
    return {
      input,
      status: 'ambiguous',
      note: `${tail.text} here is the town ${last.name} of ${county} (candidate below), or a zone: for the town, write it with its county (${county}${last.name}); for a zone, ${WRITE_ZONE}`,
      candidates: [{ code: last.region, path: resolver.describe(last) }],
    };
  }
  const notes: string[] = [];
  let status: Status = 'resolved';
  for (const m of chain) {
    const current = resolver.regions.get(m.place.region)!;
    if (m.place.kind === 'former') {
      status = 'warning';
      const { year, source, approval, created } = m.place.former!;
      const path = resolver.pathOf(current.code);
      const { date, url } = APPROVALS[approval];
      const decision = [approval, date && ` of ${date}`, url && `: ${url}`].filter(Boolean).join('');
      const sources = `${decision}; code table: ${SOURCES[source!]}`;
      // A split one's town that is not in its successor today (江干区下沙街道: 钱塘区's).
      const townElsewhere = m !== chain.at(-1) && !resolver.regions.within(last.region, current.code);
      const parts = m === chain.at(-1) ? m.place.former!.parts?.filter((code) => code !== current.code) : undefined;
      notes.push(
        created
          ? `${m.place.name} was created in ${year} from part of ${current.name}, after the 2023 codes this site follows: used ${path}, the whole county, until the data has ${m.place.name} (${decision})`
          : townElsewhere
            ? `${m.place.name} was abolished in ${year} (${sources}); ${last.name} is in ${resolver.pathOf(last.region)} today`
            : parts?.length
              ? `${m.place.name} was split in ${year}: used ${path}, its main part; ${others(parts.map((code) => resolver.regions.get(code)!.name))} (${sources})`
              : `${m.place.name} was replaced in ${year} by ${path} (${sources})`,
      );
      // A prefecture written before one of its former counties, whose name is a place's today (巢湖 庐江:
      // 巢湖市, a county-level city now; 莱芜 钢城: 莱芜区): that place is not covered, said.
      const namesake = m === chain.at(-1) ? [] : (resolver.byName.get(m.text) ?? []).filter((p) => p.kind === 'region');
      for (const today of namesake.filter((p) => p.region !== last.region))
        notes.push(`${resolver.pathOf(today.region)}, called ${m.text} today, is not covered: write it to cover it too`);
    } else if (m.how === 'variant') {
      status = 'warning';
      // 湘西自治州: the name with part of it left out, not a name it had.
      const shortened = m.text.endsWith('自治州') && m.place.name.endsWith('自治州');
      // A code the tables give that name, whose area is this place's today (双流县, 510122 until 2015):
      // said with that table. Not otherwise: another place may have had that name (资阳县, 四川's until
      // 1993, is not 益阳's 资阳区: asked, oldNamesake above).
      const [code, [, year] = []] =
        oldCodesNamed(m.text)
          .filter(
            ([, [, end, successors]]) => end !== null && successors.every((c) => resolver.regions.within(c, m.place.region)),
          )
          .sort((a, b) => b[1][1]! - a[1][1]!)[0] ?? []; // its last code (米林县: 540422 until 2023, not 540130)
      // Split since, this place its part that kept the name (宝安县: 宝安区 and 龙岗区 since 1992).
      const [splitCode, [, splitYear, parts] = []] = code
        ? []
        : (oldCodesNamed(m.text)
            .filter(([, [, end, successors]]) => end !== null && successors.includes(m.place.region))
            .sort((a, b) => b[1][1]! - a[1][1]!)[0] ?? []);
      const table = (y: number | null | undefined) => SOURCES[`${y}12`] ?? CODE_TABLES;
      notes.push(
        shortened
          ? `read ${m.text} as ${m.place.name}`
          : code
            ? `${m.text} (${code}, until ${year}) is ${m.place.name} (${m.place.region}) today (code table: ${table(year)})`
            : splitCode
              ? `${m.text} (${splitCode}, until ${splitYear}) was split: used ${m.place.name}, its main part today; ${others(parts!.filter((c) => c !== m.place.region).map((c) => resolver.regions.get(c)!.name))} (code table: ${table(splitYear)})`
              : `read ${m.text} as ${m.place.name}, the name in the data (the suffix differs)`,
      );
    } else if (m.how === 'alias' && CIVIL_NAMES[m.place.key]) {
      notes.push(`${m.text} is listed as ${m.place.name} in the statistical codes`);
    } else if (m.how === 'alias' && COMMON_NAMES[m.place.key]?.includes(m.text)) {
      status = 'warning';
      notes.push(`read ${m.text} as ${m.place.name} (a common short name)`);
    }
  }
  let town: string | undefined;
  if (last.kind === 'town') {
    // Pages go down to counties: covering a town covers its county.
    town = last.name;
    status = 'warning';
    const county = resolver.regions.get(last.region)!.name;
    notes.push(`covers all of ${county}, where pages end; town ${last.name} is noted on its page`);
  }
  // 巢湖市, or 莱芜 (济南's 莱芜区 today): the prefecture it also was is said, with where its counties
  // are now, for a list that meant all of it.
  const written = chain.at(-1)!.text;
  // Not its full name under a prefecture of today (合肥市巢湖市): that is the place of today alone.
  const underPrefecture = written === last.name && resolver.regions.get(chain.at(-2)?.place.region ?? '')?.level === 'prefecture';
  const prefecture = underPrefecture
    ? undefined
    : (FORMER_PREFECTURES.get(written) ?? (written !== last.name ? FORMER_PREFECTURES_SHORT.get(written) : undefined));
  if (last.kind === 'region' && prefecture) {
    status = 'warning';
    const { name, year } = prefecture.former;
    const now = [...new Set(prefecture.parts.map((f) => f.successor))].map((code) => resolver.regions.get(code)!.name);
    notes.push(
      `${name} was also a prefecture until ${year}: used the place of that name today; its counties are now ${listed(now)}: write the others to cover them too`,
    );
  }
  // 思茅: 思茅区 today, and the prefecture 普洱市 was until 2007, which a list may have meant.
  // Written alone: after its prefecture (普洱思茅) it is the district.
  const renamed = !prefecture && chain.length === 1 && written !== last.name ? RENAMED_PREFECTURES_SHORT.get(written) : undefined;
  if (
    last.kind === 'region' &&
    renamed &&
    resolver.regions.get(renamed.successor)?.level === 'prefecture' &&
    renamed.successor !== last.region
  ) {
    status = 'warning';
    const now = resolver.regions.get(renamed.successor)!.name;
    notes.push(
      `${renamed.name} was also a prefecture until ${renamed.year} (${now} since): used the place of that name today; write ${now} to cover all of it`,
    );
  }
  const region = resolver.regions.get(last.region)!;
  return {
    input,
    status,
    code: region.code,
    path: resolver.pathOf(region.code),
    ...(notes.length ? { note: notes.join('; ') } : {}),
    ...(town ? { town } : {}),
  };
}
