// Turns a place as operators write it (湘西吉首市, 海南共和县, 东莞市虎门镇, 杭州市江干区, 五指山市毛阳) into
// a GB/T 2260 region. One module for the coverage import and the site.
//
// A place is read as a chain of names, each below the one before (levels may be skipped), each the
// full name or the short name of a region, a town, or a former division. Tiers keep precise readings
// ahead of loose ones (see TIERS); two readings that end in different places make the place ambiguous.
// When nothing reads as a place, it says why (a code, a place moved elsewhere, 市区, a near name).
// This file reads names as places; the readers of other ways of writing one are in resolve/: a code or
// a gone division (former.ts), pinyin and sound (pinyin.ts), areas and zones (zones.ts), notes in
// brackets (brackets.ts), what names no place (unresolved.ts), and the answer for a chain (result.ts).
import { FORMER } from './history.ts';
import {
  CIVIL_NAMES,
  COMMON_NAMES,
  GENERIC_ZONE,
  NOT_IN_DATA_CITY,
  prefectureForms,
  shortName,
  simplify,
  ZONE_WORD,
} from './names.ts';
import { RegionIndex } from './regions.ts';
import {
  MAX_CANDIDATES,
  TIERS,
  TRADITIONAL_FORMS,
  WRITE_ZONE,
  ok,
  type Match,
  type Place,
  type Resolution,
  type Tier,
} from './resolve/resolution.ts';
import { byPinyin, pinyinUnder } from './resolve/pinyin.ts';
import { byCode, formerCounty, formerPrefecture, splitFormer } from './resolve/former.ts';
import { afterArea, areaAsDivision, areaOf, inArea, zoneNamed, zoneOrTown } from './resolve/zones.ts';
import { limited, placedBy } from './resolve/brackets.ts';
import { loose, unresolved } from './resolve/unresolved.ts';
import { elsewhere, townElsewhere } from './resolve/elsewhere.ts';
import { result } from './resolve/result.ts';
import { townsByCounty } from './towns.ts';
import { bracketsPaired, MAX_ENTRY, written } from './written.ts';

export { LEFT_OUT, listed, namesakes, ok, PART_OF, placesNamed, type Resolution } from './resolve/resolution.ts';

/** Suffixes stripped from what the operator wrote, to find a renamed region by its short name. */
const SUFFIX = /(特别行政区|自治区|自治州|自治县|自治旗|街道|地区|林区|新区|省|市|区|县|旗|盟|镇|乡)$/;
/** A suffix can only change within its level: 县 → 区 or 镇 → 街道, never 市 → 街道. */
const SUFFIXES_OF: Record<string, string[]> = {
  province: ['省', '市', '自治区', '特别行政区'],
  prefecture: ['市', '地区', '盟', '自治州'],
  county: ['县', '区', '市', '旗', '自治县', '自治旗', '林区', '新区'],
  town: ['镇', '乡', '街道'],
};

export class Resolver {
  // Public for the readers in resolve/ (each a function of the resolver), not for other modules.
  /** Every place by its key, and by each name it is written by. */
  readonly places = new Map<string, Place>();
  readonly byName = new Map<string, Place[]>();
  readonly regions: RegionIndex;

  // Written without parameter properties so Node runs this file as it is (type stripping).
  constructor(regions: RegionIndex) {
    this.regions = regions;
    for (const r of regions.byCode.values()) {
      const aliases = [
        ...(r.level === 'prefecture' ? prefectureForms(r.name) : []),
        // 南沙区 and its short 南沙 (三沙南沙), as for any district.
        ...(CIVIL_NAMES[r.code] ?? []).flatMap((name) => [name, shortName(name, 'county')]),
        ...(COMMON_NAMES[r.code] ?? []),
      ];
      this.add({ key: r.code, name: r.name, short: r.shortName, parent: r.parent, kind: 'region', region: r.code, aliases });
    }
    // Towns below county-level units (the towns of county-less cities are regions already).
    for (const town of [...townsByCounty(regions).values()].flat()) {
      this.add({
        key: `town:${town.code}`,
        name: town.name,
        short: town.shortName,
        parent: town.county,
        kind: 'town',
        region: town.county,
      });
    }
    const formerKey = (name: string, within: string) => `former:${name}@${within}`;
    const formerParents = new Map(FORMER.map((f) => [f.name, formerKey(f.name, f.within)]));
    for (const f of FORMER) {
      const parent = /^\d+$/.test(f.within) ? f.within : formerParents.get(f.within);
      const level = f.name.endsWith('市') && /^\d{2}0000$/.test(f.within) ? 'prefecture' : 'county';
      this.add({
        key: formerKey(f.name, f.within),
        name: f.name,
        short: shortName(f.name, level),
        parent,
        kind: 'former',
        region: f.successor,
        former: f,
      });
    }
  }

