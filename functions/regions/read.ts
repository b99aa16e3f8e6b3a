// Reading a query for the names it holds (places.ts): the name it ends with, longest first, with the
// places above it written before it; a county and a town of it at the start of an address's rest.
import { countyThen, shortName, SUFFIX_PINYIN } from '../../src/lib/names.ts';
import { above, LATIN, ranked, type Place } from './place.ts';

const SUFFIX_ONLY = /^(街道|镇|乡|苏木|社区)$/;

export interface Read {
  places: Place[];
  whole: boolean;
  below?: boolean;
}

/** The place named last in `q` (an address's rest after it is dropped: 乾州街道幸福路), with whatever
 *  stands before it naming places above it (`loose`: whatever it is); among several, the longest
 *  name. `whole`: nothing was dropped; `below`: something stood before it. No name is longer than
 *  `longest`: the work grows with the query's length, not its square. */
export function readNamed(q: string, byForm: Map<string, Place[]>, longest: number, loose = false): Read {
  // A name in pinyin with another suffix's pinyin than its own (humenjiedao: 虎门镇), as 虎门街道 finds
  // it in characters: the first so read, if nothing is read as typed.
  let otherSuffix: Read | undefined;
  for (let end = q.length; end >= 2; end--) {
    for (let start = Math.max(0, end - longest); start <= end - 2; start++) {
      const form = q.slice(start, end);
      const named = byForm.get(form);
      if (!named) continue;
      // A suffix alone (two towns the data calls 街道, of 唐山's 高新区 and 皮山县), in characters or
      // pinyin (jiedao), only as the whole query: every query ending so (千州街道) would find them.
      const latin = LATIN.test(form);
      const suffixOnly = latin ? named.every((p) => SUFFIX_ONLY.test(p.name)) : SUFFIX_ONLY.test(form);
      if (suffixOnly && (start > 0 || end < q.length)) continue;
      // Pinyin inside pinyin is no name (qianzhoujiedao holds houjie, 厚街's; xihujiedao, xihu): a
      // place's pinyin ends the query, or the pinyin of its own suffix does (jishoushi, houjiezhen).
      if (latin && loose && start > 0) continue;
      const rest = latin ? q.slice(end) : '';
      const suffixed = !!rest && Object.hasOwn(SUFFIX_PINYIN, rest);
      const fitting = rest ? named.filter((p) => suffixed && p.name.endsWith(SUFFIX_PINYIN[rest])) : named;
      // Places above it named as written first: jianshi gaoping is 建始县's 高坪镇 before 吉安市's.
      // Or a name it holds before it (两江新区渝北区: 渝北区 holds 两江新区), places above both before that.
      const before = q.slice(0, start);
      const held = (p: Place) => !!p.held?.some((h) => before.endsWith(h) && above(before.slice(0, -h.length), p.parent));
      const inPlace = (list: Place[]) => {
        if (loose) return list;
        const strict = list.filter((p) => above(before, p.parent) || held(p));
        return strict.length ? strict : list.filter((p) => above(before, p.parent, true));
      };
      const found = inPlace(fitting);
      if (found.length) return { places: ranked(found, form), whole: end === q.length, below: start > 0 };
      const other = suffixed && !otherSuffix ? inPlace(named) : [];
      if (other.length) otherSuffix = { places: ranked(other, form), whole: false, below: start > 0 };
    }
  }
  return otherSuffix ?? { places: [], whole: false };
}

/** A county's full name at the start of the rest of an address, and a town of it after it, as the
 *  search box's script reads them (names.ts countyThen): 简阳市石桥镇人民路 → 简阳市's 石桥街道; 渌口区人民路 →
 *  渌口区; a name with another suffix, its county's (无为县: 无为市 since 2019). Only a name one county has:
 *  鼓楼区 (南京's, 徐州's, 福州's, 开封's) after another city is likelier its own district miswritten. */
export function readCountyThen(rest: string, byForm: Map<string, Place[]>): Read | undefined {
  const { county, town } = countyThen(rest) ?? {};
  if (!county) return;
  const short = shortName(county, 'county');
  const named = byForm.get(county) ?? (short.length >= 2 ? byForm.get(short) : undefined);
  // A county's, or a former county's name on the county holding it now (无为县: 无为市; 桥东区: 张家口's,
  // and 石家庄's until 2014, now its 长安区 and 桥西区).
  const counties = [
    ...new Set((named ?? []).flatMap((p) => (p.level === 'town' && p.former && p.name === county ? (p.parent ?? []) : p))),
  ].filter((p) => p.level === 'county');
  if (counties.length !== 1) return;
  const forms = town ? [town, shortName(town, 'town')] : [];
  const towns = forms.flatMap((f) => byForm.get(f) ?? []).filter((t) => t.level === 'town' && t.parent === counties[0]);
  return { places: towns.length ? [...new Set(towns)] : counties, whole: true, below: true };
}
