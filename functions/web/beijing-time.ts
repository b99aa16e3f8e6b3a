// Times as staff and customers read them: Beijing time (UTC+8, no daylight saving), 2026/11/25 09:30.
const FORMAT = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export const beijingTime = (iso: string) => FORMAT.format(new Date(iso));

/** An instant as a spreadsheet or a terminal reads it, in Beijing time: 2026-11-25 09:30. */
export const beijingMinute = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The Beijing calendar day of an instant, 2026-11-25. */
export const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A Beijing time as typed (2026-11-25T09:30 from a datetime-local field, or a day, 2026-11-25) as
 *  an instant; undefined for what is no time on the calendar (2026-02-31, 24:00), which Date would
 *  roll into the next month or day. */
export function fromBeijing(local: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2] ?? '00:00'}:00+08:00`);
  if (Number.isNaN(at.getTime())) return undefined;
  const back = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, local.length);
  return back === local ? at : undefined;
}

/** A minute as a time field sends it or staff type it — `2026-11-25T09:30` from a datetime-local
 *  field, with seconds from some phones (09:30:00), with a space in a plain text box (2026-11-25
 *  09:30) — written as the field takes it (2026-11-25T09:30); undefined for anything else. */
export function typedMinute(value: string | null | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::[0-5]\d(?:\.\d{1,3})?)?$/.exec(value?.trim() ?? '');
  return m ? `${m[1]}T${m[2]}` : undefined;
}
