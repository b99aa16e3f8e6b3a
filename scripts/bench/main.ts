// npm run bench [-- --quick] [-- --only <section>]: builds, page weight, Lighthouse, search, the
// lead endpoint and the inbox, measured on this machine. Prints a table and writes bench/results.json. Medians of
// several runs, with min and max; the machine is shared, so read ratios, not single numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { benchBuild, synthetic } from './build.ts';
import { endpoint } from './endpoint.ts';
import { inbox } from './inbox.ts';
import { lighthouseScores } from './lighthouse.ts';
import { QUICK, row, RUNS, wanted, writeResults } from './report.ts';
import { search } from './search.ts';
import { pageWeight } from './weight.ts';

console.log(`baoxiu bench ${QUICK ? '(quick)' : ''} — ${new Date().toISOString()}\n`);
const needsSample = wanted('build') || wanted('weight') || wanted('lighthouse');
const sample = needsSample ? benchBuild('sample', undefined, wanted('build') ? RUNS : 1) : undefined;
if (wanted('build')) {
  benchBuild('all-china', 'tests/fixtures/all-china', RUNS);
  const tenK = synthetic();
  benchBuild('synthetic-10k', tenK, 1);
  rmSync(tenK, { recursive: true, force: true });
}
if (sample && wanted('weight')) await pageWeight(sample.out);
if (sample && wanted('lighthouse'))
  await lighthouseScores(sample.out).catch((err) => row('lighthouse', `not measured: ${String(err).slice(0, 120)}`));
if (!existsSync('dist/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (wanted('search')) await search();
if (wanted('endpoint')) await endpoint();
if (wanted('inbox')) await inbox();
if (sample) rmSync(sample.root, { recursive: true, force: true });

writeResults();
process.exit(0);
