import { describe, expect, it } from 'vitest';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { pinyinNames, regionNames, searchText } from '../../src/lib/search-terms.ts';

const index = new RegionIndex(buildRegions());
const jishou = index.get('433101')!;
const lineage = index.lineage('433101');

describe('search terms of a region', () => {
  it('holds the names customers type, with and without ancestors', () => {
    const names = regionNames(jishou, lineage);
    for (const n of [
      '吉首市',
      '吉首',
      '湘西吉首市',
      '湘西吉首',
      '湘西土家族苗族自治州吉首市',
      '湖南吉首',
      '湖南湘西吉首',
      '湖南省湘西土家族苗族自治州吉首市',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('holds pinyin whole and from each syllable on', () => {
    expect(pinyinNames(jishou)).toEqual(expect.arrayContaining(['jishoushi', 'jishou', 'shoushi', 'shou', 'shi']));
  });

  it('adds extra words once, space-separated', () => {
    const text = searchText(jishou, lineage, ['坚匣', '保险柜', '坚匣']);
    expect(text.split(' ').filter((w) => w === '坚匣')).toHaveLength(1);
    expect(text).not.toMatch(/\s{2}/);
  });
});
