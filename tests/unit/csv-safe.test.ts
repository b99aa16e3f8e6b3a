import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../functions/leads/csv-safe.ts';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+8613812341234', "'+8613812341234"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralizes %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('leaves ordinary text alone and quotes what RFC 4180 requires', () => {
    expect(csvCell('王先生')).toBe('王先生');
    expect(csvCell('保险柜 = 打不开')).toBe('保险柜 = 打不开');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvRow(['BX-1', '=1', 'x"y'])).toBe(`BX-1,'=1,"x""y"\r\n`);
  });
});
