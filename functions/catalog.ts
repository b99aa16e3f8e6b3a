// What the lead function knows of the site: brands, the regions that have a page, and coverage.
// It reads the build's own /catalog.json from the static assets, so the function and the pages it
// serves always come from the same content.
import type { Env } from './env.ts';

export interface CatalogData {
  operator: string;
  hotline: string;
  privacyVersion: string;
  brands: Record<string, { name: string; category: string }>;
  regions: Record<string, { name: string; parent?: string; level: string; path: string }>;
  coverage: Record<string, string[]>;
  /** routes.yaml, validated at build time. */
  routing?: { routes: RouteData[]; default?: Omit<RouteData, 'regions' | 'brands'> };
}

export interface RouteData {
  name: string;
  regions?: string[];
  brands?: string[];
  channels: { channel: string; to?: string[] }[];
}

export class Catalog {
  readonly data: CatalogData;

  constructor(data: CatalogData) {
    this.data = data;
  }

  region(code: string) {
    return Object.hasOwn(this.data.regions, code) ? this.data.regions[code] : undefined;
  }

  brand(slug: string) {
    return Object.hasOwn(this.data.brands, slug) ? this.data.brands[slug] : undefined;
  }

  /** Codes from the province down to `code`. */
  lineage(code: string): string[] {
    const chain: string[] = [];
    for (let c: string | undefined = code; c && this.region(c); c = this.region(c)!.parent) chain.unshift(c);
    return chain;
  }

  /** 湖南省 湘西土家族苗族自治州 吉首市 */
  regionLabel(code: string): string {
    return this.lineage(code)
      .map((c) => this.region(c)!.name)
      .join(' ');
  }

  /** Whether the brand is serviced in the region, in all of it or somewhere below it. */
  serves(slug: string, code: string): boolean {
    const covered = this.data.coverage[slug] ?? [];
    const lineage = new Set(this.lineage(code));
    return covered.some((c) => lineage.has(c) || this.lineage(c).includes(code));
  }
}

let cached: Promise<Catalog> | undefined;

export function loadCatalog(env: Env, origin: string): Promise<Catalog> {
  cached ??= (async () => {
    const res = await env.ASSETS.fetch(new URL('/catalog.json', origin));
    if (!res.ok) throw new Error(`catalog.json: HTTP ${res.status} (was the site built?)`);
    return new Catalog((await res.json()) as CatalogData);
  })().catch((err) => {
    cached = undefined; // try again on the next request
    throw err;
  });
  return cached;
}