  /** Whether a place of this name (a region, a town, a former division) lies in one of `codes`:
   *  a word of an import's path that may name more places than a resolution lists. */
  names(word: string, codes: Set<string>): boolean {
    return [word, word.normalize('NFKC')].some((w) => (this.byName.get(w) ?? []).some((p) => codes.has(p.region)));
  }

  /** Whether `word` names a prefecture that is gone (巢湖, 思茅) one of whose counties is now `code`
   *  (庐江县, 景东县): written before it as a heading, it is no place of its own to cover. */
  heldBefore(word: string, code: string): boolean {
    return !!formerPrefecture(this, word)?.holds(code);
  }

  /** The code of what took over a prefecture that is gone, if `word` names one (巢湖: 340181; 思茅: 普洱市). */
  formerPrefecture(word: string): string | undefined {
    return formerPrefecture(this, word)?.successor;
  }

  /** The codes of the divisions (today's or gone: their successors') written `name`, towns left out. */
  divisionsNamed(name: string): string[] {
    return (this.byName.get(name) ?? []).filter((p) => p.kind !== 'town').map((p) => p.region);
  }

  /** The paths of the towns written `name` (their name, or without its suffix), with their counties. */
  townsNamed(name: string): { county: string; path: string }[] {
    return (this.byName.get(name) ?? [])
      .filter((p) => p.kind === 'town')
      .map((p) => ({ county: p.region, path: `${this.pathOf(p.region)} ${p.name}` }));
  }

  private add(place: Place) {
    this.places.set(place.key, place);
    // As written() reads what operators write: full-width brackets as plain ones (NFKC).
    const names = [place.name, place.short, ...(place.aliases ?? [])].flatMap((n) => [n, n.normalize('NFKC')]);
    for (const name of new Set(names)) {
      const list = this.byName.get(name);
      if (list) list.push(place);
      else this.byName.set(name, [place]);
    }
  }

  /** Whether `place` lies below `above`. A former division also contains its successor's places,
   *  and the towns of what it sat in: one split up (江干区, now 上城区 and 钱塘区) had towns that went
   *  to a county other than the successor the table names (下沙街道, now 钱塘区's). */
  below(place: Place, above: Place | undefined): boolean {
    if (!above) return true;
    const targets = new Set([above.key]);
    if (above.kind === 'former') targets.add(above.region);
    if (above.kind === 'former' && place.kind === 'town' && /^\d+$/.test(above.former!.within)) targets.add(above.former!.within);
    for (
      let p = place.parent ? this.places.get(place.parent) : undefined;
      p;
      p = p.parent ? this.places.get(p.parent) : undefined
    ) {
      if (targets.has(p.key)) return true;
    }
    return false;
  }

