// Search without JavaScript over the whole country: the Worker's place index (functions/regions/
// places.ts) read from the whole-country build's own files, as the Worker reads them, asked every
// town of China by its name, after its county and after its prefecture, and in pinyin. Misses are
// printed by kind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogIndex } from '../../functions/catalog.ts';
import { PlaceIndex, SHOWN } from '../../functions/regions/places.ts';
import type { Found } from '../../src/scripts/find.ts';
import type { Hit } from '../../src/scripts/search-hits.ts';
import { shortName } from '../../src/lib/names.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { typedName } from '../../src/lib/towns.ts';
import {
  ask,
  built,
  countiesUnderAnother,
  every,
  first,
  out,
  rate,
  regions,
  target,
  towns,
  townsBySound,
  townsBySoundNamed,
  type Ask,
  type Place,
  oldAddresses,
  commonNames,
} from './ask.ts';
import { formerDivisions } from './former-divisions.ts';
import type { NodeSearch } from './pagefind-node.ts';

beforeAll(built, 180_000);

/** The Worker's index as the recall's search: a result's URL and the town it names, as the page links them. */
function plainSearch(): NodeSearch {
  const json = (file: string) => JSON.parse(readFileSync(join(out(), file), 'utf8'));
  const index = new PlaceIndex(
    new CatalogIndex(json('catalog.json')),
    json('uncovered-regions.json'),
    json('towns.json'),
    json('search-traditional.json'),
    json('search-sounds.json'),
    json('search-pinyin.json'),
  );
  return {
    async search(q: string): Promise<Found> {
      // As the search page answers: near names too (functions/regions/page.ts).
      const { places, near } = index.answer(q);
      const results = places.slice(0, SHOWN).map((p) => ({
        url: p.path ?? `/regions/?uncovered=${p.code}`,
        town: p.level === 'town' && p.code.length === 6 ? p.name : undefined,
      }));
      return { results: results as Hit[], total: places.length, complete: true, exact: !near };
    },
    chunks: () => 0,
    reset: async () => {},
    close: async () => {},
  };
}

