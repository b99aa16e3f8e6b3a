// How long a lead is kept: LEAD_RETENTION_DAYS (wrangler.jsonc `vars`), read by the Worker's daily
// job and by the build for /privacy/ (src/lib/retention.ts), so the policy states what the job does.
const DEFAULT_RETENTION_DAYS = 180;

/** A whole number of days ≥ 1, or the default. */
export function retentionDays(setting: string | undefined): number {
  const n = Number(setting);
  return setting && Number.isInteger(n) && n >= 1 ? n : DEFAULT_RETENTION_DAYS;
}
