// npm run bench -- --only build --against <commit>: the whole-country build of this checkout against
// the one of an earlier commit, alternating cold builds in the same minutes. The machine is shared
// and its speed moves by half within an hour (the machine row), so a build target is read best as
// a ratio to the code it was set against: the "today" (docs/bench-journal.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerDirOf } from '../worker-dir.ts';
import { fmt, results, row, stat } from './report.ts';

/** One cold build of the whole-country fixture by `script` (a package.json build script) in `cwd`,
 *  into a new folder under `root`, kept until the bench ends: on this machine's file system (ext4
 *  without a journal) a file created within a minute or so of thousands being deleted makes the
 *  kernel skip each recently freed inode (`recently_deleted`), so deleting one build's output before
 *  the next cost that build ~3 CPU-s of system time (perf, 2026-12-06: 1,500 samples against 229). */
function build(cwd: string, script: string, root: string): number {
  const out = mkdtempSync(join(root, 'build-'));
  const res = spawnSync('/usr/bin/time', ['-f', '%e', 'bash', '-c', script], {
    cwd,
    env: {
      ...process.env,
      // The checkout's own tools first: its pinned Node runs its build.
      PATH: `${join(cwd, 'node_modules/.bin')}:${process.env.PATH}`,
      BAOXIU_CONTENT_DIR: 'tests/fixtures/all-china',
      BAOXIU_OUT_DIR: join(out, 'dist'),
      BAOXIU_CACHE_DIR: join(out, 'cache'),
    },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`the build in ${cwd} failed:\n${res.stderr.slice(-2000)}`);
  return Number(res.stderr.trim().split('\n').at(-1));
}

export function against(commit: string, pairs: number) {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { encoding: 'utf8' }).trim();
  const tree = mkdtempSync(join(tmpdir(), 'baoxiu-base-'));
  const outs = mkdtempSync(join(tmpdir(), 'baoxiu-against-'));
  execFileSync('git', ['worktree', 'add', '--detach', tree, sha], { stdio: 'ignore' });
  try {
    console.log(`installing ${sha.slice(0, 7)}'s dependencies (npm ci) in ${tree}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'ignore' });
    const script = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const [before, now] = [script(tree), script('.')];
    const base: number[] = [];
    const head: number[] = [];
    const ratios: number[] = [];
    // Alternating, each pair in turn starting with the other: neither gains from what the other
    // left in the page cache, nor from the hour getting quieter.
    for (let i = 0; i < pairs; i++) {
      const runs = [() => base.push(build(tree, before, outs)), () => head.push(build('.', now, outs))];
      for (const run of i % 2 ? runs.reverse() : runs) run();
      ratios.push(head[i] / base[i]);
    }
    const [b, h, r] = [stat(base), stat(head), stat(ratios)];
    results['build.against'] = { commit: sha, base: b, head: h, ratio: r };
    row(`build all-china at ${sha.slice(0, 7)}`, fmt(b, 's', 1), '');
    row(`build all-china here`, fmt(h, 's', 1), '');
    row(`  here ÷ ${sha.slice(0, 7)}, pair by pair`, `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`, '');
  } finally {
    // This checkout's Worker folders (the other's go with its worktree), then the builds.
    for (const name of readdirSync(outs)) rmSync(workerDirOf(join(outs, name, 'dist')), { recursive: true, force: true });
    rmSync(outs, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'ignore' });
  }
}
