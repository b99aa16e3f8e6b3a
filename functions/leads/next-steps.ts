// What a customer is told right after sending the form, in plain words: when the operator calls back
// (within callbackHours, Beijing time; outside them, when), what coverage promises for the region
// and brand (responseTime, hours), or that nobody covers the region yet, and the hotline. The same
// lines for the JSON answer (the page's script shows them) and the confirmation page without JavaScript.
import type { CatalogIndex } from '../catalog.ts';

/** Minutes since Beijing midnight, and whether the next opening is today or tomorrow. */
function beijingMinutes(now: Date): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(now)
    .split(':')
    .map(Number);
  return h * 60 + m;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const spoken = (hhmm: string) => `${Number(hhmm.slice(0, 2))}:${hhmm.slice(3, 5)}`;

/** When the operator will see a lead sent now: null within the hours, else 今天 8:00 / 明天 8:00. */
export function seenAt(callbackHours: string | undefined, now = new Date()): string | null {
  if (!callbackHours) return null;
  const [open, close] = callbackHours.split('-');
  const t = beijingMinutes(now);
  if (t >= minutesOf(open) && t < minutesOf(close)) return null;
  return `${t < minutesOf(open) ? '今天' : '明天'} ${spoken(open)}`;
}

export function nextSteps(
  catalog: CatalogIndex,
  lead: { region_code: string; brand: string | null },
  now = new Date(),
  /** A post merged into an earlier one is told no reference (functions/leads/endpoint.ts). */
  { merged = false } = {},
): string[] {
  const { hours, callbackHours, hotline } = catalog.data;
  const later = seenAt(callbackHours, now);
  // A region nobody covers yet: the call says whether someone can come at all.
  const uncovered = catalog.isUncovered(lead.region_code);
  const purpose = uncovered ? '说明能否上门' : '确认上门时间';
  const lines = [
    ...(uncovered ? [`${catalog.regionLabel(lead.region_code)} 暂未覆盖。`] : []),
    later
      ? `现在不在服务时间（${hours}），客服会在${later} 后尽快给您打电话，${purpose}。`
      : `客服会在服务时间（${hours}）内尽快给您打电话，${purpose}。`,
  ];
  // The coverage entry of the region or its nearest covered ancestor, for the chosen brand.
  const service = lead.brand ? catalog.data.service?.[lead.brand] : undefined;
  const code =
    service &&
    catalog
      .lineage(lead.region_code)
      .reverse()
      .find((c) => service[c]);
  const promise = code ? service[code] : undefined;
  if (promise?.responseTime || promise?.hours) {
    const where = catalog.region(code!)?.name ?? '';
    lines.push(`${where}：${[promise.responseTime, promise.hours && `服务时间 ${promise.hours}`].filter(Boolean).join('，')}。`);
  }
  // The hotline keeps the same hours: outside them, from when it answers again.
  lines.push(`${later ? `${later} 后着急可` : '着急请'}直接拨打 ${hotline}，${merged ? '报上您的电话号码' : '报上单号'}。`);
  return lines;
}

/** The progress page with the reference filled in. */
export const progressPath = (reference: string) => `/progress/?ref=${reference}`;
