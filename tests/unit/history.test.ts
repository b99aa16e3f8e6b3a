// The table of abolished, merged and renamed divisions, and of those created after the site's codes
// (src/lib/history.ts): every row with its decision, pointing at a division that exists today, and
// resolving as operators write it.
import { describe, expect, it } from 'vitest';
import { APPROVALS } from '../../src/lib/approvals.ts';
import { FORMER, SOURCES, SPLIT } from '../../src/lib/history.ts';
import { FORMER_CODES } from '../../src/lib/history-codes.ts';
import { FORMER_OLDER } from '../../src/lib/history-older.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { Resolver } from '../../src/lib/resolve.ts';

const regions = new RegionIndex(buildRegions());
const resolver = new Resolver(regions);
const formerNames = new Set(FORMER.map((f) => f.name));

describe('the history table', () => {
  it('gives every row a year, the decision that made it, the first code table without it, and a successor that exists today', () => {
    for (const f of FORMER) {
      const row = `${f.name} → ${f.successor}`;
      expect(regions.get(f.successor), row).toBeDefined();
      // A county created after the site's codes has no table without it; any other row has one.
      if (f.created) expect([f.source, f.year], row).toEqual([undefined, 2024]);
      else expect(SOURCES[f.source!], row).toMatch(/^https?:\/\/(files2\.mca\.gov\.cn|www\.mca\.gov\.cn)\//);
      // The decision that made it: a document number (国函〔2014〕11号) or a dated notice, and its year.
      const approval = APPROVALS[f.approval];
      expect(approval, row).toBeDefined();
      expect(f.approval.match(/〔\d{4}〕\d+号$/) || approval.date, row).toBeTruthy();
      const approved = Number((approval.date ?? f.approval.match(/〔(\d{4})〕/)![1]).slice(0, 4));
      expect([approved, approved + 1], row).toContain(f.year);
      if (approval.url) expect(approval.url, row).toMatch(/^https:\/\/(www\.gov\.cn|zh\.wikisource\.org|www\.[a-z]+\.gov\.cn)\//);
      expect(f.year, row).toBeGreaterThanOrEqual(1981);
      expect(regions.get(f.within) ?? formerNames.has(f.within), `${row}: within ${f.within}`).toBeTruthy();
      if (f.created) continue;
      expect(f.year, row).toBeLessThanOrEqual(2023);
      // A row is sourced to the first table without the old name; the ministry's table of 2011-12
      // already shows changes approved in 2012, so a table may be a year older than its change.
      expect(Number(f.source!.slice(0, 4)), row).toBeGreaterThanOrEqual(f.year - 1);
    }
  });

  it('covers every year from 2010 to 2021 at county level; 2023 changed only suffixes, which resolve by the short name', () => {
    const years = new Set(FORMER.filter((f) => !f.name.endsWith('市') || f.within.slice(2) !== '0000').map((f) => f.year));
    for (let y = 2010; y <= 2021; y++) expect(years, String(y)).toContain(y);
    expect(FORMER.length).toBeGreaterThan(120);
    // No county-level division was abolished or renamed in 2022 or 2024 (history.ts says how we know).
    expect(resolver.resolve('林芝市米林县')).toMatchObject({
      status: 'warning',
      code: '540481',
      note: "米林县 (540422, until 2023) is 米林市 (540481) today (code table: the ministry's code tables, as github.com/yescallop/areacodes keeps them)",
    });
    expect(resolver.resolve('山南市错那县')).toMatchObject({
      status: 'warning',
      code: '540581',
      note: "错那县 (540530, until 2023) is 错那市 (540581) today (code table: the ministry's code tables, as github.com/yescallop/areacodes keeps them)",
    });
  });

  it("resolves every row written with its old prefecture, naming the successor, the year and the ministry's table", () => {
    const misses: string[] = [];
    for (const f of FORMER) {
      const within = regions.get(f.within);
      const prefix = within?.name ?? f.within;
      const r = resolver.resolve(prefix + f.name);
      // A current name beats a former one: 安徽省巢湖市 is today's county-level 巢湖市.
      const current = [...regions.byCode.values()].some((c) => c.name === f.name);
      // A prefecture split up or merged into a larger one names where its counties are now.
      const parts = FORMER.filter((c) => c.within === f.name).map((c) => c.successor);
      const split = !current && (f.merged || regions.get(f.successor)?.level !== 'prefecture') && parts.length > 0;
      const ok = split
        ? r.status === 'ambiguous' &&
          r.candidates
            ?.map((c) => c.code)
            .sort()
            .join() === [...new Set(parts)].sort().join()
        : r.code === f.successor && (current || (r.status === 'warning' && r.note?.includes(String(f.year))));
      if (!ok) misses.push(`${prefix}${f.name} → ${r.status} ${r.code ?? ''} ${r.note ?? ''}`);
    }
    expect(misses).toEqual([]);
  });

  it('resolves the counties created in 2024, after the codes the site follows, to the county each was carved from', () => {
    expect(resolver.resolve('和田地区和康县')).toMatchObject({
      status: 'warning',
      code: '653223',
      path: '新疆维吾尔自治区 和田地区 皮山县',
      note: expect.stringMatching(
        /^和康县 was created in 2024 from part of 皮山县, after the 2023 codes this site follows: used 新疆维吾尔自治区 和田地区 皮山县, the whole county, until the data has 和康县 \(.+设立和康县的公告 of 2024-12-27: https:\/\/www\.xinjiang\.gov\.cn\//,
      ),
    });
    // Its towns are the old county's in the data: 红柳镇, the seat of 和安县, was 和田县's.
    expect(resolver.resolve('和安县红柳镇')).toMatchObject({ status: 'warning', code: '653221', town: '红柳镇' });
    expect(resolver.resolve('新疆和田和康')).toMatchObject({ status: 'warning', code: '653223' });
  });

  it('answers the examples of the issue', () => {
    expect(resolver.resolve('广州市萝岗区')).toMatchObject({
      status: 'warning',
      code: '440112',
      note: expect.stringMatching(
        /萝岗区 was replaced in 2014 by 广东省 广州市 黄埔区 \(国函〔2014〕11号 of 2014-01-25: https:\/\/zh\.wikisource\.org\/.+; code table: http:\/\/files2\.mca\.gov\.cn\//,
      ),
    });
    expect(resolver.resolve('上海市闸北区')).toMatchObject({
      status: 'warning',
      code: '310106',
      note: expect.stringContaining('2015'),
    });
    expect(resolver.resolve('莱芜市莱城区')).toMatchObject({
      status: 'warning',
      code: '370116',
      note: expect.stringContaining('replaced in 2019 by 山东省 济南市 莱芜区 (国函〔2018〕163号 of 2018-12-26; code table'),
    });
    // The ministry's own table, not the statistics bureau's, for the changes after 2019-04.
    expect(resolver.resolve('杭州市江干区').note).toContain(
      '江干区 was split in 2021: used 浙江省 杭州市 上城区, its main part; its other part is now 钱塘区: write it to cover it too (浙政发〔2021〕7号 of 2021-03-11: https://www.zj.gov.cn/',
    );
    expect(resolver.resolve('杭州市江干区').note).toContain('code table: https://www.mca.gov.cn/article/sj/xzqh/1980/202203/');
    // Before 2009 (history-older.ts): 万县 as written today, in 重庆; 通县, 广州's 东山区, 思茅's 翠云区.
    expect(resolver.resolve('重庆万县')).toMatchObject({
      status: 'warning',
      code: '500101',
      note: expect.stringContaining('replaced in 1998 by 重庆市 万州区 (国函〔1998〕37号 of 1998-05-22'),
    });
    expect(resolver.resolve('北京市通县')).toMatchObject({ status: 'warning', code: '110112' });
    expect(resolver.resolve('广州市东山区')).toMatchObject({ status: 'warning', code: '440104' });
    expect(resolver.resolve('云南省翠云区').note).toContain('replaced in 2007 by 云南省 普洱市 思茅区 (国函〔2007〕8号');
    // A prefecture renamed under its code (大庸市, 1994), and approvals dated in Arabic digits (灌县, 1988).
    expect(resolver.resolve('湖南省大庸市').note).toContain(
      'replaced in 1994 by 湖南省 张家界市 (国函〔1994〕25号 of 1994-04-04',
    );
    expect(resolver.resolve('四川省渡口市')).toMatchObject({ status: 'warning', code: '510400' });
    expect(resolver.resolve('成都市灌县')).toMatchObject({ status: 'warning', code: '510181' });
  });

  it('reads the changes of 1981–2008 from the generator, not by hand: each row checked against the ministry tables', () => {
    // scripts/history-older.ts writes them; the ministry's tables of 1981–2008 are their sources.
    expect(FORMER_OLDER.length).toBeGreaterThan(80);
    for (const f of FORMER_OLDER) expect(Number(f.source!.slice(0, 4)), f.name).toBeLessThanOrEqual(2008);
    // No name twice for one place (万县 1992 and 万县区 1998: the last), none a town of its successor
    // answers already (均县: 丹江口市's 均县镇), none a current name of its province (番禺市: 番禺区).
    const seen = new Set(FORMER.map((f) => `${f.name}>${f.successor}`));
    expect(seen.size).toBe(FORMER.length);
    expect(FORMER_OLDER.map((f) => f.name)).not.toContain('万县');
    expect(FORMER_OLDER.map((f) => f.name)).not.toContain('均县');
    expect(FORMER_OLDER.map((f) => f.name)).not.toContain('番禺市');
    // Split between two to four current divisions (吴县 → 吴中区 and 相城区): listed, none of them guessed.
    expect(SPLIT.find((f) => f.name === '吴县')?.successors).toEqual(['320506', '320507']);
    for (const written of ['吴县', '江苏省吴县', '苏州吴县'])
      expect(resolver.resolve(written), written).toMatchObject({
        status: 'ambiguous',
        candidates: [{ code: '320506' }, { code: '320507' }],
        note: expect.stringMatching(/^吴县 ended in 1995 \(.*; its area is now 江苏省 苏州市 吴中区 and 江苏省 苏州市 相城区: /),
      });
    expect(resolver.resolve('浙江省吴县').status).toBe('unresolved');
    for (const f of SPLIT) {
      expect(f.successors.length, f.name).toBeGreaterThan(1);
      for (const code of f.successors) expect(regions.get(code), `${f.name} → ${code}`).toBeDefined();
      expect(SOURCES[f.source!], f.name).toBeDefined();
      expect(APPROVALS[f.approval], f.name).toBeDefined();
      expect(
        FORMER.map((o) => o.name),
        f.name,
      ).not.toContain(f.name);
    }
  });

  it('lists every part of a split division, its main part first, all under what it sat in', () => {
    const split = FORMER.filter((f) => f.parts);
    expect(split.map((f) => f.name).sort()).toEqual(['南郊区', '桥东区', '江干区', '蝶山区', '邢台县', '邯郸县'].sort());
    for (const f of split) {
      expect(f.parts![0], f.name).toBe(f.successor);
      expect(new Set(f.parts).size, f.name).toBe(f.parts!.length);
      for (const code of f.parts!) expect(regions.get(code)?.parent, `${f.name}: ${code}`).toBe(f.within);
    }
    // Alone, it is its main part, with the others named for the operator to add.
    expect(resolver.resolve('邯郸县')).toMatchObject({
      status: 'warning',
      code: '130403',
      note: expect.stringContaining(
        '邯郸县 was split in 2016: used 河北省 邯郸市 丛台区, its main part; its other parts are now 邯山区 and 复兴区: write them to cover them too',
      ),
    });
  });

  it('reads a town of a split division in the county it is in today, not only in the main part', () => {
    // 下沙街道 went from 江干区 to the new 钱塘区, not to 上城区; 晏家屯镇 from 邢台县 to 襄都区.
    expect(resolver.resolve('杭州江干区下沙街道')).toMatchObject({
      status: 'warning',
      code: '330114',
      town: '下沙街道',
      note: expect.stringMatching(
        /^江干区 was abolished in 2021 \(浙政发〔2021〕7号.+\); 下沙街道 is in 浙江省 杭州市 钱塘区 today; covers all of 钱塘区/,
      ),
    });
    expect(resolver.resolve('邢台县晏家屯镇')).toMatchObject({ status: 'warning', code: '130502', town: '晏家屯镇' });
    expect(resolver.resolve('邯郸县户村镇')).toMatchObject({ status: 'warning', code: '130404', town: '户村镇' });
    // In the main part, the note is the replacement's as before.
    expect(resolver.resolve('江干区采荷街道')).toMatchObject({
      code: '330102',
      note: expect.stringContaining('江干区 was replaced in 2021 by 浙江省 杭州市 上城区'),
    });
    // Still only below what the former division sat in: 吉首's 乾州街道 is no reading of it.
    expect(resolver.resolve('江干区乾州街道').status).toBe('unresolved');
  });

  it('warns that a short name was also a former prefecture, naming where its counties are now (莱芜, 巢湖)', () => {
    for (const input of ['莱芜', '山东莱芜', '济南莱芜'])
      expect(resolver.resolve(input), input).toMatchObject({
        status: 'warning',
        code: '370116',
        note: '莱芜市 was also a prefecture until 2019: used the place of that name today; its counties are now 莱芜区 and 钢城区: write the others to cover them too',
      });
    expect(resolver.resolve('安徽巢湖')).toMatchObject({
      status: 'warning',
      code: '340181',
      note: expect.stringContaining('含山县, 和县, 巢湖市, 庐江县 and 无为市'),
    });
    // The current name written whole is that place alone.
    expect(resolver.resolve('莱芜区')).toMatchObject({ status: 'resolved', code: '370116' });
  });

  it("offers a former division beside the towns whose short name is its short name (南汇: 温州's 南汇街道, 上海's 南汇区)", () => {
    expect(resolver.resolve('南汇')).toMatchObject({
      status: 'ambiguous',
      note: '2 places are called 南汇; write which: 南汇街道 or 南汇区',
      candidates: [
        { code: '330302', path: '浙江省 温州市 鹿城区 南汇街道' },
        { code: '310115', path: '上海市 浦东新区' },
      ],
    });
    expect(resolver.resolve('崇文').candidates).toContainEqual({ code: '110101', path: '北京市 东城区' });
    // Both in the same district: no question (萝岗街道 is in 黄埔区, as 萝岗区 now is).
    expect(resolver.resolve('萝岗')).toMatchObject({ status: 'warning', code: '440112' });
    // The full name is the former division's alone.
    expect(resolver.resolve('南汇区')).toMatchObject({ status: 'warning', code: '310115' });
    // After the places above both: 邢台's 桥东区 (now 襄都区) beside 沙河市's 桥东街道, not the town alone.
    expect(resolver.resolve('邢台桥东')).toMatchObject({
      status: 'ambiguous',
      note: '2 places are called 桥东 in 邢台; write which: 桥东街道 or 桥东区',
      candidates: [
        { code: '130582', path: '河北省 邢台市 沙河市 桥东街道' },
        { code: '130502', path: '河北省 邢台市 襄都区' },
      ],
    });
    expect(resolver.resolve('沈阳东陵').candidates!.map((c) => c.code)).toEqual(['210103', '210112']);
    // Written with its suffix, it is the former district alone.
    expect(resolver.resolve('邢台市桥东区')).toMatchObject({ status: 'warning', code: '130502' });
    // A county's short name after its prefecture, which a former county there had: 九江's 庐山市
    // (星子县 until 2016) or 庐山区 (濂溪区 since). Alone, today's county; a prefecture's name is
    // never asked about (株洲, not 株洲县).
    expect(resolver.resolve('九江庐山').candidates!.map((c) => c.code)).toEqual(['360483', '360402']);
    expect(resolver.resolve('庐山')).toMatchObject({ status: 'resolved', code: '360483' });
    expect(resolver.resolve('湖南株洲')).toMatchObject({ status: 'resolved', code: '430200' });
  });
});

describe('codes the divisions had before the 2023 codes (history-codes.ts)', () => {
  it('reads an old code as its division: the history row when there is one, else what took it over', () => {
    // The examples of the issue, by code: the same decision and table as by name.
    expect(resolver.resolve('440116')).toMatchObject({
      status: 'warning',
      code: '440112',
      note: expect.stringMatching(
        /^440116 was the code of 广东省 广州市 萝岗区 until 2014; 萝岗区 was replaced in 2014 by 广东省 广州市 黄埔区 \(国函〔2014〕11号/,
      ),
    });
    expect(resolver.resolve('310108')).toMatchObject({ status: 'warning', code: '310106' });
    expect(resolver.resolve('371202')).toMatchObject({ status: 'warning', code: '370116' });
    // No history row (汉阳县: history-older.ts leaves out a name whose short name 汉阳区 has): what
    // took it over, not the namesake.
    expect(resolver.resolve('420121')).toMatchObject({
      status: 'warning',
      code: '420114',
      note: "420121 was the code of 湖北省 武汉市 汉阳县 until 1992; 湖北省 武汉市 蔡甸区 took it over (yescallop/areacodes, from the ministry's code tables)",
    });
    // Split: the part of its name first (抚宁县 → 抚宁区), the others named.
    expect(resolver.resolve('130323')).toMatchObject({
      status: 'warning',
      code: '130306',
      note: expect.stringContaining('its other parts are now 海港区 and 北戴河区: write them to cover them too'),
    });
    // Split with no such part: the parts to choose from (a 地区 whose counties joined a city, 1993).
    const region = resolver.resolve('132100');
    expect(region).toMatchObject({
      status: 'ambiguous',
      note: expect.stringContaining('now part of 14 divisions (the first 10 below)'),
    });
    expect(region.candidates).toHaveLength(10);
    expect(region.candidates!.every((c) => c.path.startsWith('河北省 邯郸市 '))).toBe(true);
    // A prefecture's code is never its namesake county's (铁岭地区 is not 铁岭县), nor the county of
    // its name (巢湖市, 2011): the parts to choose from.
    for (const code of ['212100', '341400', '371200']) expect(resolver.resolve(code).status, code).toBe('ambiguous');
    // A county that became a city with counties: its counties to choose, not the whole city (日照县,
    // 1985), nor the city's namesake county (通化市 of 1985 is not 通化县).
    expect(resolver.resolve('372825').candidates!.map((c) => c.path)).toEqual([
      '山东省 日照市 东港区',
      '山东省 日照市 岚山区',
      '山东省 日照市 五莲县',
      '山东省 日照市 莒县',
      '山东省 日照市 日照经济技术开发区',
    ]);
    expect(resolver.resolve('222201').status).toBe('ambiguous');
    // Made after 2023 (和康县): the county it was carved from, as by name.
    expect(resolver.resolve('653228')).toMatchObject({ status: 'warning', code: '653223' });
    // A code in use today means what it means today (120110: 东郊区 until 1992, 东丽区 now).
    expect(resolver.resolve('120110')).toMatchObject({ status: 'resolved', code: '120110' });
    expect(resolver.resolve('999999')).toMatchObject({ status: 'unresolved' });
  });

  it('reads a division of the code tables by the name it had, as its code: alone, after the places above it, or with its suffix changed since', () => {
    // Gone (南汇县: 浦东新区 since 2001), with the places above it then or now written first.
    for (const written of ['南汇县', '上海南汇县', '上海市南汇县'])
      expect(resolver.resolve(written), written).toMatchObject({
        status: 'warning',
        code: '310115',
        note: "310225 was the code of 上海市 南汇县 until 2001; 上海市 浦东新区 took it over (yescallop/areacodes, from the ministry's code tables)",
      });
    // Split with no part of its name: the parts to choose from (巴县, 1994: 重庆市 巴南区 and four more).
    for (const written of ['巴县', '重庆巴县', '四川省重庆市巴县']) {
      const read = resolver.resolve(written);
      expect(read, written).toMatchObject({
        status: 'ambiguous',
        note: expect.stringMatching(/^510222 was the code of 四川省 重庆市 巴县 until 1994, now part of 5 divisions/),
      });
      expect(read.candidates!.map((c) => c.code)).toContain('500113');
    }
    expect(resolver.resolve('上海县').candidates!.map((c) => c.code)).toEqual(['310112', '310115']);
    // A name two divisions had (万县市: a county-level city until 1992, then a prefecture until 1997): both said.
    expect(resolver.resolve('万县市')).toMatchObject({
      status: 'ambiguous',
      note: expect.stringContaining(
        '2 former divisions had the name 万县市 (四川省 万县市, 511200, until 1997 and 四川省 万县地区 万县市, 512201, until 1992)',
      ),
    });
    // Not under a place it was never in.
    expect(resolver.resolve('湖南巴县').status).toBe('unresolved');
    // Its name with the suffix of a part of it today (宝安县: 宝安区, and 龙岗区 since): the split said, as by its code.
    expect(resolver.resolve('宝安县')).toMatchObject({
      status: 'warning',
      code: '440306',
      note: expect.stringMatching(
        /^宝安县 \(440321, until 1992\) was split: used 宝安区, its main part today; its other part is now 龙岗区: write it to cover it too \(code table: /,
      ),
    });
    expect(resolver.resolve('抚宁县')).toMatchObject({
      status: 'warning',
      code: '130306',
      note: expect.stringContaining('its other parts are now 海港区 and 北戴河区: write them to cover them too'),
    });
  });

  it('every old code resolves, to one of the divisions that took it over, or asks which', () => {
    const tally: Record<string, number> = {};
    for (const [code, [path, end, successors]] of Object.entries(FORMER_CODES)) {
      expect(regions.get(code), code).toBeUndefined();
      expect(successors.length, code).toBeGreaterThan(0);
      for (const s of successors) expect(regions.get(s), `${code} → ${s}`).toBeDefined();
      const read = resolver.resolve(code);
      tally[read.status] = (tally[read.status] ?? 0) + 1;
      expect(read.note, code).toContain(`${code} ${end === null ? 'is' : 'was'} the code of ${path}`);
      if (read.status === 'warning') {
        expect(successors, code).toContain(read.code);
        const region = regions.get(read.code!)!;
        // A prefecture's code: a prefecture, or the one division it became (沙市市 → 沙市区, 1994).
        if (code.endsWith('00') && region.level !== 'prefecture') expect(successors, code).toEqual([read.code]);
        // A county's code: never a whole city of counties, unless the history table says so (崖县 → 三亚市).
        if (!code.endsWith('00') && regions.children(region.code).some((r) => r.level === 'county'))
          expect(read.note, code).toContain(' was replaced in ');
      } else {
        expect(read.status, code).toBe('ambiguous');
        // Its parts, or the counties of a city it became part of (日照县).
        for (const { code: part } of read.candidates!)
          expect(
            regions.lineage(part).some((r) => successors.includes(r.code)),
            `${code} → ${part}`,
          ).toBe(true);
      }
    }
    // 3,240 codes: 2,859 to one division, 381 split with no main part.
    expect(tally).toEqual({ warning: 2859, ambiguous: 381 });
  });

  it("asks which when a name reads as a namesake elsewhere, but was another division's there (武汉汉阳县, 太原南郊区)", () => {
    // 汉阳县 became 蔡甸区 in 1992; 汉阳区 is another district.
    expect(resolver.resolve('武汉汉阳县')).toMatchObject({
      status: 'ambiguous',
      note: '汉阳县 reads as 湖北省 武汉市 汉阳区 (the suffix differs), but 湖北省 武汉市 汉阳县 (420121) was another division until 1992, now 蔡甸区: write which',
      candidates: [
        { code: '420105', path: '湖北省 武汉市 汉阳区' },
        { code: '420114', path: '湖北省 武汉市 蔡甸区' },
      ],
    });
    expect(resolver.resolve('武汉市武昌县').candidates!.map((c) => c.code)).toEqual(['420106', '420115']);
    // A town raised to a county-level city: 苍南县's 龙港镇, 龙港市 since 2019, not a town of 苍南县.
    expect(resolver.resolve('温州市苍南县龙港镇')).toMatchObject({
      status: 'warning',
      code: '330383',
      note: expect.stringContaining('龙港镇 was replaced in 2019 by 浙江省 温州市 龙港市 (民函〔2019〕83号; code table: '),
    });
    // In another province too: 资阳县 was 四川's (雁江区 since 1993), not 湖南 益阳's 资阳区; after its
    // province, that one, said.
    expect(resolver.resolve('资阳县').candidates!.map((c) => c.path)).toEqual(['湖南省 益阳市 资阳区', '四川省 资阳市 雁江区']);
    expect(resolver.resolve('四川资阳县')).toMatchObject({
      status: 'warning',
      code: '512002',
      note: expect.stringMatching(/^四川省 内江市 资阳县 \(511026\) existed until 1993; /),
    });
    // A suffix that changed on the same place stays a warning (双流县 → 双流区; 日喀则地区, whose
    // counties are 日喀则市's), and the short name alone is today's district.
    expect(resolver.resolve('成都双流县')).toMatchObject({ status: 'warning', code: '510116' });
    expect(resolver.resolve('日喀则地区')).toMatchObject({ status: 'warning', code: '540200' });
    expect(resolver.resolve('武汉汉阳')).toMatchObject({ status: 'resolved', code: '420105' });
    // Under its own prefecture, a division of that prefecture that is gone (太原's 南郊区, 1997), not
    // a county of the province read as moved there (大同's 南郊区, 云冈区 since 2018); a county that
    // did move is still read so (枞阳县, 安庆's until 2015).
    const gone = resolver.resolve('太原南郊区');
    expect(gone).toMatchObject({
      status: 'ambiguous',
      note: expect.stringMatching(/^山西省 太原市 南郊区 \(140112\) existed until 1997, now part of 4 divisions/),
    });
    expect(gone.candidates!.map((c) => c.path)).toEqual([
      '山西省 太原市 小店区',
      '山西省 太原市 迎泽区',
      '山西省 太原市 杏花岭区',
      '山西省 太原市 晋源区',
    ]);
    expect(resolver.resolve('安庆市枞阳县')).toMatchObject({ status: 'warning', code: '340722' });
    expect(resolver.resolve('太原南郊').candidates).toEqual(gone.candidates); // without its suffix
    // Renamed, not another: 鄂城县 became 鄂州市, where 鄂城区 is.
    expect(resolver.resolve('鄂州鄂城县')).toMatchObject({ status: 'warning', code: '420704' });
    // Written under another prefecture, the question is still asked, saying so; a warning always has
    // its place (never "used undefined").
    expect(resolver.resolve('孝感汉阳县')).toMatchObject({
      status: 'ambiguous',
      note: expect.stringMatching(/^汉阳县 is not in 孝感市; 汉阳县 reads as 湖北省 武汉市 汉阳区/),
    });
    for (const name of ['汉阳县', '武昌县', '鄂城县', '达川市'])
      for (const prefecture of regions.byCode.values())
        if (prefecture.level === 'prefecture' && /^(42|51)/.test(prefecture.code)) {
          const read = resolver.resolve(prefecture.name + name);
          if (read.status === 'warning' || read.status === 'resolved') expect(read.code, read.input).toBeDefined();
          else if (read.status === 'ambiguous') expect(read.candidates?.length ?? 0, read.input).toBeGreaterThan(0);
        }
  });
});
