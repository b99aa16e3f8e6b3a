// The covered places' fragment files in as few files as the budget allows, in pagefind/covered/,
// which the search worker fetches after a search that found covered places
// (src/scripts/fragments-ahead.ts). A later search fetches an index chunk and then its results'
// fragment files, one round trip after the other; with those fragments here already, it takes one
// round trip instead of two. A site whose covered places weigh little (the sample's 7 provinces: 13.7
// KB as sent) has them all in site.json, so any later search of a covered place is one round trip;
// a bigger one lists its provinces there, each in a file of its own (a search near the last one: a
// town after its county, the county next to it), or by prefecture over the budget (the whole
// country). Only covered places: the records of uncovered ones hold every other town of China (1 MB
// of fragments in the sample site).
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COVERED_DIR, PREFECTURES, PROVINCES, SIGNATURE, SITE } from '../src/contract/covered-fragments.ts';

interface Fragment {
  url: string;
  meta: Record<string, string>;
}
/** A fragment file: one record's fragment, or a group of them by id (more records than files). */
type FragmentFile = Fragment | Record<string, Fragment>;

const recordsOf = (file: FragmentFile): Fragment[] =>
  typeof file.url === 'string' ? [file as Fragment] : Object.values(file as Record<string, Fragment>);

/** The most a bundle may weigh as a CDN sends it (brotli at its on-the-fly level): under a fifth of what
 *  a first search fetches (~90 KB). The sample site's covered places weigh 13.7 KB together; a province
 *  of the whole-country fixture 20–64 KB (every county covered, each with its towns' words): those are
 *  bundled by prefecture instead (1–9 KB). */
export const BUDGET = 16 * 1024;

type Bundle = Record<string, FragmentFile>;
const brotliSize = (json: string) => brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
/** A bundle's JSON compresses ~3.7× as sent (the sample's 75 KB: 13.7 KB): one of more than eight
 *  times the budget is over it uncompressed. The whole country's provinces (100–300 KB) and site
 *  (MBs) are never compressed to be measured: 750 ms a build, most of it brotli, before. */
const RAW_OVER = 8 * BUDGET;
const fits = (json: string) => json.length <= RAW_OVER && brotliSize(json) <= BUDGET;
const bundleOf = (bundles: Iterable<Bundle>) => JSON.stringify(Object.assign({}, ...bundles));

/** Writes the whole site's bundle — each fragment file whole (a group may hold its neighbours in the
 *  region tree too) under its name as Pagefind asks for it — or, over the budget, each province's
 *  bundle, and over the budget again its prefectures' bundles. Returns the files written. */
export function writeCoveredFragments(index: string): string[] {
  const dir = join(index, 'fragment');
  /** Bundles by prefecture (the first four digits of a code), by province. */
  const provinces = new Map<string, Map<string, Bundle>>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    if (!text.startsWith(SIGNATURE)) throw new Error(`pagefind: ${name} is not a fragment file Pagefind 1.6 writes`);
    const file = JSON.parse(text.slice(SIGNATURE.length)) as FragmentFile;
    for (const record of recordsOf(file)) {
      // Brand pages have no code: a search of a place never fetches them.
      const code = record.meta.covered === '1' ? record.meta.code : undefined;
      if (!code) continue;
      let prefectures = provinces.get(code.slice(0, 2));
      if (!prefectures) provinces.set(code.slice(0, 2), (prefectures = new Map()));
      let bundle = prefectures.get(code.slice(0, 4));
      if (!bundle) prefectures.set(code.slice(0, 4), (bundle = {}));
      bundle[name.slice(0, -'.pf_fragment'.length)] = file;
    }
  }
  const out = join(index, COVERED_DIR);
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  const write = (name: string, json: string) => {
    writeFileSync(join(out, `${name}.json`), json);
    written.push(name);
  };
  const wholes = new Map([...provinces].map(([province, prefectures]) => [province, bundleOf(prefectures.values())]));
  // The site's JSON is about its provinces' together: made only when that may fit.
  const raw = [...wholes.values()].reduce((n, json) => n + json.length, 0);
  const site = raw <= RAW_OVER ? bundleOf([...provinces.values()].flatMap((p) => [...p.values()])) : undefined;
  if (site && fits(site)) {
    write(SITE, site);
    return written;
  }
  write(SITE, JSON.stringify({ [PROVINCES]: [...provinces.keys()] }));
  for (const [province, prefectures] of provinces) {
    const whole = wholes.get(province)!;
    if (fits(whole)) {
      write(province, whole);
      continue;
    }
    write(province, JSON.stringify({ [PREFECTURES]: [...prefectures.keys()] }));
    for (const [prefecture, bundle] of prefectures) write(prefecture, bundleOf([bundle]));
  }
  return written;
}
