// The records Pagefind indexes (scripts/search-index.ts reads this file, then deletes it): one per
// region page with the names customers type, and one per region nobody covers, so search can say so.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';
import type { Region } from '../lib/regions.ts';
import { searchText } from '../lib/search-terms.ts';
import { pinyinSlug } from '../lib/slugs.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: { title: string; short?: string; pinyin?: string; level?: string; path: string; covered: '1' | '0'; brands?: string };
  filters: Record<string, string[]>;
}

/** What the search worker needs to put an exact name first (src/scripts/search-worker.ts). */
const names = (r: Region) => ({
  title: r.name,
  short: r.shortName,
  pinyin: [...new Set([pinyinSlug(r.name), pinyinSlug(r.shortName)])].join(' '),
  level: r.level,
});

export const GET: APIRoute = async () => {
  const { brands, pages, regions, servicesIn, coverage } = await catalog();
  const inPages = new Set(pages.map((r) => r.code));
  const records: SearchRecord[] = [];
  const townsOf = (code: string) => [...coverage.values()].flatMap((codes) => codes.get(code)?.towns ?? []);

  for (const region of regions.byCode.values()) {
    const lineage = regions.lineage(region.code);
    const province = lineage[0].name;
    const path = lineage
      .slice(0, -1)
      .map((r) => r.name)
      .join(' ');
    if (!inPages.has(region.code)) {
      records.push({
        url: `/regions/?uncovered=${region.code}`,
        content: searchText(region, lineage),
        meta: { ...names(region), path, covered: '0' },
        filters: { province: [province] },
      });
      continue;
    }
    const services = servicesIn(region.code);
    const brandNames = services.map((s) => s.brand.data.name);
    const categories = [...new Set(services.map((s) => s.brand.data.category))];
    records.push({
      url: regions.path(region.code),
      content: searchText(region, lineage, [...townsOf(region.code), ...brandNames, ...categories]),
      meta: { ...names(region), path, covered: '1', brands: brandNames.join('、') },
      filters: { province: [province], brand: brandNames },
    });
  }
  for (const brand of brands) {
    records.push({
      url: `/brands/${brand.id}/`,
      content: [brand.data.name, brand.data.category].join(' '),
      meta: { title: `${brand.data.name}（${brand.data.category}）`, path: '品牌', covered: '1' },
      filters: { brand: [brand.data.name] },
    });
  }
  return new Response(JSON.stringify(records));
};
