// Search without JavaScript: the places a query names, read from the build's own files — the regions
// with a page (/catalog.json), those without (/uncovered-regions.json) and every county's towns
// (/towns.json). With JavaScript the page searches Pagefind (src/scripts/search-core.ts); this reads
// the forms people write most — a name whole or without its suffix (乾州街道, 乾州), with places above
// it in front (吉首市乾州街道, 湘西乾州, 湖南吉首乾州) — and in pinyin: a covered region by its page's slug,
// every other place by /search-pinyin.json (qianzhou, qianzhoujiedao, qianzhou jishou).
import type { CountyTowns, SearchPinyin, UncoveredRegions } from '../../src/contract/catalog.ts';
import {
  bySound,
  charactersIn,
  lookalikes,
  outsideData,
  sameCharacters,
  shortName,
  simplify,
  type SoundTable,
  type TraditionalForms,
} from '../../src/lib/names.ts';
import type { Level } from '../../src/lib/regions.ts';
import type { CatalogIndex } from '../catalog.ts';
import { above, commonName, formsOf, LATIN, lineage, ranked, type Place } from './place.ts';
import { readCountyThen, readNamed, type Read } from './read.ts';
import { written } from './written.ts';

/** Results listed; a name shared more widely (城关镇: 88 counties) is narrowed by province. */
export const SHOWN = 100;
/** Of the places a query names, those the text before a cut ends with, places above them in front
 *  (湘西吉首 → 吉首市; 河南南阳 names 南阳市 whole). */
const endingIn = (named: Place[], before: string) =>
  named.filter((p) => p.forms.some((f) => before.endsWith(f)) && above(before, p));

/** An uncovered region's level from its GB/T 2260 code (the four county-less cities' towns have nine digits). */
const levelOf = (code: string): Level =>
  code.length > 6 ? 'town' : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

export class PlaceIndex {
  private readonly byForm = new Map<string, Place[]>();
  readonly places: Place[] = [];
  private readonly towns: CountyTowns;
  /** The longest form, in UTF-16 units as `read` slices. */
  private longest = 0;
  /** /search-traditional.json: a query in traditional characters read in simplified ones (廣州). */
  private readonly traditional?: TraditionalForms;
  /** /search-sounds.json: a query's characters as their pinyin (吉手 → jishou), for findBySound. */
  private readonly sounds?: SoundTable;
  /** Towns with their pinyin, indexed by it at the first query in letters or by sound (20–85 ms then,
   *  npm run bench): indexed with the rest, each isolate's first search paid ~60 ms more, and most are
   *  in characters. */
  private unspoken: [Place, string][] = [];

  constructor(
    catalog: CatalogIndex,
    uncovered: UncoveredRegions,
    towns: CountyTowns,
    traditional?: TraditionalForms,
    sounds?: SoundTable,
    pinyin?: SearchPinyin,
  ) {
    this.towns = towns;
    this.traditional = traditional;
    this.sounds = sounds;
    const regions = new Map<string, Place>();
    const parents = new Map<Place, string>();
    const add = (code: string, name: string, level: Level, parent?: string, path?: string) => {
      const forms = formsOf(name, level, code);
      // A covered place in pinyin: its page's own slug (/hunan/xiangxi/jishou/ → jishou).
      const slug = path?.split('/').at(-2)?.replace(/-\d+$/, '') ?? pinyin?.regions[code];
      const place: Place = { name, level, code, path, forms: slug ? [...forms, slug] : forms };
      regions.set(code, place);
      if (parent) parents.set(place, parent);
      this.index(place);
    };
    for (const [code, r] of Object.entries(catalog.data.regions)) add(code, r.name, r.level as Level, r.parent, r.path);
    for (const [code, [name, parent]] of Object.entries(uncovered)) add(code, name, levelOf(code), parent);
    for (const [place, parent] of parents) place.parent = regions.get(parent);
    // Today's towns, then those of the 2020 codes (after a `|`), then the names it holds that are no
    // town's (after a second: 闸北区 on 静安区, 两江新区 on 渝北区), which may stand before a town of it.
    for (const part of [0, 1, 2])
      for (const [code, names] of Object.entries(towns)) {
        const county = regions.get(code);
        if (!county) continue;
        const list = (names.split('|')[part] ?? '').split(' ');
        const spoken = (pinyin?.towns[code]?.split('|')[part] ?? '').split(' ');
        // A county whose towns the pinyin does not count as towns.json does (files of two builds): read
        // past, as none is better than a wrong one. Both are written by one build (county-towns.ts).
        const said = spoken.length === list.length ? spoken : [];
        for (const [i, name] of list.entries()) {
          if (!name) continue;
          const short = shortName(name, 'town');
          const town: Place = {
            name,
            level: 'town',
            code,
            parent: county,
            path: county.path,
            forms: short !== name ? [name, short] : [name],
            ...(part ? { former: true as const } : {}),
          };
          this.index(town);
          // Written as a district too (雄安区, 光谷区, 南京市江北区: areas no city has a district of).
          if (part === 2) (county.held ??= []).push(name, ...(name.endsWith('区') ? [] : [`${name}区`]));
          if (LATIN.test(said[i] ?? '')) this.unspoken.push([town, said[i]]);
        }
      }
  }

