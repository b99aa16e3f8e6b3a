// Characters by their sound (src/lib/sounds.ts), for a name typed with the right sound but the wrong
// character (常沙 for 长沙), and names.ts `bySound`, which reads a query with them.
import { describe, expect, it } from 'vitest';
import { bySound } from '../../src/lib/names.ts';
import { soundTable } from '../../src/lib/sounds.ts';

describe('characters by their sound', () => {
  const table = soundTable();

  it("hold GB 2312's 6,763 characters, each once, grouped by toneless syllable", () => {
    const chars = Object.values(table).join('');
    expect(chars).toHaveLength(6763);
    expect(new Set(chars).size).toBe(6763);
    expect(Object.keys(table).every((syllable) => /^[a-z]+$/.test(syllable))).toBe(true);
    expect(table.chang).toContain('长');
    expect(table.chang).toContain('常');
    expect(table.pu).toContain('莆');
    expect(table.lv).toContain('绿'); // ü as v, as pinyin-pro and the index write it
  });

  it('read a query by its sound: its Chinese characters as pinyin, the rest as it is', () => {
    expect(bySound('常沙', table)).toBe('changsha');
    expect(bySound('蒲田', table)).toBe('putian');
    expect(bySound('郑洲 ', table)).toBe('zhengzhou');
    expect(bySound('changsha', table)).toBeUndefined();
  });
});
