// What operators write around a place name in a pasted list, read off before the name is resolved
// (resolve.ts): list numbers and bullets, quotes, notes in brackets, trailing punctuation, the
// words for "all of it" (湖南省全省, 长沙市各区县, 吉首市及以下乡镇) and for "and around it" (长沙市及周边).
import { PROVINCE_ONE_CHARACTER } from './provinces.ts';
import { HEADER_WORD, rowsOf } from './sheet-rows.ts';

/** Longer than any place written with all its ancestors (新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿克陶县
 *  and a town: ~30 characters); a longer entry is several places run together, and reading every
 *  split of it takes time that grows with its length cubed. */
export const MAX_ENTRY = 40;

/** "All of it": read as the place before it, when the whole text names no place (全州县, 万全区 do). */
const WHOLE =
  /(全省|全市|全区|全县|全旗|全州|全盟|全境|全域|各区县|各县区|各县市区|各市县|各县市|各市州|所辖区县|(?:及其?|及其?以下|以下|及其?下属|及其?所辖)(?:各?乡镇|街道|乡镇街道))$/u;
/** "And around it", "and so on": read off as the place before it, when the whole names no place —
 *  with a warning that only the place is covered. */
const AROUND = /((?:及其?|含|包括|包含)?周边(?:乡镇|地区|区县|县市|区域)?|等地区?|等县市|等)$/u;
/** A list number or bullet (1. 1、 (1) ① - • A. 一、 第1项, ① read as 1); a place name never begins
 *  with a digit, and a Chinese numeral only when a mark follows it (三亚市 is a place). */
/** A number in Chinese as a list counts, 一 to 九十九 — never 二七 or 八一, which are places (二七区, 八一镇). */
const NUMERAL = String.raw`(?:[一二三四五六七八九]|[二三四五六七八九]?十[一二三四五六七八九]?)`;
const MARKER = String.raw`(?:\(?\d{1,3}[).、]?|[-—–•·*>#＃]+|[A-Za-z][.)]|${NUMERAL}[.、)]|第[\d一二三四五六七八九十]{1,3}[项条点个])`;
/** A marker written as a word of its own, or a Chinese numeral cut from its 、 (一、吉首市). */
const ALONE_MARKER = new RegExp(`^(?:${MARKER}|${NUMERAL})$`, 'u');
const isMarker = (word: string) => ALONE_MARKER.test(word.normalize('NFKC'));
/** A marker in front of the name (1.吉首市, (1)（含…）). */
const LEADING_MARKER = new RegExp(`^${MARKER}(?=\\p{Script=Han}|[(【[])`, 'u');
/** A note in brackets (plain ones after NFKC). */
const NOTE = /[(【[][^)】\]]*[)】\]]/gu;

/** A word that says how much of the place before it is meant (全境, 及周边), naming none itself. */
export const qualifies = (word: string) => [WHOLE, AROUND].some((pattern) => pattern.exec(word)?.[0] === word);

export interface Written {
  /** The name to resolve, without spaces or notes in brackets. */
  text: string;
  /** With its brackets: a few towns have them in their name (（工业园区）城南街道). */
  bracketed: string;
  /** Notes in brackets, read off (吉首市（含乾州） → （含乾州）): said in a warning. */
  notes: string[];
  /** The text without a word for "all of it" at its end (湖南省全省 → 湖南省), and that word. */
  whole?: { text: string; word: string };
  /** The text without a word for "and around it" at its end (长沙市及周边 → 长沙市), and that word. */
  around?: { text: string; word: string };
}

/** Pinyin as written with its tones and syllable marks (Chángshā, Xi'an, Chang’an, Lǚliang) as the
 *  data's spelling has it: the letters alone, ü as v. */