  private index(place: Place) {
    this.places.push(place);
    for (const form of new Set(place.forms)) this.named(form, place);
  }

  private named(form: string, place: Place) {
    this.longest = Math.max(this.longest, form.length);
    const list = this.byForm.get(form);
    if (list) list.push(place);
    else this.byForm.set(form, [place]);
  }

  private spoken() {
    for (const [town, form] of this.unspoken) {
      town.forms.push(form);
      this.named(form, town);
    }
    this.unspoken = [];
  }

  /** `name` when it is a town of the county `code` (a link's town, which anyone can write). */
  townOf(code: string, name: string): string | undefined {
    return name && Object.hasOwn(this.towns, code) && this.towns[code].split(/[ |]/).includes(name) ? name : undefined;
  }

  /** The places the query names, most precise first: an empty list when it names none. */
  find(typed: string): Place[] {
    // As typed first, where a name holds a word of the service or of an address (…服务中心, …社区);
    // then without those words (长沙开锁, 乾州街道世纪山水小区), then with look-alike characters.
    const { typedAs, place, words } = written(typed);
    if (/[a-z]/.test(typedAs)) this.spoken();
    // A place above it typed after it (城关镇 河南省, 长安镇 东莞, 城关镇 南阳 河南): read in front too.
    // Read so, part of it may name a place in it (太平镇 浙江: 温岭's 太平街道), but never that word
    // alone (乾州街道 湖北, a province 乾州街道 is not in: 乾州街道 as typed).
    const last = words.at(-1)!;
    const reordered =
      words.length > 1 && this.byForm.get(last)?.some((p) => p.level !== 'town')
        ? new Set([last + words.slice(0, -1).join(''), words.toReversed().join('')])
        : new Set<string>();
    let partly: Place[] = [];
    let within: Place[] = [];
    const simplified = this.traditional ? [typedAs, place].flatMap((q) => simplify(q, this.traditional!)) : [];
    for (const q of new Set([typedAs, ...reordered, place, ...lookalikes(place), ...simplified])) {
      const { places, whole, below } = this.read(q);
      if (whole) return places;
      if (!reordered.has(q)) partly = partly.length ? partly : places;
      else if (below && !within.length) within = places;
    }
    // 香港, 澳门 and 台湾 are not in the data: a place there is named whole or not at all (香港九龙 is
    // not 四川's 九龙县, 台北市 not 武汉's 台北街道; 香港中路街道 is 青岛's).
    if (outsideData(typedAs)) return [];
    // Last, words before the place that name nothing above it (我在吉首): the place alone.
    return within.length ? within : partly.length ? partly : this.read(place, true).places;
  }

