// Characters by their sound, for a name typed with a character of the right sound but not the
// place's — what a pinyin input method makes easy (常沙 for 长沙, 郑洲 for 郑州, 蒲田 for 莆田). Search
// reads such a query by its pinyin, which the index holds for every place (names.ts `bySound`). The
// table covers the 6,763 characters of GB 2312 (decoded with Node's TextDecoder) and the 153 of
// region and town names beyond them, each at the readings region names give it (都 is du in 成都, 藏
// zang in 西藏: what the index's pinyin says; 阿 a, and e for 东阿), else its most common one
// (pinyin-pro), grouped by syllable: ~17 KB gzip, which the search worker fetches as
// /search-sounds.json only for a query that found nothing.
import { pinyin } from 'pinyin-pro';
import type { SoundTable } from './names.ts';
import { buildRegions, RegionIndex } from './regions.ts';
import { townsByCounty } from './towns.ts';
import './slugs.ts'; // its place-name readings (都 is du) for pinyin-pro

const syllables = (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: true });

/** GB 2312's characters: rows 0xB0–0xF7 of its two-byte table (levels 1 and 2). */
function gb2312(): string[] {
  const decoder = new TextDecoder('gb18030');
  const chars: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const c = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(c)) chars.push(c);
    }
  return chars;
}

/** Each character of the regions' names at the readings those names give it, most often first
 *  (阿 is a in 阿坝, e in 东阿; 厦 xia in 厦门, sha in 塘厦); and the characters of towns' names that
 *  neither GB 2312 nor a region's name has (簕 of 新兴县's 簕竹镇, 垟 of 温州's towns: 144 of them), at
 *  their towns' readings — read for those towns alone, not the 41,000. */
function namesReadings(known: Set<string>): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  const add = (name: string, only?: (c: string) => boolean) => {
    const read = syllables(name);
    if (read.length !== name.length) return;
    [...name].forEach((c, i) => {
      if (only && !only(c)) return;
      const byReading = counts.get(c) ?? counts.set(c, new Map()).get(c)!;
      byReading.set(read[i], (byReading.get(read[i]) ?? 0) + 1);
    });
  };
  const regions = buildRegions();
  for (const { name } of regions) add(name);
  const rare = (c: string) => /\p{Script=Han}/u.test(c) && !known.has(c) && !counts.has(c);
  for (const towns of townsByCounty(new RegionIndex(regions)).values())
    for (const { name } of towns) if ([...name].some(rare)) add(name, rare);
  return new Map([...counts].map(([c, byReading]) => [c, [...byReading].sort((a, b) => b[1] - a[1]).map(([r]) => r)]));
}

/** Syllable → characters; a character place names read two ways is also under its other reading,
 *  after a `|` (e: 额鹅…|阿), which names.ts `bySound` tries second. */
export function soundTable(): SoundTable {
  const common = gb2312();
  const inNames = namesReadings(new Set(common));
  const [first, other]: Record<string, string>[] = [{}, {}];
  // With the characters of region and town names that GB 2312 lacks (埗 of 高埗镇, 濉 of 濉溪县, 簕 of
  // 簕竹镇): a query with one character wrong still has the place's own in it (篙埗镇, 新兴簕珠镇).
  for (const c of new Set([...common, ...inNames.keys()])) {
    const [reading, ...others] = inNames.get(c) ?? [syllables(c)[0]];
    for (const [syllable, into] of [[reading, first], ...others.map((o) => [o, other] as const)] as const)
      if (/^[a-z]+$/.test(syllable)) into[syllable] = (into[syllable] ?? '') + c;
  }
  const table: SoundTable = { ...first };
  for (const [syllable, chars] of Object.entries(other)) table[syllable] = `${table[syllable] ?? ''}|${chars}`;
  return table;
}