const plainPinyin = (text: string) =>
  text.replace(/[\p{Script=Latin}'’]+/gu, (run) =>
    run
      .normalize('NFD')
      .replace(/u\u0308/gi, (u) => (u[0] === 'U' ? 'V' : 'v'))
      .replace(/\p{M}/gu, '')
      .replace(/(?<=[a-z])['’](?=[a-z])/gi, ''),
  );

export function written(input: string): Written {
  // Full-width letters, digits and brackets as plain ones (NFKC: ① → 1, （ → ().
  const bracketed = plainPinyin(input)
    .normalize('NFKC')
    // Places in brackets written apart (长沙（岳麓 天心）) stay apart.
    .replace(/[(（【[][^)）】\]]*[)）】\]]/gu, (note) => note.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '、'))
    .replace(/\s+/g, '')
    .replace(LEADING_MARKER, '')
    .replace(/^["'“”‘’「」『』《〈]+|["'“”‘’「」『』》〉.。:;!?*]+$/gu, '');
  const notes = bracketed.match(NOTE) ?? [];
  const text = bracketed.replace(NOTE, '');
  const cut = (pattern: RegExp) => {
    const word = pattern.exec(text)?.[0];
    return word && text.length - word.length >= 2 ? { text: text.slice(0, -word.length), word } : undefined;
  };
  const [whole, around] = [cut(WHOLE), cut(AROUND)];
  return { text, bracketed, notes, ...(whole ? { whole } : {}), ...(around ? { around } : {}) };
}

const OPENS = '(（【[';
const CLOSES = ')）】]';

/** Whether every bracket of `text` has its pair (a note's brackets may be cut at a line's end). */
export function bracketsPaired(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPENS.includes(c)) depth++;
    else if (CLOSES.includes(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** The text cut at each separator outside brackets (吉首市（含乾州、矮寨） is one piece). */
function cutOutsideBrackets(text: string, separator: RegExp): string[] {
  const pieces = [''];
  let depth = 0;
  for (const c of text) {
    if (OPENS.includes(c)) depth++;
    else if (CLOSES.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(c)) pieces.push('');
    else pieces[pieces.length - 1] += c;
  }
  return pieces;
}

/** How a list's label ends (服务区域, 上门服务范围, 覆盖城市, 服务网点如下), never a place's name (聊城市 and
 *  共青城市 end in 城市: only after 服务 or 覆盖) nor a place left out (崇明暂不服务), and the words around
 *  a place in it (我们的, 本店). */
/** What separates a line's entries (长沙、株洲；湘潭+岳阳), outside brackets. */
const ENTRIES = /[、，,；;。+＋]/u;
/** What separates the places a note in brackets names (长沙（岳麓、天心）, （岳麓；天心）, （服务区域：虎门、长安）). */
export const IN_BRACKETS = /[、，,/和及；;:：+＋]/u;
/** Whether a word is a list's label (服务区域, 上门服务范围): no place. */
export const isLabel = (word: string) => LABEL_END.test(word) && !word.replace(LABEL_WORDS, '');

const LABEL_END = /(?:(?:上门)?(?:服务|维修|覆盖)(?:区域|范围|网点|地区|城市)|(?:上门)?(?:区域|范围|网点))(?:如下|包括)?$/u;
const LABEL_WORDS = /上门|服务|维修|覆盖|范围|区域|网点|城市|如下|包括|主要|本店|本公司|我们的?/gu;
/** Marks around a label (★服务范围★, 【服务区域】). */
const LABEL_MARKS = /[★☆●○◆◇■□▲△▼※#【】\[\]]/gu;
/** Whether a whole line is a list's label and nothing after it (上海服务范围, 服务区域：): it heads
 *  places to come. */
export const labelOnly = (line: string) =>
  LABEL_END.test(
    line
      .replace(LABEL_MARKS, ' ')
      .replace(/[:：]\s*$/u, '')
      .trim(),
  );

/**
 * A line without its label (服务区域：长沙 株洲 → 长沙 株洲; 上海上门服务范围：浦东 → 上海 浦东, the place it
 * names heading the rest; ★服务范围★ → nothing): what stands before a colon, or the whole line, when
 * it ends as a label does (LABEL_END). Written by hand: the npm address parsers (address-parse,
 * zh-address-parse, cnaddr) take one shipping address apart, not a list's labels.
 */
function withoutLabel(line: string): string {
  const colon = /^([^:：、，,；;。()（）]*)[:：]/u.exec(line);
  const label = (colon ? colon[1] : line).replace(LABEL_MARKS, ' ').trim();
  if (!LABEL_END.test(label)) return line;
  // What remains may be a place (上海): kept, to head the rest; a label alone on its line heads
  // nothing (上海服务范围, then the places line by line), and covering it would cover all of it.
  // 上海服务范围： alone: 上海： heads the lines after it.
  const rest = colon ? line.slice(colon[0].length) : '';
  return colon ? `${label.replace(LABEL_WORDS, ' ').trim()}${rest.trim() ? ` ${rest}` : '：'}` : '';
}

/** A phone number, with its word before it (电话：400-000-0000, 手机 138 0000 0000, 0731-88888888). */
const PHONE =
  /(?:(?:联系|服务|报修|客服)?(?:电话|热线|手机)|tel|TEL|Tel)?\s*[:：]?\s*(?:\+?86[-\s]?)?(?:400|800|1[3-9]\d|0\d{2,3})[-\s]?\d{3,4}[-\s]?\d{4}(?!\d)/gu;
/** Emoji and signs that decorate a line (📍长沙市, ✅, ★长沙★), never a place's. */
const DECORATION = /[\p{Extended_Pictographic}\u2190-\u21FF\u2600-\u27BF★☆●○◆◇■□▲△▼※\uFE0F]/gu;
/** The four cities of a province's rank, whose counties the code table once listed under 县 (北京市 县 密云县). */
const MUNICIPALITY = /^(北京|天津|上海|重庆)市$/u;
/** A piece's words: cut at spaces and / | > - : ·, a note in brackets kept with the word before it. */
function wordsOf(piece: string): string[] {
  return (
    cutOutsideBrackets(piece.trim(), /[\s/|｜／>＞:：·~～-]/u)
      .filter((word) => word && !isMarker(word))
      // A note in brackets written apart (虎门镇 （含周边）) is the word before it's: read alone, it
      // split a path, whose province was then covered whole.
      // So is a word for how much of it (湘潭 等地: 湘潭等地, read off with a warning).
      .reduce<string[]>(
        (out, word) =>
          out.length && (OPENS.includes(word[0]) || AROUND.exec(word)?.[0] === word)
            ? [...out.slice(0, -1), out.at(-1) + word]
            : [...out, word],
        [],
      )
      // The country in front of a path (中国 广东省 广州市); alone, it is said to be no division. A word
      // repeated in full (北京市 北京市 海淀区; not 长沙 长沙: 长沙县), and the code table's rows that name
      // no place (北京市 市辖区 朝阳区).
      .filter((word, _, all) => !(word === '中国' && all.length > 1))
      .filter((word, i, all) => !(word === all[i - 1] && word.endsWith('市')))
      // A suffix written apart is its name's (攸 县, 长沙 县, 宁乡 市, 湖南 省, 阿拉善 盟: 攸县, 长沙县, …);
      // 县 after a city of a province's rank is the code table's row (北京市 县 密云县), and when nothing
      // follows, that row itself: the city's counties (重庆市 县: 重庆市各县, asked), not all of it.
      .reduce<string[]>((out, word, i, all) => {
        if (!out.length || !/^[省市县区旗州盟]$/u.test(word)) return [...out, word];
        if (word !== '县' || !MUNICIPALITY.test(out.at(-1)!)) return [...out.slice(0, -1), out.at(-1) + word];
        return i === all.length - 1 ? [...out.slice(0, -1), `${out.at(-1)}各县`] : out;
      }, [])
      // So is 市辖区: a level of the code table before a district (北京市 市辖区 朝阳区), and when nothing
      // follows, the city's districts (株洲市 市辖区: 株洲市区, asked), not its counties too.
      .reduce<string[]>((out, word, i, all) => {
        if (!out.length || word !== '市辖区') return [...out, word];
        return i === all.length - 1 ? [...out.slice(0, -1), out.at(-1)!.replace(/市?$/, '市区')] : out;
      }, [])
      .filter(
        (word, i, all) =>
          !(word === all[i - 1] && word.endsWith('市')) && !(all.length > 1 && /^(省|自治区)直辖县级行政区划$/u.test(word)),
      )
      // A province's one-character name in front of places (粤 深圳 广州: 广东省 heading them).
      .map((word, i, all) => (i === 0 && all.length > 1 && PROVINCE_ONE_CHARACTER[word]) || word)
  );
}

/** Entries as operators paste them: separated by 、，,；;。 or new lines, and by spaces and / | > - : ·
 *  unless the piece names one place as it is (港口物流产业园-永安洲镇, a town) or its words together do,
 *  below the first of them (广东省 广州市 黄埔区, the path the import prints; 湖南/长沙/岳麓区, 长沙市:岳麓区,
 *  吉首市-乾州): `together` says which entry they make, if one. Never within brackets, a note on the
 *  place before them (长沙市（岳麓区、天心区）), which never run past the end of a line. */
export function splitEntries(
  text: string,
  together: (words: string[], piece: string) => string | string[] | undefined = () => undefined,
): string[] {
  // A line ends an entry even inside a bracket left open (长沙市（ then 吉首市） on the next line), or
  // that bracket would make the rest of the list one entry.
  const lines = rowsOf(plainPinyin(text))
    .map((raw) => ({
      indented: /^[ \t\u3000]+\S/u.test(raw),
      // A phone number is a note on the place before it (长沙市岳麓区 电话：400-000-0000), read off as one.
      line: withoutLabel(raw.replace(DECORATION, ' ').replace(PHONE, (phone) => `（${phone.trim()}）`)),
    }))
    .filter(
      ({ line }) =>
        !line
          .trim()
          .split(/\s+/)
          .every((word) => HEADER_WORD.test(word)),
    );
  /** A piece's entries, under a heading when together they name places in it. */
  // Read once each: a heading's lines are read to see whether they are in it, then for their entries.
  const read = new Map<string, { entries: string[]; headed: boolean }>();
  const entries = (piece: string, head: string | undefined) => {
    const key = `${head ?? ''}\n${piece}`;
    if (!read.has(key)) read.set(key, entriesOf(piece, head));
    return read.get(key)!;
  };
  const entriesOf = (piece: string, head: string | undefined): { entries: string[]; headed: boolean } => {
    const words = wordsOf(piece);
    // Under its heading, when together they name places (else as written: 湖南：长沙、广州 is no
    // 湖南 广州), only as entries under it, never the heading alone (湖南：长沙、深圳 is no 湖南).
    const headed = head && words.length ? together([...head.split(' '), ...words], `${head}：${piece.trim()}`) : undefined;
    if (headed && [headed].flat().every((entry) => entry.startsWith(`${head} `)))
      return { entries: [headed].flat(), headed: true };
    const one = words.length > 1 ? together(words, piece.trim()) : undefined;
    return { entries: one ? [one].flat() : words, headed: false };
  };
  /** The entries of the lines after line i, up to a blank line or one that `ends` them. */
  const piecesAfter = (i: number, ends: (l: (typeof lines)[number]) => boolean) => {
    const end = lines.slice(i + 1).findIndex((l) => !l.line.trim() || ends(l));
    const below = lines.slice(i + 1, end < 0 ? undefined : i + 1 + end);
    return below.flatMap(({ line }) => cutOutsideBrackets(line, ENTRIES).filter((p) => p.trim()));
  };
  const out: string[] = [];
  // A heading on a line of its own heads the lines after it: one ending in a colon (福州：), until a
  // blank line or the next such heading; one with indented lines after it (辽宁, then 　朝阳), those.
  let block: { head: string; indent: boolean } | undefined;
  // The colon's heading an indented one is under (辽宁：, 沈阳, 　和平, then 朝阳: 辽宁's again).
  let outer: typeof block;
  for (const [i, { line, indented }] of lines.entries()) {
    if (!line.trim()) {
      block = outer = undefined;
      continue;
    }
    if (block?.indent && !indented) [block, outer] = [outer, undefined];
    const colon = /^\s*([^()（）【】[\]、，,；;。:：]+?)\s*[:：]\s*$/u.exec(line)?.[1];
    const heads = !indented && !colon && lines[i + 1]?.indented && !ENTRIES.test(line) && !/[:：]/u.test(line);
    if (colon || heads) {
      const within = heads && block && !block.indent && entries(line, block.head).headed ? block : undefined;
      block = { head: [within?.head, ...wordsOf(colon ?? line)].filter(Boolean).join(' '), indent: !colon };
      // Read under it, or, when none of its lines is in it, as an entry of its own (an indent by chance).
      // Indented lines: all of them in it (湖南, then 长沙 广州 indented: 湖南 is an entry, asked).
      const pieces = piecesAfter(i, (l) => (heads ? !l.indented : /[:：]\s*$/u.test(l.line)));
      if (colon || (pieces.length && pieces.every((p) => entries(p, block!.head).headed))) {
        outer = within;
        continue;
      }
      block = within;
    }
    // A line under a heading ending in a colon that is not in it ends it (福建：, 福州, 厦门, then 江苏:
    // 南京's 鼓楼 after it is no 福建 鼓楼).
    const inBlock = (p: string) => !p.trim() || entries(p, block!.head).headed;
    if (block && !block.indent && !cutOutsideBrackets(line, ENTRIES).every(inBlock)) block = undefined;
    // A heading before a colon heads every entry after it on its line (苏州：姑苏、新区: 苏州 新区 too;
    // 江苏：苏州：吴中、新区: 江苏 苏州 新区), until an entry with a heading of its own (湖南：长沙；广东：广州).
    let head = block?.head;
    for (const piece of cutOutsideBrackets(line, ENTRIES)) {
      const own = /^\s*([^()（）【】[\]]+)[:：]\s*\S/u.exec(piece)?.[1];
      out.push(...entries(piece, own ? undefined : piece.trim() ? head : undefined).entries);
      if (own) head = wordsOf(own).join(' ');
    }
    // Its places' heading heads the indented lines after it too, when all of them are in it (湖南省：,
    // 长沙市：芙蓉区、天心区, then 　五里牌街道: 长沙's, not any of 湖南's four) — with the heading it is under.
    if (!indented && head !== block?.head && lines[i + 1]?.indented) {
      const under = [block?.head, head].filter(Boolean).join(' ');
      if (piecesAfter(i, (l) => !l.indented).every((p) => entries(p, under).headed))
        [outer, block] = [block, { head: under, indent: true }];
    }
  }
  return out;
}