  /** What the search page lists: the places the query names; else, with `near`, a covered place that
   *  sounds like it (吉手 → 吉首市), or after a place, one of it that sounds like the rest (吉首千州街道 →
   *  乾州街道), or a county written after it (countyAfter) — as the search box's script answers them. */
  answer(typed: string, near = true): { places: Place[]; near: boolean } {
    const named = this.find(typed);
    const alike = !near ? [] : named.length ? this.townBySound(typed, named) : this.findBySound(typed);
    const county = near && named.length ? this.countyAfter(typed, named) : undefined;
    // Of a town there and a county elsewhere that sound as typed, the one written with more of the
    // characters typed after the places the town lies in (长沙渌口: 株洲's 渌口区, not 长沙县's 路口镇;
    // 新会惠城: 惠州's 惠城区, not 会城街道; 衡水六北: 路北街道, not 唐山's 路北区).
    if (alike.length && county?.near) {
      const after = lineage(alike[0].parent).reduce((rest, p) => {
        const form = p.forms.filter((f) => rest.startsWith(f)).sort((a, b) => b.length - a.length)[0];
        return form ? rest.slice(form.length) : rest;
      }, written(typed).place);
      const kept = (p: Place) => charactersIn(shortName(p.name, p.level), after);
      if (kept(county.places[0]) > kept(alike[0])) return county;
    }
    if (alike.length) return { places: alike, near: true };
    return county ?? { places: named, near: false };
  }

  /** For a query that names a county, then another of its prefecture (芙蓉天心, 巢湖庐江; 莱芜钢城, 济南's
   *  since 2019): both, the last named first. Then a county that lies elsewhere (资阳简阳: 简阳市, 成都's
   *  since 2016; by its sound, 资阳简扬, 资阳简扬镇): that county as a near name, as the search box's script
   *  says it does (src/scripts/moved.ts) — a county of its province (not 黑龙江's 林口县 for 安庆林口镇),
   *  not one named as a city is (东莞中山: 中山市, not 大连's 中山区). */
  countyAfter(typed: string, named: Place[]): { places: Place[]; near: boolean } | undefined {
    const { place: asked, typedAs } = written(typed);
    // A town read from the beginning of a county's name written whole after the prefecture it lies in
    // (武威市清水县: 凉州区's 清水镇; 日喀则市达孜工业园区: 达孜乡): that county (天水's 清水县, 拉萨's 达孜工业园区),
    // then the town — whole, right after the prefecture, not an address's last word; never after the
    // town's own county (岭东区东山区: 岭东区's 东山街道, not 鹤岗's 东山区).
    const towns = named[0].level === 'town' ? named : [];
    if (towns.length) {
      if (towns[0].forms.some((f) => asked.endsWith(f) || typedAs.endsWith(f))) return;
      named = lineage(towns[0].parent).filter((p) => p.level !== 'county');
    }
    for (let cut = 2; cut <= asked.length - 2; cut++) {
      const [before, rest] = [asked.slice(0, cut), asked.slice(cut)];
      const under = endingIn(named, before);
      // An address's number ends what is read (资阳市简阳市石桥镇人民路5号).
      const han = rest.match(/^\p{Script=Han}{2,}/u)?.[0];
      if (!under.length || !han) continue;
      // Not in the place typed, nor beside it (深圳龙华宝安: two of 深圳's; 莱芜钢城, 济南's since 2019).
      const typedIn = new Set(under.flatMap((p) => [p, ...lineage(p)]).filter((p) => p.level !== 'province'));
      const province = lineage(under[0])[0];
      // A town too, when written after its county (七台河桦川横头山镇: 佳木斯's 桦川县's).
      const elsewhere = (list: Place[], withTowns = false) =>
        list.filter(
          (p) =>
            (p.level === 'county' || (withTowns && p.level === 'town')) &&
            lineage(p)[0] === province &&
            !lineage(p).some((l) => typedIn.has(l)),
        );
      // Else a county's full name and a town of it, then an address (read.ts readCountyThen).
      const read = han === rest ? this.read(rest) : { places: [], whole: false };
      const { places, whole, below } = read.whole ? read : (readCountyThen(han, this.byForm) ?? read);
      if (towns.length && (!whole || below)) continue;
      // Not a prefecture's own name (河南南阳), but a common one may be a county's too (阿坝巴州: 巴中's 巴州区).
      if (whole && places.some((p) => (p.level === 'prefecture' || p.level === 'province') && !commonName(p, rest))) continue;
      const sibling = (a: Place, b: Place) => a.level === 'county' && b.level === 'county' && a !== b && a.parent === b.parent;
      // A town of it too (巢湖市庐江县汤池镇: 庐江县's, both 合肥's since 2011).
      const countyOf = (p: Place) => (p.level === 'town' && p.parent ? p.parent : p);
      const beside = whole ? places.filter((p) => under.some((u) => sibling(countyOf(p), u))) : [];
      if (beside.length)
        return { places: [...beside, ...under.filter((u) => beside.some((b) => sibling(countyOf(b), u)))], near: false };
      const moved = elsewhere(whole ? places : [], below);
      if (moved.length) return { places: [...moved, ...towns], near: true };
      if (towns.length) continue; // a county written whole only, not one of its sound
      for (const form of new Set([rest, shortName(rest, 'town')])) {
        const alike = elsewhere(this.findBySound(form));
        if (alike.length) return { places: alike, near: true };
      }
    }
  }

