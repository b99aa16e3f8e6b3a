// A query as the search without JavaScript reads it (places.ts): NFKC, lower case, the 州 form of an
// autonomous prefecture, punctuation as spaces, and its place alone without the service's words.
import { placeOnly, zhouForm } from '../../src/lib/names.ts';

/** Characters of a query read, as the search box allows (maxlength): an address pasted whole is ~60. */
const QUERY_CHARS = 80;

/** A query as the index reads it: whole (`typedAs`), and its place alone (`place`: placeOnly). */
export function written(typed: string): { typedAs: string; place: string; words: string[] } {
  // Cut after NFKC, which may write one character as eighteen (U+FDFA).
  // 湘西自治州 as the 湘西州 of prefectureForms.
  const clean = [
    ...zhouForm(typed.normalize('NFKC'))
      .toLowerCase()
      // ü as pinyin's v (lüliang: 吕梁 is lvliang), as the search box's script reads it.
      .replace(/ü/g, 'v')
      .replace(/[^\p{L}\p{N}\s]/gu, ' '),
  ]
    .slice(0, QUERY_CHARS)
    .join('');
  return { typedAs: clean.replace(/\s+/g, ''), place: placeOnly(clean).replace(/\s+/g, ''), words: clean.trim().split(/\s+/) };
}
