// Every town of China written after its county (吉首市乾州街道) or its prefecture (湘西乾州街道): its
// county's page first, or every county where that names several towns. A town that is the only one
// so written is asked one way, every 4th town after its county and another 4th after its prefecture
// (~10,300 questions each; every town both ways was 82,000 questions, a third of CI's CPU, and half
// of them 77 s of a 600 s CI at load 7; search without JavaScript asks every town both ways:
// recall-plain.test.ts). Runs beside recall.test.ts over the same whole-country build
// (tests/recall/build.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { prefectureForms, shortName } from '../../src/lib/names.ts';
import { typedName } from '../../src/lib/towns.ts';
import { ask, built, every, first, rate, regions, target, towns, type Ask, type Place } from './ask.ts';

/** Every 50th town after its prefecture and county's full names, and after the prefecture's short name. */
const FULL =
  'prefecture + county + town, full names (毕节市威宁彝族回族苗族自治县观风海镇), every 50th: its county first, the town named';
const PREFECTURE_SHORT =
  'prefecture short + county + town (铜陵铜官区露采社区街道), every 50th: its county first, the town named';

/** A town name places elsewhere have too, after its prefecture and a space: the prefecture's towns of
 *  that name alone, not one elsewhere beside a town whose name begins with the prefecture's (张掖 火车站街道:
 *  not 兰州 城关区's, which has 张掖路街道). */
const SHARED_SPACED =
  'prefecture, space, a town name places elsewhere have too (南阳 城关镇, 张掖 火车站街道), every 3rd: its counties alone';

const UNSUFFIXED_ADDRESS =
  'an address after county + town without its suffix (尖草坪区南寨新华社区), every 100th: its county first, the town named';

// The build runs while other tests start (tests/recall/build.ts).
beforeAll(built, 180_000);