  matches(segment: string, tier: Tier, above?: Place): Match[] {
    const out: Match[] = [];
    const allowed = (p: Place) =>
      p.kind === 'region' || (p.kind === 'town' && tier.towns) || (p.kind === 'former' && tier.formers);
    for (const place of this.byName.get(segment) ?? []) {
      if (!allowed(place)) continue;
      const how = place.name === segment ? 'exact' : place.short === segment ? 'short' : 'alias';
      out.push({ place, how, text: segment });
    }
    if (tier.variants) {
      const suffix = segment.match(SUFFIX)?.[1];
      const stripped = suffix ? segment.slice(0, -suffix.length) : segment;
      if (suffix && stripped.length >= 2) {
        for (const place of this.byName.get(stripped) ?? []) {
          const level = place.kind === 'town' ? 'town' : (this.regions.get(place.region)?.level ?? '');
          // 新区 for a district's 区 only after a place above it (深圳龙华新区: 龙华区, the 新区 it was until
          // 2016): alone, a zone of that name elsewhere is as likely (曲江新区: 西安's, not 韶关's 曲江区); never
          // for a county or a city (长沙新区, 宁乡新区: a zone there, not 长沙县 or 宁乡市 whole).
          const zone = suffix === '新区' && !(above && place.name.endsWith('区'));
          if (
            place.kind !== 'former' &&
            allowed(place) &&
            place.name !== segment &&
            !zone &&
            SUFFIXES_OF[level]?.includes(suffix)
          ) {
            out.push({ place, how: 'variant', text: segment });
          }
        }
      }
    }
    return out;
  }

  /** Every reading of `text` as a chain of places, each below the previous one. */
  readings(text: string, tier: Tier, above?: Place): Match[][] {
    if (!text) return [[]];
    const out: Match[][] = [];
    for (let end = 1; end <= text.length; end++) {
      for (const m of this.matches(text.slice(0, end), tier, above)) {
        if (!this.below(m.place, above)) continue;
        for (const rest of this.readings(text.slice(end), tier, m.place)) out.push([m, ...rest]);
      }
    }
    return out;
  }

