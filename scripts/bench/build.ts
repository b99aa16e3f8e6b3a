// Build sections: the sample site, the whole-country fixture and ~10,000 synthetic pages, each
// cold (no content cache), timed with GNU time for wall seconds, CPU seconds and peak memory.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** One timed run of a command: wall seconds, CPU seconds (user + system, its processes and theirs:
 *  Pagefind's indexer included) and the peak RSS of its largest process (GNU time). */
function timed(cmd: string[], env: NodeJS.ProcessEnv): { seconds: number; cpuSeconds: number; peakMb: number } {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`${cmd.join(' ')} failed:\n${res.stderr.slice(-2000)}`);
  const [seconds, user, system, kb] = res.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, peakMb: kb / 1024 };
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
  row(`build ${name}: CPU (both cores, Pagefind's included)`, fmt(stat(cpus), 's', 1), '');
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

