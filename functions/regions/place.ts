// A place search finds (functions/regions/places.ts): a region or a town, the places above it, and
// where it is as a result's row says it.
import { COMMON_NAMES, ENGLISH_NAMES, prefectureForms, shortName, SUFFIX_PINYIN } from '../../src/lib/names.ts';
import type { Level } from '../../src/lib/regions.ts';

export interface Place {
  name: string;
  level: Level;
  /** Its region's code; a town below a county has none of its own here: its county's. */
  code: string;
  /** The place above it (a town below a county: the county). */
  parent?: Place;
  /** Its page (a town below a county: the county's); none when nobody covers it. */
  path?: string;
  /** How it is written: the name first, then its short forms. */
  forms: string[];
  /** A town of the 2020 codes that today's do not name (淀山湖镇, in 昆山市), or a name that is no town's
   *  held by the place above it (闸北区: 静安区's). */
  former?: true;
  /** Names that are no place's own it holds (a former division's, an area's: 闸北区 on 静安区, 两江新区 on
   *  渝北区): written where its name is, before a town of it (上海闸北区天目西路街道, 两江新区鸳鸯街道). */
  held?: string[];
}

/** Whether `form` is a common name of `p` (巴州: 巴音郭楞蒙古自治州's; also the short name of 巴中's 巴州区). */
export const commonName = (p: Place, form: string) => !!COMMON_NAMES[p.code]?.includes(form);

/** How a region is written: its name, its short name, a prefecture's 州 forms (湘西州), and the common
 *  names of a few (呼市, 版纳) and their English ones (harbin), as the search index has them. */
export function formsOf(name: string, level: Level, code: string): string[] {
  const short = shortName(name, level);
  const zhou = level === 'prefecture' ? prefectureForms(name) : [];
  return [name, ...(short !== name ? [short] : []), ...zhou, ...(COMMON_NAMES[code] ?? []), ...(ENGLISH_NAMES[code] ?? [])];
}

/** `p` and the places above it, the province first. */
export function lineage(p: Place | undefined): Place[] {
  const chain: Place[] = [];
  for (let a = p; a; a = a.parent) chain.unshift(a);
  return chain;
}

/** Where a place is, after its name: a town, the page it leads to (乾州街道 → 湘西州 吉首市; 石龙镇 →
 *  东莞市 石龙镇, a page of its own); a region, the places above it (吉首市 湖南省 湘西土家族苗族自治州). */
export function whereLabel(p: Place): string {
  const short = (r: Place) =>
    [r.parent && (prefectureForms(r.parent.name)[0] ?? r.parent.name), r.name].filter(Boolean).join(' ');
  // A town of a county-less city is a page of its own (石龙镇 → 东莞市 石龙镇), unless it is a name of
  // 2020 noted on one (东升镇 → 中山市 小榄镇: the same code as the place it is in).
  if (p.level === 'town') return ` → ${short(p.code.length > 6 && p.code !== p.parent?.code ? p : p.parent!)}`;
  const chain = lineage(p.parent).map((a) => a.name);
  return chain.length ? ` ${chain.join(' ')}` : '';
}

const LEVELS: Level[] = ['province', 'prefecture', 'county', 'town'];
/** A name in pinyin. */
export const LATIN = /^[a-z]+$/;

/** Whether `prefix` is a chain of the names of `parent` and the places above it, in order, levels
 *  skipped at will; with `suffixes`, one in pinyin may have its suffix's pinyin after it (jishoushi qianzhou). */
export function above(prefix: string, parent: Place | undefined, suffixes = false): boolean {
  if (!prefix) return true;
  const chain = lineage(parent);
  const rest = (text: string, from: number): boolean =>
    !text ||
    chain.slice(from).some((p, i) =>
      (p.held ? [...p.forms, ...p.held] : p.forms).some((f) => {
        if (!text.startsWith(f)) return false;
        const after = text.slice(f.length);
        if (rest(after, from + i + 1)) return true;
        const suffix =
          suffixes && LATIN.test(f)
            ? Object.keys(SUFFIX_PINYIN).find((s) => after.startsWith(s) && p.name.endsWith(SUFFIX_PINYIN[s]))
            : undefined;
        return !!suffix && rest(after.slice(suffix.length), from + i + 1);
      }),
    );
  return rest(prefix, 0);
}

/** A place of today before a former name (江北: 重庆's and 宁波's 江北区 before the counties of 南京's
 *  江北新区; 淀山湖镇, a town of the 2020 codes); the name as written before its short forms, and those
 *  before a common name (巴州: 巴中's 巴州区 before 巴音郭楞蒙古自治州, as with JavaScript); covered
 *  before uncovered (朝阳: 北京's 朝阳区 on this site before 朝阳市); a place with a page of its own before
 *  a town of a covered county (changan: 东莞's 长安镇 before 富阳's 常安镇); then bigger places first, in
 *  code order. */
export function ranked(places: Place[], form: string): Place[] {
  const key = (p: Place) => [
    p.former ? 1 : 0,
    p.name === form ? 0 : 1,
    commonName(p, form) ? 1 : 0,
    p.path ? 0 : 1,
    p.code !== p.parent?.code ? 0 : 1,
    LEVELS.indexOf(p.level),
  ];
  return places.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x.reduce((order, _, i) => order || x[i] - y[i], 0) || a.code.localeCompare(b.code);
  });
}
