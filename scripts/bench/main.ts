// npm run bench [-- --quick] [-- --only <section>] [-- --against <commit>]: builds, page weight,
// Lighthouse, search, the lead endpoint and the inbox, measured on this machine. Prints a table and
// writes bench/results.json. Medians of several runs, with min and max; the machine is shared, so
// read ratios, not single numbers.
import { rmSync } from 'node:fs';
import { buildIfStale } from '../build-if-stale.ts';
import { against } from './against.ts';
import { benchBuild, synthetic } from './build.ts';
import { endpoint } from './endpoint.ts';
import { inbox } from './inbox.ts';
import { lighthouseScores } from './lighthouse.ts';
import { machine } from './machine.ts';
import { AGAINST, QUICK, row, RUNS, wanted, writeResults } from './report.ts';
import { search } from './search.ts';
import { pageWeight } from './weight.ts';

console.log(`baoxiu bench ${QUICK ? '(quick)' : ''} — ${new Date().toISOString()}\n`);
machine('start');
const needsSample = wanted('build') || wanted('weight') || wanted('lighthouse');
/** Removed at the end, not between builds: deleting thousands of files slows the next build's writes. */
const leftover: string[] = [];
const sample = needsSample ? benchBuild('sample', undefined, wanted('build') ? RUNS : 1) : undefined;
if (wanted('build')) {
  leftover.push(...benchBuild('all-china', 'tests/fixtures/all-china', RUNS).dirs);
  const tenK = synthetic();
  leftover.push(...benchBuild('synthetic-10k', tenK, 1).dirs, tenK);
}
// `--only against --against <commit>` for this comparison alone.
if (AGAINST && (wanted('build') || wanted('against'))) against(AGAINST, QUICK ? 1 : 4);
if (sample && wanted('weight')) await pageWeight(sample.out);
if (sample && wanted('lighthouse'))
  await lighthouseScores(sample.out).catch((err) => row('lighthouse', `not measured: ${String(err).slice(0, 120)}`));
// The site the search is measured on: built again when older than its sources (a dist/ left by an
// earlier checkout measured that checkout's index).
await buildIfStale();
if (wanted('search')) await search();
if (wanted('endpoint')) await endpoint();
if (wanted('inbox')) await inbox();
for (const dir of [...leftover, ...(sample?.dirs ?? [])]) rmSync(dir, { recursive: true, force: true });

machine('end');
writeResults();
process.exit(0);
