// Place names written in traditional characters (廣州市黃埔區, as pasted from a Hong Kong or Taiwan
// source, or typed on a phone set to traditional) as the region data writes them (广州市黄埔区). The
// table is OpenCC's (npm opencc-js), cut down to the traditional forms of the characters place names
// have (3,078 characters: ~1,130 forms, 5.7 KB gzip), so search can fetch it. A character that some place
// name has is never replaced first: OpenCC's own conversion makes 乾县 干县 and 於潜镇 于潜镇 (35 of the
// data's 44,690 region and town names change under it), and 乾縣 must stay 乾县. Four forms are such
// characters (於 → 于, 洩 → 泄, 鷺 → 鹭, 么 → 幺): kept apart as `shared`, tried only second (於都縣).
//
// The table depends on the data and OpenCC's version alone, and making OpenCC's converters takes
// ~1 s: it is kept in traditional-forms.json (scripts/traditional-forms.ts writes it; a unit test
// fails when an upgrade changes it). names.ts `simplify` applies it: the import (resolve.ts) and
// search, whose worker fetches it as /search-traditional.json for a query that found nothing as typed.
import { Converter as toTraditional } from 'opencc-js/cn2t';
import { from as variants, to as standard } from 'opencc-js/preset';
import { Converter as toSimplified } from 'opencc-js/t2cn';
import type { DictLike } from 'opencc-js/core';
import type { TraditionalForms } from './names.ts';
import { buildRegions, RegionIndex } from './regions.ts';
import { townsByCounty } from './towns.ts';

export const FORMS_FILE = new URL('./traditional-forms.json', import.meta.url);

/** The table for every region and town of China. */
export function allTraditionalForms(): TraditionalForms {
  const regions = new RegionIndex(buildRegions());
  const towns = [...townsByCounty(regions).values()].flat().map((t) => t.name);
  const { forms, shared } = traditionalForms(
    towns,
    [...regions.byCode.values()].map((r) => r.name),
  );
  const sorted = (table: Record<string, string>) =>
    Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { forms: sorted(forms), shared: sorted(shared) };
}

/**
 * The traditional forms of the characters of these names (Taiwan's standard, OpenCC's `tw`): each
 * character alone, and as it is written within `phrases` (沈阳 is 瀋陽, 浚县 濬縣, where 沈 alone stays
 * 沈) — the regions' names; the towns' too would take 290 ms instead of 34, for rarer forms.
 */
function traditionalForms(names: Iterable<string>, phrases: string[]): TraditionalForms {
  const used = new Set([...names, ...phrases].join(''));
  const [traditional, simplified] = [toTraditional({ from: 'cn', to: 'tw' }), toSimplified({ from: 'tw', to: 'cn' })];
  const table: TraditionalForms = { forms: {}, shared: {} };
  // A form that is a character some place name has (於) is shared; each keeps its first meaning.
  const add = (t: string, c: string) => {
    const forms = used.has(t) ? table.shared : table.forms;
    if (t !== c && !Object.hasOwn(forms, t)) forms[t] = c;
  };
  for (const name of phrases) {
    const [from, to] = [[...name], [...traditional(name)]];
    if (to.length === from.length) to.forEach((t, i) => add(t, from[i]));
  }
  for (const c of used) {
    const t = traditional(c);
    // One character each way, and back again (發 → 发).
    if ([...t].length === 1 && simplified(t) === c) add(t, c);
  }
  // The forms Taiwan's standard does not write: Hong Kong's (裏 for 里, 衞), the other traditional
  // character of one simplified one (複 and 復 are both 复), old variants (峯, 羣). Every character
  // OpenCC's own tables convert from, simplified as Hong Kong's text would be (its tables read
  // Taiwan's forms too), where that gives a character some place name has; never one a place name has
  // itself (乾, 濛: a place's own, kept as it is).
  const fromHongKong = toSimplified({ from: 'hk', to: 'cn' });
  for (const t of new Set([...variants.hk, ...variants.tw, ...standard.cn].flat().flatMap(charactersOf))) {
    const c = fromHongKong(t);
    if (!used.has(t) && [...c].length === 1 && used.has(c)) add(t, c);
  }
  return table;
}

/** The one-character keys of an OpenCC table ("臺 台|檯 台 枱|…", or pairs). */
function charactersOf(dict: DictLike): string[] {
  const keys = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')[0]) : dict.map(([key]) => key);
  return keys.filter((key) => [...key].length === 1);
}
