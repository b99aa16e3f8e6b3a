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
}

/** Stores the lead with one pending delivery per channel; `created` is false for a repeated requestId. */
export async function saveLead(
  db: D1Database,
  lead: NewLead,
  channels: string[],
): Promise<{ lead: StoredLead; created: boolean }> {
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const reference = newReference();
    const insertLead = db
      .prepare(
        `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, brand,
           brand_name, description, address, preferred_time, consent_at, privacy_version, page, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?14)
         ON CONFLICT (request_id) DO NOTHING`,
      )
      .bind(id, reference, lead.requestId, lead.status, lead.name, lead.phone, lead.regionCode, lead.regionName,
        lead.brand ?? null, lead.brandName ?? null, lead.description, lead.address ?? null,
        lead.preferredTime ?? null, now, lead.privacyVersion, lead.page ?? null);
    // Only a lead this batch created gets deliveries (a spam lead gets none).
    const insertDeliveries = channels.map((channel) =>
      db
        .prepare(
          `INSERT INTO deliveries (id, lead_id, channel, status, attempts, created_at, updated_at)
           SELECT ?1, id, ?2, 'pending', 0, ?3, ?3 FROM leads WHERE id = ?4 AND status = 'new'`,
        )
        .bind(crypto.randomUUID(), channel, now, id),
    );
    try {
      const [result] = await db.batch([insertLead, ...insertDeliveries]);
      const stored = await db.prepare('SELECT * FROM leads WHERE request_id = ?').bind(lead.requestId).first<StoredLead>();
      if (!stored) throw new Error('lead not found after insert');
      return { lead: stored, created: result.meta.changes === 1 };
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

export async function pendingDeliveries(db: D1Database, leadId: string): Promise<Delivery[]> {
  const { results } = await db
    .prepare(`SELECT * FROM deliveries WHERE lead_id = ? AND status = 'pending'`)
    .bind(leadId)
    .all<Delivery>();
  return results;
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
