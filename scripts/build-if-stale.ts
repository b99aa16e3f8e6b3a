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

export function buildIfStale() {
  const sources = ['src', 'public', 'astro.config.mjs', process.env.BAOXIU_CONTENT_DIR].filter(Boolean) as string[];
  const built = Math.min(newest('dist/pagefind/pagefind-entry.json'), newest('dist-worker/wrangler.json'));
  if (built && Math.max(...sources.map(newest)) <= built) return;
  console.log('Building the site (sources changed since the last build)…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}
