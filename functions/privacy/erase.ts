// Deleting personal data: one customer's leads by phone number (a PIPL deletion request), and every
// lead older than the retention period (the scheduled job). Their deliveries and repeats go in the
// same batch.
import type { Env } from '../env.ts';
import { phoneHashes, type Keyring } from './crypto.ts';

export const DEFAULT_RETENTION_DAYS = 180;

/** LEAD_RETENTION_DAYS as a whole number of days ≥ 1, or the default. */
export function retentionDays(env: Pick<Env, 'LEAD_RETENTION_DAYS'>): number {
  const n = Number(env.LEAD_RETENTION_DAYS);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_RETENTION_DAYS;
}

/** Deletes every lead of this E.164 number (under any key of the ring, or legacy plaintext). */
export async function forgetPhone(db: D1Database, ring: Keyring, e164: string): Promise<number> {
  const hashes = JSON.stringify(await phoneHashes(ring, e164));
  const match = `(phone_hash IN (SELECT value FROM json_each(?1)) OR (key_id IS NULL AND phone = ?2))`;
  const [, , leads] = await db.batch([
    db.prepare(`DELETE FROM deliveries WHERE lead_id IN (SELECT id FROM leads WHERE ${match})`).bind(hashes, e164),
    db.prepare(`DELETE FROM lead_repeats WHERE lead_id IN (SELECT id FROM leads WHERE ${match})`).bind(hashes, e164),
    db.prepare(`DELETE FROM leads WHERE ${match}`).bind(hashes, e164),
  ]);
  return leads.meta.changes;
}

/** Deletes leads created before now − days; returns how many. */
export async function deleteExpired(db: D1Database, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const [, , leads] = await db.batch([
    db.prepare('DELETE FROM deliveries WHERE lead_id IN (SELECT id FROM leads WHERE created_at < ?1)').bind(cutoff),
    db.prepare('DELETE FROM lead_repeats WHERE lead_id IN (SELECT id FROM leads WHERE created_at < ?1)').bind(cutoff),
    db.prepare('DELETE FROM leads WHERE created_at < ?1').bind(cutoff),
  ]);
  return leads.meta.changes;
}
