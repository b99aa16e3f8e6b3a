// npm run build: Astro's build, with the search index begun before Astro loads
// (scripts/search-index-begin.ts) and wrangler's and miniflare's bundles loaded with `require`
// (scripts/require-bundles.ts), in a Node whose malloc asks Linux for transparent huge pages.
// The build's thread faults in ~1 GB of buffers and strings; glibc's `hugetlb=1` tunable (glibc ≥
// 2.35) madvises its heaps for huge pages, which this machine's kernel grants on request
// ([madvise] in /sys/kernel/mm/transparent_hugepage/enabled): whole country, alternating cold
// builds, 210,000–222,000 page faults instead of 265,000–275,000, 10.0–10.6 s instead of
// 10.7–11.0 (docs/bench-journal.md, 2026-12-02). The tunable is read when a process starts, so
// this script replaces itself with the build (`process.execve`); where it cannot (Windows), the
// build runs as a child. Without glibc the setting is ignored.
//
// V8 lets the old generation grow to 4× what the last full collection kept while the program
// collects little: the prerender's garbage (~80 KB a page, promoted while 32 pages render at a time)
// then piles up. A 10,000-page build ran one full collection between its 14th and 32nd second, from
// 1,139 MB of heap down to 279 MB, and peaked at 1.9–2.0 GB; growing 2× at most, 1.41–1.51 GB, with
// the whole country's time unchanged (docs/bench-journal.md, 2026-12-03). A V8 flag: Node is pinned.
import { spawn } from 'node:child_process';

const argv = [
  '--heap-growing-percent=100',
  '--import',
  './scripts/require-bundles.ts',
  '--import',
  './scripts/search-index-begin.ts',
  'node_modules/astro/bin/astro.mjs',
  'build',
  ...process.argv.slice(2),
];
const tunable = 'glibc.malloc.hugetlb=1';
const env = {
  ...process.env,
  GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, tunable].filter(Boolean).join(':'),
};

// `process.execve` is experimental in Node 24 (pinned: package.json). It returns only when it is
// missing or failed (then this process goes on unchanged), and the build runs as a child instead.
try {
  process.execve?.(process.execPath, [process.execPath, ...argv], env);
} catch {}
const build = spawn(process.execPath, argv, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => build.kill(signal));
build.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
