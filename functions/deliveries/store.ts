// Deliveries in D1: one row per lead and channel, moved along by the queue consumer
// (consume.ts, attempt.ts), the sweep and the operator's retry. Created with their lead, in the
// lead's batch (functions/leads/store.ts).
import type { Delivery, StoredLead } from '../rows.ts';

export function getDelivery(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM deliveries WHERE id = ?').bind(id).first<Delivery>();
}

/** Deliveries by id, each with its lead (null when erased): a whole queue batch in one round trip. */
export async function deliveriesWithLeads(
  db: D1Database,
  ids: string[],
): Promise<Map<string, { delivery: Delivery; lead: StoredLead | null }>> {
  const list = JSON.stringify(ids);
  const [deliveries, leads] = await db.batch<Record<string, unknown>>([
    db.prepare('SELECT * FROM deliveries WHERE id IN (SELECT value FROM json_each(?1))').bind(list),
    db
      .prepare('SELECT * FROM leads WHERE id IN (SELECT lead_id FROM deliveries WHERE id IN (SELECT value FROM json_each(?1)))')
      .bind(list),
  ]);
  const byId = new Map((leads.results as unknown as StoredLead[]).map((l) => [l.id, l]));
  return new Map(
    (deliveries.results as unknown as Delivery[]).map((d) => [d.id, { delivery: d, lead: byId.get(d.lead_id) ?? null }]),
  );
}

/** A lead's deliveries, oldest first. */
export async function listDeliveries(db: D1Database, leadId: string): Promise<Delivery[]> {
  const { results } = await db
    .prepare('SELECT * FROM deliveries WHERE lead_id = ? ORDER BY created_at')
    .bind(leadId)
    .all<Delivery>();
  return results;
}

/** Pending deliveries due more than `graceMs` ago: their message was never queued, or was lost. */
export async function overdueDeliveries(db: D1Database, graceMs: number, limit: number): Promise<Delivery[]> {
  const before = new Date(Date.now() - graceMs).toISOString();
  const { results } = await db
    .prepare(`SELECT * FROM deliveries WHERE status = 'pending' AND due_at < ? ORDER BY due_at LIMIT ?`)
    .bind(before, limit)
    .all<Delivery>();
  return results;
}

/** Marks a pending delivery failed for good: the chain `generation`'s, and not while an attempt is
 *  in progress. Its last error stays, after `why`. The error it was failed with, or null when it was not. */
export async function markFailed(db: D1Database, deliveryId: string, why: string, generation: number): Promise<string | null> {
  const now = new Date().toISOString();
  const row = await db
    .prepare(
      `UPDATE deliveries SET status = 'failed', last_error = substr(?1 || coalesce(last_error, 'never attempted'), 1, 500),
         updated_at = ?2 WHERE id = ?3 AND status = 'pending' AND generation = ?4 AND (claimed_until IS NULL OR claimed_until < ?2)
       RETURNING last_error`,
    )
    .bind(why, now, deliveryId, generation)
    .first<{ last_error: string }>();
  return row?.last_error ?? null;
}

/** A new chain of messages for a pending delivery whose message was lost or is late (the sweep; the
 *  operator's retry is functions/work/store.ts retryDelivery): its number for the messages to carry,
 *  or null when it is no longer pending. */
export async function newChain(db: D1Database, deliveryId: string): Promise<number | null> {
  const row = await db
    .prepare(
      `UPDATE deliveries SET generation = generation + 1, due_at = ?1 WHERE id = ?2 AND status = 'pending'
       RETURNING generation`,
    )
    .bind(new Date().toISOString(), deliveryId)
    .first<{ generation: number }>();
  return row?.generation ?? null;
}

/** How long an attempt holds its delivery. An HTTP channel's one request is over in CHANNEL_TIMEOUT_MS
 *  (≤ 2 min); SMTP waits up to that (≤ 15 s) for each of up to 9 replies to connect and 6 a
 *  recipient, and starts no recipient it might not finish inside the hold (channels/email.ts). */
export const CLAIM_SECONDS = 300;

/** One attempt's hold on a delivery of chain `generation`: false when it is not pending, belongs to
 *  another chain, or another attempt holds it (a copy of its message, an older chain's attempt).
 *  The attempt counts from here: one whose Worker is stopped mid-send records nothing after it. */
export async function claim(db: D1Database, deliveryId: string, generation: number): Promise<boolean> {
  const now = Date.now();
  const res = await db
    .prepare(
      `UPDATE deliveries SET claimed_until = ?3, attempts = attempts + 1 WHERE id = ?1 AND generation = ?2 AND status = 'pending'
       AND (claimed_until IS NULL OR claimed_until < ?4)`,
    )
    .bind(deliveryId, generation, new Date(now + CLAIM_SECONDS * 1000).toISOString(), new Date(now).toISOString())
    .run();
  return res.meta.changes === 1;
}

/** Records when a pending delivery is next due (now when queued; later when a retry is delayed). */
export async function setDue(db: D1Database, delivery: Pick<Delivery, 'id' | 'generation'>, inSeconds = 0): Promise<void> {
  // Only in its own chain: a message of a chain the sweep or the operator has since replaced must
  // not move the new chain's time.
  await db
    .prepare(`UPDATE deliveries SET due_at = ? WHERE id = ? AND status = 'pending' AND generation = ?`)
    .bind(new Date(Date.now() + inSeconds * 1000).toISOString(), delivery.id, delivery.generation)
    .run();
}

/** Marks a delivery sent; false when it was not pending any more (someone else sent it). */
export async function markSent(db: D1Database, deliveryId: string): Promise<boolean> {
  const now = new Date().toISOString();
  const res = await db
    .prepare(
      `UPDATE deliveries SET status = 'sent', delivered_at = ?1, updated_at = ?1, last_error = NULL,
         claimed_until = NULL WHERE id = ?2 AND status = 'pending'`,
    )
    .bind(now, deliveryId)
    .run();
  return res.meta.changes === 1;
}

/** Records a failed attempt; `remaining` narrows who the retry goes to (those not reached yet). */
export async function markAttemptFailed(db: D1Database, deliveryId: string, error: string, remaining?: string[]): Promise<void> {
  await db
    .prepare(
      `UPDATE deliveries SET last_error = ?1, updated_at = ?2, remaining = coalesce(?4, remaining),
         claimed_until = NULL WHERE id = ?3 AND status = 'pending'`,
    )
    .bind(error.slice(0, 500), new Date().toISOString(), deliveryId, remaining ? JSON.stringify(remaining) : null)
    .run();
}
