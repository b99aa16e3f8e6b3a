// The Pagefind index, built from search records (src/lib/search-records-build.ts) instead of crawling
// every page: search needs names, not page boilerplate. An Astro integration, so that `astro build`
// writes it, on the second core while the first does Astro's work: begun from the content files
// (scripts/search-index-early.ts, a worker thread) before Astro loads (`npm run build`:
// scripts/search-index-begin.ts) or when its config is read (`astro build`), and used when the records
// endpoint (src/pages/search-records.json.ts) finds it was made from the brands and coverage the
// pages are; otherwise from the records the endpoint hands over early in the prerender. The records
// file itself is not part of the site: removed at the end.
// A build whose records and Pagefind are those of the build before reuses its index (kept in Astro's
// cache folder): most rebuilds change pages, not coverage, and indexing all of China takes seconds.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readySooner } from './pagefind-ready.ts';
import { minifyPagefind } from './pagefind-min.ts';
import { writeCoveredFragments } from './covered-fragments.ts';
import { version as esbuildVersion } from 'esbuild';
import { RECORDS_HANDOFF, type SearchRecord, type SearchRecordsHandoff } from '../src/lib/search-records.ts';
import { CONTENT_DIR } from '../src/lib/content-dir.ts';
import type { EarlyIndexData, EarlyIndexMessage } from './search-index-early.ts';

/** Not a CJK language: Pagefind indexes our names as whole words and never re-segments them. */
const SEARCH_LANGUAGE = 'und';
const INDEX_CHUNK_POSTINGS = 2000;
/** Fragment files (see writeIndex): a file a record up to ONE_A_FILE records, MAX_FRAGMENTS beyond. */
const ONE_A_FILE = 1000;
const MAX_FRAGMENTS = 500;
const fragments = (records: number) => (records <= ONE_A_FILE ? records : MAX_FRAGMENTS);
/** Where the index is written while the pages are: it becomes pagefind/ only when the build succeeds,
 *  so pagefind/pagefind-entry.json still marks a finished build (scripts/build-if-stale.ts). */
const STAGING = '.pagefind-staging';

const chunkSize = () => process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_POSTINGS);

/** Where the index of these records is kept between builds, or undefined when Pagefind's version is
 *  not known (an index is then always written afresh). */
export function cachedAt(records: SearchRecord[], cache: string, root: string): string | undefined {
  const manifest = join(root, 'node_modules', 'pagefind', 'package.json');
  if (!existsSync(manifest)) return undefined;
  const key = createHash('sha256')
    .update(readFileSync(manifest))
    // What is done to the index after Pagefind writes it (writeIndex) is kept with it too.
    .update(`${readySooner}${minifyPagefind}${writeCoveredFragments}${esbuildVersion}`)
    .update(JSON.stringify([SEARCH_LANGUAGE, chunkSize(), fragments(records.length), records]))
    .digest('hex')
    .slice(0, 16);
  return join(cache, key);
}

