// The records Pagefind indexes (scripts/search-index.ts reads this file, then deletes it): one per
// region page with the names customers type, and one per region nobody covers, so search can say so.
import type { APIRoute } from 'astro';
import { catalog } from '../lib/catalog.ts';
import type { Region } from '../lib/regions.ts';
import { placeLabel, searchText, townWords } from '../lib/search-terms.ts';
import { townsByCounty } from '../lib/towns.ts';
import { pinyinSlug } from '../lib/slugs.ts';

export interface SearchRecord {
  url: string;
  content: string;
  meta: {
    title: string;
    short?: string;
    pinyin?: string;
    level?: string;
    path: string;
    /** 湘西州 吉首市: how a town result names the page it leads to. */
    place?: string;
    /** How many of the content's first words are its towns' (search-terms.ts townWords). */
    townWords?: string;
    covered: '1' | '0';
    brands?: string;
  };
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
  const towns = townsByCounty(regions);
  // A town the coverage notes that the data lacks (a former name) is still a word of its county.
  const notedTowns = (code: string) => {
    const known = new Set((towns.get(code) ?? []).map((t) => t.name));
    return [...coverage.values()].flatMap((codes) => codes.get(code)?.towns ?? []).filter((t) => !known.has(t));
  };
  /** Every town of a county, covered or not, first in its record (see townWords). */
  const withTowns = (region: Region, text: string) => {
    const parent = regions.get(region.parent!)!;
    const words = (towns.get(region.code) ?? []).flatMap((t) => townWords(t, region, parent));
    if (!words.length) return { content: text, meta: {} };
    return {
      content: `${words.join(' ')} ${text}`,
      meta: { townWords: String(words.length), place: placeLabel(region, parent) },
    };
  };

  for (const region of regions.byCode.values()) {
    const lineage = regions.lineage(region.code);
    const province = lineage[0].name;
    const path = lineage
      .slice(0, -1)
      .map((r) => r.name)
      .join(' ');
    if (!inPages.has(region.code)) {
      const { content, meta } = withTowns(region, searchText(region, lineage));
      records.push({
        url: `/regions/?uncovered=${region.code}`,
        content,
        meta: { ...names(region), path, ...meta, covered: '0' },
        filters: { province: [province] },
      });
      continue;
    }
    const services = servicesIn(region.code);
    const brandNames = services.map((s) => s.brand.data.name);
    const categories = [...new Set(services.map((s) => s.brand.data.category))];
    const { content, meta } = withTowns(
      region,
      searchText(region, lineage, [...notedTowns(region.code), ...brandNames, ...categories]),
    );
    records.push({
      url: regions.path(region.code),
      content,
      meta: { ...names(region), path, ...meta, covered: '1', brands: brandNames.join('、') },
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
