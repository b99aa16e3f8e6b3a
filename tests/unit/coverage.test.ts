import { describe, expect, it } from 'vitest';
import { servicesByRegion, type Coverage } from '../../src/lib/coverage.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';

const regions = new RegionIndex(buildRegions());
const brand = { id: 'jianxia', data: { name: '坚匣', category: '保险柜' } };
/** How 坚匣 serves each of `codes`, covering `covered`: whole, part, or not at all. */
function served(covered: string[], codes: string[]) {
  const coverage: Coverage = new Map([['jianxia', new Map(covered.map((code) => [code, { code }]))]]);
  const services = servicesByRegion([brand], coverage, regions);
  return codes.map((code) => {
    const [service] = services.get(code) ?? [];
    return service ? (service.partial ? 'part' : 'whole') : 'none';
  });
}

describe('who serves a region', () => {
  it('serves a region whole when it covers it or an ancestor, partly when it covers something below', () => {
    // 吉首市: 湖南省 and 湘西州 partly; 长沙市's 岳麓区 not at all.
    expect(served(['433101'], ['430000', '433100', '433101', '430104'])).toEqual(['part', 'part', 'whole', 'none']);
    expect(served(['430000'], ['430000', '433100', '433101'])).toEqual(['whole', 'whole', 'whole']);
  });

  it('serves a region whole when it covers every place right below it, listed one by one as imports write them', () => {
    const xiangxi = regions.children('433100').map((r) => r.code);
    expect(xiangxi).toHaveLength(8);
    expect(served(xiangxi, ['433100', '430000'])).toEqual(['whole', 'part']);
    // One county short: still part of it.
    expect(served(xiangxi.slice(1), ['433100'])).toEqual(['part']);
    // Every town of 东莞 (a city without counties), and so on up: every prefecture of 湖南 whole, one by
    // its own code and the others by their counties.
    const dongguan = regions.children('441900').map((r) => r.code);
    expect(dongguan.length).toBeGreaterThan(30);
    expect(served(dongguan, ['441900', '440000'])).toEqual(['whole', 'part']);
    const hunan = regions.children('430000');
    const counties = hunan.slice(1).flatMap((p) => regions.children(p.code).map((r) => r.code));
    expect(served([hunan[0].code, ...counties], ['430000'])).toEqual(['whole']);
  });
});
