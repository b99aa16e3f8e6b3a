// Leads as CSV for a spreadsheet: UTF-8 with a BOM (so Excel shows Chinese), csv-stringify for the
// quoting, and no cell that a spreadsheet would run as a formula.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { channelLabel, deliveryStatusLabel, STAGE_LABELS } from '../../src/lib/inbox/labels.ts';
import { shownPhone } from '../leads/phone-forms.ts';
import { ALL_CHANNELS } from '../routing.ts';
import type { ListedLead } from '../leads/store.ts';
import { beijingMinute } from '../web/beijing-time.ts';
import type { Stage } from '../work/stages.ts';

/** `=SUM(…)`, `+1`, `-1`, `@x`, and tab/CR/LF starts are formulas to Excel: prefix them with '. Read
 *  as NFKC, so full-width ＝＋－＠ (a Chinese keyboard's) count too: WPS may read them as formulas. */
export function spreadsheetSafe(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r\n]/.test(text.normalize('NFKC')) ? `'${text}` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // A line break inside a cell must be quoted too, whichever the record delimiter.
  return (
    '\uFEFF' +
    stringify([header, ...rows.map((r) => r.map(spreadsheetSafe))], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })
  );
}

// The inbox's words for each (src/lib/inbox/labels.ts), and its times: Beijing's.
const COLUMNS: [string, (l: ListedLead) => unknown][] = [
  ['单号', (l) => l.reference],
  ['时间（北京时间）', (l) => beijingMinute(l.created_at)],
  ['文件夹', (l) => (l.status === 'spam' ? '垃圾' : '收件箱')],
  ['进度', (l) => STAGE_LABELS[l.stage as Stage] ?? l.stage],
  ['上门时间（北京时间）', (l) => l.appointment_at && beijingMinute(l.appointment_at)],
  ['称呼', (l) => l.name],
  // As the inbox shows it (0731-88886666转8001): no + for a spreadsheet to take for a formula.
  ['电话', (l) => l.phone && shownPhone(l.phone)],
  ['地区', (l) => l.region_name],
  ['地区代码', (l) => l.region_code],
  ['品牌', (l) => l.brand_name],
  ['问题描述', (l) => l.description],
  ['地址', (l) => l.address],
  ['方便上门时间', (l) => l.preferred_time],
  ['分派规则', (l) => (l.route === ALL_CHANNELS ? '全部渠道（未设分派规则）' : l.route)],
  ['重复提交', (l) => l.repeat_count],
  // outbox:sent email-smtp:failed → 日志 · 已送达、邮件 · 失败
  ['通知', (l) => deliveriesText(l.deliveries)],
];

function deliveriesText(summary: string | null): string {
  return (summary ?? '')
    .split(' ')
    .filter(Boolean)
    .map((d) => {
      const [channel, status] = d.split(':');
      return `${channelLabel(channel)} · ${deliveryStatusLabel(status)}`;
    })
    .join('、');
}

/** Opened leads as a CSV download, for the admin API and the inbox's export alike. */
export function leadsCsv(leads: ListedLead[]): Response {
  const csv = toCsv(
    COLUMNS.map(([h]) => h),
    leads.map((l) => COLUMNS.map(([, get]) => get(l))),
  );
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leads-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
