// The retention period the build states: on /privacy/, and in /catalog.json for the Worker's daily
// job, which never keeps a lead longer than the deployed page says (functions/privacy/housekeeping.ts).
import { retentionDays } from '../contract/retention.ts';
import { wranglerConfig } from './wrangler-config.ts';

/** LEAD_RETENTION_DAYS of the build environment (`import.meta.env.BUILD_RETENTION_DAYS`: read by
 *  astro.config.mjs, as page code sees wrangler.jsonc's vars in process.env), else wrangler.jsonc's,
 *  else the default. */
export const statedRetentionDays = (buildSetting: string | undefined): number =>
  retentionDays(buildSetting || wranglerConfig().vars?.LEAD_RETENTION_DAYS);
