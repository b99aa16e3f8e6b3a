// Every town of China written after its county (吉首市乾州街道) or its prefecture (湘西乾州街道): its
// county's page first, or every county where that names several towns; and the shorter forms people
// type (乾州, qianzhou, 湖南吉首乾州) where they name one town. Runs beside recall.test.ts over the
// same whole-country build (tests/recall/build.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { shortName } from '../../src/lib/names.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { typedName } from '../../src/lib/towns.ts';
import { ask, built, every, first, rate, regions, target, towns, type Ask, type Place } from './ask.ts';

// The build runs while other tests start (tests/recall/build.ts).
beforeAll(built, 180_000);

describe('search recall over the whole country', () => {
  it('finds every town written after its county or its prefecture', async () => {
    const kinds = new Map<string, Ask[]>([
      ['county + town: its county first', []],
      ['prefecture + town: its county first', []],
      ['county or prefecture + town, shared there: every county listed', []],
    ]);
    // 吉首市乾州街道 and 湘西乾州街道; where that names several towns (三门峡城关镇: 卢氏县 and 灵宝市), all.
    const written = new Map<string, { kind: string; places: Place[] }>();
    for (const t of towns) {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      const parent = regions.get(county.parent!)!;
      const place = { url: target(t.county), town: name };
      for (const [kind, q] of [
        ['county + town: its county first', county.name + name],
        ['prefecture + town: its county first', parent.shortName + name],
      ]) {
        const key = `${kind}:${q}`;
        written.set(key, { kind, places: [...(written.get(key)?.places ?? []), place] });
      }
    }
    for (const [key, { kind, places }] of written) {
      const q = key.slice(kind.length + 1);
      if (places.length === 1) kinds.get(kind)!.push({ q, what: places[0].url, ok: first(places[0]) });
      else
        kinds
          .get('county or prefecture + town, shared there: every county listed')!
          .push({ q, what: `${places.length} counties`, ok: every(places), all: true });
    }
    const misses = await ask(kinds);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    expect(misses.get('county or prefecture + town, shared there: every county listed')).toEqual([]);
  }, 1_200_000);

  it('finds a town by its name without its suffix, in pinyin, and after its province and county, where that names one town', async () => {
    // Where a form names one place only. Pagefind matches a word by its beginning, so no word of
    // another place may begin with it either: qianzhou also begins 前洲镇's qianzhouzhen, anshu
    // begins 安顺's anshun. A sample of each kind (every 10th town, every 40th for the slowest
    // form): one code path for all, and the recall files must stay within CI's minutes.
    const kinds = new Map<string, Ask[]>([
      ['town without its suffix (乾州): its county first', []],
      ['town in pinyin (qianzhoujiedao, qianzhou): its county first', []],
      ['province + county + town (湖南吉首乾州): its county first', []],
    ]);
    // Every name a place is found by, with the place it belongs to, sorted for prefix lookups.
    const words: [string, string][] = [];
    for (const r of regions.byCode.values())
      for (const n of [r.name, r.shortName, pinyinSlug(r.name), pinyinSlug(r.shortName)]) words.push([n, r.code]);
    const forms = towns.map((t, i) => {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      const province = regions.lineage(t.county)[0];
      const short = shortName(name, 'town');
      const key = `${t.county}:${name}`;
      for (const n of [name, short, pinyinSlug(name), pinyinSlug(short)]) words.push([n, key]);
      return {
        i,
        key,
        place: { url: target(t.county), town: name },
        short: short !== name && short.length >= 2 ? short : undefined,
        pinyin: [...new Set([pinyinSlug(name), pinyinSlug(short)])].filter((p) => p.length >= 4),
        // The province's short name (湖南), the county's (吉首), the town's without its suffix.
        full: county.level === 'county' && short.length >= 2 ? [province.shortName, county.shortName + short] : undefined,
      };
    });
    words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    /** Whether every word that begins with q is this place's. */
    const onlyOf = (q: string, key: string) => {
      let lo = 0;
      for (let hi = words.length; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (words[mid][0] < q) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < words.length && words[i][0].startsWith(q); i++) if (words[i][1] !== key) return false;
      return true;
    };
    for (const f of forms) {
      const ok = first(f.place);
      if (f.i % 10) continue;
      if (f.short && onlyOf(f.short, f.key))
        kinds.get('town without its suffix (乾州): its county first')!.push({ q: f.short, what: f.place.url, ok });
      for (const p of f.pinyin)
        if (onlyOf(p, f.key))
          kinds.get('town in pinyin (qianzhoujiedao, qianzhou): its county first')!.push({ q: p, what: f.place.url, ok });
      // Within the province the rest must name this town alone (the search strips the province).
      if (f.i % 40 === 0 && f.full && onlyOf(f.full[1], f.key))
        kinds
          .get('province + county + town (湖南吉首乾州): its county first')!
          .push({ q: f.full.join(''), what: f.place.url, ok });
    }
    const misses = await ask(kinds);
    for (const [kind, list] of kinds) {
      expect(list.length, kind).toBeGreaterThan(1_000);
      expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    }
  }, 1_200_000);
});
