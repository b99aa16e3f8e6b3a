import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIfStale, whyStale } from '../../scripts/build-if-stale.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A file at `path` under root, last changed `minutesAgo`. */
function file(path: string, minutesAgo: number) {
  const at = join(root, path);
  mkdirSync(dirname(at), { recursive: true });
  writeFileSync(at, '');
  const time = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(at, time, time);
  for (let dir = dirname(at); dir.startsWith(root); dir = dirname(dir)) utimesSync(dir, time, time);
}

describe('npm start builds when the build is older than what it is made from', () => {
  it('rebuilds for a change to the Worker, its config, the build scripts or the locked packages, not otherwise', () => {
    for (const changed of [
      'src/pages/index.astro',
      'functions/leads/endpoint.ts',
      'wrangler.jsonc',
      'scripts/search-index.ts',
      'package-lock.json',
    ]) {
      root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
      file('src/pages/index.astro', 60);
      file('functions/leads/endpoint.ts', 60);
      file('dist/pagefind/pagefind-entry.json', 30);
      file('dist-worker/wrangler.json', 30);
      expect(whyStale(root, ''), 'built after every source').toBeUndefined();
      file(changed, 1);
      expect(whyStale(root, ''), changed).toBe('sources changed since the last build');
      rmSync(root, { recursive: true, force: true });
    }
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
  });

  it('rebuilds a build that stopped before its search index was written', () => {
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
    file('src/pages/index.astro', 60);
    file('dist-worker/wrangler.json', 30);
    expect(whyStale(root, '')).toBe('no finished build');
  });

  it('rebuilds when the local Worker will delete leads after another number of days than /privacy/ says', () => {
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
    file('src/pages/index.astro', 60);
    file('dist/pagefind/pagefind-entry.json', 30);
    file('dist-worker/wrangler.json', 30);
    file('dist/catalog.json', 30);
    writeFileSync(join(root, 'dist/catalog.json'), JSON.stringify({ retentionDays: 180 }));
    expect(whyStale(root, '', 180)).toBeUndefined();
    expect(whyStale(root, '', 90)).toBe("LEAD_RETENTION_DAYS is 90; the last build's /privacy/ says 180 days");
    // A build from before catalog.json said it.
    writeFileSync(join(root, 'dist/catalog.json'), '{}');
    expect(whyStale(root, '', 180)).toMatch(/says another number of days/);
  });
});

describe('npm start and npm run dev started together', () => {
  /** A project whose build takes a moment and logs each run. */
  function project(fails = false, seconds = 1.5) {
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { build: 'node build.mjs' } }));
    writeFileSync(
      join(root, 'build.mjs'),
      `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
appendFileSync('builds.log', 'build\\n');
writeFileSync('build.pid', String(process.pid));
await new Promise((r) => setTimeout(r, ${seconds * 1000}));
if (${fails}) process.exit(1);
mkdirSync('dist/pagefind', { recursive: true });
mkdirSync('dist-worker', { recursive: true });
writeFileSync('dist/catalog.json', JSON.stringify({ retentionDays: Number(process.env.LEAD_RETENTION_DAYS) }));
writeFileSync('dist/pagefind/pagefind-entry.json', '{}');
writeFileSync('dist-worker/wrangler.json', '{}');`,
    );
  }
  const builds = () => readFileSync(join(root, 'builds.log'), 'utf8').split('\n').filter(Boolean).length;

  it('build once: the second waits for the first build, then finds it current', async () => {
    project();
    await Promise.all([buildIfStale('180', root), buildIfStale('180', root)]);
    expect(builds()).toBe(1);
    expect(whyStale(root, '', 180)).toBeUndefined();
    expect(existsSync(join(root, '.wrangler', 'build.lock'))).toBe(false);
  }, 30_000);

  it('build with the days the local Worker will apply', async () => {
    project();
    await buildIfStale('90', root);
    expect(whyStale(root, '', 90)).toBeUndefined();
  }, 30_000);

  it('stop their build when another took the lock (its holder stopped too long): not two builds into one dist/', async () => {
    project(false, 10);
    const building = buildIfStale('180', root);
    const lockDir = join(root, '.wrangler', 'build.lock');
    while (!existsSync(join(root, 'builds.log'))) await new Promise((r) => setTimeout(r, 100));
    // What a waiter does with a lock not renewed for two minutes: removes it and takes its own.
    rmSync(lockDir, { recursive: true });
    mkdirSync(lockDir);
    await expect(building).rejects.toThrow(/another build took its lock/);
    // The build itself stopped, not only npm, which runs it.
    const pid = Number(readFileSync(join(root, 'build.pid'), 'utf8'));
    const alive = () => {
      try {
        return process.kill(pid, 0);
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expect(existsSync(lockDir)).toBe(true); // the other's, left alone
  }, 30_000);

  it('say that the build failed, and leave no lock behind', async () => {
    project(true);
    await expect(buildIfStale('180', root)).rejects.toThrow('the build failed (npm run build exited 1)');
    expect(existsSync(join(root, '.wrangler', 'build.lock'))).toBe(false);
  }, 30_000);
});
