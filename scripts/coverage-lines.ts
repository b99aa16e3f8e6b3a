// How the lines of a pasted coverage list become entries (coverage:import): words that name one place
// together, a heading and the places in it, a path with a slip in it, and otherwise a place a word.
import type { RegionIndex } from '../src/lib/regions.ts';
import { NOT_IN_DATA, ZONE_NAME_END, ZONE_WORD } from '../src/lib/names.ts';
import { BORDERS } from '../src/lib/provinces.ts';
import { namesakes, ok, PART_OF, placesNamed, type Resolution, type Resolver } from '../src/lib/resolve.ts';
import { qualifies, splitEntries } from '../src/lib/written.ts';

type Candidate = { code: string; path: string };

export function entriesOf(text: string, resolver: Resolver, regions: RegionIndex): string[] {
  /** A town: below its county (its path is longer than its county's), or one of 东莞's, 中山's… */
  const isTown = (c: Candidate) =>
    regions.get(c.code)?.level === 'town' || c.path.split(' ').length > regions.lineage(c.code).length;
  // Words are one place when together they name one below the first (广东省 广州市 黄埔区, as this report
  // prints paths), or places of one name below it (湖南 长沙: 长沙市 or 长沙县, asked), either way round
  // (吉首 湖南): read apart, 湖南 alone would cover the whole province. Each word must name the place or
  // one above it: 湖南省 凤凰县 泸溪县 is three places, not 泸溪县 alone.
  const oneOf = (words: string[]): string | undefined => {
    const whole = resolver.resolve(words.join(''));
    const codes = ok(whole) ? [whole.code!] : whole.status === 'ambiguous' ? (whole.candidates ?? []).map((c) => c.code) : [];
    if (!codes.length) return undefined;
    if (words.every((word) => /^[a-z]+$/i.test(word))) return words.join(' '); // spaced pinyin: ji shou
    // 枞阳县 - 全境: a word for how much of it names no place of its own.
    const naming = words.filter((word) => !qualifies(word));
    const named = naming.map((word) => resolver.resolve(word));
    // A path from its province may name the prefecture a county was in before it moved (安徽省 安庆市
    // 枞阳县, 四川 资阳 简阳: the resolver reads it, with a warning); two words (安庆 枞阳) may be two places.
    const path = named.length > 2 && !!named[0].code && regions.get(named[0].code)!.level === 'province';
    const below = (code: string) => {
      const lineage = regions.lineage(code);
      const above = new Set(lineage.map((r) => r.code));
      // Not when its prefecture is written too: the other is a place of the list (湖南 长沙 湘潭 韶山 was
      // 韶山市 alone, "moved").
      const own = lineage.find((r) => r.level === 'prefecture')?.code;
      const moved = path && whole.status === 'warning' && !named.some((r) => placesNamed(r).includes(own ?? ''));
      const fits = (at: string) =>
        above.has(at) || (moved && regions.get(at)!.level === 'prefecture' && regions.lineage(at)[0] === lineage[0]);
      // A shared name (沙溪镇, 东城街道: more places than a resolution lists) fits by any place so named.
      return named.every(
        (r, i) =>
          (r.code ? fits(r.code) : !!r.candidates?.some((c) => fits(c.code))) ||
          // A prefecture that is gone, heading one of its counties (巢湖 庐江: 庐江县, not also 巢湖市) —
          // not after today's city (济南 莱芜 钢城: 莱芜区 and 钢城区), nor before a city (淮阴 淮安).
          (named.slice(0, i).every((b) => b.code && regions.get(b.code)!.level === 'province') &&
            !named.slice(i + 1).some((a) => (a.candidates ?? []).some((c) => regions.get(c.code)!.level === 'prefecture')) &&
            resolver.heldBefore(naming[i], code)) ||
          // A zone's word that ends its name (苏州 工业园区: 苏州工业园区, not a town called 工业园区).
          (zone(naming[i]) && regions.get(code)!.name.endsWith(naming[i])) ||
          // Not a place of its own elsewhere read as a town's name here (湛江 中山: 中山市, not 赤坎区's
          // 中山街道), unless written as a town (苏州 沙溪镇).
          (!ownPlace(r, i) && resolver.names(naming[i], above)),
      );
    };
    // Nor when the place read is a town named by a word that is a place of its own, which fits above it
    // too (长春 吉林: 吉林市, not 二道区's 吉林街道 — though 吉林省 is above 长春).
    // Only a division's name (高桥 is 31 towns' only: 长沙 高桥 is 长沙's), and not one only in another
    // province than the place read (佛山 九江: 南海区's 九江镇, not 江西's 九江市; 广州 石门: not 石门县).
    const province = new Set(codes.map((code) => code.slice(0, 2)));
    const ownPlace = (r: Resolution, i: number) =>
      (ok(r) || r.status === 'ambiguous') &&
      !r.town &&
      !/(镇|乡|街道)$/.test(naming[i]) &&
      !zone(naming[i]) &&
      resolver.divisionsNamed(naming[i]).some((code) => province.has(code.slice(0, 2)));
    if (whole.town && named.some((r, i) => ownPlace(r, i) && whole.town!.startsWith(naming[i]))) return undefined;
    return codes.every(below) ? words.join(' ') : undefined;
  };
  /** A zone's name or a kind of zone (工业园区, 新区), which a town elsewhere may be called too. */
  const zone = (word: string) => ZONE_WORD.test(word) || ZONE_NAME_END.test(word);
  // A path with a word that names nothing (广东省 深圳市 保安区, a slip for 宝安区): one entry, unresolved
  // as a whole. Read apart, its places each above the next would be covered whole (all of 深圳市). Not
  // when what the last word may mean lies outside the place before it (广东 广州 深证: 深圳, a heading's).
  /** A word that names nothing, and may mean nothing outside `above` (深圳 福天: 福田区, of its sound; not
   *  南京 … 福洲, whose sound is 福州's). */
  const slipIn = (word: string, above: string) => {
    if (NOT_IN_DATA.test(word)) return false; // 深圳 香港: said as such, apart
    const read = resolver.resolve(word);
    const meant = read.candidates ?? [];
    return read.status === 'unresolved' && (!meant.length || meant.some((c) => regions.within(c.code, above)));
  };
  // After one place, a word that read together with it offers only places in it (深圳 福天: 福田区; 吉首
  // 乾洲: its 乾州街道) — not one that offers nothing, the place itself (吉首 常沙: 吉首市, a near name) or
  // places elsewhere (长沙 株州: 株洲市) —, also after a name places share (长沙 岳陆: 岳麓区, of 长沙市; read
  // apart, 长沙 would be the city, coverage-list.ts) and after a slip for a city (深证 南山: 深圳's 南山区).
  const afterOnePlace = ([place, word]: string[]): string | undefined => {
    const first = resolver.resolve(place);
    const slip = first.status === 'unresolved' && !!first.candidates?.length;
    // A word for part of it, or a kind of zone, is one with it (长沙 主城九区, 苏州 新区: never all of
    // 长沙市 or 苏州市, nor a town called 新区街道 elsewhere).
    if (!slip && (PART_OF.exec(word)?.[0] === word || ZONE_WORD.test(word))) return `${place} ${word}`;
    const at = slip ? first.candidates!.map((c) => c.code) : placesNamed(first);
    // A word that is a place of its own is one (大连 锦州: 锦州市, though 大连 has a 金州区; 深圳 义乌) —
    // unless it is only districts of other provinces or towns beyond their borders (长沙 河西: 天津's
    // 河西区; 深圳 科技园: a town of 洛阳): one with it, for the resolver to say it is not there. Read
    // apart, the city would be covered whole, and a place far from it too.
    const alone = resolver.resolve(word);
    if (!slip && alone.status !== 'unresolved') return elsewhere(at, alone, word) ? `${place} ${word}` : undefined;
    // A word that names nothing, nor anything of its sound but towns elsewhere or districts of other
    // provinces, is one with it too (湖南 茶峒; 长沙 五一广场, not 衡阳's 五一街道; 合肥 滨湖新区, not 无锡's
    // 滨湖区): read apart, 湖南 or 长沙 would be covered whole for a place the data does not have, and
    // the word asked far from it. Not a slip for another city or a county beside it (长沙 株州: 株洲市).
    const far = (c: Candidate) =>
      !at.some((code) => regions.within(c.code, code)) && (isTown(c) || elsewhere(at, { ...alone, candidates: [c] }));
    // Not a place the data lacks (深圳 香港: said as such, apart).
    if (!slip && at.length && !NOT_IN_DATA.test(word) && (alone.candidates ?? []).every(far)) return `${place} ${word}`;
    const together = resolver.resolve(place + word);
    // Together a place in it, of a word that alone names nothing (阿拉善 左旗: 阿拉善左旗, not 阿拉善盟).
    if (
      !slip &&
      ok(together) &&
      !together.town &&
      at.some((code) => together.code !== code && regions.within(together.code!, code))
    )
      return `${place} ${word}`;
    const meant = together.status === 'unresolved' ? (together.candidates ?? []) : [];
    // In it, not it (a town of it is: its path is longer).
    const inside = (c: Candidate, code: string) =>
      regions.within(c.code, code) && c.path.split(' ').length > regions.lineage(code).length;
    return at.length && meant.length && meant.every((c) => at.some((code) => inside(c, code))) ? `${place} ${word}` : undefined;
  };
  /** Whether `read` (of `word`) is only places a list would not name beside the cities or provinces
   *  `at`, so that the word goes with them, asked: a district of another province (长沙 河西: 天津's
   *  河西区), a town of another province (长沙 东城: 东莞's town, and 43 places more; 北京 燕郊: 三河's,
   *  asked — written apart, it is read apart), or a town of another city of theirs whose name towns far
   *  off share (深圳 新塘) — not a county or city anywhere (深圳 义乌, 上海 昆山), nor a district across
   *  the border (上海 吴江). */
  const elsewhere = (at: string[], read: Resolution, word?: string): boolean => {
    const heads = at.filter((code) => ['province', 'prefecture'].includes(regions.get(code)!.level));
    const own = new Set(heads.map((code) => code.slice(0, 2)));
    const near = new Set([...own].flatMap((p) => BORDERS[p] ?? []));
    const beyond = (code: string) => !own.has(code.slice(0, 2)) && !near.has(code.slice(0, 2));
    // By the name without its suffix (新塘镇: the towns called 新塘, 镇 or 街道 alike).
    const name = word?.replace(/(?<=.{2})(镇|乡|街道)$/u, '');
    const towns = name
      ? [
          ...resolver.townsNamed(name).map((t) => t.county),
          ...resolver.divisionsNamed(name).filter((code) => regions.get(code)!.level === 'town'),
        ]
      : [];
    const common = towns.some(beyond);
    const places = read.code
      ? [{ code: read.code, path: [read.path, read.town].filter(Boolean).join(' ') }]
      : (read.candidates ?? []);
    const far = (c: Candidate) => {
      const region = regions.get(c.code)!;
      const town = isTown(c);
      // In its province, a town of 东莞 or 中山 is a place of its own (深圳 凤岗, 深圳 长安: 东莞's, beside
      // it), and another town too unless towns far off share its name (深圳 新塘: 增城's, or 深圳's own?).
      const province = c.code.slice(0, 2);
      if (town && own.has(province)) return region.level !== 'town' && common;
      // Of another province, a town is read apart only when written apart (北京、燕郊): after the city a
      // town far inside another province is as likely read (广州 黄岐: 连江's 黄岐镇, not 南海's 黄岐).
      if (town) return true;
      if (own.has(province) || region.level !== 'county') return false;
      // A district of the province beside it, the only place of that name, is one too (上海 吴江: 苏州's
      // 吴江区, as 上海 昆山 is 苏州's 昆山市); not one of several (上海 鼓楼), nor one far off (长沙 河西),
      // nor one of a name it was guessed from (合肥 滨湖新区: not 无锡's 滨湖区).
      return region.name.endsWith('区') && !(near.has(province) && places.length === 1 && read.status === 'resolved');
    };
    return heads.length > 0 && places.length > 0 && places.every(far);
  };
  const pathWithSlip = (words: string[]): string | undefined => {
    if (words.length === 2) return afterOnePlace(words);
    // Places each in the one before, a name places share too (湖南 长沙: 长沙市 or 长沙县).
    const codes: string[][] = [];
    for (const word of words.slice(0, -1)) {
      const named = placesNamed(resolver.resolve(word));
      // Of a shared name, those in the place before (北京 朝阳: 北京's 朝阳区, not 辽宁's 朝阳市).
      const here = codes.length ? named.filter((code) => codes.at(-1)!.some((up) => regions.within(code, up))) : named;
      if (!here.length) return undefined;
      codes.push(here);
    }
    // Or a kind of zone of the last (江苏 苏州 新区: 苏州新区), or a place only elsewhere (湖南 长沙 河西).
    const [last, above] = [words.at(-1)!, codes.at(-1)!];
    return ZONE_WORD.test(last) || above.some((code) => slipIn(last, code)) || elsewhere(above, resolver.resolve(last), last)
      ? words.join(' ')
      : undefined;
  };
  /** The province or prefecture a word names, to head places; of a name a county shares too, the one
   *  that can (河南: 河南省, not 青海's 河南县), but not one of two (吉林: 吉林省 or 吉林市). */
  const heading = (word: string): string | undefined => {
    const read = resolver.resolve(word);
    const codes = read.town ? [] : placesNamed(read);
    const above = codes.filter((code) => ['province', 'prefecture'].includes(regions.get(code)!.level));
    // Or a prefecture that is gone, before its former counties (巢湖 庐江 无为).
    return above.length === 1 ? above[0] : resolver.formerPrefecture(word);
  };
  // A province or prefecture heading places in it (北京 朝阳 海淀, 湖南省 凤凰县 泸溪县; 广东省 深圳市 南山区
  // 福田区, a heading in a heading): each read after it (朝阳 alone names six places), the heading not
  // covered whole. A word that names nothing is read after it too (深圳 福天: 福田区, of that sound).
  const underHeading = (words: string[]): string[] | undefined => {
    const [head, ...rest] = words;
    const at = heading(head);
    if (!at || rest.some(qualifies)) return undefined;
    if (rest.length > 2) {
      const second = oneOf([head, rest[0]]);
      const within = second && resolver.resolve(second);
      if (within && ok(within) && !within.town && regions.get(within.code!)!.level !== 'county') {
        const inner = underHeading([second, ...rest.slice(1)]);
        if (inner) return inner;
      }
    }
    // Each place in it, or a word that names nothing (a slip, said of that sound within the heading).
    const each = rest.map((word) => {
      const one = oneOf([head, word]);
      if (one) return { entry: one, placed: true };
      // A kind of zone, the heading's (苏州：姑苏、新区: 苏州新区, asked as such; 合肥：高新区: its zone).
      if (ZONE_WORD.test(word)) return { entry: `${head} ${word}`, placed: true };
      // A slip, or a word that read after it names nothing there (深圳 南山 科技园, 长沙 河西 河东): with it,
      // asked — never the heading covered whole for it.
      return slipIn(word, at) || afterOnePlace([head, word]) ? { entry: `${head} ${word}`, placed: false } : undefined;
    });
    return each.every(Boolean) ? each.map((e) => e!.entry) : undefined;
  };
  // Several headings on a line (南京 鼓楼 玄武 福州 鼓楼): each with the places after it that are in it.
  const headings = (words: string[]): string[] | undefined => {
    const groups: string[][] = [];
    for (const word of words) {
      const group = groups.at(-1);
      const head = group && heading(group[0]);
      const slip = group && group.length > 1 && head && slipIn(word, head);
      if (group && (slip || oneOf([group[0], word]))) group.push(word);
      else groups.push([word]);
    }
    if (groups.length < 2 || groups.every((g) => g.length === 1)) return undefined;
    // A group of two may be one place, no heading (上海 昆山 花桥: 昆山's 花桥镇 after 上海).
    const one = (g: string[]) => {
      const entry = g.length === 2 ? oneOf(g) : undefined;
      return entry ? [entry] : undefined;
    };
    const each = groups.map((g) => (g.length === 1 ? g : (underHeading(g) ?? one(g))));
    return each.every(Boolean) ? (each as string[][]).flat() : undefined;
  };
  // Either way round (吉首 湖南, 共和县 海南, 农安 吉林), but not a city and a word that is also another city
  // of its province, as cities are listed (长春 吉林: 吉林省 above 长春, or 吉林市 beside it? asked).
  const reversed = (words: string[]): string | undefined => {
    const back = oneOf([...words].reverse());
    const code = back && resolver.resolve(back).code;
    if (!code || regions.get(code)!.level !== 'prefecture') return back;
    const province = regions.lineage(code)[0];
    const beside = (word: string) => {
      const read = resolver.resolve(word);
      return (
        namesakes(read) &&
        read.candidates!.some(
          (c) => regions.get(c.code)!.level === 'prefecture' && c.code !== code && regions.lineage(c.code)[0] === province,
        )
      );
    };
    return words.slice(1).some(beside) ? undefined : back;
  };
  return splitEntries(text, (words, piece) => {
    // A town whose own name has a separator in it (化学新材料产业园-沿江街道).
    const asWritten = resolver.resolve(piece);
    if (ok(asWritten) && asWritten.town && /[-·:>/]/.test(asWritten.town)) return piece;
    return oneOf(words) ?? reversed(words) ?? pathWithSlip(words) ?? underHeading(words) ?? headings(words);
  });
}
