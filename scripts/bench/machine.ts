// How fast the machine is while the bench runs. It is shared: the same whole-country build took 12.1
// CPU-seconds one morning and 19.2 an hour later. A fixed piece of the build's own work (the region
// tree, and the pinyin of every town's name, as the search records compute them), timed in a fresh
// process at the start and at the end, lets runs of different hours be compared by ratio.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { townsByCounty } from '../../src/lib/towns.ts';
import { fmt, results, row, stat } from './report.ts';

const RUNS = 3;

/** The task itself: milliseconds of computing, module loading left out. */
function task(): number {
  const started = performance.now();
  const towns = [...townsByCounty(new RegionIndex(buildRegions())).values()].flat();
  for (const town of towns) pinyinSlug(town.name);
  return performance.now() - started;
}

export function machine(when: 'start' | 'end') {
  const ms = Array.from({ length: RUNS }, () => {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the machine's task failed:\n${run.stderr}`);
    return Number(run.stdout);
  });
  const load = loadavg()[0];
  results[`machine-${when}`] = { ms: stat(ms), loadAverage: load };
  row(`machine at the ${when}: fixed task`, `${fmt(stat(ms), 'ms')}, load ${load.toFixed(1)}`, 'lower is faster');
}

if (import.meta.main) process.stdout.write(String(Math.round(task())));
