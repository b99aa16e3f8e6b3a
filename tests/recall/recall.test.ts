// Whole-country recall: the all-China fixture (every county-level unit covered, plus the towns of
// the county-less cities) is built, and every region must come up in the top three when searched
// by its full name, its name without suffix, and its full pinyin — through the site's own search
// worker in Chromium, as a customer would search.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { workerDirOf } from '../../scripts/worker-dir.ts';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { launch } from '../browser/browser.ts';
import { serve } from '../static-server.ts';

interface Region {
  name: string;
  path: string;
  level: string;
}
type Kind = 'full' | 'short' | 'pinyin';
const TOP = 3;

let out: string;
let server: Server;
let browser: Browser;
let page: Page;
let regions: Record<string, Region>;
let shortNames: Record<string, string>;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'baoxiu-all-china-'));
  out = join(root, 'dist');
  await promisify(execFile)('npm', ['run', 'build'], {
    env: {
      ...process.env,
      BAOXIU_CONTENT_DIR: 'tests/fixtures/all-china',
      BAOXIU_OUT_DIR: out,
      BAOXIU_CACHE_DIR: join(root, 'cache'),
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  regions = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')).regions;
  const { buildRegions } = await import('../../src/lib/regions.ts');
  shortNames = Object.fromEntries(buildRegions().map((r) => [r.code, r.shortName]));
  let url: string;
  ({ url, server } = await serve(out));
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  if (out) rmSync(workerDirOf(out), { recursive: true, force: true });
});

/** Runs queries through the site's search worker; answers the top result paths of each. */
async function topResults(queries: string[]): Promise<string[][]> {
  const worker = readdirSync(join(out, '_astro')).find((f) => f.startsWith('search-worker'))!;
  return page.evaluate(
    async ([queries, worker, top]) => {
      const w = new Worker(`/_astro/${worker}`, { type: 'module' });
      const answers: string[][] = [];
      for (let id = 0; id < queries.length; id++) {
        const results = await new Promise<{ url: string }[]>((resolve) => {
          w.onmessage = (e) => e.data.id === id && resolve(e.data.results ?? []);
          w.postMessage({ id, q: queries[id], filters: {} });
        });
        answers.push(results.slice(0, top).map((r) => new URL(r.url).pathname));
      }
      w.terminate();
      return answers;
    },
    [queries, worker, TOP] as const,
  );
}

function countFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(join(dir, e.name)) : 1), 0);
}

describe('the whole-country build', () => {
  it("stays under Cloudflare's 20,000 static-asset files", () => {
    const files = countFiles(out);
    console.log(`all-China build: ${files} files`);
    expect(files).toBeLessThan(20_000);
  });
});

describe('search recall over the whole country', () => {
  it('finds every region in the top three by full name, short name and pinyin', async () => {
    const asks: { code: string; kind: Kind; q: string }[] = [];
    for (const [code, r] of Object.entries(regions)) {
      asks.push({ code, kind: 'full', q: r.name });
      const short = shortNames[code];
      if (short !== r.name && [...short].length >= 2) asks.push({ code, kind: 'short', q: short });
      asks.push({ code, kind: 'pinyin', q: pinyinSlug(r.name) });
    }
    const started = performance.now();
    const answers = await topResults(asks.map((a) => a.q));
    const ms = performance.now() - started;

    // How many regions answer to the same query: a name shared by more than three regions cannot
    // put them all in the top three; those count as found when they are in the top n of n namesakes.
    const namesakes = new Map<string, number>();
    for (const a of asks) namesakes.set(`${a.kind}:${a.q}`, (namesakes.get(`${a.kind}:${a.q}`) ?? 0) + 1);

    const stats: Record<Kind, { asked: number; found: number; crowded: number; missed: string[] }> = {
      full: { asked: 0, found: 0, crowded: 0, missed: [] },
      short: { asked: 0, found: 0, crowded: 0, missed: [] },
      pinyin: { asked: 0, found: 0, crowded: 0, missed: [] },
    };
    asks.forEach((a, i) => {
      const s = stats[a.kind];
      s.asked++;
      if (answers[i].includes(regions[a.code].path)) s.found++;
      else if ((namesakes.get(`${a.kind}:${a.q}`) ?? 0) > TOP) s.crowded++;
      else s.missed.push(`${a.q} (${a.code} ${regions[a.code].path}) → ${answers[i].join(', ') || 'nothing'}`);
    });
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;
    for (const [kind, s] of Object.entries(stats)) {
      console.log(
        `recall ${kind}: ${s.found}/${s.asked} in top ${TOP} (${pct(s.found, s.asked)}); ` +
          `${s.crowded} share their query with more than ${TOP} regions; ${s.missed.length} missed` +
          (s.missed.length ? `:\n  ${s.missed.slice(0, 20).join('\n  ')}` : ''),
      );
    }
    console.log(`${asks.length} queries in ${Math.round(ms)} ms (${(ms / asks.length).toFixed(2)} ms each)`);

    expect(Object.keys(regions).length).toBeGreaterThan(3400);
    expect(stats.full.missed).toEqual([]);
    expect(stats.short.missed).toEqual([]);
    expect(stats.pinyin.missed).toEqual([]);
  }, 600_000);
});
