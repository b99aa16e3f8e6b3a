// The table of traditional forms (src/lib/traditional.ts), kept in src/lib/traditional-forms.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simplify } from '../../src/lib/names.ts';
import { allTraditionalForms, FORMS_FILE } from '../../src/lib/traditional.ts';

describe('traditional forms of the characters place names have', () => {
  const kept = JSON.parse(readFileSync(FORMS_FILE, 'utf8'));

  it('are kept as the data and OpenCC make them (after upgrading either: node scripts/traditional-forms.ts)', () => {
    expect(kept).toEqual(allTraditionalForms());
  });

  it('replace a character as it is written alone and within a name, never one a place name has', () => {
    expect(simplify('廣東省廣州市黃埔區', kept)).toEqual(['广东省广州市黄埔区']);
    // 沈 alone stays 沈 in OpenCC's tables; 沈阳 is 瀋陽.
    expect(simplify('瀋陽市', kept)).toEqual(['沈阳市']);
    // 乾县 and 於潜镇 are places: OpenCC alone would make them 干县 and 于潜镇. 於 is also 于都县's 于:
    // second.
    expect(simplify('乾縣', kept)).toEqual(['乾县']);
    expect(simplify('於潛鎮', kept)).toEqual(['於潜镇', '于潜镇']);
    expect(simplify('於都縣', kept)).toEqual(['於都县', '于都县']);
    expect(Object.keys(kept.forms).length).toBeGreaterThan(1100);
    expect(kept.shared).toEqual({ 么: '幺', 於: '于', 洩: '泄', 鷺: '鹭' });
  });

  it("read the forms Taiwan's standard does not write: Hong Kong's, a simplified character's other one, old variants", () => {
    expect(simplify('邯鄲市複興區', kept)).toEqual(['邯郸市复兴区']); // 复: 復 and 複
    expect(simplify('南海區裏水鎮', kept)).toEqual(['南海区里水镇']); // Hong Kong's 裏 (Taiwan's 裡)
    expect(simplify('南海區裡水鎮', kept)).toEqual(['南海区里水镇']);
    expect(simplify('衞輝市', kept)).toEqual(['卫辉市']);
    expect(simplify('峯峯礦區', kept)).toEqual(['峰峰矿区']);
  });
});