export async function writeIndex(records: SearchRecord[], out: string, kept: string | undefined): Promise<string> {
  const started = performance.now();
  if (kept && existsSync(kept)) {
    try {
      rmSync(out, { recursive: true, force: true });
      cpSync(kept, out, { recursive: true });
      return `${records.length} records, unchanged: the last build's index, copied in ${Math.round(performance.now() - started)} ms`;
    } catch {
      rmSync(out, { recursive: true, force: true }); // a cache that cannot be read: index afresh
    }
  }
  // A result's data (its fragment) is a file of its own up to ONE_A_FILE records (the sample site's
  // 439; a site covering ~600 counties, with the uncovered rest grouped by prefecture), then Pagefind
  // groups neighbours into MAX_FRAGMENTS files (the whole country's 3,400: ~7 a file; 10,000 pages:
  // 20, far under Cloudflare's 20,000-file limit). A county's name finds its namesakes and towns
  // elsewhere, up to eight records in as many files: with 100 files the sample's first search of 300
  // county names fetched 111.7 KB at the median (p90 170.6), one file each, 97.4 (116.8) — a record
  // of a prefecture's uncovered places weighs ~4 KB, and came with four others (and with the uncovered
  // places cut into smaller records, tried, more than 500 of them shared 306 files: 100.1 KB, p90
  // 119.6, against 96.3 and 113.7 a file a record). Later searches the same
  // (alternated: 45, 43 ms against 43, 38). The whole country's index in 1,000 files instead of 500:
  // its build 0.2–0.7 s longer in three alternating pairs (docs/bench-journal.md, 2026-12-05).
  //
  // Pagefind cuts its word index into chunks of 20,000 postings by default, ~34 KB each for our long,
  // distinct names; a search fetches the chunk of its word and then scans every chunk loaded so far.
  // Smaller chunks: a first search fetches less index, and a search scans less (the whole-country
  // recall: 1.15 ms a question with 1,250 instead of 1.93 with 5,000), but the metadata that lists the
  // chunks, which every first search fetches, grows. 2,000: the least a first search of a county's
  // name fetches beyond Pagefind's own files (metadata, index and fragments; 300 county names of the
  // sample site at random, in Node: the bench), median 22.1 KB (p90 41.5), against 23.9 (43.7) with
  // 1,250, 22.5 with 1,600, 22.1 with 2,400 and 22.4 with 3,000 (docs/bench-journal.md, 2026-12-05);
  // with 1,250, the words that begin with 吉首 straddled two chunks. The setting is an environment variable Pagefind 1.6 reads
  // (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; "unstable" in its name: check it after upgrading — the search
  // bench prints the chunk a query fetches).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize();
  try {
    // Every setting of the index belongs in cachedAt's key, or a changed one would reuse an old index.
    const { index, errors } = await pagefind.createIndex({ maxFragments: fragments(records.length) });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    await Promise.all(
      records.map(async (record) => {
        // Pagefind's meta is strings only: a Place's fields it does not have are left out.
        const meta = Object.fromEntries(Object.entries(record.meta).filter((e): e is [string, string] => e[1] !== undefined));
        const res = await index.addCustomRecord({ ...record, meta, language: SEARCH_LANGUAGE });
        if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
      }),
    );
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // Pagefind's ready-made UIs: the site has its own search UI, so they are not shipped.
  for (const f of readdirSync(out)) if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(f)) rmSync(join(out, f));
  // pagefind.js as the site serves it, made here, beside the pages, and kept with the index: after
  // them it cost the build's end ~0.15 s (esbuild's first call; a CPU profile, 2026-12-05).
  const sooner = readySooner(out);
  minifyPagefind(out);
  writeCoveredFragments(out);
  if (kept) {
    // One index kept, this one; renamed into place whole, so a folder there is a finished index. A
    // cache that cannot be written (a full disk) costs the next build its reuse, not this build.
    try {
      rmSync(dirname(kept), { recursive: true, force: true });
      cpSync(out, `${kept}.partial`, { recursive: true });
      renameSync(`${kept}.partial`, kept);
    } catch {
      // A leftover .partial folder is never read: the next index kept removes it.
    }
  }
  const note = sooner
    ? ''
    : ' (pagefind.js not changed to start a search sooner: its code is not the one scripts/pagefind-ready.ts knows)';
  return `${records.length} records in ${Math.round(performance.now() - started)} ms${note}`;
}

const EARLY = Symbol.for('baoxiu.search-index.early');
type Begun = { [EARLY]?: { early: Early; cache: string } };

/** Begins the index before Astro loads (scripts/search-index-begin.ts), for the integration to take. */
export function beginEarly(contentDir: string, cache: string, root: string) {
  (globalThis as Begun)[EARLY] = { early: startEarly(contentDir, cache, root), cache };
}

/** The index begun before Astro loaded, when it was begun for this build's cache folder. */
async function takeEarly(cache: string): Promise<Early | undefined> {
  const begun = (globalThis as Begun)[EARLY];
  delete (globalThis as Begun)[EARLY];
  if (begun?.cache === cache) return { ...begun.early, when: 'before Astro loaded' };
  if (begun) await stopEarly(begun.early);
  return undefined;
}

/** Stops an index begun with the build and removes its folder (once its thread writes no more). */
async function stopEarly(early: Early) {
  await early.worker.terminate();
  rmSync(early.dir, { recursive: true, force: true });
}

