// What operators write around a place name in a pasted list, read off before the name is resolved
// (resolve.ts): list numbers and bullets, quotes, notes in brackets, trailing punctuation, and the
// words for "all of it" (湖南省全省, 长沙市各区县).

/** Longer than any place written with all its ancestors (新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿克陶县
 *  and a town: ~30 characters); a longer entry is several places run together, and reading every
 *  split of it takes time that grows with its length cubed. */
export const MAX_ENTRY = 40;

/** "All of it": read as the place before it, when the whole text names no place (全州县, 万全区 do). */
const WHOLE = /(全省|全市|全区|全县|全旗|全州|全盟|全境|全域|各区县|各县区|各县市区|所辖区县)$/u;
/** A list number or bullet (1. 1、 (1) ① - •, ① read as 1); a place name never begins with a digit. */
const MARKER = String.raw`(?:\(?\d{1,3}[).、]?|[-•·*>]+)`;
/** A marker written as a word of its own. */
const ALONE_MARKER = new RegExp(`^${MARKER}$`, 'u');
const isMarker = (word: string) => ALONE_MARKER.test(word.normalize('NFKC'));
/** A marker in front of the name (1.吉首市, (1)（含…）). */
const LEADING_MARKER = new RegExp(`^${MARKER}(?=\\p{Script=Han}|[(【[])`, 'u');
/** A note in brackets (plain ones after NFKC). */
const NOTE = /[(【[][^)】\]]*[)】\]]/gu;

export interface Written {
  /** The name to resolve, without spaces or notes in brackets. */
  text: string;
  /** With its brackets: a few towns have them in their name (（工业园区）城南街道). */
  bracketed: string;
  /** Notes in brackets, read off (吉首市（含乾州） → （含乾州）): said in a warning. */
  notes: string[];
  /** The text without a word for "all of it" at its end (湖南省全省 → 湖南省), and that word. */
  whole?: { text: string; word: string };
}

export function written(input: string): Written {
  // Full-width letters, digits and brackets as plain ones (NFKC: ① → 1, （ → ().
  const bracketed = input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(LEADING_MARKER, '')
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』.。:;!?]+$/gu, '');
  const notes = bracketed.match(NOTE) ?? [];
  const text = bracketed.replace(NOTE, '');
  const word = WHOLE.exec(text)?.[0];
  const whole = word && text.length - word.length >= 2 ? { text: text.slice(0, -word.length), word } : undefined;
  return { text, bracketed, notes, ...(whole ? { whole } : {}) };
}

/** Entries as operators paste them: separated by 、，,；; / | 。 or new lines, and by spaces unless the
 *  words together name one place below the first of them (广东省 广州市 黄埔区, the path the import prints;
 *  吉首市 乾州): `together` says whether they do. */
export function splitEntries(text: string, together: (words: string[]) => boolean = () => false): string[] {
  return text.split(/[、，,；;/|｜／。\n\r]+/u).flatMap((piece) => {
    const words = piece
      .trim()
      .split(/\s+/u)
      .filter((word) => word && !isMarker(word));
    return words.length > 1 && together(words) ? [words.join(' ')] : words;
  });
}
