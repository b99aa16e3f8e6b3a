// A place, then a name only places outside it have (长沙东城): said where they are, never used.
import type { Resolver } from '../resolve.ts';
import { BORDERS } from '../provinces.ts';
import { MAX_CANDIDATES, placesNamed, type Resolution } from './resolution.ts';

/** 长沙东城, 深圳科技园: a place, then a name only places outside it have (44 places are called 东城, none
 *  in 长沙; the operator means a part of 长沙 the data does not name). Unresolved, the nearest listed. */
export function namedElsewhere(resolver: Resolver, input: string, text: string): Resolution | undefined {
  // Where the operator put a space (上海 乌镇), the name is after it; else any split of two characters
  // or more before a suffix (石门坎乡 is no 石门县 and 坎乡, but a near name's: 石门乡).
  const words = input.trim().split(/\s+/);
  const spaced = words.length > 1 && words.join('') === text ? text.length - words.at(-1)!.length : undefined;
  for (let i = spaced ?? 2; i <= (spaced ?? text.length - 2); i++) {
    const head = resolver.named(text.slice(0, i), text.slice(0, i));
    const at = !head || head.town ? [] : placesNamed(head);
    if (!at.length) continue;
    const word = text.slice(i);
    if (!spaced && word.replace(/(镇|乡|街道|市|县|区)$/, '').length < 2) continue; // 吉首坎市: 吉首市, a near name
    const named = (resolver.byName.get(word) ?? []).filter((p) => p.kind !== 'former');
    // Not a town of a place listed too (临平: 临平区, not again its 临平街道, which it covers).
    const places = named.filter((p) => p.kind !== 'town' || !named.some((o) => o.kind === 'region' && o.region === p.region));
    if (!places.length || places.some((p) => at.some((code) => resolver.regions.within(p.region, code)))) continue;
    // The widest place read (长沙: 长沙市, which holds 长沙县).
    const [within] = at.map((code) => resolver.regions.lineage(code)).sort((a, b) => a.length - b.length);
    const { name, level } = within.at(-1)!;
    // A municipality's parts are its districts (上海临港).
    const municipality = level === 'province' && resolver.regions.children(within[0].code).every((r) => r.level === 'county');
    const parts = level === 'province' && !municipality ? 'cities' : level === 'county' ? 'towns' : 'districts or counties';
    // In its province first, then across its borders (上海花桥: 昆山's 花桥镇 first).
    const province = within[0].code.slice(0, 2);
    const distance = (code: string) =>
      code.startsWith(province) ? 0 : (BORDERS[province] ?? []).includes(code.slice(0, 2)) ? 1 : 2;
    places.sort((a, b) => distance(a.region) - distance(b.region));
    const n = places.length;
    const which = n > MAX_CANDIDATES ? `; the first ${MAX_CANDIDATES} are listed` : '';
    return {
      input,
      status: 'unresolved',
      note: `${word} names no place of ${name} in the data: ${n === 1 ? 'the one place' : `the ${n} places`} of that name ${n === 1 ? 'is' : 'are'} elsewhere${which} (${n === 1 ? 'write it apart to cover it' : 'write the one meant with its county'}, or the part of ${name} meant by its ${parts})`,
      candidates: places.slice(0, MAX_CANDIDATES).map((p) => ({ code: p.region, path: resolver.describe(p) })),
      outside: true,
    };
  }
  return undefined;
}
