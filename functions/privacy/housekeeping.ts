// The daily scheduled job (wrangler.jsonc `triggers`): deletes leads past the retention period and
// the inbox's old staff records (functions/staff/retention.ts), and re-encrypts rows still under an
// old key (or none).
import type { Env } from '../env.ts';
import { keyring } from './keyring.ts';
import { DEFAULT_RETENTION_DAYS, retentionDays } from '../../src/contract/retention.ts';
import { deleteExpired } from './erase.ts';
import { resealLeads, stillUnder } from './reseal.ts';
import { purgeStaffRecords } from '../staff/retention.ts';
import { loadCatalog } from '../catalog.ts';

export async function housekeeping(env: Env, now = new Date()): Promise<{ deleted: number; resealed: number }> {
  const days = await retention(env);
  // A failure here is reported, and the rest still runs; tomorrow's run deletes what is left.
  const deleted = await deleteExpired(env.DB, days, now).catch((err) => {
    console.error('[housekeeping] expired leads not deleted:', err instanceof Error ? err.message : err);
    return 0;
  });
  const staff = await purgeStaffRecords(env.DB, now).catch((err) => {
    console.error('[housekeeping] staff records not purged:', err instanceof Error ? err.message : err);
    return { sessions: 0, setupLinks: 0, log: 0 };
  });
  let resealed = 0;
  let left = '';
  try {
    const ring = await keyring(env.LEADS_ENCRYPTION_KEY);
    resealed = await resealLeads(env.DB, ring);
    // What each old key still seals: a key may leave LEADS_ENCRYPTION_KEY once it seals nothing.
    const under = Object.entries(await stillUnder(env.DB, ring));
    left = under.length ? `; still under old keys: ${under.map(([k, n]) => `${k} ${n}`).join(', ')}` : '';
  } catch (err) {
    // Retention must not depend on the key: it has already run; report and go on.
    console.error('[housekeeping] re-encryption skipped:', err instanceof Error ? err.message : err);
  }
  await warnAuthorizations(env, now);
  console.log(
    `[housekeeping] retention ${days} days: ${deleted} lead(s) deleted, ${resealed} re-encrypted${left}; ` +
      `staff records deleted: ${staff.sessions} session(s), ${staff.setupLinks} setup link(s), ${staff.log} log entr(ies)`,
  );
  return { deleted, resealed };
}

/** LEAD_RETENTION_DAYS, or what the deployed /privacy/ states (its build's setting: /catalog.json)
 *  when that is shorter: a lead is never kept longer than the policy customers read says. The two
 *  differ when the setting was changed without building again; the log says so. A catalog that
 *  cannot be read leaves the setting: retention does not wait on it. */
async function retention(env: Env): Promise<number> {
  const stated = await loadCatalog(env, 'https://assets.invalid').then(
    (c) => c.data.retentionDays,
    () => undefined,
  );
  let setting: number;
  try {
    setting = retentionDays(env.LEAD_RETENTION_DAYS);
  } catch (err) {
    // A setting the build would have refused, changed since (the dashboard): what customers read.
    const days = stated ?? DEFAULT_RETENTION_DAYS;
    console.error(`[housekeeping] ${err instanceof Error ? err.message : err}: deleting after ${days} days, as /privacy/ says`);
    return days;
  }
  if (!stated || stated === setting) return setting;
  const days = Math.min(setting, stated);
  console.warn(
    `[housekeeping] LEAD_RETENTION_DAYS is ${setting} but the deployed /privacy/ says leads are kept ${stated} days: ` +
      `deleting after ${days}; build with LEAD_RETENTION_DAYS=${setting} and deploy to make them agree`,
  );
  return days;
}

/** Says in the daily log which brands' authorization ends soon, or has ended while the deployed
 *  pages still claim it. */
export async function warnAuthorizations(env: Env, now = new Date()): Promise<string[]> {
  try {
    const ending = (await loadCatalog(env, 'https://assets.invalid')).endingAuthorizations(now);
    const lines = ending.map((b) =>
      b.daysLeft < 0
        ? `[housekeeping] ${b.name}: its authorization ended ${b.until}; the deployed pages still claim it: rebuild and deploy`
        : `[housekeeping] ${b.name}: its authorization's last day is ${b.until} (${b.daysLeft ? `in ${b.daysLeft} day(s)` : 'today'}): record the renewal, or change the brand's page and rebuild the day after`,
    );
    for (const line of lines) console.warn(line);
    return lines;
  } catch (err) {
    console.error('[housekeeping] catalog not read:', err instanceof Error ? err.message : err);
    return [];
  }
}
