// CSV cells that a spreadsheet will not run (CSV/formula injection, OWASP): a cell starting with
// = + - @ (or a tab / carriage return, which some spreadsheets skip before such a character) gets a
// leading apostrophe, so Excel, WPS and LibreOffice show it as text. Then RFC 4180 quoting.
// Hand-written: a dozen lines, and the CSV libraries on npm quote but do not neutralize formulas.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell's text, neutralized and quoted when needed. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and Excel expect). */
export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
