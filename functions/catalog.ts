// What the lead function knows of the site: brands, the regions that have a page, and coverage.
// It reads the build's own /catalog.json from the static assets, so the function and the pages it
// serves always come from the same content; and, when a lead names a region nobody covers (search
// answers 暂未覆盖 with the form), /uncovered-regions.json.
import { AUTHORIZATION_NOTICE_DAYS, type CatalogData, type UncoveredRegions } from '../src/contract/catalog.ts';
import type { Env } from './env.ts';
import { beijingDay } from './web/beijing-time.ts';

/** Look-ups over the build's /catalog.json. */
export class CatalogIndex {
  readonly data: CatalogData;
  /** The regions without a page, once a lead named one (loadUncovered). */
  uncovered?: UncoveredRegions;

  constructor(data: CatalogData) {
    this.data = data;
  }

  /** A region with a page. */
  region(code: string) {
    return Object.hasOwn(this.data.regions, code) ? this.data.regions[code] : undefined;
  }

  /** Whether nobody covers the region (it has no page), among those loaded. */
  isUncovered(code: string): boolean {
    return !this.region(code) && !!this.uncovered && Object.hasOwn(this.uncovered, code);
  }

  /** A region's name and parent, whether it has a page or nobody covers it. */
  private known(code: string): { name: string; parent?: string } | undefined {
    if (this.region(code)) return this.region(code);
    const [name, parent] = this.isUncovered(code) ? this.uncovered![code] : [];
    return name ? { name, parent } : undefined;
  }

  brand(slug: string) {
    return Object.hasOwn(this.data.brands, slug) ? this.data.brands[slug] : undefined;
  }

  /** Brands whose recorded authorization ends within AUTHORIZATION_NOTICE_DAYS or has ended (Beijing
   *  days; `daysLeft` 0 on its last day, below 0 after it): the built pages claim it until the site is
   *  built and deployed again, and a build after that day fails (src/lib/claims.ts). */
  endingAuthorizations(now = new Date()): { name: string; until: string; daysLeft: number }[] {
    const today = Date.parse(beijingDay(now));
    return Object.values(this.data.brands)
      .filter((b) => b.authorizedUntil)
      .map((b) => ({ name: b.name, until: b.authorizedUntil!, daysLeft: (Date.parse(b.authorizedUntil!) - today) / 86_400_000 }))
      .filter((b) => b.daysLeft < AUTHORIZATION_NOTICE_DAYS);
  }

  /** Codes from the province down to `code`. */
  lineage(code: string): string[] {
    const chain: string[] = [];
    for (let c: string | undefined = code; c && this.known(c); c = this.known(c)!.parent) chain.unshift(c);
    return chain;
  }

  /** 湖南省 湘西土家族苗族自治州 吉首市 */
  regionLabel(code: string): string {
    return this.lineage(code)
      .map((c) => this.known(c)!.name)
      .join(' ');
  }

  /** Whether the brand is serviced in the region, in all of it or somewhere below it. */
  serves(slug: string, code: string): boolean {
    const covered = this.data.coverage[slug] ?? [];
    const lineage = new Set(this.lineage(code));
    return covered.some((c) => lineage.has(c) || this.lineage(c).includes(code));
  }
}

let cached: Promise<CatalogIndex> | undefined;

export function loadCatalog(env: Env, origin: string): Promise<CatalogIndex> {
  cached ??= (async () => {
    const res = await env.ASSETS.fetch(new URL('/catalog.json', origin));
    if (!res.ok) throw new Error(`catalog.json: HTTP ${res.status} (was the site built?)`);
    return new CatalogIndex((await res.json()) as CatalogData);
  })().catch((err) => {
    cached = undefined; // try again on the next request
    throw err;
  });
  return cached;
}

/** Loads /uncovered-regions.json into the catalog, once: only a lead that names no page needs it. */
export async function loadUncovered(env: Env, origin: string, catalog: CatalogIndex): Promise<void> {
  if (catalog.uncovered) return;
  const res = await env.ASSETS.fetch(new URL('/uncovered-regions.json', origin));
  if (!res.ok) throw new Error(`uncovered-regions.json: HTTP ${res.status} (was the site built?)`);
  catalog.uncovered = (await res.json()) as UncoveredRegions;
}
