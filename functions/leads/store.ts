// Leads in D1. A lead and its delivery rows are written in one batch (all or nothing), and a
// repeated requestId returns the lead already stored instead of a second one.
import { newReference } from './reference.ts';

export interface NewLead {
  requestId: string;
  status: 'new' | 'spam';
  name: string;
  phone: string;
  regionCode: string;
  regionName: string;
  brand?: string;
  brandName?: string;
  description: string;
  address?: string;
  preferredTime?: string;
  privacyVersion: string;
  page?: string;
  /** The route it took (functions/routing.ts). */
  route: string;
}

export interface StoredLead {
  id: string;
  reference: string;
  request_id: string;
  status: string;
  name: string;
  phone: string;
  region_code: string;
  region_name: string;
  brand: string | null;
  brand_name: string | null;
  description: string;
  address: string | null;
  preferred_time: string | null;
  consent_at: string;
  privacy_version: string;
  page: string | null;
  created_at: string;
  route: string | null;
}

export interface Delivery {
  id: string;
  lead_id: string;
  channel: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
  /** JSON array of recipients, or null for the channel's own settings. */
  recipients: string | null;
  /** When it is next due to be tried (queued now, or after a retry delay). */
  due_at: string | null;
}

/** Stores the lead with one pending delivery per routed channel; `created` is false for a repeated
 *  requestId. Returns the new deliveries' ids, to be queued. */
export async function saveLead(
  db: D1Database,
  lead: NewLead,
  channels: { channel: string; to?: string[] }[],
): Promise<{ lead: StoredLead; created: boolean; deliveries: string[] }> {
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    const insertLead = db
      .prepare(
        `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, brand,
           brand_name, description, address, preferred_time, consent_at, privacy_version, page, created_at, route)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?14, ?17)
         ON CONFLICT (request_id) DO NOTHING`,
      )
      .bind(id, reference, lead.requestId, lead.status, lead.name, lead.phone, lead.regionCode, lead.regionName,
        lead.brand ?? null, lead.brandName ?? null, lead.description, lead.address ?? null,
        lead.preferredTime ?? null, now, lead.privacyVersion, lead.page ?? null, lead.route);
    // Only a lead this batch created gets deliveries (a spam lead gets none).
    const deliveryIds = channels.map(() => crypto.randomUUID());
    const insertDeliveries = channels.map(({ channel, to }, i) =>
      db
        .prepare(
          `INSERT INTO deliveries (id, lead_id, channel, recipients, status, attempts, created_at, updated_at, due_at)
           SELECT ?1, id, ?2, ?3, 'pending', 0, ?4, ?4, ?4 FROM leads WHERE id = ?5 AND status = 'new'`,
        )
        .bind(deliveryIds[i], channel, to ? JSON.stringify(to) : null, now, id),
    );
    try {
      const [result, ...inserted] = await db.batch([insertLead, ...insertDeliveries]);
      const stored = await db.prepare('SELECT * FROM leads WHERE request_id = ?').bind(lead.requestId).first<StoredLead>();
      if (!stored) throw new Error('lead not found after insert');
      const deliveries = deliveryIds.filter((_, i) => inserted[i].meta.changes === 1);
      return { lead: stored, created: result.meta.changes === 1, deliveries };
    } catch (err) {
      // A clash of random references (UNIQUE) is rare; draw another. Anything else is a real failure.
      if (attempt < 3 && /UNIQUE constraint failed: leads\.reference/.test(String(err))) continue;
      throw err;
    }
  }
}

export function getLead(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM leads WHERE id = ?').bind(id).first<StoredLead>();
}

export function getDelivery(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM deliveries WHERE id = ?').bind(id).first<Delivery>();
}

/** Pending deliveries due more than `graceMs` ago: their message was never queued, or was lost. */
export async function overdueDeliveries(db: D1Database, graceMs: number, limit = 100): Promise<Delivery[]> {
  const before = new Date(Date.now() - graceMs).toISOString();
  const { results } = await db
    .prepare(`SELECT * FROM deliveries WHERE status = 'pending' AND due_at < ? ORDER BY due_at LIMIT ?`)
    .bind(before, limit)
    .all<Delivery>();
  return results;
}

/** Marks a pending delivery failed for good (retries exhausted). */
export async function markFailed(db: D1Database, deliveryId: string, error: string): Promise<void> {
  await db
    .prepare(`UPDATE deliveries SET status = 'failed', last_error = ?1, updated_at = ?2 WHERE id = ?3 AND status = 'pending'`)
    .bind(error.slice(0, 500), new Date().toISOString(), deliveryId)
    .run();
}

/** Puts a failed delivery back to pending (the operator's retry). */
export async function resetDelivery(db: D1Database, deliveryId: string): Promise<boolean> {
  const res = await db
    .prepare(`UPDATE deliveries SET status = 'pending', updated_at = ?1, due_at = ?1 WHERE id = ?2 AND status = 'failed'`)
    .bind(new Date().toISOString(), deliveryId)
    .run();
  return res.meta.changes === 1;
}

/** Records when a pending delivery is next due (now when queued; later when a retry is delayed). */
export async function setDue(db: D1Database, deliveryId: string, inSeconds = 0): Promise<void> {
  await db
    .prepare(`UPDATE deliveries SET due_at = ? WHERE id = ? AND status = 'pending'`)
    .bind(new Date(Date.now() + inSeconds * 1000).toISOString(), deliveryId)
    .run();
}

/** Marks a delivery sent; false when it was not pending any more (someone else sent it). */
export async function markSent(db: D1Database, deliveryId: string): Promise<boolean> {
  const now = new Date().toISOString();
  const res = await db
    .prepare(
      `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, delivered_at = ?1, updated_at = ?1, last_error = NULL
       WHERE id = ?2 AND status = 'pending'`,
    )
    .bind(now, deliveryId)
    .run();
  return res.meta.changes === 1;
}

export async function markAttemptFailed(db: D1Database, deliveryId: string, error: string): Promise<void> {
  await db
    .prepare(
      `UPDATE deliveries SET attempts = attempts + 1, last_error = ?1, updated_at = ?2 WHERE id = ?3 AND status = 'pending'`,
    )
    .bind(error.slice(0, 500), new Date().toISOString(), deliveryId)
    .run();
}
