// What the recall tests share: the whole-country build (tests/recall/build.ts made it), where a place
// should lead, and asking many questions in an order Pagefind answers fast, misses reported by kind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildRegions, RegionIndex } from '../../src/lib/regions.ts';
import { townsByCounty, typedName } from '../../src/lib/towns.ts';
import { CITY_PARTS, COMMON_NAMES, ENGLISH_NAMES, shortName } from '../../src/lib/names.ts';
import { ALL, FIRST, type Found } from '../../src/scripts/find.ts';
import { doneFile } from './build.ts';
import { pagefindIn, type NodeSearch } from './pagefind-node.ts';

export const regions = new RegionIndex(buildRegions());
export const towns = [...townsByCounty(regions).values()].flat();
export const out = () => inject('allChina');
/** Waits for the whole-country build that tests/recall/build.ts started; throws what it printed if it failed. */
export async function built(): Promise<void> {
  while (!existsSync(doneFile(out()))) await sleep(500);
  const done = readFileSync(doneFile(out()), 'utf8');
  if (done !== 'ok') throw new Error(done);
}
let pages: Record<string, { path: string }> | undefined;
const pagesOf = () =>
  (pages ??= JSON.parse(readFileSync(join(out(), 'catalog.json'), 'utf8')).regions as Record<string, { path: string }>);
/** Where a search for a place should lead: its page, or the "not covered yet" answer. */
export const target = (code: string) => pagesOf()[code]?.path ?? `/regions/?uncovered=${code}`;
let codeAt: Map<string, string> | undefined;
/** The province of a result, by its URL. */
export const provinceOf = (url: string) => {
  codeAt ??= new Map(Object.entries(pagesOf()).map(([code, p]) => [p.path, code]));
  const code = url.match(/uncovered=(\d+)/)?.[1] ?? codeAt.get(url);
  return code ? regions.lineage(code)[0].name : undefined;
};

/** A place a question should find, and the town it should say it found (none for a region). */
export interface Place {
  url: string;
  town?: string;
}
const isPlace = (p: Place) => (url: string, named: string | undefined) => url === p.url && named === p.town;
export const first = (p: Place) => (urls: string[], named: (string | undefined)[]) => isPlace(p)(urls[0], named[0]);
export const every = (list: Place[]) => (urls: string[], named: (string | undefined)[]) =>
  list.every((p) => urls.some((u, i) => isPlace(p)(u, named[i])));

export interface Ask {
  q: string;
  /** Passes when the answer's results pass this. */
  ok: (urls: string[], towns: (string | undefined)[], found: Found) => boolean;
  what: string;
  filters?: Record<string, string>;
  all?: boolean;
}

/** The common names of a few places (呼市, 版纳, 内蒙; names.ts COMMON_NAMES) and the English ones
 *  (harbin, urumqi: ENGLISH_NAMES), alone: that place among the first three (巴州 is 巴中's 巴州区 too). */
export function commonNames(): Ask[] {
  return [...Object.entries(COMMON_NAMES), ...Object.entries(ENGLISH_NAMES)].flatMap(([code, names]) =>
    names.map((q) => ({ q, what: target(code), ok: (urls: string[]) => urls.slice(0, 3).includes(target(code)) })),
  );
}

/** Old addresses: a county with its suffix under the prefecture it left, a town of it, a street
 *  (资阳市简阳市石桥镇人民路5号: 简阳市's 石桥街道, 成都's since 2016; 巢湖市无为县…: 芜湖's 无为市 since
 *  2011), as near names (`town`: the town named first) — and what is none: a street named after a
 *  county (长沙市韶山路, 榆林市眉县大道), a district name several cities have (铁西区: 沈阳's, 鞍山's),
 *  likelier the city's own miswritten, which answer the place typed first (`moved` false). */
export function oldAddresses(): Ask[] {
  const cases: [q: string, code: string, town: string | undefined, moved: boolean][] = [
    ['资阳市简阳市石桥镇人民路5号', '510185', '石桥街道', true],
    ['资阳简阳市射洪坝街道', '510185', '射洪坝街道', true],
    ['巢湖市无为县无城镇', '340281', '无城镇', true],
    ['长沙市渌口区人民路5号', '430212', undefined, true],
    ['长沙渌口区火车站', '430212', undefined, true],
    ['长沙市韶山路88号', '430100', undefined, false],
    ['榆林市眉县大道132号', '610800', undefined, false],
    ['锦州市铁西区人民路5号', '210700', undefined, false],
  ];
  return cases.map(([q, code, town, moved]) => ({
    q,
    what: `${town ?? ''} ${target(code)}${moved ? ', near' : ''}`,
    ok: (urls, towns, found) => urls[0] === target(code) && towns[0] === town && (!moved || !found.exact),
  }));
}

