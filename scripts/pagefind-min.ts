// Pagefind's pagefind.js as the site serves it: only the calls the search worker and the recall
// harness make (tests/recall/pagefind-node.ts), minified. Pagefind ships it readable (47 KB; 12.6 KB
// brotli at a CDN's level), and every first search fetches it: 10.6 KB this way (docs/bench-journal.md,
// 2026-12-05). Every search test runs the file so written, the whole-country recall included.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** What src/scripts/search-worker.ts and tests/recall/pagefind-node.ts call. */
const USED = ['options', 'init', 'search', 'preload', 'destroy'];

export function minifyPagefind(index: string): void {
  const [out] = buildSync({
    stdin: { contents: `export { ${USED.join(', ')} } from './pagefind.js';`, resolveDir: index, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  }).outputFiles;
  writeFileSync(join(index, 'pagefind.js'), out.text);
}
