// Whole-country recall: the all-China fixture (every county-level unit covered, plus the towns of
// the county-less cities; tests/recall/build.ts builds it), every region and every town of China
// searched by name through the site's own search code (src/scripts/search-core.ts) over the built
// Pagefind index, run in Node (./pagefind-node.ts). recall-written.test.ts asks the towns written
// after their county or prefecture, recall-forms.test.ts the shorter forms, side by side with this
// file. Misses are printed by kind.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMER } from '../../src/lib/history.ts';
import { CITY_PARTS, prefectureForms, shortName, ZONE_NAME_END, zoneNames } from '../../src/lib/names.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { initialsOf } from '../../src/lib/search-terms.ts';
import { townsByCounty, typedName } from '../../src/lib/towns.ts';
import { cityOf, streetsByCity } from '../../src/lib/city-size.ts';
import { logFile } from './build.ts';
import {
  ask,
  built,
  every,
  first,
  out,
  provinceOf,
  rate,
  regions,
  target,
  towns,
  countiesUnderAnother,
  townsBySound,
  townsBySoundNamed,
  type Ask,
  type Place,
  oldAddresses,
  commonNames,
} from './ask.ts';
import { formerDivisions } from './former-divisions.ts';

// The build runs while other tests start (tests/recall/build.ts).
beforeAll(built, 180_000);

describe('the whole-country build', () => {
  it("stays under Cloudflare's 20,000 static-asset files", () => {
    const count = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : 1), 0);
    const files = count(out());
    console.log(`all-China build: ${files} files`);
    expect(files).toBeLessThan(20_000);
  });

  it('writes the search index begun before Astro loaded (npm run build), and leaves the records out of the site', () => {
    // scripts/search-index.ts: the index a worker thread began from the content files is the one the
    // records endpoint confirmed (the same brands and coverage as the pages), so what this file and
    // the other recall files search is that index. Astro colours its log when CI is set, even into a pipe.
    expect(stripVTControlCharacters(readFileSync(logFile(out()), 'utf8'))).toMatch(
      /\[baoxiu:search-index\] 3\d{3} records in \d+ ms, begun before Astro loaded \(beside the pages\)/,
    );
    expect(existsSync(join(out(), 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(out(), 'search-records.json'))).toBe(false);
  });

  it("lists prefectures, not the country's 2,900 counties, in the form's select without JavaScript", () => {
    // catalog.pickerBelow: counties only for a site with few (the sample's: tests/site/pages.test.ts).
    const select = /<select id="lead-region".*?<\/select>/s.exec(readFileSync(join(out(), 'index.html'), 'utf8'))![0];
    const codes = [...select.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]);
    expect(codes).toContain('433100');
    expect(codes).not.toContain('433101');
    expect(codes.length).toBeLessThan(600); // 482: provinces, prefectures and the four cities' districts
  });
});

