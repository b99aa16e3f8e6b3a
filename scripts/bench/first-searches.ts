// The first search of many county names, not one: what each fetches beyond the files every first
// search fetches (Pagefind's WebAssembly, pagefind.js, our worker), in Node over the sample build
// (tests/recall/pagefind-node.ts runs the site's own search core) — metadata, index chunks and
// fragments, as served (Pagefind's files are gzipped on disk, sent as they are).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { pagefindIn } from '../../tests/recall/pagefind-node.ts';
import { results, row, stat } from './report.ts';

const NAMES = 300;

/** `fixed`: the bytes of the files every first search fetches (the Chromium runs' median). */
export async function firstSearches(fixed: number) {
  const regions = new RegionIndex(buildRegions());
  const counties = [...regions.byCode.values()].filter((r) => r.level === 'county').map((r) => r.shortName);
  let seed = 7; // the same names each run
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const names = Array.from({ length: NAMES }, () => counties[Math.floor(next() * counties.length)]);
  const dir = join('dist', 'pagefind');
  const meta = statSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!)).size;
  const search = await pagefindIn('dist');
  const counted = globalThis.fetch;
  let fetched = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://x/').pathname;
    if (/\.pf_(index|fragment)$/.test(path)) fetched += statSync(join('dist', decodeURIComponent(path))).size;
    return counted(input, init);
  };
  const bytes: number[] = [];
  try {
    for (const name of names) {
      await search.reset(); // a first search each: nothing loaded
      fetched = 0;
      await search.search(name);
      bytes.push(fixed + meta + fetched);
    }
  } finally {
    globalThis.fetch = counted;
    await search.close();
  }
  const sorted = [...bytes].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(0.9 * (sorted.length - 1))];
  const under = bytes.filter((b) => b <= 100 * 1024).length;
  results.firstSearches = { names: NAMES, bytes: stat(bytes), p90, under };
  row(
    `search, first query of ${NAMES} county names: transferred`,
    `${(stat(bytes).median / 1024).toFixed(1)} KB (p90 ${(p90 / 1024).toFixed(1)}), ${Math.round((100 * under) / NAMES)} % ≤ 100 KB`,
    '(吉首 above)',
  );
}
