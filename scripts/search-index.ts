// The Pagefind index, built from the records src/pages/search-records.json.ts computes instead of
// crawling every page: search needs names, not page boilerplate. An Astro integration, so that
// `astro build` writes it: the records endpoint hands its records over as soon as it has them
// (early in the prerender), and Pagefind's indexer — a process of its own — works on the second
// core while Astro renders the other 3,400 pages (whole country: 3.7–5.3 s of indexing that no
// longer adds to the build). The records file itself is not part of the site: removed at the end.
// A build whose records and Pagefind are those of the build before reuses its index (kept in Astro's
// cache folder): most rebuilds change pages, not coverage, and indexing all of China takes seconds.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readySooner } from './pagefind-ready.ts';
import { RECORDS_HANDOFF, type SearchRecord, type SearchRecordsHandoff } from '../src/lib/search-records.ts';

/** Not a CJK language: Pagefind indexes our names as whole words and never re-segments them. */
const SEARCH_LANGUAGE = 'und';
const INDEX_CHUNK_POSTINGS = 1250;
/** Fragment files (see writeIndex). */
const MAX_FRAGMENTS = 100;
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
    .update(JSON.stringify([SEARCH_LANGUAGE, chunkSize(), MAX_FRAGMENTS, records]))
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
  // A result's data (its fragment) comes in groups of records, ~35 of the whole country's 3,400 per
  // file: one query's results are neighbours in the region tree (长沙 → 长沙市 and its districts), so
  // a later search fetches one or two small files instead of a dozen (bench: 98 → ~45 ms). It also
  // keeps a 10,000-page site far under Cloudflare's 20,000-file limit. Costs ~4 KB more metadata.
  //
  // Pagefind cuts its word index into chunks of 20,000 postings by default, ~34 KB each for our long,
  // distinct names; a search fetches the chunk of its word and then scans every chunk loaded so far.
  // Chunks of 1,250: a first search fetches 3.9 KB of index instead of 14 (the metadata listing the
  // chunks grows by 8 KB), and a search scans less (the whole-country recall: 1.15 ms a question
  // instead of 1.93 with 5,000). The setting is an environment variable Pagefind 1.6 reads
  // (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; "unstable" in its name: check it after upgrading — the search
  // bench prints the chunk a query fetches).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = chunkSize();
  try {
    // Every setting of the index belongs in cachedAt's key, or a changed one would reuse an old index.
    const { index, errors } = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    await Promise.all(
      records.map(async (record) => {
        const res = await index.addCustomRecord({ ...record, language: SEARCH_LANGUAGE });
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
  return `${records.length} records in ${Math.round(performance.now() - started)} ms`;
}

export function searchIndex(): AstroIntegration {
  let dist = '';
  let cache = '';
  let root = '';
  let indexing: Promise<string> | undefined;
  const start = (records: SearchRecord[]) => {
    indexing ??= writeIndex(records, join(dist, STAGING), cachedAt(records, cache, root));
    indexing.catch(() => {}); // awaited (and reported) in astro:build:done
  };
  return {
    name: 'baoxiu:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        dist = fileURLToPath(config.outDir);
        cache = join(fileURLToPath(config.cacheDir), 'search-index');
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        indexing = undefined;
        (globalThis as SearchRecordsHandoff)[RECORDS_HANDOFF] = start;
      },
      'astro:build:done': async ({ logger }) => {
        try {
          const recordsFile = join(dist, 'search-records.json');
          // Prerendered elsewhere (another runtime than this process): index the file it wrote.
          const beside = indexing !== undefined;
          if (!beside) start(JSON.parse(readFileSync(recordsFile, 'utf8')));
          const done = await indexing;
          rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
          renameSync(join(dist, STAGING), join(dist, 'pagefind'));
          rmSync(recordsFile);
          logger.info(`${done} (${beside ? 'beside the pages' : 'after the pages'}) → ${join(dist, 'pagefind')}`);
          if (!readySooner(join(dist, 'pagefind')))
            logger.warn(
              'pagefind.js not changed to start a search sooner: its code is not the one scripts/pagefind-ready.ts knows',
            );
        } finally {
          delete (globalThis as SearchRecordsHandoff)[RECORDS_HANDOFF];
        }
      },
    },
  };
}