describe('search recall over the whole country', () => {
  it('finds every region in the top three by full name, short name and pinyin, and a province or prefecture by its initials', async () => {
    // A name shared by more than three regions (朝阳区 ×2, 朝阳市, 朝阳县…) cannot put them all in the
    // top three: those count as found when they are in the top n of their n namesakes.
    const kinds = new Map<string, Ask[]>([
      ['region full', []],
      ['region short', []],
      ['region 州 form (湘西州)', []],
      ['region pinyin', []],
      ['region 州 form in pinyin (xiangxizhou)', []],
      ['province or prefecture by its initials (cs, sh)', []],
    ]);
    const namesakes = new Map<string, number>();
    const add = (kind: string, q: string, code: string) => {
      kinds.get(kind)!.push({ q, what: `${code} ${target(code)}`, ok: () => true });
      namesakes.set(`${kind}:${q}`, (namesakes.get(`${kind}:${q}`) ?? 0) + 1);
    };
    for (const r of regions.byCode.values()) {
      add('region full', r.name, r.code);
      if (r.shortName !== r.name && r.shortName.length >= 2) add('region short', r.shortName, r.code);
      for (const zhou of r.level === 'prefecture' ? prefectureForms(r.name).slice(0, 1) : []) {
        add('region 州 form (湘西州)', zhou, r.code);
        add('region 州 form in pinyin (xiangxizhou)', pinyinSlug(zhou), r.code);
      }
      add('region pinyin', pinyinSlug(r.name), r.code);
      for (const initials of initialsOf(r)) add('province or prefecture by its initials (cs, sh)', initials, r.code);
    }
    for (const [kind, list] of kinds) {
      for (const a of list) {
        const url = a.what.split(' ')[1];
        const top = Math.max(3, namesakes.get(`${kind}:${a.q}`)!);
        a.all = top > 3;
        a.ok = (urls) => urls.slice(0, top).includes(url);
      }
    }
    const misses = await ask(kinds);
    expect(regions.byCode.size).toBeGreaterThan(3400);
    for (const list of misses.values()) expect(list).toEqual([]);
  }, 600_000);

  it('finds a county after its autonomous prefecture written any way operators write it (黔西南布依族兴义市, 伊犁哈萨克伊宁市, 湘西自治州吉首市)', async () => {
    const list: Ask[] = [];
    const forms = (name: string) => {
      const written = prefectureForms(name);
      return written.length ? [...written, `${shortName(name, 'prefecture')}自治州`] : [];
    };
    for (const p of regions.byCode.values())
      for (const form of p.level === 'prefecture' ? forms(p.name) : [])
        for (const county of regions.children(p.code))
          list.push({ q: form + county.name, what: target(county.code), ok: first({ url: target(county.code) }) });
    expect(list.length).toBeGreaterThan(600);
    const misses = await ask(new Map([['county after an autonomous prefecture', list]]));
    expect(misses.get('county after an autonomous prefecture')).toEqual([]);
  });

  it("puts the bigger city's first among counties of one name (南山区: 深圳's, then 鹤岗's)", async () => {
    // Every county-level name of several cities (and no other region), bigger by the 街道 the data
    // gives each city (src/lib/city-size.ts), where one city is bigger than the rest.
    const streets = streetsByCity(regions, townsByCounty(regions));
    const byName = new Map<string, string[]>();
    for (const r of regions.byCode.values()) byName.set(r.name, [...(byName.get(r.name) ?? []), r.code]);
    const list: Ask[] = [];
    for (const [name, codes] of byName) {
      if (codes.length < 2 || codes.some((c) => regions.get(c)!.level !== 'county')) continue;
      const sized = codes.map((c) => ({ c, n: streets.get(cityOf(regions.get(c)!)) ?? 0 })).sort((a, b) => b.n - a.n);
      if (sized[0].n === sized[1].n) continue;
      list.push({ q: name, what: target(sized[0].c), ok: (urls) => urls[0] === target(sized[0].c) });
    }
    expect(list.map((a) => a.q)).toEqual(expect.arrayContaining(['南山区', '朝阳区', '鼓楼区', '普陀区', '白云区']));
    const misses = await ask(new Map([['namesakes, the bigger city first', list]]));
    expect(misses.get('namesakes, the bigger city first')).toEqual([]);
  });

  it('lists the places right under a province or prefecture after it (湖南省 → 长沙市, 北京 → 东城区)', async () => {
    // The first result that is not a place of that name (海南: 海南省, 海南藏族自治州, 海南区) is a place
    // right under one of them. Pagefind may match these by their metadata alone (search-core.ts). It
    // loads only the index chunk a word falls in: where the words of the places under it (德阳旌阳区)
    // begin the next chunk, find.ts has Pagefind load that one too (2 of 728 missed before).
    const under = new Map<string, Set<string>>();
    for (const r of regions.byCode.values())
      if (r.parent) under.set(r.parent, (under.get(r.parent) ?? new Set()).add(target(r.code)));
    const list: Ask[] = [];
    for (const r of regions.byCode.values()) {
      if ((r.level !== 'province' && r.level !== 'prefecture') || !under.has(r.code)) continue;
      for (const q of new Set([r.name, r.shortName])) {
        const namesakes = [...regions.byCode.values()].filter((n) => n.name === q || n.shortName === q);
        const own = new Set(namesakes.map((n) => target(n.code)));
        const kids = new Set(namesakes.flatMap((n) => [...(under.get(n.code) ?? [])]));
        list.push({
          q,
          what: target(r.code),
          ok: (urls) => urls.includes(target(r.code)) && kids.has(urls.find((u) => !own.has(u))!),
        });
      }
    }
    expect(list.length).toBeGreaterThan(700);
    const misses = await ask(new Map([['places under a province or prefecture', list]]));
    expect(misses.get('places under a province or prefecture')).toEqual([]);
  });

  it('finds a former division by its old name (闸北区, 萝岗区, 吴县: 吴中区 and 相城区, 邯郸县: its three parts), a county newer than the data (和康县), a civil-affairs name (西沙区) and an area of a city (汉口), saying where it is now', async () => {
    const { divisions, areas, areaThen } = formerDivisions();
    expect(divisions.length + areas.length + areaThen.length).toBeGreaterThan(100);
    const kinds = new Map([
      ['former or newer division', divisions],
      ['area of a city', areas],
      ['county or town after an area of a city', areaThen],
    ]);
    const misses = await ask(kinds);
    for (const kind of kinds.keys()) expect(misses.get(kind), kind).toEqual([]);
  });

  it('finds a place by its common name (呼市, 版纳) or its English one (harbin, urumqi)', async () => {
    const misses = await ask(new Map([['common or English name', commonNames()]]));
    expect(misses.get('common or English name')).toEqual([]);
  });

  it('finds a county written under another prefecture of its province (资阳简阳: where 简阳 was before it moved), and a place under its own with a character of its sound, never said to lie elsewhere (湘西急首, 东莞胡门镇)', async () => {
    const list = countiesUnderAnother();
    // Named cases, each of which must pass. With a character of its sound (资阳简扬: 简阳市), as a pinyin
    // keyboard lets slip; under the prefecture's former name, short or full (襄樊 is 襄阳 since 2010;
    // 莱芜市 part of 济南 since 2019); a prefecture's short name that is a town's too (凉山乡城: 凉山州's
    // 乡城县 is meant, not 元谋县's 凉山乡).
    const named: Ask[] = [];
    for (const [q, code] of [
      ['资阳简扬', '510185'],
      ['安庆纵阳', '340722'],
      ['莱芜钢成', '370117'],
      ['襄樊樊城', '420606'],
      ['莱芜钢城', '370117'],
      ['襄樊市樊城区', '420606'],
      ['莱芜市钢城区', '370117'],
      ['凉山乡城', '513336'],
      // A former county under its former prefecture (思茅市 is 普洱市, 翠云区 思茅区, since 2007).
      ['思茅市翠云区', '530802'],
      // With a town's suffix after it, where a town of the place typed begins with its sound but is not
      // spelled so (张家口固岸乡: 怀来县's 官厅镇, guanting; 本溪新敏乡: 新明街道, xinming).
      ['张家口固岸乡', '131022'],
      ['本溪新敏乡', '210181'],
      // Written exactly where a town of the place typed sounds alike (长沙县's 路口镇, 新会's 会城街道,
      // 沂水县's 沂城街道): the county, which keeps more of the characters typed.
      ['长沙渌口', '430212'],
      ['新会惠城', '441302'],
      ['临沂峄城', '370404'],
    ])
      named.push({ q, what: target(code), ok: (urls) => urls[0] === target(code) });
    // A character of its sound under its own prefecture (湘西急首, 长沙岳鹿, 东莞胡门镇: a town of a
    // county-less city): the place, said to be a near name, never to lie elsewhere (“吉首市”不在“湘西”).
    const humen = [...regions.byCode.values()].find((r) => r.parent === '441900' && r.name === '虎门镇')!.code;
    for (const [q, code] of [
      ['湘西急首', '433101'],
      ['长沙岳鹿', '430104'],
      ['东莞胡门镇', humen],
      // Whole where its short form is one character (宁乡 without 乡), and another county's suffix.
      ['长沙凝乡', '430182'],
      ['湘潭相乡', '430381'],
    ])
      named.push({ q, what: target(code), ok: (urls, _, found) => urls[0] === target(code) && !found.exact && !found.under });
    named.push(...oldAddresses());
    // A town of a county beside the one typed (巢湖市庐江县汤池镇: both 合肥's since 2011): that town first.
    named.push({
      q: '巢湖市庐江县汤池镇中心路',
      what: `汤池镇 ${target('340124')}`,
      ok: (urls, towns) => urls[0] === target('340124') && towns[0] === '汤池镇',
    });
    // Moved, it is said so (资阳简扬: “简阳市”不在“资阳”).
    named.push({
      q: '资阳简扬',
      what: `${target('510185')} under 资阳`,
      ok: (urls, _, found) => urls[0] === target('510185') && found.under === '资阳',
    });
    // Two counties of one prefecture run together (龙华宝安: 深圳's 宝安区 and 龙华区), after it too, are
    // both, the last named first.
    for (const [q, a, b] of [
      ['龙华宝安', '440306', '440309'],
      ['芙蓉天心', '430103', '430102'],
      ['深圳龙华宝安', '440306', '440309'],
    ])
      named.push({ q, what: `${target(a)} ${target(b)}`, ok: (urls) => urls[0] === target(a) && urls[1] === target(b) });
    expect(list.length).toBeGreaterThan(50);
    const misses = await ask(
      new Map([
        ['county under another prefecture', list],
        ['county under another prefecture, named cases', named],
      ]),
    );
    expect(misses.get('county under another prefecture, named cases')).toEqual([]);
    expect(rate(misses.get('county under another prefecture')!, list)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds a town written with a character of its sound after its county or prefecture (吉首千州街道, 湘西千州), as near', async () => {
    const list = townsBySound();
    expect(list.length).toBeGreaterThan(60);
    // Asked on their own: Pagefind ranks over the index chunks loaded so far, and the list asks 东营碉口乡
    // too, which a second time would find 东营市 first.
    const missed = await ask(new Map([['town with a character of its sound after its place, named cases', townsBySoundNamed()]]));
    expect(missed.get('town with a character of its sound after its place, named cases')).toEqual([]);
    const misses = await ask(new Map([['town with a character of its sound after its place', list]]));
    expect(rate(misses.get('town with a character of its sound after its place')!, list)).toBeGreaterThanOrEqual(0.9);
  });

  it('finds a county or a town by a suffix it had or never had (双流县, 增城市, 长沙望城县, 简阳石桥镇), as near, and a development zone as residents write it (合肥高新区, 西安高新区, 合肥市高新区)', async () => {
    // Every 48th county whose short name is its own, written with another suffix that no place has and
    // no word begins with; alone, or after its prefecture's short name.
    const all = [...regions.byCode.values()];
    const shorts = new Map<string, number>();
    for (const r of all) shorts.set(r.shortName, (shorts.get(r.shortName) ?? 0) + 1);
    const names = [...all.map((r) => r.name), ...towns.map((t) => typedName(t.name))];
    const list: Ask[] = [];
    let i = 0;
    // Not a former name (遵义县 is 播州区 now, and answers so).
    const former = new Set(FORMER.map((f) => f.name));
    for (const r of all) {
      if (r.level !== 'county' || shorts.get(r.shortName) !== 1 || r.shortName.length < 2) continue;
      if (i++ % 48) continue;
      const suffix = ['县', '市', '区'].find((s) => !r.name.endsWith(s))!;
      const parent = r.parent ? regions.get(r.parent)! : undefined;
      const q = (i % 96 === 1 && parent?.level === 'prefecture' ? parent.shortName : '') + r.shortName + suffix;
      if (former.has(r.shortName + suffix) || names.some((n) => n.startsWith(r.shortName + suffix))) continue;
      list.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    // A 街道 written as the 镇 it was (简阳石桥镇: 石桥街道), after its county, and before it (石桥镇 简阳):
    // every 320th.
    const towns_: Ask[] = [];
    towns.forEach((t, n) => {
      const county = regions.get(t.county)!;
      const name = typedName(t.name);
      const short = name.replace(/街道$/, '');
      if (n % 320 || short === name || short.length < 2 || county.level !== 'county') return;
      const q = county.shortName + short + '镇';
      if (names.some((other) => other === short + '镇' || other.startsWith(q))) return;
      for (const written of [q, `${short}镇 ${county.shortName}`])
        towns_.push({ q: written, what: `${target(t.county)} ${name}`, ok: first({ url: target(t.county), town: name }) });
    });
    // Before its prefecture (太平镇 成都: 双流区's 太平街道, not the 50 太平镇 elsewhere).
    towns_.push({ q: '太平镇 成都', what: target('510116'), ok: first({ url: target('510116'), town: '太平街道' }) });
    // A town misspelt before its city is not the city's name with a suffix (莒县's 东莞镇): the city.
    towns_.push({ q: '胡门镇 东莞', what: target('441900'), ok: (urls) => urls[0] === target('441900') });
    // A development zone as residents write it, every 8th prefecture's (合肥高新区, 郑州经开区): the
    // data's zone first where it has one (合肥高新技术产业开发区; a town-level one, 徐州高新技术产业开发区,
    // its county), else the city, never a namesake elsewhere (西安高新区: 西安市, not 牡丹江's 西安区;
    // 镇江高新区: 镇江市, not 常州's town 高新区).
    const zones: Ask[] = [];
    const byName = new Map([...regions.byCode.values()].map((r) => [r.name, r.code]));
    for (const t of towns) if (!byName.has(typedName(t.name))) byName.set(typedName(t.name), t.county);
    const zoneOf = (q: string) => {
      for (const zone of zoneNames(q)) {
        const name = [...byName.keys()].find((n) => n.startsWith(zone.name));
        if (name) return byName.get(name);
      }
    };
    [...regions.byCode.values()]
      .filter((r) => r.level === 'prefecture')
      .forEach((p, n) => {
        if (n % 8) return;
        for (const end of ['高新区', '经开区']) {
          const q = p.shortName + end;
          const code = zoneOf(q) ?? p.code;
          zones.push({ q, what: target(code), ok: (urls) => urls[0] === target(code) });
        }
      });
    zones.push({ q: '西安高新区', what: target('610100'), ok: (urls) => urls[0] === target('610100') });
    // Every zone of the data named after its city, written after the city's full name (合肥市高新技术产业
    // 开发区, 合肥市高新区, 合肥市高新技术开发区, 苏州市工业园区): the zone's page.
    const afterCity: Ask[] = [];
    for (const r of regions.byCode.values()) {
      const city = regions.lineage(r.code).at(-2)!;
      if (
        r.level !== 'county' ||
        !ZONE_NAME_END.test(r.name) ||
        city.name === city.shortName ||
        !r.name.startsWith(city.shortName) ||
        r.name.startsWith(city.name)
      )
        continue;
      // And the shorter names residents give the two kinds most zones are (高新区, 高新技术开发区; 经开区, 经济开发区).
      const written = city.name + r.name.slice(city.shortName.length);
      const shorter = [
        ['高新技术产业开发区', '高新区', '高新技术开发区'],
        ['经济技术开发区', '经开区', '经济开发区'],
      ].flatMap(([full, ...others]) => (written.endsWith(full) ? others.map((o) => written.slice(0, -full.length) + o) : []));
      for (const q of [written, ...shorter])
        afterCity.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    expect(list.length).toBeGreaterThan(45);
    expect(towns_.length).toBeGreaterThan(12);
    // Both kinds asked: zones the data has, and cities without one.
    const inData = zones.filter((z) => zoneOf(z.q)).length;
    expect([inData > 5, zones.length - inData > 20]).toEqual([true, true]);
    expect(afterCity.length).toBeGreaterThan(100);
    const misses = await ask(
      new Map([
        ['another suffix', list],
        ['a town with another suffix', towns_],
        ['a development zone as residents write it', zones],
        ["a development zone after its city's full name", afterCity],
      ]),
    );
    expect(rate(misses.get('another suffix')!, list)).toBeGreaterThanOrEqual(0.98);
    expect(rate(misses.get('a town with another suffix')!, towns_)).toBeGreaterThanOrEqual(0.98);
    expect(misses.get('a development zone as residents write it')).toEqual([]);
    expect(misses.get("a development zone after its city's full name")).toEqual([]);
  });

  it('finds a place after its province in pinyin (hunan changsha, hunan长沙市), after a province that is a prefecture too (吉林朝阳), in pinyin then characters (changsha 岳麓), a town before its county in pinyin (qianzhou jishou), and before its prefecture or province (taiping chengdu)', async () => {
    // Every 6th prefecture or county, its short name in pinyin after its province's, where no other
    // place of that province spells its short name so.
    const all = [...regions.byCode.values()];
    const spelled = new Map<string, number>();
    const key = (r: (typeof all)[number]) => `${regions.lineage(r.code)[0].code} ${pinyinSlug(r.shortName)}`;
    for (const r of all) spelled.set(key(r), (spelled.get(key(r)) ?? 0) + 1);
    const list: Ask[] = [];
    let i = 0;
    for (const r of all) {
      if ((r.level !== 'prefecture' && r.level !== 'county') || spelled.get(key(r)) !== 1 || r.shortName.length < 2) continue;
      if (i++ % 6) continue;
      const q = `${pinyinSlug(regions.lineage(r.code)[0].shortName)} ${pinyinSlug(r.shortName)}`;
      list.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    // The province in pinyin, the place in characters (hunan长沙市): every 12th prefecture or county
    // whose full name is its own in its province.
    const inProvince = new Map<string, number>();
    const named = (r: (typeof all)[number]) => `${regions.lineage(r.code)[0].code} ${r.name}`;
    for (const r of all) inProvince.set(named(r), (inProvince.get(named(r)) ?? 0) + 1);
    const mixed: Ask[] = [];
    i = 0;
    for (const r of all) {
      if ((r.level !== 'prefecture' && r.level !== 'county') || inProvince.get(named(r)) !== 1 || i++ % 12 !== 3) continue;
      const q = `${pinyinSlug(regions.lineage(r.code)[0].shortName)}${r.name}`;
      mixed.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    // Three places typed apart, the narrowest last (hunan xiangxi jishou; sichuan chengdu shuangliu):
    // every 12th county under a prefecture, and every 200th town after its prefecture and county.
    const apart: Ask[] = [];
    const spell = (code: string) => pinyinSlug(regions.get(code)!.shortName);
    i = 0;
    for (const r of all) {
      const [province, prefecture] = regions.lineage(r.code);
      if (r.level !== 'county' || prefecture?.level !== 'prefecture' || spelled.get(key(r)) !== 1 || i++ % 12) continue;
      const q = [province, prefecture, r].map((p) => spell(p.code)).join(' ');
      apart.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    const townNames = new Map<string, number>();
    for (const t of towns)
      townNames.set(
        `${t.county} ${pinyinSlug(typedName(t.name))}`,
        (townNames.get(`${t.county} ${pinyinSlug(typedName(t.name))}`) ?? 0) + 1,
      );
    towns.forEach((t, n) => {
      const [, prefecture, county] = regions.lineage(t.county);
      const name = typedName(t.name);
      if (n % 200 || !county || prefecture.level !== 'prefecture' || townNames.get(`${t.county} ${pinyinSlug(name)}`) !== 1)
        return;
      const q = `${spell(prefecture.code)} ${spell(county.code)} ${pinyinSlug(name)}`;
      apart.push({ q, what: `${target(t.county)} ${name}`, ok: first({ url: target(t.county), town: name }) });
    });
    // A town, then its county, in pinyin (qianzhou jishou, qianzhoujiedao jishou; qianzhou 吉首): every 100th town whose
    // pinyin is its own in its county, with and without its suffix; not one that begins a region's
    // pinyin (lianghe pingshan: 梁河县 is as good a reading).
    const regionPinyin = [...regions.byCode.values()].flatMap((r) => [pinyinSlug(r.name), pinyinSlug(r.shortName)]);
    const turned: Ask[] = [];
    towns.forEach((t, n) => {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      if (n % 100 !== 50 || county.level !== 'county' || townNames.get(`${t.county} ${pinyinSlug(name)}`) !== 1) return;
      const town = pinyinSlug(n % 200 === 50 ? shortName(name, 'town') : name);
      if (town.length < 4 || regionPinyin.some((p) => p.startsWith(town))) return;
      // Every third with its county in characters (qianzhou 吉首: the input method switched on midway).
      const place = n % 300 === 250 ? county.shortName : spell(t.county);
      turned.push({
        q: `${town} ${place}`,
        what: `${target(t.county)} ${name}`,
        ok: first({ url: target(t.county), town: name }),
      });
    });
    // A town in pinyin before its prefecture (taiping chengdu), or before its county and province
    // (qianzhou jishou hunan), or after its province in characters (湖南 qianzhou): every 240th town
    // whose pinyin begins no other town's in that prefecture or province (zhuchang: 朱昌镇, and 纳雍's
    // 猪场苗族彝族乡 too), nor a region's.
    const wider: Ask[] = [];
    const spellings = new Map<string, string[]>();
    for (const t of towns)
      for (const r of regions.lineage(t.county).slice(0, 2))
        spellings.set(r.code, [...(spellings.get(r.code) ?? []), pinyinSlug(typedName(t.name))]);
    const alone = (code: string, town: string) => spellings.get(code)!.filter((p) => p.startsWith(town)).length === 1;
    towns.forEach((t, n) => {
      const [province, prefecture, county] = regions.lineage(t.county);
      const name = typedName(t.name);
      const town = pinyinSlug(shortName(name, 'town'));
      if (n % 240 !== 60 || !county || town.length < 4 || regionPinyin.some((p) => p.startsWith(town))) return;
      const q =
        n % 720 === 60 && prefecture.level === 'prefecture' && alone(prefecture.code, town)
          ? `${town} ${spell(prefecture.code)}`
          : n % 720 === 300 && county.level === 'county' && townNames.get(`${t.county} ${pinyinSlug(name)}`) === 1
            ? `${town} ${spell(county.code)} ${spell(province.code)}`
            : alone(province.code, town)
              ? `${province.shortName} ${town}`
              : '';
      if (q) wider.push({ q, what: `${target(t.county)} ${name}`, ok: first({ url: target(t.county), town: name }) });
    });
    // A town in characters with another suffix than its own and its prefecture in pinyin, either side
    // (成都's 太平街道); a shared name before its province in pinyin: every one in that province.
    for (const q of ['太平镇 chengdu', 'chengdu 太平镇', 'taiping chengdu'])
      wider.push({ q, what: target('510116'), ok: first({ url: target('510116'), town: '太平街道' }) });
    // The other way round, a name whole before a name begun (beilin xian: 西安's 碑林区, not 北林区's
    // 先锋街道, xianfeng); a province with the place typed whole after it (湖南吉首 qianzhou); a town
    // before its county in characters (乾州 jishou).
    for (const [q, code, town] of [
      ['beilin xian', '610103'],
      ['yanta xian', '610113'],
      ['湖南吉首 qianzhou', '433101', '乾州街道'],
      ['乾州 jishou', '433101', '乾州街道'],
    ])
      wider.push({ q, what: target(code), ok: first({ url: target(code), town }) });
    // A place and letters that name nothing (长沙 abc): nothing, not a place the letters begin (阿坝州).
    for (const q of ['长沙 abc', 'xyz 长沙']) wider.push({ q, what: 'nothing', ok: (urls) => urls.length === 0 });
    // A shared name before its province in pinyin (chengguan henan), asked for all: every town of the
    // province whose pinyin begins so, named; for a pinyin two provinces share (shanxi), both's.
    const spelledIn = (provinces: string[], word: string) =>
      towns.filter((t) => provinces.includes(regions.lineage(t.county)[0].name) && pinyinSlug(typedName(t.name)).startsWith(word))
        .length;
    for (const [q, word, provinces] of [
      ['chengguan henan', 'chengguan', ['河南省']],
      ['taiping sichuan', 'taiping', ['四川省']],
      ['chengguan shanxi', 'chengguan', ['山西省', '陕西省']],
    ] as const)
      wider.push({
        q,
        what: `${provinces.join(' and ')}: ${spelledIn([...provinces], word)} towns`,
        all: true,
        ok: (urls, named) =>
          urls.length >= spelledIn([...provinces], word) &&
          urls.every((u, k) => provinces.includes(provinceOf(u) as never) && pinyinSlug(named[k] ?? '').startsWith(word)),
      });
    // A place in pinyin, then one in it in characters (changsha 岳麓, jishou乾州: the input method
    // switched on midway): every 12th county after its prefecture, every 200th town after its county,
    // with and without a space.
    const switched: Ask[] = [];
    i = 0;
    for (const r of all) {
      const [, prefecture] = regions.lineage(r.code);
      // Not a county named as its prefecture (aba 阿坝: the prefecture is as good an answer).
      if (r.level !== 'county' || prefecture?.level !== 'prefecture' || r.shortName === prefecture.shortName) continue;
      if (r.shortName.length < 2 || i++ % 12 !== 6) continue;
      const q = `${spell(prefecture.code)}${i % 24 ? ' ' : ''}${r.shortName}`;
      switched.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    towns.forEach((t, n) => {
      const name = typedName(t.name);
      if (n % 200 !== 100 || regions.get(t.county)!.level !== 'county') return;
      const q = `${spell(t.county)}${n % 400 ? ' ' : ''}${name}`;
      switched.push({ q, what: `${target(t.county)} ${name}`, ok: first({ url: target(t.county), town: name }) });
    });
    // Not two towns of another county (普兰店区's 四平街道 and 铁西街道), nor a former name (济南市's 莱芜市).
    for (const [q, code] of [
      ['siping 铁西', '220302'],
      ['baiyin 靖远', '620421'],
      ['jinan 莱芜', '370116'],
    ])
      switched.push({ q, what: target(code), ok: (urls) => urls[0] === target(code) });
    // 吉林朝阳: 长春's 朝阳区 first, then 吉林市's towns of that name (舒兰市 朝阳镇).
    const [chaoyang, shulan] = [target('220104'), target('220283')];
    const jilin: Ask = {
      q: '吉林朝阳',
      what: `${chaoyang} ${shulan}`,
      ok: (urls, named) => urls[0] === chaoyang && every([{ url: shulan, town: '朝阳镇' }])(urls, named),
    };
    expect(list.length).toBeGreaterThan(400);
    const misses = await ask(
      new Map([
        ['province + place in pinyin', list],
        ['places typed apart in pinyin', apart],
        ['a town, then its county, in pinyin (qianzhou jishou, qianzhou 吉首)', turned],
        ['a town, then its prefecture or province (taiping chengdu, 湖南 qianzhou)', wider],
        ['province in pinyin, place in characters', mixed],
        ['province that is a prefecture too', [jilin]],
        ['pinyin, then characters (changsha 岳麓)', switched],
      ]),
    );
    expect(apart.length).toBeGreaterThan(300);
    expect(rate(misses.get('places typed apart in pinyin')!, apart)).toBeGreaterThanOrEqual(0.99);
    expect(turned.length).toBeGreaterThan(300);
    expect(
      rate(misses.get('a town, then its county, in pinyin (qianzhou jishou, qianzhou 吉首)')!, turned),
    ).toBeGreaterThanOrEqual(0.99);
    const widerMissed = misses.get('a town, then its prefecture or province (taiping chengdu, 湖南 qianzhou)')!;
    expect(wider.length).toBeGreaterThan(100);
    expect(rate(widerMissed, wider)).toBeGreaterThanOrEqual(0.99);
    for (const { q } of wider.slice(-12)) expect(widerMissed.filter((m) => m.startsWith(`${q} (`))).toEqual([]);
    expect(rate(misses.get('province + place in pinyin')!, list)).toBeGreaterThanOrEqual(0.99);
    expect(mixed.length).toBeGreaterThan(250);
    expect(rate(misses.get('province in pinyin, place in characters')!, mixed)).toBeGreaterThanOrEqual(0.99);
    expect(misses.get('province that is a prefecture too')).toEqual([]);
    expect(switched.length).toBeGreaterThan(300);
    expect(rate(misses.get('pinyin, then characters (changsha 岳麓)')!, switched)).toBeGreaterThanOrEqual(0.99);
  });

  it('finds a place written with what the customer wants done (长沙开锁, 保险柜维修吉首)', async () => {
    // Every 24th prefecture or county whose full and short names are its own, the service words before
    // or after it (a dozen searches each when no place answers as typed).
    const all = [...regions.byCode.values()];
    const names = new Map<string, number>();
    for (const r of all) for (const n of new Set([r.name, r.shortName])) names.set(n, (names.get(n) ?? 0) + 1);
    const list: Ask[] = [];
    let i = 0;
    for (const r of all) {
      if ((r.level !== 'prefecture' && r.level !== 'county') || names.get(r.name) !== 1 || names.get(r.shortName) !== 1) continue;
      if (r.shortName.length < 2 || i++ % 24) continue;
      const q = [`${r.name}开锁`, `保险柜维修${r.shortName}`, `${r.shortName}上门维修电话`][((i / 24) % 3) | 0];
      list.push({ q, what: target(r.code), ok: (urls) => urls[0] === target(r.code) });
    }
    expect(list.length).toBeGreaterThan(100);
    // A place and words that name one of its towns by a character only (长沙火车站: not 长沙's 火星街道;
    // 东莞中山: not 中堂镇), or none of its towns but the place's own name with the suffix typed, two
    // characters dropped (渭南栋门镇: not 麦积区's 渭南镇; 安阳廉都镇: not the 安阳镇s): the place, no town.
    const loose: Ask[] = [
      ['长沙火车站', '430100'],
      ['长沙南站', '430100'],
      ['长沙大学', '430100'],
      ['东莞中山', '441900'],
      ['渭南栋门镇', '610500'],
      ['安阳廉都镇', '410500'],
      // Even where another result of that near name lies in the place (普洱镇's search finds 镇沅县 too).
      ['普洱兴湖镇', '530800'],
    ].map(([q, code]) => ({ q, what: target(code), ok: (urls, named) => urls[0] === target(code) && !named[0] }));
    // A place's name that begins a town's name, a character of the town's ending mistyped (北京路孑道):
    // the towns of that name (北京路街道, in six counties), not the place (北京市).
    const slips: Ask[] = [
      ['北京路孑道', '北京路街道'],
      ['重庆路颉道', '重庆路街道'],
    ].map(([q, town]) => ({ q, what: town, ok: (_, named) => named[0] === town }));
    const misses = await ask(
      new Map([
        ['place with service words', list],
        ['place and words that name no town of it', loose],
        ['a town that begins with a place name, its ending mistyped', slips],
      ]),
    );
    expect(rate(misses.get('place with service words')!, list)).toBeGreaterThanOrEqual(0.99);
    expect(misses.get('place and words that name no town of it')).toEqual([]);
    expect(misses.get('a town that begins with a place name, its ending mistyped')).toEqual([]);
  });

  it('finds every town of China by its name', async () => {
    // Everything a town's name may also name: towns of counties (their county's page), the towns of
    // the county-less cities and other regions (their own page: 三乡镇 is in 中山 and in 宜阳县).
    const byName = new Map<string, Place[]>();
    const add = (name: string, place: Place) => byName.set(name, [...(byName.get(name) ?? []), place]);
    for (const t of towns) {
      // A town named as its county (西藏文化旅游创意园区, 金门县) is found as the county itself.
      if (typedName(t.name) !== regions.get(t.county)!.name)
        add(typedName(t.name), { url: target(t.county), town: typedName(t.name) });
    }
    const townNames = new Set(byName.keys());
    // A town of a county-less city (石龙镇) always, its own page first when its name is its own.
    const ownPages = new Set<string>();
    for (const r of regions.byCode.values()) {
      if (r.level === 'town') ownPages.add(target(r.code));
      if (r.level === 'town' || townNames.has(r.name)) add(r.name, { url: target(r.code) });
    }

    const kinds = new Map<string, Ask[]>([
      ['town, unique name: its page first', []],
      ['town of a county-less city (石龙镇), unique name: its own page first', []],
      ['town, shared name: every place listed', []],
      ['town, shared name within a province', []],
    ]);
    for (const [name, list] of byName) {
      if (list.length === 1) {
        const own = ownPages.has(list[0].url) && !list[0].town;
        kinds
          .get(
            own ? 'town of a county-less city (石龙镇), unique name: its own page first' : 'town, unique name: its page first',
          )!
          .push({ q: name, what: list[0].url, ok: first(list[0]) });
        continue;
      }
      kinds
        .get('town, shared name: every place listed')!
        .push({ q: name, what: `${list.length} places`, ok: every(list), all: true });
      // The province filter narrows a name that several provinces share.
      const province = provinceOf(list[0].url)!;
      const inProvince = list.filter((p) => provinceOf(p.url) === province);
      if (inProvince.length === list.length) continue;
      kinds.get('town, shared name within a province')!.push({
        q: name,
        what: `${inProvince.length} of ${list.length} in ${province}`,
        filters: { province },
        all: true,
        ok: (urls, named) => urls.every((u) => provinceOf(u) === province) && every(inProvince)(urls, named),
      });
    }
    const misses = await ask(kinds);
    expect(towns.length).toBeGreaterThan(40_000);
    expect(kinds.get('town of a county-less city (石龙镇), unique name: its own page first')!.length).toBeGreaterThan(50);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    expect(misses.get('town, shared name: every place listed')).toEqual([]);
  }, 1_200_000);
});
