// Writing a brand's coverage file for `npm run coverage:import` (scripts/coverage-import.ts): the
// lines it did not change as the operator wrote them, and the file written whole or not at all.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The lines the import did not change as the operator wrote them: the yaml library writes one
 *  space before a comment, where the operator may have aligned them (- code: "433101"   # 吉首市). */
export function keepSpacing(text: string, before: string | undefined): string {
  if (before === undefined) return text;
  const key = (line: string) => line.replace(/\s+#/, ' #').trimEnd();
  const lines = new Map<string, string[]>();
  for (const line of before.replace(/^\ufeff/, '').split(/\r?\n/)) lines.set(key(line), [...(lines.get(key(line)) ?? []), line]);
  return text
    .split('\n')
    .map((line) => lines.get(key(line))?.shift() ?? line)
    .join('\n');
}

/** Writes the merged file whole or not at all: into a file beside it, then renamed over it (a full
 *  disk or a kill midway leaves the old file), unless another run changed it meanwhile; its line
 *  ends, byte-order mark and permissions kept as they were. Throws what to tell the operator. */
export function writeWhole(path: string, text: string, before: string | undefined) {
  if ((existsSync(path) ? readFileSync(path, 'utf8') : undefined) !== before)
    throw new Error(`${path} changed while importing (another import, or an editor): nothing written. Import again.`);
  const mode = before === undefined ? undefined : statSync(path).mode & 0o7777;
  // Renamed over, a read-only file would be replaced all the same (root, or a writable folder).
  if (mode !== undefined && !(mode & 0o222))
    throw new Error(`${path} is read-only: nothing written. Make it writable, then import again.`);
  const bom = before?.startsWith('\ufeff') ? '\ufeff' : '';
  const crlf = before?.includes('\r\n');
  const body = bom + (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
  const partial = `${path}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, body);
    if (mode !== undefined) chmodSync(partial, mode);
    renameSync(partial, path);
  } catch (err) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // No folder to leave it in.
    }
    throw new Error(`could not write ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
