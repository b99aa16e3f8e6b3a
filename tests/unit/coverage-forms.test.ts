// Every county of China, and every prefecture, written as operators' lists write them, through the
// import's line reader and list check (scripts/coverage-lines.ts, coverage-list.ts): how many read as
// themselves. A change to either that reads lists differently shows here first (a rule that dropped a
// repeated word took 省：市 县 from 2,964 to 2,923: 长沙 长沙 is 长沙县). The floors are today's counts;
// the misses are names places share, asked as they should be (朝阳区 alone: 北京's or 长春's?).
import { describe, expect, it } from 'vitest';
import { entriesOf } from '../../scripts/coverage-lines.ts';
import { checkList } from '../../scripts/coverage-list.ts';
import { buildRegions, RegionIndex, type Region } from '../../src/lib/regions.ts';
import { ok, Resolver } from '../../src/lib/resolve.ts';

const regions = new RegionIndex(buildRegions());
const resolver = new Resolver(regions);
const all = [...regions.byCode.values()];
const counties = all.filter((r) => r.level === 'county');

/** Whether the list `text` has an entry that resolves to `code`. */
function reads(text: string, code: string): boolean {
  const results = entriesOf(text, resolver, regions).map((e) => resolver.resolve(e));
  checkList(results, resolver, regions);
  return results.some((r) => ok(r) && r.code === code);
}

const names = (r: Region) => regions.lineage(r.code);
/** Each form, how many counties it reads (2,974 in all), and every how many counties it is tried
 *  (县 省, read by trying the words reversed, takes 23 s for all of them). */
const FORMS: [string, (c: Region) => string, number, number?][] = [
  [
    '省 市 县',
    (c) =>
      names(c)
        .map((r) => r.name)
        .join(' '),
    2974,
  ],
  [
    '市 县',
    (c) =>
      names(c)
        .slice(1)
        .map((r) => r.name)
        .join(' '),
    2967,
  ],
  [
    '市县',
    (c) =>
      names(c)
        .slice(1)
        .map((r) => r.name)
        .join(''),
    2967,
  ],
  [
    '省：市 县 (short names)',
    (c) =>
      `${names(c)[0].shortName}：${names(c)
        .slice(1)
        .map((r) => r.shortName)
        .join(' ')}`,
    2964,
  ],
  ['县 省', (c) => `${c.name} ${names(c)[0].shortName}`, 984, 3],
  [
    '市：县、县 (a sibling first)',
    (c) => {
      const sibling = counties.find((s) => s.parent === c.parent && s.code !== c.code);
      const city = names(c)
        .slice(1, -1)
        .map((r) => r.shortName)
        .join('');
      return `${city}：${sibling ? `${sibling.name}、` : ''}${c.name}`;
    },
    2972,
  ],
];

describe('every county written as lists write it', () => {
  for (const [form, write, floor, every = 1] of FORMS) {
    const tried = counties.filter((_, i) => i % every === 0);
    it(`${form}: at least ${floor} of ${tried.length} read as themselves`, () => {
      const missed = tried.filter((c) => !reads(write(c), c.code));
      expect(tried.length - missed.length, missed.slice(0, 12).map(write).join(' | ')).toBeGreaterThanOrEqual(floor);
      // 9 s alone for 县 省; 36 s beside the other unit files on a loaded machine (2026-12-05).
    }, 120_000);
  }

  it('every prefecture written after its province, reversed (长沙 湖南): at least 321 of 333', () => {
    const prefectures = all.filter((r) => r.level === 'prefecture');
    const read = prefectures.filter((p) => reads(`${p.shortName} ${names(p)[0].shortName}`, p.code));
    expect(prefectures).toHaveLength(333);
    expect(read.length).toBeGreaterThanOrEqual(321);
  });
});
