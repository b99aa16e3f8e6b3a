// A worker thread of the build (started by scripts/search-index.ts before Astro loads, or when it reads
// its config): the search records computed from the content files themselves, and Pagefind indexing
// them, while Astro loads, syncs the content and bundles (~8 s of one core; indexing every town of
// China takes ~6 s). Waiting for the records endpoint instead started the index in the middle of the
// prerender, which it then slowed, or outlasted (sample site: 5 s after the last page).
//
// It reads only what the records depend on (brands' names and categories, the coverage files),
// the way the content layer does; the endpoint (src/pages/search-records.json.ts) uses this index
// only when its key — the brands and coverage as the catalog read them — is the same. Anything
// else (a content problem, a loader that reads a file otherwise) leaves the index to the endpoint.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { byName, coverageByBrand, pagesOf, servicesByRegion, type BrandLike } from '../src/lib/coverage.ts';
import { buildRegions, RegionIndex } from '../src/lib/regions.ts';
import { coverageSchema } from '../src/lib/schemas.ts';
import { recordsKey } from '../src/lib/search-records.ts';
import { buildSearchRecords } from '../src/lib/search-records-build.ts';
import { cachedAt, writeIndex } from './search-index.ts';

export interface EarlyIndexData {
  contentDir: string;
  out: string;
  cache: string;
  root: string;
}
export type EarlyIndexMessage = { key: string } | { done: string } | { error: string };

const { contentDir, out, cache, root } = workerData as EarlyIndexData;
// Behind Astro: on Linux a thread's priority is its own, and Pagefind's process, started from this
// thread, inherits it. Astro's thread does what the build waits for; this one has the other core
// and what Astro leaves (whole country, alternating runs: 15.8–17.1 s against 16.0–20.7 s when the
// two competed as equals; sample site 15.3–16.5 s against 17.6–18.5 s without the early index).
try {
  setPriority(10);
} catch {
  // Not allowed here: the index competes as an equal.
}
const post = (message: EarlyIndexMessage) => parentPort!.postMessage(message);

/** A brand's id and what the records show of it: the glob loader's id is the file's name, or a `slug`. */
function brandOf(file: string): BrandLike {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  const data = (front && parse(front[1])) ?? {};
  return { id: String(data.slug ?? basename(file, '.md')).toLowerCase(), data: { name: data.name, category: data.category } };
}

try {
  const regions = new RegionIndex(buildRegions());
  const files = (dir: string, exts: string[]) =>
    readdirSync(join(contentDir, dir))
      .filter((f) => exts.includes(extname(f)))
      .sort()
      .map((f) => join(contentDir, dir, f));
  const brands = files('brands', ['.md']).map(brandOf).sort(byName);
  const schema = coverageSchema(z.string().transform((id) => ({ id })));
  const coverageFiles = files('coverage', ['.yaml', '.yml', '.json']).map((filePath) => ({
    filePath,
    data: schema.parse(parse(readFileSync(filePath, 'utf8'))),
  }));
  const problems: string[] = [];
  const coverage = coverageByBrand(coverageFiles, regions, problems, () => {});
  if (problems.length) throw new Error('the content has problems (the build reports them)');
  const services = servicesByRegion(brands, coverage, regions);
  const input = {
    brands,
    regions,
    pages: pagesOf(coverage, regions).pages,
    coverage,
    servicesIn: (code: string) => services.get(code) ?? [],
  };
  post({ key: recordsKey(input) });
  const records = buildSearchRecords(input);
  post({ done: await writeIndex(records, out, cachedAt(records, cache, root)) });
} catch (e) {
  post({ error: e instanceof Error ? e.message : String(e) });
}