  resolve(raw: string): Resolution {
    const input = raw.trim();
    const { text, bracketed, notes: bracketNotes, whole, around } = written(input);
    if (!text) {
      // Only a note: a phone number (电话：400-…), a heading written in brackets (【湖南】), or neither.
      const inner = bracketNotes.map((n) => n.slice(1, -1)).join('');
      const place = /^\p{Script=Han}{2,}$/u.test(inner) ? this.resolve(inner) : undefined;
      const note = /\d{7}/.test(inner.replace(/[\s-]/g, ''))
        ? `only a phone number, ${bracketNotes.join('')}, and no place: delete it`
        : place && place.status !== 'unresolved'
          ? `only ${bracketNotes.join('')}, a place in brackets, as a heading? write the places after it on its line, or ${inner} without brackets to cover all of it`
          : 'no place name in it';
      return { input, status: 'unresolved', note };
    }
    // Brackets cut at a line's end (splitEntries): what they held is on another line.
    if (!bracketsPaired(bracketed))
      return {
        input,
        status: 'unresolved',
        note: 'a bracket without its pair: write a note in brackets on the line of its place',
      };
    if (bracketed.length > MAX_ENTRY)
      return {
        input,
        status: 'unresolved',
        note: `too long for one place (${bracketed.length} characters): separate places with 、，; or new lines`,
      };
    // A town whose name has brackets (（工业园区）城南街道) first; otherwise the brackets are notes.
    const withBrackets = bracketNotes.length ? this.named(input, bracketed) : undefined;
    const notes = withBrackets ? [] : bracketNotes;
    const find = (t: string) =>
      withBrackets ?? byCode(this, input, t) ?? byPinyin(this, input, t) ?? pinyinUnder(this, input, t) ?? this.named(input, t);
    // 台北 is a city of 台湾 before it is the short name of 武汉's 台北街道.
    const city = NOT_IN_DATA_CITY.test(text) ? text : simplify(text, TRADITIONAL_FORMS)[0];
    if (NOT_IN_DATA_CITY.test(city)) return unresolved(this, input, city);
    // Before any reading of it as a division: 江北新区 would read as 江北区 with another suffix.
    const area = areaOf(this, city);
    if (area) return inArea(this, input, area);
    // 湖南省全省 is 湖南省, once the whole text names no place (全州县 and 万全区 are places).
    const named = find(text);
    // The country in front (中国广东省广州市), when the whole names nothing (中国（南京）软件谷 is a town).
    if (!named && text.startsWith('中国') && text.length > 4) {
      const rest = this.resolve(input.replace('中国', ''));
      if (rest.status !== 'unresolved') return { ...rest, input };
    }
    // Read as a town, or several, named by a kind of zone alone (保定市高新技术产业开发区: 涿州市's town
    // 高新技术产业开发区; 徐州市经济开发区: the towns 经济开发区 of 睢宁县 and 新沂市), the city's own zone
    // may be meant: both (zoneOrTown). Not a town of a name of its own (新乡经济开发区, of 新乡县).
    const generic = (c: { path: string }) => GENERIC_ZONE.test(c.path.split(' ').at(-1)!);
    const towns = named?.town ? GENERIC_ZONE.test(named.town) : named?.status === 'ambiguous' && named.candidates!.every(generic);
    const zoneToo = towns ? zoneNamed(this, text, find)?.place : undefined;
    if (named && zoneToo && zoneToo.code !== named.code) return zoneOrTown(this, input, text, zoneToo, named);
    const all = !named && whole ? find(whole.text) : undefined;
    // 长沙市及周边, 株洲等地: the place alone, said (what is around it is for the operator to list).
    const only = !named && !all && around ? find(around.text) : undefined;
    // Traditional characters (廣州市) as the data writes them, when the text as written names nothing.
    // 於 first as written (於潛鎮: 於潜镇), then as 于 (於都縣: 于都县).
    const readings = named || all || only ? [] : simplify(text, TRADITIONAL_FORMS).filter((t) => t !== text);
    let traditional: Resolution | undefined;
    const simple = readings.find((t) => (traditional = find(t))) ?? readings[0] ?? text;
    // A development zone as residents write it (合肥高新区): as the data names it.
    const zone = named || all || only || traditional ? undefined : zoneNamed(this, simple, find);
    if (zone?.found.town && zone.place) return zoneOrTown(this, input, simple, zone.place, zone.found);
    const found =
      named ??
      all ??
      only ??
      traditional ??
      zone?.found ??
      areaAsDivision(this, input, simple) ??
      afterArea(this, input, simple) ??
      loose(this, input, simple, notes) ??
      elsewhere(this, input, simple) ??
      townElsewhere(this, input, simple) ??
      unresolved(this, input, simple);
    if (found.status === 'ambiguous' && notes.length) {
      const where = placedBy(this, found, notes);
      if (where) return where;
    }
    if (!ok(found)) return found;
    const limit = notes.length ? limited(this, input, found, notes) : undefined;
    if (limit) return limit;
    const said = [
      traditional && `read ${text} as ${simple} (traditional characters)`,
      zone && `read ${simple} as ${zone.name}, the name in the data`,
      found.note,
      all && `${whole!.word} read as all of ${found.path}`,
      only && `${around!.word} read off: only ${found.path} is covered; list the places around it to cover them`,
      notes.length && `ignored ${notes.join(' ')}: only the place is read`,
    ].filter(Boolean);
    const guessed = notes.length || all || only || traditional || zone;
    return { ...found, ...(guessed ? { status: 'warning' } : {}), ...(said.length ? { note: said.join('; ') } : {}) };
  }

