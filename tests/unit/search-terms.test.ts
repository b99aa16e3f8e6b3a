import { describe, expect, it } from 'vitest';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { initialsOf, pinyinNames, placeLabel, regionNames, searchText, townWords } from '../../src/lib/search-terms.ts';
import { townsByCounty } from '../../src/lib/towns.ts';
import { OWN, TOWN_WORDS } from '../../src/scripts/search-hits.ts';

const index = new RegionIndex(buildRegions());
const jishou = index.get('433101')!;
const lineage = index.lineage('433101');

describe('search terms of a region', () => {
  it('holds the names customers type, with and without the prefecture, not the province (the worker strips it)', () => {
    const names = regionNames(jishou, lineage);
    for (const n of ['吉首市', '吉首', '湘西吉首市', '湘西吉首', '湘西州吉首', '湘西土家族苗族自治州吉首市'])
      expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith('湖南'))).toEqual([]);
  });

  it('holds pinyin of the full and the short name, and its own names marked as its own', () => {
    expect(pinyinNames(jishou)).toEqual(['jishoushi', 'jishou']);
    const words = searchText(jishou, lineage).split(' ');
    expect(words.filter((w) => w.endsWith(OWN))).toEqual(['吉首市ϙ', '吉首ϙ', 'jishoushiϙ', 'jishouϙ']);
    // An autonomous prefecture's 州 form is its own: every county of it has words that begin 湘西州.
    const xiangxi = searchText(index.get('433100')!, index.lineage('433100')).split(' ');
    expect(xiangxi.filter((w) => w.endsWith(OWN))).toEqual([
      '湘西土家族苗族自治州ϙ',
      '湘西ϙ',
      '湘西州ϙ',
      'xiangxitujiazumiaozuzizhizhouϙ',
      'xiangxiϙ',
      'xiangxizhouϙ',
      'xxϙ',
    ]);
  });

  it("holds a province's or prefecture's initials, in the readings place names have (重庆 cq, not zq); not a county's", () => {
    const initials = (code: string) => initialsOf(index.get(code)!);
    expect([initials('500000'), initials('350200'), initials('430100'), initials('310000')]).toEqual([
      ['cq'],
      ['xm'],
      ['cs'],
      ['sh'],
    ]);
    expect(initials('433101')).toEqual([]);
    expect(searchText(index.get('430100')!, index.lineage('430100')).split(' ')).toEqual(expect.arrayContaining(['cs', 'csϙ']));
  });

  it('adds extra words once, space-separated', () => {
    const text = searchText(jishou, lineage, ['坚匣', '保险柜', '坚匣']);
    expect(text.split(' ').filter((w) => w === '坚匣')).toHaveLength(1);
    expect(text).not.toMatch(/\s{2}/);
  });
});

describe('search terms of a town', () => {
  const towns = townsByCounty(index);
  const qianzhou = towns.get('433101')!.find((t) => t.name === '乾州街道')!;

  it("puts TOWN_WORDS words on its county: the name, after the county's short name, after the prefecture, pinyin", () => {
    const words = townWords(qianzhou, jishou, index.get('433100')!);
    // Not after the county's full name (吉首市乾州街道): readings.ts reads that as 吉首乾州街道.
    expect(words).toEqual(['乾州街道', '吉首乾州街道', '湘西乾州街道', 'qianzhoujiedao']);
    expect(words).toHaveLength(TOWN_WORDS);
  });

  it('never puts a province in front: 海南 must not find every town of 海南省', () => {
    const dongfang = index.get('469007')!;
    const town = towns.get('469007')![0];
    const words = townWords(town, dongfang, index.get('460000')!);
    expect(words).toHaveLength(TOWN_WORDS);
    expect(words.filter((w) => w.startsWith('海南'))).toEqual([]);
  });

  it('keeps every town word one word, as Pagefind counts them: letters and digits only', () => {
    const odd: string[] = [];
    for (const [code, list] of towns) {
      const county = index.get(code)!;
      for (const t of list)
        odd.push(...townWords(t, county, index.get(county.parent!)!).filter((w) => !/^[\p{L}\p{N}]+$/u.test(w)));
    }
    expect(odd).toEqual([]);
  });

  it('names a county as customers know it: 湘西州 吉首市', () => {
    expect(placeLabel(jishou, index.get('433100'))).toBe('湘西州 吉首市');
    expect(placeLabel(index.get('430104')!, index.get('430100'))).toBe('长沙市 岳麓区');
  });
});
