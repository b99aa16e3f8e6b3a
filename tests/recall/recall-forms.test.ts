// The shorter forms people type for a town — without its suffix (乾州), in pinyin (qianzhou), after
// its province and county (湖南吉首乾州), after its county or prefecture (吉首乾州, 湘西乾州, 东莞虎门),
// its suffix still in pinyin (乾州jiedao, 吉首shi), a region in traditional characters (瀋陽市), a
// region with a character of its sound (常沙市) — on a sample of the whole country, where the form
// names one town. A file of its own: after the other recall questions in the same process these took
// 28 s instead of 8 locally, and 103 s in CI (15 s on their own there).
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, describe, expect, it } from 'vitest';
import { shortName } from '../../src/lib/names.ts';
import { pinyinSlug } from '../../src/lib/slugs.ts';
import { soundTable } from '../../src/lib/sounds.ts';
import { formerTownsByPlace, typedName } from '../../src/lib/towns.ts';
import { ask, built, every, first, rate, regions, target, towns, type Ask, type Place } from './ask.ts';

// The build runs while other tests start (tests/recall/build.ts).
beforeAll(built, 180_000);

describe('search recall over the whole country', () => {
  it('finds a town by its name without its suffix, in pinyin, and after its province and county, where that names one town', async () => {
    // Where a form names one place only. Pagefind matches a word by its beginning, so no word of
    // another place may begin with it either: qianzhou also begins 前洲镇's qianzhouzhen, anshu
    // begins 安顺's anshun. A sample of each kind (every 40th town, every 80th for the slowest
    // form, ~500 questions each): one code path for all, and CI must stay within its minutes.
    const kinds = new Map<string, Ask[]>([
      ['town without its suffix (乾州): its county first', []],
      ['town in pinyin (qianzhoujiedao, qianzhou): its county first', []],
      ['province + county + town (湖南吉首乾州): its county first', []],
      ['county + town without its suffix (吉首乾州): its county first', []],
      ['prefecture + town without its suffix (湘西乾州, 东莞虎门): its page first', []],
      ['town with its suffix in pinyin (乾州jiedao): its county first', []],
      ['region with its suffix in pinyin (吉首shi): its page first', []],
      ['region in traditional characters (瀋陽市): its page first', []],
      ['region with a character of its sound (常沙市): its page first', []],
    ]);
    // Every name a place is found by, with the place it belongs to, sorted for prefix lookups.
    const words: [string, string][] = [];
    for (const r of regions.byCode.values()) {
      for (const n of [r.name, r.shortName, pinyinSlug(r.name), pinyinSlug(r.shortName)]) words.push([n, r.code]);
      // After its prefecture (湘西凤凰县, 东莞虎门): what the prefecture + town forms must not begin.
      const parent = r.parent ? regions.get(r.parent)! : undefined;
      if (parent?.level === 'prefecture') for (const n of [r.name, r.shortName]) words.push([parent.shortName + n, r.code]);
    }
    const forms = towns.map((t, i) => {
      const name = typedName(t.name);
      const county = regions.get(t.county)!;
      const province = regions.lineage(t.county)[0];
      const short = shortName(name, 'town');
      const key = `${t.county}:${name}`;
      // With its county's short name too (吉首乾州街道, 吉首乾州): what a province in front leaves to search.
      const prefecture = regions.get(county.parent!)!;
      for (const n of [
        name,
        short,
        pinyinSlug(name),
        pinyinSlug(short),
        county.shortName + name,
        county.shortName + short,
        prefecture.shortName + name,
        prefecture.shortName + short,
      ])
        words.push([n, key]);
      return {
        i,
        key,
        place: { url: target(t.county), town: name },
        short: short !== name && short.length >= 2 ? short : undefined,
        suffix: name.slice(short.length),
        pinyin: [...new Set([pinyinSlug(name), pinyinSlug(short)])].filter((p) => p.length >= 4),
        // The province's short name (湖南), the county's (吉首), the town's without its suffix.
        full: county.level === 'county' && short.length >= 2 ? [province.shortName, county.shortName + short] : undefined,
        // The prefecture's short name (湘西) before the town's (a province's for a county under it).
        underPrefecture: short.length >= 2 && prefecture.level === 'prefecture' ? prefecture.shortName + short : undefined,
      };
    });
    words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    /** Whether no word begins with q. */
    const beginsNone = (q: string) => {
      let lo = 0;
      for (let hi = words.length; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (words[mid][0] < q) lo = mid + 1;
        else hi = mid;
      }
      return !words[lo]?.[0].startsWith(q);
    };
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
      if (f.i % 40) continue;
      const ok = first(f.place);
      if (f.short && onlyOf(f.short, f.key))
        kinds.get('town without its suffix (乾州): its county first')!.push({ q: f.short, what: f.place.url, ok });
      for (const p of f.pinyin)
        if (onlyOf(p, f.key))
          kinds.get('town in pinyin (qianzhoujiedao, qianzhou): its county first')!.push({ q: p, what: f.place.url, ok });
      // What is left once the search strips the province must name this town alone.
      if (f.i % 80 === 0 && f.full && onlyOf(f.full[1], f.key))
        kinds
          .get('province + county + town (湖南吉首乾州): its county first')!
          .push({ q: f.full.join(''), what: f.place.url, ok });
      if (f.i % 80 === 40 && f.full && onlyOf(f.full[1], f.key))
        kinds.get('county + town without its suffix (吉首乾州): its county first')!.push({ q: f.full[1], what: f.place.url, ok });
      if (f.underPrefecture && onlyOf(f.underPrefecture, f.key))
        kinds
          .get('prefecture + town without its suffix (湘西乾州, 东莞虎门): its page first')!
          .push({ q: f.underPrefecture, what: f.place.url, ok });
    }
    // Every town of a county-less city after its city (东莞虎门), its own page first.
    for (const r of regions.byCode.values()) {
      const q = r.level === 'town' ? regions.get(r.parent!)!.shortName + r.shortName : '';
      if (r.shortName.length >= 2 && q && onlyOf(q, r.code))
        kinds
          .get('prefecture + town without its suffix (湘西乾州, 东莞虎门): its page first')!
          .push({ q, what: target(r.code), ok: first({ url: target(r.code) }) });
    }
    // A suffix still in pinyin, as an input method leaves it (src/lib/names.ts pinyinSuffix).
    for (const f of forms)
      if (f.i % 40 === 20 && f.short && /^(镇|乡|街道)$/.test(f.suffix) && onlyOf(f.short, f.key))
        kinds
          .get('town with its suffix in pinyin (乾州jiedao): its county first')!
          .push({ q: f.short + pinyinSlug(f.suffix), what: f.place.url, ok: first(f.place) });
    const names = new Map<string, number>();
    for (const r of regions.byCode.values()) names.set(r.name, (names.get(r.name) ?? 0) + 1);
    for (const r of regions.byCode.values()) {
      const suffix = r.name.slice(r.shortName.length);
      if (names.get(r.name) === 1 && r.level !== 'town' && /^[市县区旗]$/.test(suffix) && !(Number(r.code) % 5))
        kinds
          .get('region with its suffix in pinyin (吉首shi): its page first')!
          .push({ q: r.shortName + pinyinSlug(suffix), what: target(r.code), ok: first({ url: target(r.code) }) });
    }
    // As a phone set to traditional characters writes it (OpenCC's tables), every sixth region whose
    // name has a traditional form: each such query is searched as typed before the table is read.
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    let nth = 0;
    for (const r of regions.byCode.values()) {
      const traditional = toTraditional(r.name);
      if (r.level === 'town' || traditional === r.name || names.get(r.name) !== 1 || nth++ % 6) continue;
      kinds
        .get('region in traditional characters (瀋陽市): its page first')!
        .push({ q: traditional, what: target(r.code), ok: first({ url: target(r.code) }) });
    }
    // A character of the right sound but not the region's, as a pinyin input method lets one slip
    // (常沙市): the first character swapped for another of its syllable that begins no name of the
    // data, in every fourth region whose name and pinyin are its own.
    const sounds = soundTable();
    const shorts = new Set([...regions.byCode.values()].map((r) => r.shortName));
    const syllableOf = new Map(
      Object.entries(sounds).flatMap(([p, chars]) => [...chars.split('|')[0]].map((c) => [c, p] as const)),
    );
    const pinyins = new Map<string, number>();
    for (const r of regions.byCode.values()) pinyins.set(pinyinSlug(r.name), (pinyins.get(pinyinSlug(r.name)) ?? 0) + 1);
    nth = 0;
    for (const r of regions.byCode.values()) {
      if (names.get(r.name) !== 1 || pinyins.get(pinyinSlug(r.name)) !== 1 || nth++ % 4) continue;
      const [head, ...tail] = r.name;
      // The character the region's own pinyin reads there (长 of 长沙 is chang, not zhang).
      const syllable = syllableOf.get(head);
      if (!syllable || !pinyinSlug(r.name).startsWith(syllable)) continue;
      // Nor, with another suffix, a place's name (昌宁区 is also 云南's 昌宁县, answered first).
      const swapped = [...sounds[syllable].split('|')[0]]
        .map((c) => c + tail.join(''))
        .find((q) => q !== r.name && beginsNone(q) && !shorts.has(shortName(q, r.level)));
      if (swapped)
        kinds
          .get('region with a character of its sound (常沙市): its page first')!
          .push({ q: swapped, what: target(r.code), ok: first({ url: target(r.code) }) });
    }
    const misses = await ask(kinds);
    for (const [kind, list] of kinds) {
      expect(list.length, kind).toBeGreaterThan(400);
      expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
    }
  }, 1_200_000);

  it('finds a town of the 2020 codes that today’s do not name (淀山湖镇, merged or listed inside a zone), in the place that holds it now', async () => {
    // src/lib/former-towns.ts. Alone: every place that has the name, today's towns of it too (周庄镇:
    // 昆山市's, 江阴市's…); after its county (昆山淀山湖镇, 昆山市淀山湖镇) where that names no town of today.
    const kinds = new Map<string, Ask[]>([
      ['former town alone: every place with the name listed, the town named', []],
      ['county + former town (昆山淀山湖镇, 昆山市淀山湖镇): its county first, the town named', []],
    ]);
    const byName = new Map<string, Place[]>();
    const add = (name: string, place: Place) => byName.set(name, [...(byName.get(name) ?? []), place]);
    const former = [...formerTownsByPlace(regions)].flatMap(([code, names]) => names.map((name) => ({ code, name })));
    for (const { code, name } of former) add(name, { url: target(code), town: name });
    const today = new Set<string>();
    for (const t of towns) {
      const name = typedName(t.name);
      today.add(regions.get(t.county)!.shortName + name);
      if (byName.has(name)) add(name, { url: target(t.county), town: name });
    }
    for (const r of regions.byCode.values()) if (r.level === 'town' && byName.has(r.name)) add(r.name, { url: target(r.code) });
    for (const [q, places] of byName)
      kinds
        .get('former town alone: every place with the name listed, the town named')!
        .push({ q, what: places.map((p) => p.url).join(' '), ok: every(places), all: true });
    for (const { code, name } of former) {
      const county = regions.get(code)!;
      if (county.level !== 'county' || today.has(county.shortName + name)) continue;
      for (const q of [county.shortName + name, county.name + name])
        kinds
          .get('county + former town (昆山淀山湖镇, 昆山市淀山湖镇): its county first, the town named')!
          .push({ q, what: target(code), ok: first({ url: target(code), town: name }) });
    }
    expect(former.length).toBeGreaterThan(300);
    expect(former).toContainEqual({ code: '320583', name: '淀山湖镇' });
    const misses = await ask(kinds);
    for (const [kind, list] of kinds) expect(rate(misses.get(kind)!, list), kind).toBeGreaterThanOrEqual(0.995);
  }, 600_000);
});