/** Pagefind scans every index chunk loaded so far, so a search slows as they pile up, and starting
 *  afresh costs a new init and reloading the chunks. Counting chunks rather than questions (every
 *  500 before): the recall files in 109–111 s and ~200 CPU-s instead of 146 s and 271 (20, 80 or
 *  150 chunks of 1,250 postings: 128–150 s). 50 chunks of 1,250 postings, as many of 2,000. */
const RESET_AFTER_CHUNKS = 32;

/** Asks in query order (neighbouring questions share Pagefind's index chunks), starting afresh when
 *  enough chunks are loaded; answers the misses by kind, and where the time went. */
export async function ask(asks: Map<string, Ask[]>, search?: NodeSearch): Promise<Map<string, string[]>> {
  const flat = [...asks].flatMap(([kind, list]) => list.map((a) => ({ kind, ...a })));
  flat.sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
  const misses = new Map([...asks.keys()].map((k) => [k, [] as string[]]));
  search ??= await pagefindIn(out());
  const started = performance.now();
  const perKind = new Map<string, number>();
  for (let i = 0; i < flat.length; i++) {
    if (search.chunks() >= RESET_AFTER_CHUNKS) await search.reset();
    const a = flat[i];
    const t0 = performance.now();
    const found = await search.search(a.q, a.filters, a.all ? ALL : FIRST);
    perKind.set(a.kind, (perKind.get(a.kind) ?? 0) + performance.now() - t0);
    const urls = found.results.map((r) => r.url);
    if (
      !a.ok(
        urls,
        found.results.map((r) => r.town),
        found,
      )
    )
      misses
        .get(a.kind)!
        .push(`${a.q} (${a.what}) → ${urls.slice(0, 3).join(', ') || 'nothing'}${a.all ? ` (${urls.length})` : ''}`);
  }
  const ms = performance.now() - started;
  await search.close();
  console.log(
    `${flat.length} questions in ${Math.round(ms / 1000)} s (${(ms / flat.length).toFixed(2)} ms each; ${[...perKind].map(([k, v]) => `${k} ${Math.round(v / 1000)} s`).join(', ')})`,
  );
  for (const [kind, list] of asks) {
    const missed = misses.get(kind)!;
    const pct = (100 * (list.length - missed.length)) / list.length;
    console.log(
      `recall ${kind}: ${list.length - missed.length}/${list.length} (${pct.toFixed(2)}%), ${missed.length} missed` +
        (missed.length ? `:\n  ${missed.slice(0, 15).join('\n  ')}` : ''),
    );
  }
  return misses;
}

export const rate = (misses: string[], of: Ask[]) => 1 - misses.length / of.length;

/** Counties that moved (简阳 from 资阳 to 成都 in 2016, 枞阳 from 安庆 to 铜陵, 钢城 from 莱芜 to 济南)
 *  are written where they were; no table of moves is needed: the name the query ends with is a
 *  county of that province. Every 32nd county, under the next prefecture of its province, short
 *  names (资阳简阳) or full (资阳市简阳市); counted only where the county's name is its province's
 *  alone, and the pair as typed names nothing (else that is the answer). A sample: each of these
 *  questions loads index chunks of its own (25–60 ms alone, ten times that beside CI's other files). */
export function countiesUnderAnother(): Ask[] {
  const all = [...regions.byCode.values()];
  const words = new Set(towns.map((t) => typedName(t.name)));
  const list: Ask[] = [];
  let i = 0;
  for (const county of all) {
    if (county.level !== 'county' || !county.parent || regions.get(county.parent)!.level !== 'prefecture') continue;
    if (i++ % 32) continue;
    const province = regions.lineage(county.code)[0];
    const prefectures = all.filter((r) => r.parent === province.code && r.level === 'prefecture');
    const other = prefectures[(prefectures.findIndex((p) => p.code === county.parent) + 1) % prefectures.length];
    const namesakes = all.filter(
      (r) =>
        regions.lineage(r.code)[0] === province && [r.name, r.shortName].some((n) => n === county.shortName || n === county.name),
    );
    // Not a word for part of a city (河源市城区: part of 河源市, not 汕尾's 城区).
    if (other.code === county.parent || namesakes.length > 1 || county.shortName.length < 2 || CITY_PARTS.test(county.name))
      continue;
    const q = i % 64 === 1 ? other.name + county.name : other.shortName + county.shortName;
    if ([...words].some((w) => w.startsWith(q.slice(other.shortName.length)) && w !== county.name)) continue;
    list.push({ q, what: target(county.code), ok: (urls) => urls[0] === target(county.code) });
    // With a town of it (资阳简阳石桥镇), every 4th.
    const town = i % 128 === 33 ? towns.find((t) => t.county === county.code) : undefined;
    if (town && !q.endsWith('市'))
      list.push({
        q: q + typedName(town.name),
        what: `${target(county.code)} ${town.name}`,
        ok: first({ url: target(county.code), town: typedName(town.name) }),
      });
  }
  return list;
}

