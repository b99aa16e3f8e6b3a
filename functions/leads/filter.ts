// Which leads a list shows: the inbox's filter form and the admin API's query, both read from URL
// search params here. Newest first, a page at a time by keyset (`before` = the last row's time and
// id), never OFFSET: page 200 costs what page 1 costs. Bad values get a message in Chinese for the
// inbox, in English for the admin API (and its CLI).
import type { Keyring } from '../privacy/keyring.ts';
import { phoneHashes } from '../privacy/keyring.ts';
import type { LeadStatus } from '../rows.ts';
import { STAGES, type Stage } from '../work/stages.ts';
import { normalizePhone } from './phone.ts';
import { readReference } from './reference.ts';
import { fromBeijing } from '../web/beijing-time.ts';

export interface LeadFilter {
  status?: LeadStatus;
  stage?: Stage;
  /** A substring of the region's full name (湖南省 湘西土家族苗族自治州 吉首市): a prefecture or county. */
  region?: string;
  brand?: string;
  /** Beijing dates, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  /** A reference (BX-…) or a phone number, matched exactly. */
  q?: string;
  /** Rows older than this one: `<created_at>_<id>`. */
  before?: string;
  limit: number;
}

/** The filter as SQL conditions on `leads l`, with their values. */
export interface LeadQuery {
  where: string[];
  values: unknown[];
  limit: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BEFORE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([\w-]{1,64})$/;
const beijingMidnight = (date: string, days = 0) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + days * 86_400_000).toISOString();

/** What can be wrong with a filter: for the inbox's staff, and for the admin API's callers. */
const PROBLEMS = {
  status: ['文件夹只能是收件箱或垃圾。', 'status must be new or spam.'],
  stage: ['没有这个进度。', `stage must be one of ${STAGES.join(', ')}.`],
  date: ['日期的格式是 2026-11-30。', 'from and to are Beijing dates such as 2026-11-30.'],
  before: ['翻页的位置无效，请回到第一页。', 'before must be a page position this API gave (next).'],
} as const;

/** The filter of a URL's query; `error` names the first bad value, in Chinese (the inbox) or English
 *  (the admin API). Empty values mean "any". */
export function readFilter(
  params: URLSearchParams,
  maxLimit = 50,
  defaultLimit = maxLimit,
  language: 'zh' | 'en' = 'zh',
): { filter: LeadFilter; error?: string } {
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const filter: LeadFilter = { limit: maxLimit };
  const refuse = (problem: keyof typeof PROBLEMS) => ({ filter, error: PROBLEMS[problem][language === 'zh' ? 0 : 1] });
  const status = get('status');
  if (status && status !== 'new' && status !== 'spam') return refuse('status');
  filter.status = status as LeadStatus | undefined;
  const stage = get('stage');
  if (stage && !STAGES.includes(stage as Stage)) return refuse('stage');
  filter.stage = stage as Stage | undefined;
  filter.region = get('region')?.slice(0, 40);
  filter.brand = get('brand')?.slice(0, 60);
  for (const k of ['from', 'to'] as const) {
    const v = get(k);
    if (v && (!DATE.test(v) || !fromBeijing(v))) return refuse('date');
    filter[k] = v;
  }
  filter.q = get('q')?.slice(0, 40);
  const before = get('before');
  if (before && !BEFORE.test(before)) return refuse('before');
  filter.before = before;
  const limit = Number(get('limit') ?? defaultLimit);
  filter.limit = Number.isInteger(limit) ? Math.min(Math.max(limit, 1), maxLimit) : defaultLimit;
  return { filter };
}

/** SQL for the filter; a search that is neither a reference nor a phone number matches nothing. */
export async function leadQuery(filter: LeadFilter, ring: Keyring): Promise<LeadQuery> {
  const where: string[] = [];
  const values: unknown[] = [];
  // Anonymous ? parameters, bound in the order the conditions are added.
  const add = (sql: string, ...v: unknown[]) => {
    where.push(sql);
    values.push(...v);
  };
  if (filter.status) add('l.status = ?', filter.status);
  if (filter.stage) add('l.stage = ?', filter.stage);
  if (filter.region) add(`instr(l.region_name, ?) > 0`, filter.region);
  if (filter.brand) add('l.brand = ?', filter.brand);
  if (filter.from) add('l.created_at >= ?', beijingMidnight(filter.from));
  if (filter.to) add('l.created_at < ?', beijingMidnight(filter.to, 1));
  if (filter.q) {
    const reference = readReference(filter.q);
    const phone = /^BX/.test(reference) ? null : normalizePhone(filter.q);
    if (phone) add('l.phone_hash IN (SELECT value FROM json_each(?))', JSON.stringify(await phoneHashes(ring, phone)));
    else add('l.reference = ?', reference);
  }
  const before = filter.before?.match(BEFORE);
  if (before) add('(l.created_at, l.id) < (?, ?)', before[1], before[2]);
  return { where, values, limit: filter.limit };
}

/** The `before` value that continues after this row. */
export const cursorOf = (row: { created_at: string; id: string }) => `${row.created_at}_${row.id}`;
