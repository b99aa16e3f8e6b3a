import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStale } from '../../scripts/build-if-stale.ts';

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
      expect(isStale(root, ''), 'built after every source').toBe(false);
      file(changed, 1);
      expect(isStale(root, ''), changed).toBe(true);
      rmSync(root, { recursive: true, force: true });
    }
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
  });

  it('rebuilds a build that stopped before its search index was written', () => {
    root = mkdtempSync(join(tmpdir(), 'baoxiu-stale-'));
    file('src/pages/index.astro', 60);
    file('dist-worker/wrangler.json', 30);
    expect(isStale(root, '')).toBe(true);
  });
});