describe('search without JavaScript over the whole country', () => {
  it('finds every town by its name, after its county and after its prefecture', async () => {
    const kinds = new Map<string, Ask[]>([
      ['town, unique name: its page first', []],
      ['town, shared name: every place listed', []],
      ['county + town (吉首市乾州街道): its county first', []],
      ['prefecture + town (湘西乾州街道): its county first', []],
    ]);
    const byName = new Map<string, Place[]>();
    const add = (name: string, place: Place) => byName.set(name, [...(byName.get(name) ?? []), place]);
    const written = new Map<string, Place[]>();
    for (const t of towns) {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      // A town named as its county (金门县) is found as the county itself.
      if (name === county.name) continue;
      const place = { url: target(t.county), town: name };
      add(name, place);
      const parent = regions.get(county.parent!)!;
      for (const q of [`1${county.name}${name}`, `2${parent.shortName}${name}`])
        written.set(q, [...(written.get(q) ?? []), place]);
    }
    for (const r of regions.byCode.values()) if (r.level === 'town' || byName.has(r.name)) add(r.name, { url: target(r.code) });
    for (const [name, list] of byName) {
      if (list.length === 1)
        kinds.get('town, unique name: its page first')!.push({ q: name, what: list[0].url, ok: first(list[0]) });
      else kinds.get('town, shared name: every place listed')!.push({ q: name, what: `${list.length} places`, ok: every(list) });
    }
    for (const [key, list] of written) {
      const kind =
        key[0] === '1'
          ? 'county + town (吉首市乾州街道): its county first'
          : 'prefecture + town (湘西乾州街道): its county first';
      // Where the name is shared there too (三门峡城关镇: 卢氏县 and 灵宝市), every one of them.
      kinds
        .get(kind)!
        .push({ q: key.slice(1), what: list.map((p) => p.url).join(' '), ok: list.length > 1 ? every(list) : first(list[0]) });
    }
    const misses = await ask(kinds, plainSearch());
    expect(kinds.get('town, unique name: its page first')!.length).toBeGreaterThan(25_000);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    expect(misses.get('town, shared name: every place listed')).toEqual([]);
  }, 600_000);

  it('finds every town in pinyin, alone and before its county', async () => {
    const kinds = new Map<string, Ask[]>([
      ['town in pinyin, spelled so by no other place (qianzhou): its page first', []],
      ['town in pinyin, spelled so by others too (taiping): every place listed', []],
      ['town in pinyin with its suffix (qianzhoujiedao): its page first', []],
      ['town, then its county, in pinyin (qianzhou jishou): its county first', []],
    ]);
    // Who is spelled so: every region by its short name, every town without its suffix.
    const spelled = new Map<string, Place[]>();
    const spell = (pinyin: string, place: Place) => spelled.set(pinyin, [...(spelled.get(pinyin) ?? []), place]);
    for (const r of regions.byCode.values()) spell(pinyinSlug(r.shortName), { url: target(r.code) });
    const inCounty = new Map<string, number>();
    const asked = towns.map((t) => {
      const name = typedName(t.name);
      const short = shortName(name, 'town');
      const [pinyin, county] = [pinyinSlug(short), regions.get(t.county)!];
      const place = { url: target(t.county), town: name };
      if (name !== county.name) spell(pinyin, place);
      inCounty.set(`${t.county} ${pinyin}`, (inCounty.get(`${t.county} ${pinyin}`) ?? 0) + 1);
      return { name, short, pinyin, county, place };
    });
    for (const [i, t] of asked.entries()) {
      const list = spelled.get(t.pinyin);
      if (!list?.some((p) => p.town === t.name && p.url === t.place.url)) continue;
      if (list.length === 1) {
        kinds.get('town in pinyin, spelled so by no other place (qianzhou): its page first')!.push({
          q: t.pinyin,
          what: t.place.url,
          ok: first(t.place),
        });
        // Its suffix in pinyin after it, where it has one (every 4th, to keep CI within its minutes).
        if (t.short !== t.name && i % 4 === 0)
          kinds.get('town in pinyin with its suffix (qianzhoujiedao): its page first')!.push({
            q: pinyinSlug(t.name),
            what: t.place.url,
            ok: first(t.place),
          });
      }
      // The county's own spelling after the town's, where the town is the county's one so spelled.
      if (t.county.level === 'county' && inCounty.get(`${t.county.code} ${t.pinyin}`) === 1 && i % 2 === 0)
        kinds.get('town, then its county, in pinyin (qianzhou jishou): its county first')!.push({
          q: `${t.pinyin} ${pinyinSlug(t.county.shortName)}`,
          what: t.place.url,
          ok: first(t.place),
        });
    }
    // A spelling shared by at most as many places as the page lists (taiping: 50 towns), once each.
    for (const [pinyin, list] of spelled)
      if (list.length > 1 && list.length <= SHOWN && list.every((p) => p.town))
        kinds
          .get('town in pinyin, spelled so by others too (taiping): every place listed')!
          .push({ q: pinyin, what: `${list.length} places`, ok: every(list) });
    const misses = await ask(kinds, plainSearch());
    for (const [kind, list] of kinds) {
      expect(list.length, kind).toBeGreaterThan(3_000);
      expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    }
  }, 600_000);

  it('finds a county written under a prefecture it is not in, as typed or by its sound (资阳简阳, 资阳简扬), as near; two of one prefecture typed together, both (芙蓉天心)', async () => {
    const moved: Ask[] = [
      ['资阳简阳', '510185'],
      ['资阳简扬', '510185'],
      ['资阳简扬镇', '510185'],
      ['安庆纵阳', '340722'],
      ['泉州武夷山', '350782'],
      ['张家口固岸乡', '131022'],
      // Written in full after a town of the place typed (凉州区's 清水镇): 天水's 清水县.
      ['武威市清水县', '620521'],
      // Written exactly where a town of the place typed sounds alike (长沙县's 路口镇, 新会's 会城街道).
      ['长沙渌口', '430212'],
      ['新会惠城', '441302'],
      ['临沂峄城', '370404'],
    ].map(([q, code]) => ({ q, what: target(code), ok: (urls, _, found) => urls[0] === target(code) && !found.exact }));
    moved.push(...oldAddresses());
    // A county beside the one typed (龙华 and 宝安 are both 深圳's; 巢湖市 and 庐江县 合肥's; 莱芜区 and
    // 钢城区 济南's since 2019): both, the last named first, not as near names. A city's namesake
    // (东莞中山: 中山市, not 大连's 中山区) is neither: the place typed first.
    const beside: Ask[] = [
      ['深圳龙华宝安', '440306', '440309'],
      ['芙蓉天心', '430103', '430102'],
      ['巢湖庐江', '340124', '340181'],
      ['莱芜钢城', '370117', '370116'],
      ['东莞中山', '441900'],
      // That town typed without a county's suffix is the town (凉州区's 清水镇), not 天水's 清水县.
      ['武威清水', '620602'],
      // With a town of it, and an address (汤池镇 is 庐江县's): that town first, then 巢湖市.
      ['巢湖市庐江县汤池镇中心路', '340124', '340181'],
    ].map(([q, a, b]) => ({
      q,
      what: b ? `${target(a)} ${target(b)}` : target(a),
      ok: (urls, _, found) => urls[0] === target(a) && (!b || urls[1] === target(b)) && found.exact,
    }));
    // And the JavaScript search's sample (every 32nd county, under the next prefecture of its province).
    const list = countiesUnderAnother();
    const misses = await ask(
      new Map([
        ['county under another prefecture, named cases', moved],
        ['county beside the place typed', beside],
        ['county under another prefecture', list],
      ]),
      plainSearch(),
    );
    expect(misses.get('county under another prefecture, named cases')).toEqual([]);
    expect(misses.get('county beside the place typed')).toEqual([]);
    expect(rate(misses.get('county under another prefecture')!, list)).toBeGreaterThanOrEqual(0.98); // as the script's
  });

  it('finds a former division by its old name (闸北区, 萝岗区, 吴县), a civil-affairs name (西沙区) and an area of a city (汉口), saying where it is now; a place in it after it (两江新区鸳鸯街道)', async () => {
    // As the script does (recall.test.ts): /towns.json lists these names as towns of the places
    // holding them now (src/lib/names-as-towns.ts), which may stand before a town of that place.
    const { divisions, areas, areaThen } = formerDivisions();
    const kinds = new Map([
      ['former or newer division', divisions],
      ['area of a city', areas],
      ['county or town after an area of a city', areaThen],
    ]);
    const misses = await ask(kinds, plainSearch());
    for (const kind of kinds.keys()) expect(misses.get(kind), kind).toEqual([]);
  });

  it('finds a place by its common name (呼市, 版纳) or its English one (harbin, urumqi), as the script does', async () => {
    const misses = await ask(new Map([['common or English name', commonNames()]]), plainSearch());
    expect(misses.get('common or English name')).toEqual([]);
  });

  it('finds a town written with a character of its sound after its county or prefecture (吉首千州街道), as near', async () => {
    const list = townsBySound();
    expect(list.length).toBeGreaterThan(60);
    const misses = await ask(
      new Map([
        ['town with a character of its sound after its place', list],
        ['town with a character of its sound after its place, named cases', townsBySoundNamed()],
      ]),
      plainSearch(),
    );
    expect(misses.get('town with a character of its sound after its place, named cases')).toEqual([]);
    expect(rate(misses.get('town with a character of its sound after its place')!, list)).toBeGreaterThanOrEqual(0.9);
  });
});
