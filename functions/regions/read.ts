// Reading a query for the names it holds (places.ts): the name it ends with, longest first, with the
// places above it written before it.
import { SUFFIX_PINYIN } from '../../src/lib/names.ts';
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
