// What a query may still name when no place holds it as typed (search-core.ts asks this last, and
// the search worker loads it only then: a first search of a place's name never fetches it): the town
// of an address pasted whole, a place after an area or a city, a zone the data lacks, places typed
// apart in pinyin, traditional characters, a character of nearly the same shape or the same sound, a
// place moved or renamed, a near name, and at last Pagefind's nearest words.
import { charactersIn, lookalikes, nearNames, sameCharacters, shortName, TOWN_END, ZONE_WORD } from '../lib/names.ts';
import { holding, nothing, type Found, type Pagefind } from './find.ts';
import { movedPlace, suffixChanged } from './moved.ts';
import {
  areaBegun,
  areaLeading,
  inArea,
  liesIn,
  liesInNamed,
  liesUnder,
  provinceOf,
  sameHit,
  spelledAs,
  type Hit,
} from './search-hits.ts';
import { PROVINCE_NAMES, readings } from './readings.ts';
import { apart, search, type Tables } from './search-core.ts';
import { searchAs } from './search-as.ts';
import type { Typed } from './typed.ts';

/** Characters of an address after a town's name tried off its end (新华社区, 人民路88号): a search each. */
const MAX_ADDRESS_WORDS = 6;

/** `hint`: the nearest words of the query as typed (searchAs), if any. */
export async function searchNear(
  pagefind: Pagefind,
  { q, joined, spelled, switched }: Pick<Typed, 'q' | 'joined' | 'spelled' | 'switched'>,
  filters: Record<string, string>,
  limit: number,
  tables: Tables,
  hint: Found | undefined,
): Promise<Found> {
  // An address pasted whole (吉首市乾州街道世纪山水, 宝安区西乡街道固戍村): the town the word it begins with
  // names (吉首市乾州街道: 乾州街道 of 吉首市), as a near one — before the readings of a moved or misspelt
  // place below, a dozen searches each (recall: 90 ms a question in CI with them first).
  const begun = hint?.begun;
  // An area it begins with (两江新区鸳鸯街道人民路: 两江新区; 汉口古田街道), or a city's full name before
  // one (南京市江北新区泰山街道): the place the rest names, when it lies in that area or city.
  const lead = begun && hint?.results[0];
  const area = lead ? areaBegun(lead, begun) : undefined;
  const city = lead && !lead.town && lead.meta.level === 'prefecture' && lead.meta.title === begun ? begun : undefined;
  const at = begun ? joined.indexOf(begun) : -1;
  if ((area || city) && at >= 0) {
    const after = joined.slice(at + begun!.length);
    // An area written as a district (汉口区花桥街道): the place after that suffix.
    const rest = area ? after.replace(/^[区县]/, '') : after;
    // After an area, searched in its province, which holds all of it: a town's name many counties
    // share (东城街道 after 西咸新区) would not have the area's among the first results read. (Not after
    // a city: 蚌埠市經濟開發區 would find, in 安徽省, a town of that zone named 经济开发区管委会 first.)
    const within = area && lead ? { province: provinceOf(lead), ...filters } : filters;
    const inside = rest.length >= 2 ? await search(pagefind, rest, within, limit, tables) : undefined;
    const results = inside?.results.filter((h) => (area ? inArea(h, area) : liesIn(h, city!))) ?? [];
    // Said by the first of those kept, when near (a filtered-out first result named the near one).
    if (results.length)
      return {
        ...inside!,
        results,
        total: results.length,
        ...(inside!.near ? { near: results[0].town ?? results[0].meta.title } : {}),
      };
    // An area written as a district alone (汉口区), or after its city, which has none of that name
    // (南京市江北区: 江北 is its 江北新区; 南京市江北区泰山街道): read without that suffix, said to be near.
    // An area's name is short: a 区 further on is no area's (南京市玄武区…: one more search at most).
    const unsuffixed = area ? (rest ? '' : begun!) : begun + after.replace(/^(\p{Script=Han}{2,4}?)[区县]/u, '$1');
    const as = unsuffixed && unsuffixed !== joined ? await search(pagefind, unsuffixed, filters, limit, tables) : undefined;
    const named = (as?.results ?? []).flatMap((h) => {
      const written = area ?? areaLeading(h, unsuffixed.slice(begun!.length));
      const kept = !!written && inArea(h, written) && (!!area || liesIn(h, city!));
      return kept ? [h.town && inArea(h, h.town) ? { ...h, town: areaLeading(h, h.town) } : h] : [];
    });
    if (named.length)
      return { ...as!, results: named, total: named.length, exact: false, near: named[0].town ?? named[0].meta.title };
  }
  // A zone the data lacks, right after a place (西安高新区, 镇江高新区): that place, as its name alone
  // ranks (西安市 before the 西安区s of other provinces); never a 高新区 moved from it (常州's town of that
  // name, below). A zone of the data's written under another city is read so (包头市呼和浩特经济技术开发区).
  const bareZone = at >= 0 && ZONE_WORD.test(joined.slice(at + begun!.length));
  const before = bareZone ? await searchAs(pagefind, begun!, filters, limit) : undefined;
  if (before?.exact) return asNear(before);
  // In characters: a pinyin word the query begins with is a syllable or two (xiamen of xiamen xiangan).
  const atBegun =
    begun && begun.length >= 4 && begun !== joined && /^\p{Script=Han}+$/u.test(begun)
      ? await searchAs(pagefind, begun, filters, limit)
      : undefined;
  if (atBegun?.exact && atBegun.results[0].town) return asNear(atBegun);
  // A town of the place the query begins with, whose name the rest begins without its suffix
  // (尖草坪区南寨新华社区: 南寨街道; 三台县三元人民路: 三元镇): its word after the place's short name, the
  // longest first; then that place itself, as a near one (深圳宝安区西乡街道国道: 宝安区). After a county,
  // here, before the readings of a moved or misspelt place below (七星关区阴底张家村: 36 searches, 159 ms,
  // with them first); after a city, last (深圳龙华宝安 is two of its districts, not its 龙华街道).
  const begunPlace = lead && !lead.town && lead.meta.short && at >= 0 ? lead : undefined;
  const after = begunPlace ? joined.slice(at + begun!.length) : '';
  // What the query put before the place's name: places it lies in (福州 of 福州鼓楼…: not 南京's 鼓楼区).
  const short = begunPlace?.meta.short ?? '';
  const ahead = begunPlace ? joined.slice(0, at) + begun!.slice(0, Math.max(0, begun!.lastIndexOf(short))) : '';
  const placed = (h: Hit) => liesIn(h, begunPlace!.meta.title) && liesUnder(h, ahead);
  const townBegun = async (): Promise<Found | undefined> => {
    for (let k = after.length - 1; k >= 2 && k >= after.length - MAX_ADDRESS_WORDS; k--) {
      const held = await holding(pagefind, begunPlace!.meta.short + after.slice(0, k), filters, limit);
      const towns = held.filter((h) => h.town && (h.url === begunPlace!.url || placed(h)));
      if (towns.length) return { results: towns, total: towns.length, complete: true, exact: false, near: towns[0].town };
    }
  };
  // (Characters only: pinyin after a county, axiaxiang diebu, is a town and its county typed apart.)
  const county = begunPlace?.meta.level === 'county' && /^\p{Script=Han}+$/u.test(after);
  if (county) {
    const town = await townBegun();
    if (town) return town;
  }
  // The narrowest place last, in pinyin typed apart (guangdong dongguan humen); or first, read the
  // other way round (qianzhou jishou hunan, chengguan henan: a town, then the places it lies in); then
  // the other way round as typed so; then with a place's name in characters beside a town's (taiping
  // chengdu: 成都太平街道; 太平镇 chengdu: 成都 太平镇, near).
  if (!switched) {
    const words = q.split(' ');
    const turned = words.length >= 2 && /[a-z]/.test(q) ? [...words].reverse().join(' ') : '';
    // Read so, the last word is a name whole, not the beginning of one: beilin xian is 西安's 碑林区
    // read the other way round, before 北林区's 先锋街道 (xianfeng).
    const whole = (found: Found, word: string) => found.results.some((h) => (h.town ? h.spelled : spelledAs(h, word)));
    const forward = await apart(pagefind, q, filters, limit, tables);
    if (forward && whole(forward, words.at(-1)!)) return forward;
    const back = turned ? await apart(pagefind, turned, filters, limit, tables) : undefined;
    if (back && (!forward || whole(back, words[0]))) return back;
    if (forward) return forward;
    const as = turned ? await searchAs(pagefind, turned, filters, limit) : undefined;
    if (as?.exact && as.results.length) return as;
    const named =
      (await apart(pagefind, q, filters, limit, tables, true)) ??
      (turned ? await apart(pagefind, turned, filters, limit, tables, true) : undefined);
    if (named) return named;
  }
  // Traditional characters (廣州, 瀋陽): the query as typed, in the characters the index has.
  const { simplify, bySound } = tables;
  for (const simple of simplify && /\p{Script=Han}/u.test(q) ? await simplify(q) : []) {
    if (simple === q) continue;
    const found = await search(pagefind, simple, filters, limit);
    if (found.results.length && (found.exact || found.near)) return found;
  }
  // A character of nearly the same shape (毫州: 亳州市), as a near name.
  for (const right of lookalikes(joined)) {
    const found = await search(pagefind, right, filters, limit);
    if (found.results.length && found.exact) return asNear(found);
  }
  const province = PROVINCE_NAMES.find((p) => joined.startsWith(p) && joined.length > p.length) ?? '';
  const rest = joined.slice(province.length);
  // 吉林市宽城区, 海南藏族自治州泽库县: a prefecture that begins with a province's name.
  const within = province ? readings(joined, filters).find((r) => r.q === rest && r.filters !== filters) : undefined;
  const renamed =
    (within && (await suffixChanged(pagefind, rest, within.filters, limit))) ||
    (await suffixChanged(pagefind, joined, filters, limit));
  // Only when a name of the nearest places answered as typed, of the places they lie in, or the word
  // they were found by begins the query (资阳简阳: 资阳市; 深圳龙华宝安: 龙华区 of 深圳市; 凉山乡城: the
  // word 凉山乡; 襄樊市樊城区: 襄阳市's former name 襄樊市), or nothing answered (湘西涟源): a phrase
  // that names no place costs no more searches.
  const begins = (hit: Hit) =>
    [
      hit.town && shortName(hit.town, 'town'),
      hit.meta.title && shortName(hit.meta.title, 'town'),
      hit.meta.short,
      ...(hit.meta.path ?? '')
        .split(' ')
        .slice(1)
        .map((p) => shortName(p, 'prefecture')),
    ].some((n) => !!n && n.length >= 2 && (joined.startsWith(n) || rest.startsWith(n)));
  // A town of the place the query begins with, with a character of its sound (吉首千州街道, 湘西千州:
  // 乾州街道): the place's name and the town's pinyin, two words of the county's record.
  // Whole where its short form is one character (长沙凝乡: ningxiang, 宁乡市, a county of it). The place
  // by its short name, then by the word typed: Pagefind may rank first a place that word begins
  // (平顶山疵芭镇: 平顶山市城乡一体化示范区, until the chunks of 平顶山's towns are loaded). A short name
  // typed bare is any place's of that name (东营碉口乡: 东营市's 利津县; 甘南星十四镇: 黑龙江's 甘南县);
  // with its suffix or places before it, that place's alone (东营区碉口乡, 唐山开平沧城镇, 福州鼓楼…).
  const townBySound = async (spelledOnly: boolean): Promise<Found | undefined> => {
    const stems = begunPlace && /^\p{Script=Han}{2,}$/u.test(after) ? [shortName(after, 'town'), after] : [];
    const under = (h: Hit, name: string) => (at === 0 && begun === name ? liesInNamed(h, name) : placed(h));
    const suffix = TOWN_END.exec(after)?.[0];
    for (const name of new Set(stems.length ? [short, begun!] : []))
      for (const stem of new Set(stems.filter((s) => s.length >= 2)))
        for (const sound of bySound ? await bySound(stem) : []) {
          const held = (await holding(pagefind, `${name} ${sound}`, filters, limit)).filter(
            (h) =>
              under(h, name) &&
              (spelledOnly
                ? !!h.spelled && TOWN_END.test(h.town ?? '')
                : h.town || (h.meta.level === 'county' && h.url !== begunPlace!.url)),
          );
          // A town whose pinyin the sound is whole before one it begins (和田奴而乡: 策勒县's 奴尔乡, then
          // 和田市's 努尔巴格街道); of those, one with the suffix typed (郴州花膛乡: 花塘乡, then 华塘镇), then
          // one with more of the characters typed (郴州花膛: 花塘乡 too).
          const rank = (h: Hit) => [
            Number(!!h.spelled),
            Number(!!suffix && !!h.town?.endsWith(suffix)),
            sameCharacters(h.town ?? h.meta.title, stem),
          ];
          held.sort((a, b) => {
            const [x, y] = [rank(a), rank(b)];
            return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
          });
          if (held.length)
            return { results: held, total: held.length, complete: true, exact: false, near: held[0].town ?? held[0].meta.title };
        }
  };
  // A town of that place whose pinyin the sound is whole (唐山霜桥镇, 衡水六北: 路北街道), before a county
  // elsewhere of that sound (承德's 双桥区, 唐山's 路北区); one it only begins, after (张家口固岸乡: 固安县, not
  // 怀来县's 官厅镇 — guan begins guanting), unless the county is written with more of the characters
  // typed after the place (长沙渌口: 株洲's 渌口区, not 长沙县's 路口镇; 新会惠城: 惠州's 惠城区). As the
  // search without JavaScript reads them; not with a county's suffix typed (桂林市三江侗族自治县: 柳州's,
  // not 恭城县's 三江乡).
  const townFirst = !renamed && (TOWN_END.test(after) || shortName(after, 'county') === after);
  const soundTown = townFirst ? await townBySound(true) : undefined;
  const elsewhere =
    !renamed &&
    !bareZone &&
    (!hint?.results.length || hint.results.some(begins) || (hint.begun?.length ?? 0) >= 2) &&
    ((within && (await movedPlace(pagefind, rest, within.filters, limit, bySound))) ||
      (await movedPlace(pagefind, joined, filters, limit, bySound)));
  const kept = (found: Found) => {
    const [h] = found.results;
    return charactersIn(h.town ? shortName(h.town, 'town') : (h.meta.short ?? h.meta.title), after);
  };
  if (soundTown && (!elsewhere || kept(soundTown) >= kept(elsewhere))) return soundTown;
  if (elsewhere) return elsewhere;
  // A character of the right sound, not the place's (常沙, 湖南郑洲): the rest of the query in pinyin,
  // which every place has, after a province as typed; near places, not the query's.
  // Each reading the characters have in place names, the commoner's places first (汤厦镇: tangxia's
  // 棠下镇 and 塘下镇, then tangsha's 塘厦镇).
  const alike: Hit[] = [];
  let complete = true;
  for (const sound of bySound && /^\p{Script=Han}{2,}$/u.test(rest) ? await bySound(rest) : []) {
    const found = await searchAs(pagefind, province + sound, filters, limit);
    // Only places whose name begins with that very sound, syllable for syllable: 小米 is not 晓明镇
    // (xiaoming begins with xiaomi); one character alone (内, 的) is read by sound never.
    for (const hit of found?.exact ? found.results : [])
      if (
        !alike.some((a) => sameHit(a, hit)) &&
        (await bySound!((hit.town ?? hit.meta.title).slice(0, rest.length))).includes(sound)
      )
        alike.push(hit);
    complete &&= found?.complete ?? true;
  }
  // Another suffix and another character of that sound may both be meant (昌宁区: 云南's 昌宁县, and
  // 上海's 长宁区): the name as typed first.
  if (renamed) {
    const results = [...renamed.results, ...alike.filter((a) => !renamed.results.some((r) => r.url === a.url))];
    return { ...renamed, results, total: results.length };
  }
  if (alike.length) return { results: alike, total: alike.length, complete, exact: false };
  const bySoundThere = await townBySound(false);
  if (bySoundThere) return bySoundThere;
  if (!county) {
    const town = await townBegun();
    if (town) return town;
  }
  if (atBegun?.exact) return asNear(atBegun);
  const near = spelled ? [...nearNames(spelled), joined.replace(/\s*[a-z]+$/i, '')] : nearNames(q);
  for (const query of near) {
    if (!query) continue;
    const found = await searchAs(pagefind, query, filters, limit);
    // The place's name and the suffix typed, two characters or more dropped between (长沙轰星街道: 长沙街道),
    // names no town of that name elsewhere (开平市's): that place, below. One is a slip (石门坎乡: 石门乡).
    const end = query.slice(begun?.length);
    const dropped = begunPlace && query.startsWith(begun!) && after.endsWith(end) ? after.length - end.length : 0;
    if (dropped >= 2 && found?.results[0] && !liesInNamed(found.results[0], begun!)) continue;
    if (found?.exact) {
      // Said by the name of the first place when the near name is none of its names (成都简扬: 成都简
      // begins 成都's 简阳市 → "简阳市"; 石门坎乡: 石门乡, a town's name).
      const [{ town, meta }] = found.results;
      const names = [town, town && shortName(town, 'town'), meta.title, meta.short];
      // A town the query names a character of only is no near name (长沙火车站: 长沙火 begins 长沙's
      // 火星街道, 长沙南站 its 南托街道; 东莞中山: 中堂镇): the place it begins with, below.
      const townName = town ?? (meta.level === 'town' ? meta.title : undefined);
      const typedOf = townName && !names.includes(query) && !joined.includes(shortName(townName, 'town').slice(0, 2));
      if (!typedOf) return { ...found, exact: false, near: names.includes(query) ? query : (town ?? meta.title) };
    }
    hint ??= found;
  }
  // Pagefind's nearest words, when they account for the query's front: a word it begins with, or its
  // province (湖南石门坎乡: 湖南, 石门县). Not places that share a word of a split reading only
  // (郑东新区: five towns called 新区…): nothing found, the advice and the hotline.
  return hint && (hint.begun || province) ? hint : nothing();
}

/** An answer as near places, said by its first one's name (毫州: “亳州市”; an address: its town). */
const asNear = (found: Found): Found => ({
  ...found,
  exact: false,
  near: found.results[0].town ?? found.results[0].meta.title,
});
