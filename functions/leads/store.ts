// Leads in D1. A lead and its delivery rows are written in one batch (all or nothing); a repeated
// requestId returns the lead already stored, and the same phone and region again within
// MERGE_WINDOW_MS merges into the earlier lead (same reference, nobody notified twice) and is kept
// as a Repeat of it (what the customer wrote again is not lost). Personal fields are sealed
// (functions/privacy/sealed-lead.ts) before they reach D1.
import type { LeadKey } from '../privacy/crypto.ts';
import { sealFields } from '../privacy/sealed-lead.ts';
import { newReference } from './reference.ts';

/** Same phone, same region, within this time: one lead. */
export const MERGE_WINDOW_MS = 10 * 60 * 1000;

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
  status: LeadStatus;
  /** name, phone, description, address: ciphertext unless opened with openLead (key_id NULL: legacy plaintext). */
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
  key_id: string | null;
  phone_hash: string | null;
  repeat_count: number;
  last_repeat_at: string | null;
  route: string | null;
}

export type LeadStatus = 'new' | 'spam';

/** A post merged into an earlier lead: what the customer wrote that time (name, description and
 *  address sealed like a lead's, with the repeat's own id as their context). */
export interface Repeat {
  id: string;
  lead_id: string;
  request_id: string;
  name: string;
  description: string;
  address: string | null;
  preferred_time: string | null;
  brand: string | null;
  brand_name: string | null;
  page: string | null;
  created_at: string;
  key_id: string;
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

export interface SaveResult {
  lead: StoredLead;
  /** A new row; false for a repeated requestId or a merge. */
  created: boolean;
  /** Merged into an earlier lead of the same phone and region. */
  merged: boolean;
  /** Ids of the deliveries this call created, to be queued. */
  deliveries: string[];
}

/** The earlier lead a new one merges into: same phone hash (?3) and region (?4), not spam, created
 *  since ?5; none when the new lead (?2) is spam itself. */
const EARLIER = `SELECT id FROM leads WHERE ?2 = 'new' AND phone_hash = ?3 AND region_code = ?4 AND status = 'new'
  AND created_at >= ?5 ORDER BY created_at DESC LIMIT 1`;
/** This requestId (?1) was already taken: as a lead, or as a repeat merged into one. */
const REPEATED = 'SELECT 1 FROM leads WHERE request_id = ?1 UNION ALL SELECT 1 FROM lead_repeats WHERE request_id = ?1';

/**
 * Stores the lead, sealed with `key`, with one pending delivery per routed channel (none for spam).
 * One D1 batch, so one round trip and one transaction: a repeated requestId, a merge into an
 * earlier lead, or a new lead with its deliveries, decided and written with no other write between
 * (two identical posts at once cannot both be stored). The batch ends by reading back the lead the
 * customer is told about.
 */
export async function saveLead(
  db: D1Database,
  key: LeadKey,
  lead: NewLead,
  channels: { channel: string; to?: string[] }[],
): Promise<SaveResult> {
  const id = crypto.randomUUID();
  const now = new Date();
  const at = now.toISOString();
  const since = new Date(now.getTime() - MERGE_WINDOW_MS).toISOString();
  const sealed = await sealFields(key, id, lead);
  const decide = [lead.requestId, lead.status, sealed.phone_hash, lead.regionCode, since] as const;
  for (let attempt = 0; ; attempt++) {
    // A merge: what the customer wrote this time, kept with the earlier lead, which a trigger counts
    // (repeat_count, last_repeat_at; migrations/0004_repeats.sql).
    const keepRepeat = db
      .prepare(
        `INSERT INTO lead_repeats (id, lead_id, request_id, name, description, address, preferred_time, brand, brand_name,
           page, created_at, key_id)
         SELECT ?6, (${EARLIER}), ?1, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15
         WHERE (${EARLIER}) IS NOT NULL AND NOT EXISTS (${REPEATED})`,
      )
      .bind(
        ...decide,
        id,
        sealed.name,
        sealed.description,
        sealed.address,
        lead.preferredTime ?? null,
        lead.brand ?? null,
        lead.brandName ?? null,
        lead.page ?? null,
        at,
        sealed.key_id,
      );
    const insertLead = db
      .prepare(
        `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, brand,
           brand_name, description, address, preferred_time, consent_at, privacy_version, page, created_at,
           key_id, phone_hash, route)
         SELECT ?6, ?7, ?1, ?2, ?8, ?9, ?4, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?16, ?19, ?3, ?20
         WHERE NOT EXISTS (${REPEATED}) AND NOT EXISTS (${EARLIER})`,
      )
      .bind(
        ...decide,
        id,
        newReference(),
        sealed.name,
        sealed.phone,
        lead.regionName,
        lead.brand ?? null,
        lead.brandName ?? null,
        sealed.description,
        sealed.address,
        lead.preferredTime ?? null,
        at,
        lead.privacyVersion,
        lead.page ?? null,
        sealed.key_id,
        lead.route,
      );
    // Only a lead this batch created gets deliveries (a spam lead gets none).
    const deliveryIds = channels.map(() => crypto.randomUUID());
    const insertDeliveries = channels.map(({ channel, to }, i) =>
      db
        .prepare(
          `INSERT INTO deliveries (id, lead_id, channel, recipients, status, attempts, created_at, updated_at, due_at)
           SELECT ?1, id, ?2, ?3, 'pending', 0, ?4, ?4, ?4 FROM leads WHERE id = ?5 AND status = 'new'`,
        )
        .bind(deliveryIds[i], channel, to ? JSON.stringify(to) : null, at, id),
    );
    // The lead with this requestId (new or repeated), else the one its repeat was merged into.
    const readBack = db
      .prepare(
        `SELECT * FROM leads WHERE request_id = ?1
         UNION ALL SELECT * FROM leads WHERE id = (SELECT lead_id FROM lead_repeats WHERE request_id = ?1)`,
      )
      .bind(lead.requestId);
    try {
      const results = await db.batch<StoredLead>([keepRepeat, insertLead, ...insertDeliveries, readBack]);
      const stored = results.at(-1)!.results[0];
      if (!stored) throw new Error('lead not found after insert');
      const created = stored.id === id;
      const deliveries = deliveryIds.filter((_, i) => results[2 + i].meta.changes === 1);
      return { lead: stored, created, merged: !created && stored.request_id !== lead.requestId, deliveries };
    } catch (err) {
      // A clash of random references (UNIQUE) is rare; draw another. Anything else is a real failure.
      if (attempt < 3 && /UNIQUE constraint failed: leads\.reference/.test(String(err))) continue;
      throw err;
    }
  }
}

/** Leads for the operator, newest first, e.g. the spam to review. Personal fields still sealed. */
export async function listLeads(
  db: D1Database,
  { status, limit = 50, before }: { status?: LeadStatus; limit?: number; before?: string } = {},
): Promise<StoredLead[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM leads WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR created_at < ?2)
       ORDER BY created_at DESC LIMIT ?3`,
    )
    .bind(status ?? null, before ?? null, Math.min(Math.max(limit, 1), 500))
    .all<StoredLead>();
  return results;
}

export function getLead(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM leads WHERE id = ?').bind(id).first<StoredLead>();
}

/** The repeats merged into a lead, oldest first. Personal fields still sealed. */
export async function listRepeats(db: D1Database, leadId: string): Promise<Repeat[]> {
  const { results } = await db
    .prepare('SELECT * FROM lead_repeats WHERE lead_id = ? ORDER BY created_at')
    .bind(leadId)
    .all<Repeat>();
  return results;
}

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

/** Records a failed attempt; `recipients` narrows who the retry goes to (those not reached yet). */
export async function markAttemptFailed(db: D1Database, deliveryId: string, error: string, recipients?: string[]): Promise<void> {
  await db
    .prepare(
      `UPDATE deliveries SET attempts = attempts + 1, last_error = ?1, updated_at = ?2, recipients = coalesce(?4, recipients)
       WHERE id = ?3 AND status = 'pending'`,
    )
    .bind(error.slice(0, 500), new Date().toISOString(), deliveryId, recipients ? JSON.stringify(recipients) : null)
    .run();
}
