// The lines of a pasted coverage list as the sheet or chat they came from meant them (written.ts
// splitEntries reads them): Excel's rows and merged cells, a CSV file, names padded to line up.
import { parse } from 'csv-parse/sync';

/** An Excel sheet's header row (序号 城市 区县). */
export const HEADER_WORD = /^(序号|编号|省份?|城市|地市|市|区县|县区|区|县|区域|地区|乡镇|街道|备注|电话|地址)$/u;

/** Header cells of columns that hold no place (备注: 上门, 2小时; 地址: 麓山南路1号). */
const NOT_PLACE = /^(序号|编号|备注|电话|地址)$/u;

const headerCell = (c: string) => c.replace(/["']/g, '').trim();
/** Excel's header cells (省份,城市,区县), the row that says a sheet or CSV file follows. */
const isHeaderRow = (cells: string[]) => cells.length > 1 && cells.every((c) => HEADER_WORD.test(headerCell(c)));

/**
 * The list's lines as the sheet or chat they were copied from meant them: without zero-width
 * characters (WeChat's), a name padded to three characters whole again (攸　县, as Excel aligns
 * names), a CSV file's rows as paths of their cells (省份,城市,区县 first; csv-parse reads its quotes),
 * and a row whose first cells are empty (merged cells) under the row above's.
 */
export function rowsOf(text: string): string[] {
  const clean = text
    // Zero-width characters (WeChat's) and a web page's direction marks, invisible in what was copied.
    .replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '')
    // The ratio sign some input methods give for a colon (湖南∶长沙).
    .replace(/\u2236/gu, '：')
    .replace(/(?<!\p{Script=Han})(\p{Script=Han})\u3000+(\p{Script=Han})(?!\p{Script=Han})/gu, '$1$2');
  const first = clean.split(/[\n\r]/u).find((line) => line.trim()) ?? '';
  const rows = isHeaderRow(first.split(','))
    ? (parse(clean, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][]).map(
        (row) => row.join('\t'),
      )
    : clean.split(/[\n\r]/u);
  let above: string[] = [];
  /** The columns the header row named as holding no place. */
  let notPlaces = new Set<number>();
  return rows.map((row) => {
    // Only under a row of cells: a tab before a line is an indent (广东, then ⇥广州).
    if (!row.includes('\t') || (!above.length && /^\t/.test(row))) {
      above = [];
      return row;
    }
    const all = row.split('\t').map((cell) => cell.trim());
    if (isHeaderRow(all.filter(Boolean))) {
      above = [];
      const named = all.map(headerCell);
      // A sheet of addresses (序号, 地址, 备注) keeps them: they are where its places are.
      const addresses = !named.some((c) => c && !NOT_PLACE.test(c));
      notPlaces = new Set(named.flatMap((c, i) => (NOT_PLACE.test(c) && !(addresses && c === '地址') ? [i] : [])));
      return row;
    }
    const cells = all.filter((_, i) => !notPlaces.has(i));
    // A 序号 column (1, 2, 3…) no header named: no place, and it would hide the merged cells after it.
    if (cells.length > 1 && /^\d{1,4}$/.test(cells[0])) cells.shift();
    const filled = cells.map((cell, i) => (cells.slice(0, i + 1).every((c) => !c) ? (above[i] ?? '') : cell));
    above = filled;
    return filled.filter(Boolean).join('\t');
  });
}
