import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, toCsv } from '../../functions/admin/csv.ts';

describe('CSV for spreadsheets', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['+8613812341234', "'+8613812341234"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    // Full-width, as a Chinese keyboard types them.
    ['＝1+1', "'＝1+1"],
    ['＋8613812341234', "'＋8613812341234"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('neutralizes %j', (input, output) => {
    expect(spreadsheetSafe(input)).toBe(output);
  });

  it('leaves ordinary text alone', () => {
    expect(spreadsheetSafe('王先生')).toBe('王先生');
    expect(spreadsheetSafe('保险柜 = 打不开')).toBe('保险柜 = 打不开');
    expect(spreadsheetSafe(null)).toBe('');
    expect(spreadsheetSafe(42)).toBe('42');
  });

  it('writes UTF-8 CSV with a BOM, CRLF lines and RFC 4180 quoting', () => {
    expect(
      toCsv(
        ['单号', '称呼', '备注'],
        [
          ['BX-1', '=1', 'x"y'],
          ['BX-2', 'a,b', '第一行\n第二行'],
        ],
      ),
    ).toBe(`\uFEFF单号,称呼,备注\r\nBX-1,'=1,"x""y"\r\nBX-2,"a,b","第一行\n第二行"\r\n`);
  });
});
