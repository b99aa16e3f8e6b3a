// The daily scheduled job (wrangler.jsonc `triggers`): deletes leads past the retention period and
// re-encrypts rows still under an old key (or none).
import type { Env } from '../env.ts';
import { keyring } from './keyring.ts';
import { retentionDays } from '../../src/contract/retention.ts';
import { deleteExpired } from './erase.ts';
import { resealLeads, stillUnder } from './reseal.ts';

export async function housekeeping(env: Env, now = new Date()): Promise<{ deleted: number; resealed: number }> {
  const days = retentionDays(env.LEAD_RETENTION_DAYS);
  const deleted = await deleteExpired(env.DB, days, now);
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
  console.log(`[housekeeping] retention ${days} days: ${deleted} lead(s) deleted, ${resealed} re-encrypted${left}`);
  return { deleted, resealed };
}