  /** The place `text` names, or the places when it names several; undefined when it names none. */
  named(input: string, text: string): Resolution | undefined {
    for (const tier of TIERS) {
      let readings = this.readings(text, tier);
      if (!readings.length) continue;
      // A town of a county-less city (中山's 沙溪镇) is a region, read before towns: a town of that
      // name elsewhere (太仓's 沙溪镇, and six more) is as good a reading, not a later one.
      if (!tier.towns && readings.every((chain) => this.regions.get(chain.at(-1)!.place.region)?.level === 'town'))
        readings = [...readings, ...this.readings(text, { ...tier, towns: true })];
      const byRegion = new Map<string, Match[]>();
      for (const chain of readings) {
        const last = chain.at(-1)!;
        const key = `${last.place.region}|${last.place.kind === 'town' ? last.place.name : ''}`;
        if (!byRegion.has(key)) byRegion.set(key, chain);
      }
      const chains = [...byRegion.values()];
      // A division's name alone that a former division elsewhere had (桥东区: 张家口's, and 邢台's,
      // now 襄都区): both, for the operator to choose — a coverage list may be years old. Not one
      // inside it (毕节市, the prefecture, holds the former city of that name, now 七星关区).
      const only = chains.length === 1 && chains[0].length === 1 ? chains[0][0] : undefined;
      if (only?.place.kind === 'region' && only.how === 'exact')
        for (const m of this.matches(text, { towns: false, formers: true, variants: false }))
          if (m.place.kind === 'former' && m.how === 'exact' && !this.regions.within(m.place.region, only.place.region))
            byRegion.set(`${m.place.region}|`, [m]);
      // A town's short name that is also a former division's (南汇: 温州's 南汇街道, 上海's 南汇区, now
      // 浦东新区): both, for the operator to choose — a later tier would never see the former. The
      // same after the places above both (邢台桥东: 沙河市's 桥东街道, and 邢台's 桥东区, now 襄都区); and a
      // county's short name that a former county had (九江庐山: 庐山市, and 庐山区, now 濂溪区) — not a
      // prefecture's (株洲, not 株洲县) nor a former prefecture's (莱芜: said as such, in result()).
      for (const chain of chains) {
        const last = chain.at(-1)!;
        // After the places above it only: alone, a county's short name is today's county (安平: 安平县,
        // not 汕头's 安平区 of 2003).
        const county = chain.length > 1 && last.place.kind === 'region' && this.levelOf(last.place) === 'county';
        if ((last.place.kind !== 'town' && !county) || last.how !== 'short') continue;
        const above = chain.at(-2)?.place;
        for (const m of this.matches(last.text, { towns: false, formers: true, variants: false }))
          if (
            m.place.kind === 'former' &&
            (!county || formerCounty(m.place.former!)) &&
            this.below(m.place, above) &&
            !chains.some((c) => c.at(-1)!.place.region === m.place.region)
          )
            byRegion.set(`${m.place.region}|`, [...chain.slice(0, -1), m]);
      }
      if (byRegion.size > 1) {
        const candidates = [...byRegion.values()]
          .slice(0, MAX_CANDIDATES)
          .map((chain) => ({ code: chain.at(-1)!.place.region, path: this.describe(chain.at(-1)!.place) }));
        // Places of different names (湖南长沙: 长沙市, 长沙县) need their own name, not more ancestors —
        // unless one was read by another name, which the other has (南沙区: 广州's, and 三沙's 南沙群岛).
        const lasts = [...byRegion.values()].map((chain) => chain.at(-1)!);
        const called = new Set(lasts.flatMap((m) => m.place.aliases ?? []));
        const names = lasts.some((m) => called.has(m.place.name)) ? [] : [...new Set(lasts.map((m) => m.place.name))];
        // The name they share as written, after the places above all of them (湖南长沙: 长沙 in 湖南).
        const lastWritten = new Set(lasts.map((m) => m.text));
        const [shared] = lastWritten;
        const above = lastWritten.size === 1 && text.endsWith(shared) ? text.slice(0, -shared.length).trim() : '';
        const name = above ? `${shared} in ${above}` : text;
        // A kind of zone alone (新区, 高新区) that towns are called too: most likely a zone is meant.
        const zone = ZONE_WORD.test(text) ? `; ${text} alone names no zone: for one, ${WRITE_ZONE}` : '';
        return {
          input,
          status: 'ambiguous',
          candidates,
          note:
            (names.length > 1 && names.length <= 3
              ? `${byRegion.size} places are called ${name}; write which: ${names.join(' or ')}`
              : `${byRegion.size} places are called ${name}; write the prefecture or province before it`) + zone,
        };
      }
      return splitFormer(this, input, [...byRegion.values()][0]) ?? result(this, input, [...byRegion.values()][0]);
    }
  }

  /** The level of the region a place stands for (a former division: its successor's). */
  levelOf(place: Place): string {
    return this.regions.get(place.region)!.level;
  }

  /** 湖南省 湘西土家族苗族自治州 吉首市 */
  pathOf(code: string): string {
    return this.regions.names(code);
  }

  /** Its region's path, and a town's name after it. */
  describe(place: Place): string {
    return place.kind === 'town' ? `${this.pathOf(place.region)} ${place.name}` : this.pathOf(place.region);
  }
}
