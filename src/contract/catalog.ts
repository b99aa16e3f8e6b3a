// /catalog.json: what the build tells the lead function (and the form's region picker) about the
// site — the operator, brands, the regions that have a page, coverage and routing. Built by
// src/pages/catalog.json.ts, read by functions/catalog.ts and src/scripts/lead-form.ts.
import type { ChannelName } from './channels.ts';

export interface CatalogData {
  operator: string;
  /** The site's own address (site.yaml url): notifications link to the lead's inbox page there. */
  url: string;
  hotline: string;
  /** site.yaml hours (text) and callbackHours (08:00-20:00, Beijing, daily). */
  hours: string;
  callbackHours?: string;
  privacyVersion: string;
  /** How many days /privacy/ says a lead is kept (src/lib/retention.ts). */
  retentionDays: number;
  /** authorizedUntil: the last day (YYYY-MM-DD) of a brand's recorded authorization. The pages say
   *  so until the next build; the inbox and the daily job say when that day has passed. */
  brands: Record<string, { name: string; category: string; authorizedUntil?: string }>;
  regions: Record<string, { name: string; parent?: string; level: string; path: string }>;
  coverage: Record<string, string[]>;
  /** Per brand slug, per covered code: what coverage says customers can expect there (only entries that say something). */
  service: Record<string, Record<string, { responseTime?: string; hours?: string }>>;
  /** routes.yaml, validated at build time. */
  routing?: Routing;
}

/** Days before a brand's authorization ends that the build and the owner's inbox say so: time to
 *  record the renewal, or to change the brand's page before it may no longer say 授权. */
export const AUTHORIZATION_NOTICE_DAYS = 30;

/** /uncovered-regions.json: code → [name, parent code] of every region without a page. */
export type UncoveredRegions = Record<string, [name: string, parent?: string]>;

/** /towns.json: county code → its towns as customers type them (乾州街道), space-separated; then, after
 *  a `|` where it has any, the names of the 2020 codes' towns it holds now (淀山湖镇, in 昆山市) — for a
 *  town of a county-less city, those alone (442000118, 小榄镇: `|东升镇`); then, after a second `|`, the
 *  names that are no town's but answer as one (a former division's: 闸北区 on 静安区; an area's: 汉口),
 *  on a prefecture too (思茅市 on 普洱市). */
export type CountyTowns = Record<string, string>;

/** /search-pinyin.json: the pinyin of each region without a page (its short name: code → xiangxi),
 *  and /towns.json's towns in pinyin without their suffix, name for name (乾州街道 → qianzhou; `-`
 *  for a name not read in pinyin). */
export interface SearchPinyin {
  regions: Record<string, string>;
  towns: CountyTowns;
}

/** routes.yaml: the first route whose regions and brands match a lead takes it, else the default. */
export interface Routing {
  routes: Route[];
  default?: Omit<Route, 'regions' | 'brands'>;
}

export interface Route {
  name: string;
  regions?: string[];
  brands?: string[];
  channels: { channel: ChannelName; to?: string[] }[];
}
