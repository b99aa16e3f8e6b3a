// Place names written in traditional characters (廣州市黃埔區, as pasted from a Hong Kong or Taiwan
// source) as the region data writes them (广州市黄埔区), by OpenCC's tables (npm opencc-js). A
// character that some place name has is kept as written: OpenCC makes 乾县 干县 and 於潜镇 于潜镇 (35
// of the data's 44,690 region and town names change under it), and 乾縣 must stay 乾县.
import { Converter } from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

/** The text in simplified characters, keeping every character in `kept` as it is. */
export function simplified(text: string, kept: Set<string>): string {
  // Built on first use (~10 ms): most texts are simplified already.
  convert ??= Converter({ from: 'tw', to: 'cn' });
  const from = [...text];
  const to = [...convert(text)];
  // OpenCC maps characters one to one (and phrases to phrases of the same length).
  if (to.length !== from.length) return to.join('');
  return from.map((c, i) => (kept.has(c) ? c : to[i])).join('');
}