describe('search recall over the whole country', () => {
  it('finds every town written after its county or its prefecture', async () => {
    const kinds = new Map<string, Ask[]>([
      ['county + town, every 4th town: its county first', []],
      ['prefecture + town, every 4th town (others): its county first', []],
      ['prefecture, space, town (湘西 乾州街道), every 20th: its county first, the town named', []],
      ['county-less city + town (东莞市虎门镇, 东莞虎门镇): its own page first', []],
      [
        'autonomous prefecture written otherwise + town (湘西州乾州街道, 湘西土家族苗族乾州街道, 湘西自治州乾州街道), every 5th: its county first',
        [],
      ],
      ['county or prefecture + town, shared there: every county listed', []],
      ['an address pasted whole (吉首市乾州街道世纪山水小区), every 100th: its county first, the town named', []],
      [FULL, []],
      [PREFECTURE_SHORT, []],
      [UNSUFFIXED_ADDRESS, []],
      [SHARED_SPACED, []],
    ]);
    const named = new Map<string, number>();
    for (const t of towns) named.set(typedName(t.name), (named.get(typedName(t.name)) ?? 0) + 1);
    let shared = 0;
    // 吉首市乾州街道 and 湘西乾州街道; where that names several towns (三门峡城关镇: 卢氏县 and 灵宝市), all.
    const written = new Map<string, { kind: string; places: Place[]; i: number }>();
    for (const [i, t] of towns.entries()) {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      const parent = regions.get(county.parent!)!;
      const place = { url: target(t.county), town: name };
      for (const [kind, q] of [
        ['county + town, every 4th town: its county first', county.name + name],
        ['prefecture + town, every 4th town (others): its county first', parent.shortName + name],
        ['prefecture, space, town (湘西 乾州街道), every 20th: its county first, the town named', `${parent.shortName} ${name}`],
        // What follows a town in an address: a housing estate, a village, a road and its number.
        [
          'an address pasted whole (吉首市乾州街道世纪山水小区), every 100th: its county first, the town named',
          county.name + name + ['世纪山水小区', '固戍村', '人民路18号'][written.size % 3],
        ],
        [FULL, (parent.level === 'province' ? '' : parent.name) + county.name + name],
        [PREFECTURE_SHORT, (parent.level === 'province' ? '' : parent.shortName) + county.name + name],
        // Not a town whose name repeats its county's (召陵区东城街道, 新绛县社区): nobody writes 召陵区召陵区东城.
        [
          UNSUFFIXED_ADDRESS,
          name.startsWith(county.shortName)
            ? ''
            : county.name + shortName(name, 'town') + ['新华社区', '张家村', '人民路88号'][written.size % 3],
        ],
      ]) {
        if (!q) continue;
        const key = `${kind}:${q}`;
        written.set(key, { kind, places: [...(written.get(key)?.places ?? []), place], i });
      }
    }
    // A town of a county-less city after its city, full or short: its own page.
    for (const [i, r] of [...regions.byCode.values()].filter((r) => r.level === 'town').entries()) {
      const city = regions.get(r.parent!)!;
      for (const q of [city.name + r.name, city.shortName + r.name]) {
        const kind = 'county-less city + town (东莞市虎门镇, 东莞虎门镇): its own page first';
        written.set(`${kind}:${q}`, {
          kind,
          places: [...(written.get(`${kind}:${q}`)?.places ?? []), { url: target(r.code) }],
          i,
        });
      }
    }
    // After an autonomous prefecture's other forms (names.ts prefectureForms: 湘西州, 湘西土家族,
    // 湘西土家族苗族), as the import reads them too, and as its government writes it (湘西自治州).
    let nth = 0;
    for (const [i, t] of towns.entries()) {
      const county = regions.get(t.county)!;
      const prefecture = regions.get(county.parent!)!.name;
      const forms = prefectureForms(prefecture);
      if (!forms.length || nth++ % 5) continue;
      forms.push(`${shortName(prefecture, 'prefecture')}自治州`);
      const kind =
        'autonomous prefecture written otherwise + town (湘西州乾州街道, 湘西土家族苗族乾州街道, 湘西自治州乾州街道), every 5th: its county first';
      for (const q of forms.map((f) => f + typedName(t.name))) {
        const place = { url: target(t.county), town: typedName(t.name) };
        written.set(`${kind}:${q}`, { kind, places: [...(written.get(`${kind}:${q}`)?.places ?? []), place], i });
      }
    }
    let spaced = 0;
    let pasted = 0;
    let full = 0;
    let short = 0;
    let unsuffixed = 0;
    for (const [key, { kind, places, i }] of written) {
      const q = key.slice(kind.length + 1);
      // Of the towns so written only once: which of them (by the town's place in the data) are asked.
      const asked: Record<string, (i: number) => boolean> = {
        'county + town, every 4th town: its county first': (i) => i % 4 === 0,
        'prefecture + town, every 4th town (others): its county first': (i) => i % 4 === 2,
        [FULL]: (i) => i % 2 === 1,
      };
      if (places.length === 1 && asked[kind] && !asked[kind](i)) continue;
      if (kind.includes('space') && named.get(q.split(' ')[1])! > places.length && shared++ % 3 === 0) {
        const urls = new Set(places.map((p) => p.url));
        kinds.get(SHARED_SPACED)!.push({
          q,
          what: `${urls.size} counties`,
          ok: (found, towns) => every(places)(found, towns) && found.every((u) => urls.has(u)),
          all: true,
        });
      }
      if (kind.includes('space') && spaced++ % 20) continue;
      if (kind.includes('pasted') && (places.length > 1 || pasted++ % 100)) continue;
      if (kind === FULL && (places.length > 1 || full++ % 50)) continue;
      if (kind === PREFECTURE_SHORT && (places.length > 1 || short++ % 50)) continue;
      if (kind === UNSUFFIXED_ADDRESS && (places.length > 1 || unsuffixed++ % 100)) continue;
      if (places.length === 1) kinds.get(kind)!.push({ q, what: places[0].url, ok: first(places[0]) });
      else
        kinds
          .get('county or prefecture + town, shared there: every county listed')!
          .push({ q, what: `${places.length} counties`, ok: every(places), all: true });
    }
    const misses = await ask(kinds);
    expect(kinds.get('county-less city + town (东莞市虎门镇, 东莞虎门镇): its own page first')!.length).toBeGreaterThan(100);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    expect(misses.get('county or prefecture + town, shared there: every county listed')).toEqual([]);
  }, 1_200_000);
});
