// Deleting personal data: one customer's leads by phone number (a PIPL deletion request), and every
// lead older than the retention period (the scheduled job). Their deliveries and repeats go with
// them: both tables reference leads ON DELETE CASCADE, and D1 enforces foreign keys.
import { dialable } from '../leads/phone-forms.ts';
import { phoneHashes, type Keyring } from './keyring.ts';

/** Deletes every lead of this E.164 number (under any key of the ring, or legacy plaintext), with
 *  their repeats, deliveries and events (notes, the audit log). `also` follows in the same batch
 *  (the operator log's record of it, written only if something was deleted). */
export async function forgetPhone(
  db: D1Database,
  ring: Keyring,
  e164: string,
  also: D1PreparedStatement[] = [],
): Promise<number> {
  const hashes = JSON.stringify(await phoneHashes(ring, e164));
  const match = `(phone_hash IN (SELECT value FROM json_each(?1)) OR (key_id IS NULL AND phone = ?2))`;
  // meta.changes would count the cascaded rows too; RETURNING counts leads only.
  // A legacy row in clear holds the number alone (an extension came with sealing).
  const [deleted] = await db.batch([
    db.prepare(`DELETE FROM leads WHERE ${match} RETURNING id`).bind(hashes, dialable(e164)),
    ...also,
  ]);
  return deleted.results.length;
}

/** Leads sealed under a key that has left the ring: no phone number finds them (their phone_hash is
 *  that key's), so a deletion by number says how many it could not search. */
export async function unsearchable(db: D1Database, ring: Keyring): Promise<number> {
  const row = await db
    .prepare('SELECT COUNT(*) AS n FROM leads WHERE key_id IS NOT NULL AND key_id NOT IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify([...ring.byId.keys()]))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Deletes a lead whose phone cannot be read (its key has left the ring), with every lead of the
 *  same phone under the same key (the same phone_hash); `also` as for forgetPhone. */
export async function forgetSealedPhone(
  db: D1Database,
  lead: { id: string; phone_hash: string | null },
  also: D1PreparedStatement[] = [],
): Promise<number> {
  const [deleted] = await db.batch([
    db
      .prepare('DELETE FROM leads WHERE id = ?1 OR (?2 IS NOT NULL AND phone_hash = ?2) RETURNING id')
      .bind(lead.id, lead.phone_hash),
    ...also,
  ]);
  return deleted.results.length;
}

/** Leads deleted a statement at a time: each with its cascade stays well inside D1's limits, even
 *  when a shorter retention period makes a backlog of many thousands; at most EXPIRED_ROUNDS
 *  statements a day (10,000 leads), leaving the rest of the daily job its share of the 50 queries
 *  an invocation may make on the Free plan. The next day's run takes what is left. */
const EXPIRED_AT_ONCE = 500;
const EXPIRED_ROUNDS = 20;

/** Deletes leads created before now − days, `atOnce` at a time; returns how many. Leads still past
 *  the period when its rounds are spent are said (kept longer than /privacy/ says, until tomorrow). */
export async function deleteExpired(
  db: D1Database,
  days: number,
  now = new Date(),
  { atOnce = EXPIRED_AT_ONCE, rounds = EXPIRED_ROUNDS } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  let deleted = 0;
  for (let round = 0; round < rounds; round++) {
    const { results } = await db
      .prepare('DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE created_at < ?1 LIMIT ?2) RETURNING id')
      .bind(cutoff, atOnce)
      .all();
    deleted += results.length;
    if (results.length < atOnce) return deleted;
  }
  if (await db.prepare('SELECT 1 FROM leads WHERE created_at < ?').bind(cutoff).first())
    console.warn(`[housekeeping] leads older than ${days} days remain after ${deleted} deleted today: the next runs delete them`);
  return deleted;
}
