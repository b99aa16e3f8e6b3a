// A query as it was typed, in the forms that are still the query as typed, not near names: what a
// phone's keyboard or an input method sends (search-core.ts searches each in turn first).
import { pinyinSuffix, shortName, TOWN_END, zhouForm, zoneNames, type ZoneName } from '../lib/names.ts';
import { PROVINCE_PINYIN, PROVINCES } from '../lib/provinces.ts';
import { PROVINCE_NAMES } from './readings.ts';

/** A query as a phone's keyboard may send it (or a chat app's text pasted, with its invisible
 *  characters dropped): full-width letters (ｊｉｓｈｏｕ) as plain ones, capitals
 *  (Changsha) and ü (lüliang: the index spells it v) as the index has them, punctuation (吉首。,
 *  “乾州街道”) and, beside Chinese, digits (1吉首, 星沙镇5区: no name of the data has one) as spaces;
 *  湘西自治州 as the 湘西州 the index has (names.ts zhouForm). */
export const typedQuery = (q: string) => {
  const plain = q
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u2060\ufeff]/g, '') // invisible: pasted from chat apps
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/\p{P}+/gu, ' ');
  return zhouForm((/\p{Script=Han}/u.test(plain) ? plain.replace(/[0-9]+/g, ' ') : plain).replace(/\s+/g, ' ').trim());
};

export interface Typed {
  q: string;
  /** Without the spaces between Chinese names (湖南 吉首 → 湖南吉首). */
  joined: string;
  /** The name a suffix left in pinyin spells (吉首shi → 吉首市), or ''. */
  spelled: string;
  /** The forms searched as typed, in turn. */
  asTyped: string[];
  /** Two names the other way round, written whole (乾州 吉首 → 吉首乾州; qianzhou 吉首 → 吉首 qianzhou;
   *  乾州 jishou → jishou 乾州), or ''. */
  reversed: string;
  /** A town typed before the place it is in, written the other way round (太平镇 成都 → 成都太平镇), or
   *  '': what a near name is read from, as if typed so (成都's 太平街道, not every 太平镇). */
  placeFirst: string;
  /** The names the data may give a development zone so written (合肥市高新区: 合肥高新技术产业开发区, …). */
  zones: ZoneName[];
  /** A place in pinyin, then one in it in characters (changsha 岳麓, jishou乾州: the input method
   *  switched on midway), not after a province (hunan长沙: its name in characters is in asTyped). */
  switched: boolean;
  /** A province in characters, then places in pinyin (四川 taiping, 湖南吉首 qianzhou: not read as one
   *  reading of the places, shanxi being 山西 and 陕西): the province, and the rest to find in it. */
  provinceThen?: { province: string; rest: string };
}

/** Places in pinyin, then one in characters (changsha 岳麓, jishou乾州): the pinyin words, the characters. */
export const PINYIN_THEN_HAN = /^([a-z][a-z\s]*?)\s*(\p{Script=Han}{2,})$/u;

export function typedForms(typed: string): Typed {
  const q = typedQuery(typed);
  // The same query without the spaces between Chinese names (湖南 吉首 → 湖南吉首): still the query as
  // typed, not a near name.
  const joined = q.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
  // A suffix the input method left in pinyin (吉首shi, 长沙x): the name it spells, else the name without
  // the suffix as a near one (凤凰shi, 长沙qu → 凤凰, 长沙) — never a town whose pinyin begins so (长沙's
  // 泉塘街道), which a customer who typed 长沙 and a suffix did not ask for.
  const spelled = pinyinSuffix(joined);
  // A character alone between spaces (吉 首) is no name: the query joined first, not 首山镇 of a 吉… place.
  const broken = /(^|\s)\p{Script=Han}(?=\s|$)/u.test(q);
  // Two names the other way round (太平镇 重庆, 吉首 湖南): the wider first, as places are written.
  const two = q.split(/\s+/);
  const han = (w: string) => /^\p{Script=Han}{2,}$/u.test(w);
  const swapped = two.length === 2 && two.every(han) ? two[1] + two[0] : '';
  // A town in pinyin and then its place (qianzhou 吉首): read so only to name the town in the place the
  // query found (search-core.ts), never as typed (jishou 湖南 is no 湖南 jishou).
  const reversed =
    swapped ||
    (two.length === 2 && ((/^[a-z]{2,}$/.test(two[0]) && han(two[1])) || (han(two[0]) && /^[a-z]{2,}$/.test(two[1])))
      ? `${two[1]} ${two[0]}`
      : '');
  // A province in pinyin before places in characters (hunan长沙, shanxi 长安): the province's name.
  const front = q.match(/^([a-z]+)\s*(?=\p{Script=Han})/u);
  const inChars = front
    ? PROVINCE_PINYIN.filter(([p]) => p === front[1]).map(([, name]) => name + joined.slice(front[0].length))
    : [];
  // A province and places typed apart (河南 城关镇, 河南 南阳 城关镇, 城关镇 南阳 河南), or a town before the
  // place it is in (浦市镇 湘西): read as written in full, the wider first — as words apart, a record that
  // holds both (南召县's 河南红阳机械厂 and 城关镇) would answer alone, and a town's county without the
  // town. A province last is only that (城关镇 河北, a province without one: not 武清区's 河北屯镇 beside
  // its 城关镇): never searched as words apart.
  const provinceLast = two.length >= 2 && two.every(han) && PROVINCE_NAMES.includes(two.at(-1)!);
  const placeFirst =
    !provinceLast && two.length === 2 && TOWN_END.test(two[0]) && !PROVINCE_NAMES.includes(two[0]) ? swapped : '';
  const wider = provinceLast
    ? [two.at(-1), ...two.slice(0, -1).reverse()].join('')
    : placeFirst || (two.length >= 2 && two.every(han) && PROVINCE_NAMES.includes(two[0]) ? joined : '');
  const asTyped = [
    ...new Set([
      ...inChars,
      ...(spelled ? [spelled] : broken ? [joined, q] : provinceLast ? [wider] : [wider, q, joined, swapped].filter(Boolean)),
    ]),
  ];
  const switched = PINYIN_THEN_HAN.test(q) && !inChars.length;
  const hanFront = q.match(/^(\p{Script=Han}{2,})\s*(?=[a-z])/u)?.[1] ?? '';
  const [province, written] =
    PROVINCES.flatMap((p) => [p, shortName(p, 'province')].filter((n) => hanFront.startsWith(n)).map((n) => [p, n])).sort(
      (a, b) => b[1].length - a[1].length,
    )[0] ?? [];
  const provinceThen = province ? { province, rest: q.slice(written.length).trim() } : undefined;
  // A development zone as residents write it (合肥高新区): as the data may name it.
  return { q, joined, spelled: spelled ?? '', asTyped, reversed, placeFirst, zones: zoneNames(joined), switched, provinceThen };
}
