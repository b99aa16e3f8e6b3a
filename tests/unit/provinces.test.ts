// The provinces' land borders (src/lib/provinces.ts BORDERS), against the data and their source.
import { describe, expect, it } from 'vitest';
import { BORDERS } from '../../src/lib/provinces.ts';
import { buildRegions } from '../../src/lib/regions.ts';

describe("the provinces' land borders", () => {
  it('name every province of the data, and each border from both sides', () => {
    const provinces = buildRegions()
      .filter((r) => r.level === 'province')
      .map((r) => r.code.slice(0, 2));
    expect(Object.keys(BORDERS).sort()).toEqual(provinces.sort());
    for (const [a, neighbours] of Object.entries(BORDERS))
      for (const b of neighbours) expect(BORDERS[b], `${a} borders ${b}`).toContain(a);
  });

  it("count each province's neighbours as the source does (香港 and 澳门 left out of 广东's six)", () => {
    const count = (n: number) =>
      Object.entries(BORDERS)
        .filter(([, b]) => b.length === n)
        .map(([code]) => code)
        .sort();
    // 内蒙古, 陕西 8; 河北, 四川 7; 河南, 湖北, 湖南, 甘肃, 安徽, 江西 6; …; 海南 none.
    expect(count(8)).toEqual(['15', '61']);
    expect(count(7)).toEqual(['13', '51']);
    expect(count(6)).toEqual(['34', '36', '41', '42', '43', '62']);
    expect(count(5)).toEqual(['33', '50', '52']);
    expect(count(4)).toEqual(['14', '32', '37', '44', '45', '53', '54', '63']);
    expect(count(3)).toEqual(['21', '22', '35', '64', '65']);
    expect(count(2)).toEqual(['11', '12', '23', '31']);
    expect(count(0)).toEqual(['46']);
  });
});