  /** For a query that names a place and then nothing (吉首千州街道, 湘西千州, 湘西急首, 东莞胡门镇): the
   *  towns or counties in that place whose name sounds as the rest does (乾州街道, 吉首市, 虎门镇), by their
   *  pinyin — as findBySound reads a whole query, and the search box's script such a place. `named` are
   *  the places the query names, first the one it names best (none when that is a town). */
  townBySound(typed: string, named: Place[]): Place[] {
    // Without words of the service (东莞胡门开锁), and the name without its suffix, a county's or a
    // town's (广州天和区: tianhe), or whole where that leaves one character (长沙凝乡: ningxiang).
    const { place: asked } = written(typed);
    if (!this.sounds || !named.length || named[0].level === 'town') return [];
    this.spoken();
    for (let cut = asked.length - 2; cut >= 2; cut--) {
      const [before, rest] = [asked.slice(0, cut), asked.slice(cut)];
      if (!/^\p{Script=Han}+$/u.test(rest)) continue;
      // The place ends what comes before (河南南阳 names 南阳市 whole: no town of it is read); a name that
      // several places share is any of them (甘南星十四镇: 黑龙江's 甘南县, not 甘肃's 甘南州).
      const under = endingIn(named, before).filter((p) => p.level !== 'town');
      if (!under.length) continue;
      // Those with the suffix typed first (郴州花膛乡: 临武县's 花塘乡, then 北湖区's 华塘镇), then those with
      // more of the characters typed (郴州花膛: 花塘乡 too).
      const suffix = rest.slice(shortName(rest, 'town').length);
      const typed = (p: Place) => (suffix && p.name.endsWith(suffix) ? 0 : 1);
      const stems = new Set([shortName(rest, 'town'), shortName(rest, 'county'), rest].filter((s) => s.length >= 2));
      for (const stem of stems)
        for (const reading of bySound(stem, this.sounds!)) {
          const towns = (this.byForm.get(reading) ?? []).filter(
            (p) =>
              (p.level === 'town' || p.level === 'county') && !under.includes(p) && lineage(p).some((l) => under.includes(l)),
          );
          const kept = (p: Place) => sameCharacters(p.name, stem);
          if (towns.length) return ranked(towns, reading).sort((a, b) => typed(a) - typed(b) || kept(b) - kept(a));
        }
    }
    return [];
  }

  /** For a query that names nothing: the places whose name sounds as it does (吉手, 急首 → 吉首市; 千州街道
   *  → 乾州街道, 前洲街道), by their pinyin, with the suffix typed — as the search box's script answers a
   *  near name. */
  findBySound(typed: string): Place[] {
    const { typedAs, place } = written(typed);
    // 台北市 sounds as 武汉's 台北街道 is written: a place 香港, 澳门 or 台湾 has is not near any (as find).
    if (!this.sounds || !/\p{Script=Han}/u.test(place) || outsideData(typedAs)) return [];
    this.spoken();
    // The pinyin here is a name without its suffix (急首市 → jishou, of 吉首市).
    const forms = new Set([place, ...(['county', 'prefecture', 'town'] as const).map((level) => shortName(place, level))]);
    for (const form of forms) {
      const suffix = place.slice(form.length);
      for (const reading of bySound(form, this.sounds)) {
        const named = LATIN.test(reading) ? (this.byForm.get(reading) ?? []) : [];
        // Those with the suffix typed (城官镇: the 城关镇s, not 城关乡), else any (急首县: 吉首市).
        const fitting = named.filter((p) => p.name.endsWith(suffix));
        if (named.length) return ranked(fitting.length ? fitting : named, reading);
      }
    }
    return [];
  }

  /** The place named last in `q`, with places above it before it (read.ts). */
  private read(q: string, loose = false): Read {
    return readNamed(q, this.byForm, this.longest, loose);
  }
}
