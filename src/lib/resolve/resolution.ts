// What the resolver answers (Resolution) and the pieces its readers share: the places it knows, a
// name read as one of them (Match), and the order readings are tried in (TIERS).
import type { Former } from '../history.ts';
import type { TraditionalForms } from '../names.ts';
import forms from '../traditional-forms.json' with { type: 'json' };

/** Traditional forms of the characters place names have (traditional.ts). */
export const TRADITIONAL_FORMS: TraditionalForms = forms;

export type Status = 'resolved' | 'warning' | 'ambiguous' | 'unresolved';

/** A, B and C. */
export const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]);

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
  /** The candidates are the places of the name outside the place written before it (长沙东城), not
   *  readings of the entry: no list's place is asked for them (coverage-list.ts). */
  outside?: true;
}

/** What to write for a kind of zone written alone (园区, 新区). */
export const WRITE_ZONE = 'write the zone with its city (苏州工业园区, 合肥高新区) or the districts it lies in';
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

/** The places a reading names: the one read, or those that share the name written (长沙: 长沙市, 长沙县). */
export const placesNamed = (r: Resolution): string[] =>
  ok(r) ? [r.code!] : namesakes(r) ? r.candidates!.map((c) => c.code) : [];

export interface Place {
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

export interface Match {
  place: Place;
  how: 'exact' | 'short' | 'alias' | 'variant';
  text: string;
}

/** At most this many candidates are offered for a name (a list of every place left to cover is not cut). */
export const MAX_CANDIDATES = 10;

export interface Tier {
  towns: boolean;
  formers: boolean;
  variants: boolean;
}
/** Precise readings first: regions, then towns, former divisions, and last names whose suffix changed. */
export const TIERS: Tier[] = [
  { towns: false, formers: false, variants: false },
  { towns: true, formers: false, variants: false },
  { towns: true, formers: true, variants: false },
  { towns: false, formers: true, variants: true },
  { towns: true, formers: true, variants: true },
];