/** Named cases of townsBySound: after a county that has its prefecture's short name, a town of
 *  another county of that prefecture (东营碉口乡: 利津县's 刁口乡, not 东营区's) or of that county
 *  (抚顺石闻镇); after a name two places share, the one that has the town (甘南星十四镇: 黑龙江's 甘南县,
 *  not 甘肃's 甘南州; 永定楔家垭乡: 湖南's 永定区, not 福建's), whichever Pagefind ranks first
 *  (平顶山疵芭镇: 平顶山's zone, until its towns' chunks are loaded). But a place named with its
 *  suffix, or after the places it lies in, is that place: no town of a namesake (唐山开平沧城镇: not
 *  广东's 开平市's 苍城镇; 福州鼓楼宁海陆街道: not 南京's 宁海路街道; 东营区碉口乡). Typed with a town's
 *  suffix, a town of that place before a county elsewhere of that sound (唐山霜桥镇: not 承德's 双桥区);
 *  one whose pinyin that sound is whole before one it begins (和田奴而乡: 奴尔乡, then 努尔巴格街道),
 *  the suffix typed first (郴州花膛乡: 花塘乡, then 华塘镇). */
export function townsBySoundNamed(): Ask[] {
  return [
    ['东营碉口乡', '370522', '刁口乡'],
    ['抚顺石闻镇', '210421', '石文镇'],
    ['甘南星十四镇', '230225', '兴十四镇'],
    ['永定楔家垭乡', '430802', '谢家垭乡'],
    ['平顶山疵芭镇', '410425', '茨芭镇'],
    ['吉首千州街道', '433101', '乾州街道'],
    ['唐山开平沧城镇', '130205'],
    ['福州鼓楼宁海陆街道', '350102'],
    ['东营区碉口乡', '370502'],
    ['唐山霜桥镇', '130205', '双桥镇'],
    ['聊城樟秋镇', '371521', '张秋镇'],
    ['和田奴而乡', '653225', '奴尔乡'],
    ['郴州花膛乡', '431025', '花塘乡'], // the suffix typed first among those (华塘镇 after)
    ['郴州花膛', '431025', '花塘乡'], // without it, the one with more of the characters typed
    // Without a suffix too, a town of the place typed before a county elsewhere (唐山's 路北区).
    ['衡水六北', '131102', '路北街道'],
    ['惠州夫田', '441322', '福田镇'],
    ['日喀则荚措乡', '540221', '甲措乡'],
    // A town's character beyond GB 2312, typed right beside one of its sound (簕竹镇).
    ['新兴簕珠镇', '445321', '簕竹镇'],
    // A county's short name that is a province's too (乌海's 海南区), the query in a chunk after it.
    ['海南西卓孜山街道', '150303', '西卓子山街道'],
  ].map(([q, county, town]) => ({
    q,
    what: `${target(county)} ${town ?? '(no town)'}`,
    ok: first({ url: target(county), town }),
  }));
}

/** A town written with a character of its sound after its county (every other one) or prefecture
 *  (吉首千州街道, 湘西千州): every 500th town whose short name's first character has another of its one
 *  sound (the build's own table, /search-sounds.json, which GB 2312's characters fill), where that
 *  name is no place's and begins none. Its county first, the town named. */
export function townsBySound(): Ask[] {
  const table = JSON.parse(readFileSync(join(out(), 'search-sounds.json'), 'utf8')) as Record<string, string>;
  const soundOf = new Map<string, string>();
  for (const [syllable, chars] of Object.entries(table)) for (const c of chars.split('|')[0]) soundOf.set(c, syllable);
  const names = [...[...regions.byCode.values()].map((r) => r.name), ...towns.map((t) => typedName(t.name))];
  const list: Ask[] = [];
  towns.forEach((t, n) => {
    const name = typedName(t.name);
    const short = shortName(name, 'town');
    const [county, prefecture] = [regions.get(t.county)!, regions.get(regions.get(t.county)!.parent ?? '')];
    const sound = soundOf.get(short[0]);
    const other = sound ? [...table[sound].split('|')[0]].find((c) => c !== short[0] && !/[\u3400-\u4dbf]/.test(c)) : undefined;
    if (n % 500 || !other || short.length < 2 || county.level !== 'county' || !prefecture) return;
    const written = other + short.slice(1) + name.slice(short.length);
    const place = n % 1000 ? county.shortName : prefecture.shortName;
    if (names.some((x) => x.startsWith(other + short.slice(1)))) return;
    list.push({ q: place + written, what: `${target(t.county)} ${name}`, ok: first({ url: target(t.county), town: name }) });
  });
  return list;
}
