// How long leads are kept, for /privacy/: LEAD_RETENTION_DAYS from the build environment, else the
// value in wrangler.jsonc `vars` (what the Worker's scheduled job applies), else 180.
import { readFileSync } from 'node:fs';

export function retentionDays(): number {
  const fromEnv = Number(process.env.LEAD_RETENTION_DAYS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  try {
    const m = /"LEAD_RETENTION_DAYS"\s*:\s*"(\d+)"/.exec(readFileSync('wrangler.jsonc', 'utf8'));
    if (m && Number(m[1]) >= 1) return Number(m[1]);
  } catch {
    /* no wrangler.jsonc: the default */
  }
  return 180;
}
