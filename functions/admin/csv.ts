// Leads as CSV for a spreadsheet: UTF-8 with a BOM (so Excel shows Chinese), csv-stringify for the
// quoting, and no cell that a spreadsheet would run as a formula.
import { stringify } from 'csv-stringify/browser/esm/sync';

/** `=SUM(…)`, `+1`, `-1`, `@x`, and tab/CR starts are formulas to Excel: prefix them with '. */
export function spreadsheetSafe(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // A line break inside a cell must be quoted too, whichever the record delimiter.
  return (
    '\uFEFF' +
    stringify([header, ...rows.map((r) => r.map(spreadsheetSafe))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })
  );
}
