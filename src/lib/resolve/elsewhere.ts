// A place written after one it is not in: a county moved since or a slip (安庆市枞阳县: 铜陵's), or a
// town under the wrong county of its prefecture.
import type { Resolver } from '../resolve.ts';
import { CITY_PARTS } from '../names.ts';
import { MAX_CANDIDATES, TIERS, type Match, type Resolution } from './resolution.ts';
import { formerCode, oldCodesNamed, FORMER_PREFECTURES } from './former.ts';
import { result } from './result.ts';
import { namedElsewhere } from './named-elsewhere.ts';
import { unresolved } from './unresolved.ts';

/** 安庆市枞阳县: a county written under a prefecture it is not in — moved since (枞阳县 to 铜陵市 in
 *  2015, 简阳市 to 成都市 in 2016) or a slip. Read as the county alone, with a warning, when that
 *  names one place in the same province as what is written before it; never a town (too loose). */
export function elsewhere(resolver: Resolver, input: string, text: string): Resolution | undefined {
  let far: string | undefined; // 长沙市枞阳县: both exist, in two provinces
  /** A county's name after a province it is not in today (四川资阳县), for that province's own gone ones. */
  let gone: { name: string; province: string } | undefined;
  for (const tier of TIERS.filter((t) => !t.towns)) {
    const found = new Map<string, { before: Match; chain: Match[] }>();
    for (let i = 2; i <= text.length - 2; i++) {
      // A prefecture's, where a county was (凤凰县泸溪县 is two counties, 长沙市株洲市 two prefectures).
      const heads = resolver.readings(text.slice(0, i), tier);
      const before = heads
        .map((chain) => chain.at(-1)!)
        .filter((m) =>
          m.place.kind === 'former' ? FORMER_PREFECTURES.has(m.place.name) : resolver.levelOf(m.place) === 'prefecture',
        );
      // Words for part of any city (合肥郊区, 成都市中区) are no county that moved there, and a
      // prefecture's name is two places (长沙株洲: 株洲市, not the 株洲县 that was).
      if (CITY_PARTS.test(text.slice(i))) continue;
      if (resolver.readings(text.slice(i), TIERS[0]).some((c) => resolver.levelOf(c.at(-1)!.place) !== 'county')) continue;
      const home = heads.find((c) => c.length === 1 && resolver.levelOf(c[0].place) === 'province')?.[0];
      for (const chain of resolver.readings(text.slice(i), tier)) {
        const last = chain.at(-1)!.place;
        if (resolver.levelOf(last) !== 'county') continue;
        const province = resolver.regions.lineage(last.region)[0].code;
        const above = before.find((b) => resolver.regions.lineage(b.place.region)[0].code === province);
        if (above && !found.has(last.region)) found.set(last.region, { before: above, chain });
        else if (!above && before.length)
          far ??= `${chain.map((m) => m.text).join('')} (${resolver.describe(last)}) is not in ${before[0].place.name}, nor in its province`;
        // After a province it is not in (湖南乾县: 陕西's 乾县), said as such.
        if (home && home.place.region !== province) {
          const name = chain.map((m) => m.text).join('');
          far ??= `${name} (${resolver.describe(last)}) is not in ${home.place.name}`;
          gone ??= { name, province: home.place.region };
        }
      }
    }
    if (!found.size) continue;
    const [{ before, chain }] = found.values();
    const named = chain.map((m) => m.text).join('');
    // Not moved: a division of that prefecture's own that is gone (太原南郊区, 1997; 大同's 南郊区 is
    // 云冈区 today): what took it over. Written without its suffix too (太原南郊).
    const own = [named, ...['区', '县', '市'].map((s) => named + s)]
      .flatMap((name) => oldCodesNamed(name))
      .find(
        ([, [, year, successors]]) => year !== null && successors.every((c) => resolver.regions.within(c, before.place.region)),
      );
    if (own) return formerCode(resolver, input, own[0], ...own[1], `${own[1][0]} (${own[0]}) existed until ${own[1][1]}`);
    if (found.size > 1)
      return {
        input,
        status: 'ambiguous',
        candidates: [...found.values()]
          .slice(0, MAX_CANDIDATES)
          .map((f) => ({ code: f.chain.at(-1)!.place.region, path: resolver.describe(f.chain.at(-1)!.place) })),
        note: `${named} is not in ${before.place.name}, and ${found.size} places of its province have that name; write which`,
      };
    const resolved = result(resolver, input, chain);
    // Itself a question (孝感汉阳县: 汉阳区, or 蔡甸区, the 汉阳县 that was): asked, saying where it was written.
    if (!resolved.code)
      return { ...resolved, note: [`${named} is not in ${before.place.name}`, resolved.note].filter(Boolean).join('; ') };
    const note = `${named} is not in ${before.place.name}: used ${resolved.path} (moved to another prefecture since, or written under the wrong one; check it)`;
    return { ...resolved, status: 'warning', note: [note, resolved.note].filter(Boolean).join('; ') };
  }
  if (!far) return undefined;
  // A county of that province's that is gone (四川资阳县: 资阳市's 雁江区 since 1993; 益阳's 资阳区 is 湖南's).
  const was =
    gone &&
    oldCodesNamed(gone.name).find(
      ([, [, year, successors]]) => year !== null && successors.every((c) => resolver.regions.within(c, gone!.province)),
    );
  if (was) return formerCode(resolver, input, was[0], ...was[1], `${was[1][0]} (${was[0]}) existed until ${was[1][1]}`);
  // 广州市黄浦区: 上海's 黄浦区, or 广州's 黄埔区 in a character of its sound.
  const alike = unresolved(resolver, input, text);
  const sound = alike.note?.match(/; (a name of that sound: .*)$/)?.[1];
  // A name more places have (长沙红星: 18 towns, and 伊春's 红星区 that was): all of them, not the first.
  const all = sound ? undefined : namedElsewhere(resolver, input, text);
  if (all && all.candidates!.length > 1) return all;
  return {
    input,
    status: 'unresolved',
    note: far,
    ...(sound ? { note: `${far}; ${sound}`, candidates: alike.candidates } : {}),
  };
}

/** 余杭区临平街道: a town written under a county of its prefecture it is not in — moved to a district
 *  made since (临平区, 2021) or a slip. Read as that town, with a warning, when it is the only town
 *  of China so named (in full or without its suffix) and in that prefecture. */
export function townElsewhere(resolver: Resolver, input: string, text: string): Resolution | undefined {
  for (let i = 2; i <= text.length - 2; i++) {
    const head = resolver.named(text.slice(0, i), text.slice(0, i));
    const county = head?.status === 'resolved' && !head.town ? resolver.regions.get(head.code!) : undefined;
    if (county?.level !== 'county') continue;
    // A name only one town of China has: a common one (城关镇, 新华街道) under the wrong county is a slip
    // the operator must see, not a county of its prefecture to cover.
    const towns = (resolver.byName.get(text.slice(i)) ?? []).filter((p) => p.kind === 'town');
    if (towns.length !== 1 || towns[0].region === county.code || resolver.regions.get(towns[0].region)?.parent !== county.parent)
      continue;
    const found = result(resolver, input, [{ place: towns[0], how: 'exact', text: text.slice(i) }]);
    const note = `${text.slice(i)} is not in ${county.name}: used ${resolver.pathOf(towns[0].region)} ${towns[0].name} (moved to another county since, or written under the wrong one; check it)`;
    return { ...found, status: 'warning', note: [note, found.note].filter(Boolean).join('; ') };
  }
  return undefined;
}
