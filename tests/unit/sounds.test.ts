// Characters by their sound (src/lib/sounds.ts), for a name typed with the right sound but the wrong
// character (常沙 for 长沙), and names.ts `bySound`, which reads a query with them.
import { describe, expect, it } from 'vitest';
import { bySound } from '../../src/lib/names.ts';
import { soundTable } from '../../src/lib/sounds.ts';

describe('characters by their sound', () => {
  const table = soundTable();

  it("hold GB 2312's 6,763 characters and region and town names' others, each once at its reading, grouped by toneless syllable", () => {
    const chars = [
      ...Object.values(table)
        .map((c) => c.split('|')[0])
        .join(''),
    ];
    // GB 2312 lacks nine characters of region names (埗 of 东莞's 高埗镇, 滘 of its 道滘镇, 硚 of 武汉's 硚口区…)
    // and 144 of towns' names (簕 of 新兴县's 簕竹镇, 垟 of 温州's towns…).
    expect(chars).toHaveLength(6763 + 9 + 144);
    expect(new Set(chars).size).toBe(6763 + 9 + 144);
    expect(table.bu).toContain('埗');
    expect(table.le).toContain('簕');
    expect(table.yang).toContain('垟');
    expect(Object.keys(table).every((syllable) => /^[a-z]+$/.test(syllable))).toBe(true);
    expect(table.chang).toContain('长');
    expect(table.chang).toContain('常');
    expect(table.pu).toContain('莆');
    expect(table.lv).toContain('绿'); // ü as v, as pinyin-pro and the index write it
  });

  it('also hold a character at the other readings place names give it, after a |', () => {
    // 阿 is a in 阿坝, e in 东阿; 厦 xia in 厦门, sha in 塘厦; 埔 pu in 黄埔, bu in 大埔.
    expect(table.a.split('|')[0]).toContain('阿');
    expect(table.e.split('|')[1]).toContain('阿');
    expect(table.sha.split('|')[1]).toContain('厦');
    expect(table.bu.split('|')[1]).toContain('埔');
    expect(table.chang).not.toContain('|'); // 长 is zhang in no place name
  });

  it('read a query by its sound: its Chinese characters as pinyin, the rest as it is; each reading', () => {
    expect(bySound('常沙', table)).toEqual(['changsha']);
    expect(bySound('蒲田', table)).toEqual(['putian']);
    expect(bySound('郑洲 ', table)).toEqual(['zhengzhou']);
    expect(bySound('篙埗镇', table)).toEqual(['gaobuzhen']); // 高埗镇, its 埗 beyond GB 2312
    expect(bySound('簕珠', table)).toEqual(['lezhu']); // 簕竹镇, a town's 簕 beyond GB 2312
    expect(bySound('changsha', table)).toEqual([]);
    // The commoner reading first.
    expect(bySound('冬阿', table)).toEqual(['donga', 'donge']);
    expect(bySound('汤厦', table)).toEqual(['tangxia', 'tangsha']);
  });
});
