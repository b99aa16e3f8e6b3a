// Places written in pinyin (jishou, changsha yuelu, 湖南 changsha) and names of a place's sound
// (常沙: 长沙市; 深证, as an input method's fuzzy mode hears it: 深圳市).
import { CIVIL_NAMES, shortName } from '../names.ts';
import { pinyinNames } from '../search-terms.ts';
import { pinyinSlug } from '../slugs.ts';
import type { Region } from '../regions.ts';
import type { Resolver } from '../resolve.ts';
import { MAX_CANDIDATES, namesakes, type Resolution } from './resolution.ts';

/** Pinyin as the fuzzy mode (模糊音) of input methods hears it: zh, ch, sh as z, c, s; -ng as -n
 *  (深证 shenzheng for 深圳 shenzhen), the confusions of southern speakers it is made for. A key, so a
 *  joined slug may lose a syllable's edge (xingan: xinan) — the names it finds are only offered. */
const fuzzySound = (slug: string) => slug.replace(/([zcs])h/g, '$1').replace(/ng/g, 'n');

/** Regions by the pinyin of their names, and by its fuzzy sound: built on first use, for each resolver. */
const pinyinOf = new WeakMap<Resolver, Map<string, Region[]>>();
const fuzzyOf = new WeakMap<Resolver, Map<string, Region[]>>();

/** Regions by the pinyin of their names. */
function byPinyinName(resolver: Resolver): Map<string, Region[]> {
  const built = pinyinOf.get(resolver);
  if (built) return built;
  const pinyin = new Map<string, Region[]>();
  pinyinOf.set(resolver, pinyin);
  const add = (p: string, r: Region) => {
    const found = pinyin.get(p) ?? [];
    if (!found.includes(r)) pinyin.set(p, [...found, r]);
  };
  for (const r of resolver.regions.byCode.values()) for (const p of pinyinNames(r)) add(p, r);
  // A civil-affairs name too (nansha: 广州's 南沙区, and 三沙's, listed as 南沙群岛).
  for (const [code, names] of Object.entries(CIVIL_NAMES))
    for (const name of names) for (const n of [name, shortName(name, 'county')]) add(pinyinSlug(n), resolver.regions.get(code)!);
  return pinyin;
}

/** The same by their fuzzy sound (fuzzySound). */
function byFuzzySound(resolver: Resolver): Map<string, Region[]> {
  const built = fuzzyOf.get(resolver);
  if (built) return built;
  const fuzzy = new Map<string, Region[]>();
  fuzzyOf.set(resolver, fuzzy);
  for (const [p, regions] of byPinyinName(resolver)) fuzzy.set(fuzzySound(p), [...(fuzzy.get(fuzzySound(p)) ?? []), ...regions]);
  return fuzzy;
}

/** A region written in pinyin (jishou, ji shou, JiShouShi), as search accepts it: read with a
 *  warning, or ambiguous when regions share it (changsha: 长沙市, 长沙县). */
export function byPinyin(resolver: Resolver, input: string, text: string): Resolution | undefined {
  if (!/^[a-z]+$/i.test(text)) return undefined;
  const found = byPinyinName(resolver).get(text.toLowerCase()) ?? [];
  if (!found.length)
    return (
      pinyinPath(resolver, input, text.toLowerCase()) ?? {
        input,
        status: 'unresolved',
        note: `no region's name is ${text} in pinyin`,
      }
    );
  if (found.length > 1)
    return {
      input,
      status: 'ambiguous',
      candidates: found.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: resolver.pathOf(r.code) })),
      note: `${found.length} places are called ${text} in pinyin; write the name in Chinese`,
    };
  return {
    input,
    status: 'warning',
    code: found[0].code,
    path: resolver.pathOf(found[0].code),
    note: `read as the pinyin of ${found[0].name}`,
  };
}

/** The places of pinyin `p` inside one of the places `codes`, and the first of those that holds one
 *  (changsha yuelu: 岳麓区, in 长沙市 — of 长沙市 and 长沙县). */