/** The index begun when the build starts (scripts/search-index-early.ts, a worker thread). */
interface Early {
  key: Promise<string | undefined>;
  index: Promise<string>;
  dir: string;
  worker: Worker;
  /** For the build's log. */
  when: string;
}

function startEarly(contentDir: string, cache: string, root: string): Early {
  // Beside the kept index, not in it (writeIndex replaces that folder whole).
  const dir = `${cache}-early-${process.pid}`;
  removeAbandoned(cache);
  const workerData: EarlyIndexData = { contentDir, out: dir, cache, root };
  // Not with the build's `--import` (scripts/search-index-begin.ts): nothing for this thread to begin.
  const worker = new Worker(join(root, 'scripts', 'search-index-early.ts'), { workerData, execArgv: [] });
  // A build that fails (a content problem the worker does not check) ends without waiting for it;
  // the records endpoint holds it once it is used.
  worker.unref();
  const key = Promise.withResolvers<string | undefined>();
  const index = Promise.withResolvers<string>();
  index.promise.catch(() => {}); // awaited only when used
  // A settled promise stays as it was: a worker that ends after its index changes nothing.
  const fail = (why: string) => {
    key.resolve(undefined);
    index.reject(new Error(`pagefind (index begun with the build): ${why}`));
  };
  worker.on('message', (m: EarlyIndexMessage) => {
    if ('key' in m) key.resolve(m.key);
    else if ('done' in m) index.resolve(m.done);
    else fail(m.error);
  });
  worker.on('error', (e: Error) => fail(e.message));
  worker.on('exit', () => fail('stopped'));
  return { key: key.promise, index: index.promise, dir, worker, when: 'with the build' };
}

/** The folders of early indexes whose build ended without removing them (it failed before its
 *  config was read, or was killed): their process is gone. */
function removeAbandoned(cache: string) {
  const parent = dirname(cache);
  const prefix = `${basename(cache)}-early-`;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** A finished index into place: renamed, or copied where the cache is on another file system. */
function moveIndex(from: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

export function searchIndex(): AstroIntegration {
  let dist = '';
  let cache = '';
  let root = '';
  let building = false;
  let early: Early | undefined;
  let indexing: Promise<{ message: string; dir: string }> | undefined;
  const start = (records: SearchRecord[]) => {
    const dir = join(dist, STAGING);
    indexing ??= writeIndex(records, dir, cachedAt(records, cache, root)).then((message) => ({ message, dir }));
    indexing.catch(() => {}); // awaited (and reported) in astro:build:done
  };
  return {
    name: 'baoxiu:search-index',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': async ({ config }) => {
        dist = fileURLToPath(config.outDir);
        cache = join(fileURLToPath(config.cacheDir), 'search-index');
        root = fileURLToPath(config.root);
        // BAOXIU_EARLY_INDEX=0: the index from the records endpoint only (to compare the two).
        if (building && process.env.BAOXIU_EARLY_INDEX !== '0')
          early = (await takeEarly(cache)) ?? startEarly(CONTENT_DIR, cache, root);
      },
      'astro:build:start': () => {
        indexing = undefined;
        (globalThis as SearchRecordsHandoff)[RECORDS_HANDOFF] = {
          early: early?.key ?? Promise.resolve(undefined),
          useEarly: () => {
            const { index, dir, worker, when } = early!;
            worker.ref();
            indexing ??= index.then((message) => ({ message: `${message}, begun ${when}`, dir }));
          },
          take: start,
        };
      },
      'astro:build:done': async ({ logger }) => {
        try {
          const recordsFile = join(dist, 'search-records.json');
          // Prerendered elsewhere (another runtime than this process): index the file it wrote.
          const beside = indexing !== undefined;
          if (!beside) start(JSON.parse(readFileSync(recordsFile, 'utf8')));
          const { message, dir } = await indexing!;
          moveIndex(dir, join(dist, 'pagefind'));
          rmSync(recordsFile);
          logger.info(`${message} (${beside ? 'beside the pages' : 'after the pages'}) → ${join(dist, 'pagefind')}`);
        } finally {
          delete (globalThis as SearchRecordsHandoff)[RECORDS_HANDOFF];
          // Not used (its key was not the catalog's) or failed: stopped, its folder removed (a used one
          // was moved into the site).
          if (early) await stopEarly(early);
        }
      },
    },
  };
}
