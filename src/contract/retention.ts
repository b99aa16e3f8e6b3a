// How long a lead is kept: LEAD_RETENTION_DAYS (wrangler.jsonc `vars`), read by the Worker's daily
// job and by the build for /privacy/ (src/lib/retention.ts), so the policy states what the job does.
export const DEFAULT_RETENTION_DAYS = 180;

/** A whole number of days ≥ 1, or the default when it is not set. Anything else ("30 days", 0, 90.5)
 *  is an error that names it: read as the default, a lead would be kept longer than the operator set. */
export function retentionDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_RETENTION_DAYS;
  const n = Number(setting);
  if (Number.isInteger(n) && n >= 1) return n;
  throw new RangeError(`LEAD_RETENTION_DAYS must be a whole number of days, 1 or more, not ${JSON.stringify(setting)}`);
}