function pinyinIn(resolver: Resolver, codes: string[], p: string): { found: Region[]; holding?: string } {
  const found = (byPinyinName(resolver).get(p.toLowerCase()) ?? []).filter((r) =>
    codes.some((code) => r.code !== code && resolver.regions.within(r.code, code)),
  );
  return { found, holding: codes.find((code) => found.some((r) => resolver.regions.within(r.code, code))) };
}

/** A place read by its pinyin inside another, said. */
function readAsPinyin(resolver: Resolver, input: string, written: string, place: Region, holding: string): Resolution {
  return {
    input,
    status: 'warning',
    code: place.code,
    path: resolver.pathOf(place.code),
    note: `read ${written} as the pinyin of ${place.name}, in ${resolver.regions.get(holding)!.name}`,
  };
}

/** Two places in pinyin, the second in the first (dongguan changan, as a heading gives it: 东莞's
 *  长安镇, not 西安's 长安区): read with a warning when one place of that pinyin holds one such place. */
function pinyinPath(resolver: Resolver, input: string, text: string): Resolution | undefined {
  let several: Resolution | undefined;
  for (let i = 2; i <= text.length - 2; i++) {
    const aboves = (byPinyinName(resolver).get(text.slice(0, i)) ?? []).map((r) => r.code);
    const { found, holding } = pinyinIn(resolver, aboves, text.slice(i));
    if (found.length === 1) return readAsPinyin(resolver, input, text.slice(i), found[0], holding!);
    // Several there (hunan changsha: 长沙市, 长沙县), asked among them, unless another split reads one.
    if (found.length > 1)
      several ??= {
        input,
        status: 'ambiguous',
        candidates: found.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: resolver.pathOf(r.code) })),
        note: `${found.length} places in ${resolver.regions.get(holding!)!.name} are called ${text.slice(i)} in pinyin; write the name in Chinese`,
      };
  }
  return several;
}

/** A place in pinyin after one in characters that holds it (湖南 changsha, 东莞humen), as a heading
 *  gives it: the one of that pinyin there, read with a warning, or asked among them. */
export function pinyinUnder(resolver: Resolver, input: string, text: string): Resolution | undefined {
  const parts = /^(\p{Script=Han}{2,})([a-z]+)$/iu.exec(text);
  if (!parts) return undefined;
  const [, before, written] = parts;
  const above = resolver.named(before, before);
  // Of a name places share, those that hold one of that pinyin (长沙 yuelu: 长沙市's 岳麓区).
  const codes =
    !above || above.town ? [] : above.code ? [above.code] : namesakes(above) ? above.candidates!.map((c) => c.code) : [];
  const { found, holding = codes[0] } = pinyinIn(resolver, codes, written);
  if (!codes.length || (codes.length > 1 && !found.length)) return undefined;
  if (found.length === 1) return readAsPinyin(resolver, input, written, found[0], holding);
  const place = resolver.regions.get(holding)!.name;
  return {
    input,
    status: found.length ? 'ambiguous' : 'unresolved',
    note: found.length
      ? `${found.length} places in ${place} are called ${written} in pinyin; write the name in Chinese`
      : `no place in ${place} is called ${written} in pinyin`,
    ...(found.length
      ? { candidates: found.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: resolver.pathOf(r.code) })) }
      : {}),
  };
}

/** Regions whose name sounds like `text` (常沙: 长沙市), within `above` if given: of its very sound,
 *  or of its fuzzy one (深证: 深圳市). */
export function regionsOfSound(
  resolver: Resolver,
  text: string,
  above: Region | undefined,
  fuzzy: boolean,
): { code: string; path: string }[] {
  const slug = pinyinSlug(text);
  const found = (fuzzy ? byFuzzySound(resolver).get(fuzzySound(slug)) : byPinyinName(resolver).get(slug)) ?? [];
  return found
    .filter((r) => !above || resolver.regions.within(r.code, above.code))
    .slice(0, MAX_CANDIDATES)
    .map((r) => ({ code: r.code, path: resolver.pathOf(r.code) }));
}
