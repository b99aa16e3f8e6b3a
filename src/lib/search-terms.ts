// What search knows of a region: its names as customers type them, in Chinese and pinyin.
//
// Pagefind indexes these as whole words (scripts/search-index.ts uses a language without word
// segmentation) and the search worker queries them unsegmented (src/scripts/search-worker.ts), so
// 湘西 finds the word 湘西 and 吉首 finds 吉首市 by prefix, whatever a segmenter would have made of them
// (Pagefind issue #1237). Pinyin is indexed whole; the search core joins spaced pinyin (ji shou).
import { OWN } from '../scripts/search-hits.ts';
import { COMMON_NAMES, ENGLISH_NAMES, prefectureForms } from './names.ts';
import type { Region } from './regions.ts';
import { pinyinInitials, pinyinSlug } from './slugs.ts';
import { typedName, type Town } from './towns.ts';

/** The names of a region as customers type them: full or short, after any chain of its ancestors
 *  below the province (湘西土家族苗族自治州吉首市, 湘西吉首, 湘西州吉首). A province in front (湖南吉首) is
 *  the search worker's to strip: it searches the rest within that province (src/scripts/search-core.ts),
 *  which keeps a third of the words out of the index. */
export function regionNames(region: Region, lineage: Region[]): string[] {
  const formsOf = (r: Region) => [r.name, r.shortName, ...(r.level === 'prefecture' ? prefectureForms(r.name) : [])];
  let names = formsOf(region);
  const all = new Set(names);
  for (const ancestor of lineage.slice(1, -1).reverse()) {
    names = formsOf(ancestor).flatMap((a) => names.map((n) => a + n));
    names.forEach((n) => all.add(n));
  }
  return [...all];
}

/** Pinyin of the full and the short name: jishoushi, jishou (spaced input is joined by the worker);
 *  an autonomous prefecture's 州 form too (xiangxizhou, hainanzhou: before its towns that begin so). */
export function pinyinNames(region: Region): string[] {
  const zhou = region.level === 'prefecture' ? prefectureForms(region.name).slice(0, 1) : [];
  return [...new Set([region.name, region.shortName, ...zhou].map(pinyinSlug))];
}

/** A province's or prefecture's initials (长沙 cs, 上海 sh), as app city pickers take them; not a
 *  county's or a town's, of which dozens share each pair. */
export const initialsOf = (region: Region): string[] =>
  region.level === 'province' || region.level === 'prefecture' ? [pinyinInitials(region.shortName)] : [];

/** The text Pagefind indexes for a region, plus extra words (noted towns, brands, categories); its own
 *  names once more marked as its own (吉首ϙ: src/scripts/search-hits.ts ranks them first). */
export function searchText(region: Region, lineage: Region[], extra: string[] = []): string {
  // An autonomous prefecture's 州 form (湘西州) is its own too: its counties' words begin with it; so
  // are the common names of a few (呼市, 版纳) and the English ones (harbin), on its record alone.
  const zhou = region.level === 'prefecture' ? prefectureForms(region.name).slice(0, 1) : [];
  const common = COMMON_NAMES[region.code] ?? [];
  const spelled = [...pinyinNames(region), ...initialsOf(region), ...(ENGLISH_NAMES[region.code] ?? [])];
  const own = [region.name, region.shortName, ...zhou, ...common, ...spelled].map((n) => n + OWN);
  return [...new Set([...regionNames(region, lineage), ...common, ...extra, ...spelled, ...own])].join(' ');
}

/** How a result names a county for a customer: 湘西州 吉首市, 长沙市 岳麓区, 北京市 朝阳区. */
export function placeLabel(region: Region, parent: Region | undefined): string {
  return [parent && (prefectureForms(parent.name)[0] ?? parent.name), region.name].filter(Boolean).join(' ');
}

/**
 * A town's words on its county's record, always four of them (TOWN_WORDS in src/scripts/search-hits.ts), so the search worker finds which
 * town a result matched from the matched word's position: 乾州街道, 吉首乾州街道, 湘西乾州街道,
 * qianzhoujiedao. Pagefind matches a word by its beginning, so short forms come free (乾州, 吉首乾州,
 * 湘西乾州, qianzhou). Rarer forms are the worker's to read (src/scripts/readings.ts): the county's full
 * name (吉首市乾州街道, read as 吉首乾州街道 within 吉首市), a province in front (湖南吉首乾州), a
 * prefecture's full name (湘西土家族苗族自治州乾州街道). Each word more per town costs the build ~0.7 s:
 * Pagefind sorts its words with a copy per comparison (the full county's form, alternated: 0.96×).
 */
export function townWords(town: Town, county: Region, parent: Region): string[] {
  const name = typedName(town.name);
  // Not the province (海南八所镇): the worker strips a province, and 海南 would find every town of 海南省.
  const withParent = parent.level === 'province' ? name : parent.shortName + name;
  return [name, county.shortName + name, withParent, pinyinSlug(name) || name];
}
