// What search knows of a region: its names as customers type them, in Chinese and pinyin.
//
// Pagefind indexes these as whole words (scripts/search-index.ts uses a language without word
// segmentation) and the search worker queries them unsegmented (src/scripts/search-worker.ts), so
// 湘西 finds the word 湘西 and 吉首 finds 吉首市 by prefix, whatever a segmenter would have made of them
// (Pagefind issue #1237). Pinyin is indexed whole and from each syllable on, for "ji shou".
import type { Region } from './regions.ts';
import { pinyinSlug } from './slugs.ts';

/** The names of a region as customers type them: full or short, after any chain of its ancestors
 *  (湖南湘西吉首市, 湘西吉首, 湖南吉首). */
export function regionNames(region: Region, lineage: Region[]): string[] {
  let names = [region.name, region.shortName];
  const all = new Set(names);
  for (const ancestor of lineage.slice(0, -1).reverse()) {
    names = [ancestor.name, ancestor.shortName].flatMap((a) => names.map((n) => a + n));
    names.forEach((n) => all.add(n));
  }
  // Skipping a level is also how people write: 湖南吉首.
  for (const ancestor of lineage.slice(0, -1)) {
    for (const a of [ancestor.name, ancestor.shortName]) for (const o of [region.name, region.shortName]) all.add(a + o);
  }
  return [...all];
}

/** Pinyin: jishoushi, jishou, and each from every syllable on (shoushi, shou, shi) for spaced input. */
export function pinyinNames(region: Region): string[] {
  const words = new Set([pinyinSlug(region.name), pinyinSlug(region.shortName)]);
  for (const name of [region.name, region.shortName]) {
    const syllables = [...name].map((ch) => pinyinSlug(ch));
    syllables.forEach((_, i) => words.add(syllables.slice(i).join('')));
  }
  return [...words];
}

/** The text Pagefind indexes for a region, plus extra words (towns, brands, categories). */
export function searchText(region: Region, lineage: Region[], extra: string[] = []): string {
  return [...new Set([...regionNames(region, lineage), ...extra, ...pinyinNames(region)])].join(' ');
}
