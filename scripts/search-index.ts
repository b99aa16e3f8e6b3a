// Builds the Pagefind index from dist/search-records.json (written by the Astro build) instead of
// crawling every page: search needs names, not page boilerplate, and this takes seconds at country
// scale. Then removes the records file, which is not part of the site.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../src/pages/search-records.json.ts';

/** Not a CJK language: Pagefind indexes our names as whole words and never re-segments them. */
export const SEARCH_LANGUAGE = 'und';
const INDEX_CHUNK_POSTINGS = 1250;

const dist = process.env.BAOXIU_OUT_DIR ?? 'dist';
const recordsFile = join(dist, 'search-records.json');
const records: SearchRecord[] = JSON.parse(readFileSync(recordsFile, 'utf8'));

const started = performance.now();
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
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_POSTINGS);
const { index, errors } = await pagefind.createIndex({ maxFragments: 100 });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
await Promise.all(
  records.map(async (record) => {
    const res = await index.addCustomRecord({ ...record, language: SEARCH_LANGUAGE });
    if (res.errors.length) throw new Error(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
  }),
);
const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
rmSync(recordsFile);
// Pagefind's ready-made UIs: the site has its own search UI, so they are not shipped.
for (const f of readdirSync(join(dist, 'pagefind')))
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(f)) rmSync(join(dist, 'pagefind', f));
console.log(
  `search index: ${records.length} records in ${Math.round(performance.now() - started)} ms → ${join(dist, 'pagefind')}`,
);
