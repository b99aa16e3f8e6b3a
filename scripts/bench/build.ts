// Build sections: the sample site, the whole-country fixture and ~10,000 synthetic pages, each
// cold (no content cache), timed with GNU time for wall seconds and peak memory, and perf for CPU seconds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegions } from '../../src/lib/regions.ts';
import { workerDirOf } from '../worker-dir.ts';
import { fmt, results, row, stat } from './report.ts';

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = countFiles(p);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}

/** Whether `perf stat` runs here: it counts the CPU of every process a run starts, Pagefind's indexer
 *  too. GNU time cannot: the npm package kills its process at `close()` without waiting for it, so it
 *  is reaped by init and its time is in no rusage of ours (one whole-country build: perf 19.5 CPU-s,
 *  GNU time's user + system 15.2; Pagefind 19 % of `perf record`'s samples). */
const PERF = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', '--', 'true'], { encoding: 'utf8' }).status === 0;

/** One timed run of a command: wall seconds, CPU seconds (every process of it, with perf; else user +
 *  system of those waited for, GNU time's) and the peak RSS of its largest process (GNU time). */
function timed(cmd: string[], env: NodeJS.ProcessEnv): { seconds: number; cpuSeconds: number; peakMb: number } {
  const counts = join(tmpdir(), `baoxiu-bench-perf-${process.pid}.csv`);
  const time = ['/usr/bin/time', '-f', '%e %U %S %M', ...cmd];
  const [bin, ...args] = PERF ? ['perf', 'stat', '-x,', '-e', 'task-clock', '-o', counts, '--', ...time] : time;
  const res = spawnSync(bin, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${res.stderr.slice(-2000)}`);
  const [seconds, user, system, kb] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  // perf's line: "19490.08,msec,task-clock,…"
  const taskClock = PERF ? Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(counts, 'utf8'))?.[1]) : NaN;
  if (PERF) rmSync(counts, { force: true });
  return { seconds, cpuSeconds: Number.isFinite(taskClock) ? taskClock / 1000 : user + system, peakMb: kb / 1024 };
}

/** What `npm run build` runs (package.json), without npm's own start in the time. */
const BUILD = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { build: string } }).scripts.build.split(' ');

export function benchBuild(name: string, contentDir: string | undefined, runs: number) {
  const root = mkdtempSync(join(tmpdir(), `baoxiu-bench-${name}-`));
  const walls: number[] = [];
  const cpus: number[] = [];
  const peaks: number[] = [];
  let out = '';
  /** The folders to remove when the bench ends: the runs' own, and each run's Worker folder, which
   *  Astro writes inside the project (node_modules/.baoxiu-worker). */
  const dirs = [root];
  for (let i = 0; i < runs; i++) {
    // A cold build each time, into an empty folder as in a fresh clone: no content cache, and no
    // output of the run before to delete first (on this machine's file system, creating files
    // right after deleting thousands costs seconds: the kernel skips recently freed inodes).
    out = join(root, `dist-${i}`);
    dirs.push(workerDirOf(out));
    const build = timed(BUILD, {
      BAOXIU_OUT_DIR: out,
      BAOXIU_CACHE_DIR: join(root, `cache-${i}`),
      ...(contentDir ? { BAOXIU_CONTENT_DIR: contentDir } : {}),
    });
    walls.push(build.seconds);
    cpus.push(build.cpuSeconds);
    peaks.push(build.peakMb);
  }
  const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  const { files } = countFiles(out);
  const index = countFiles(join(out, 'pagefind'));
  const wall = stat(walls);
  results[`build.${name}`] = {
    wallSeconds: wall,
    cpuSeconds: stat(cpus),
    peakMb: stat(peaks),
    pages,
    files,
    searchIndexBytes: index.bytes,
    msPerPage: (wall.median * 1000) / pages,
  };
  row(`build ${name}: site + index`, fmt(wall, 's', 1), name === 'all-china' ? '≤ 10 s' : '');
  row(`build ${name}: CPU (both cores${PERF ? ", Pagefind's included" : ", without Pagefind's: no perf"})`, fmt(stat(cpus), 's', 1), '');
  row(
    `build ${name}: per page`,
    `${((wall.median * 1000) / pages).toFixed(2)} ms × ${pages} pages`,
    'Hugo ≈ 0.17, Eleventy ≈ 0.5 ms',
  );
  row(`build ${name}: peak memory`, fmt(stat(peaks), 'MB'), name === 'all-china' ? '≤ 1.5 GB' : '');
  row(`build ${name}: output`, `${files} files, search index ${(index.bytes / 1024 / 1024).toFixed(1)} MB`, '< 20,000 files');
  return { out, dirs };
}

/** ~10,000 pages: the whole country plus 6,580 fictional brands, each covering one county. */
export function synthetic(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoxiu-10k-'));
  cpSync('tests/fixtures/all-china', dir, { recursive: true });
  const counties = buildRegions()
    .filter((r) => r.level === 'county')
    .map((r) => r.code);
  for (let i = 0; i < 6580; i++) {
    writeFileSync(
      join(dir, 'brands', `b${i}.md`),
      `---\nname: 合成品牌${i}\ncategory: 家电\nrelationship: independent\n---\n合成测试品牌 ${i}。\n`,
    );
    writeFileSync(join(dir, 'coverage', `b${i}.yaml`), `brand: b${i}\nregions:\n  - code: "${counties[i % counties.length]}"\n`);
  }
  return dir;
}

