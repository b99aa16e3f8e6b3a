// Leads in D1. A lead and its delivery rows are written in one batch (all or nothing); a repeated
// requestId returns the lead already stored, and the same phone and region again within
// MERGE_WINDOW_MS merges into the earlier lead (same reference, nobody notified twice) and is kept
// as a Repeat of it (what the customer wrote again is not lost). Personal fields are sealed
// (functions/privacy/sealed-lead.ts) before they reach D1.
import { CUSTOMER_CHANNEL } from '../../src/contract/channels.ts';
import { lineHashes, phoneHashes, type Keyring } from '../privacy/keyring.ts';
import { sealLead } from '../privacy/sealed-lead.ts';
import type { Repeat, StoredLead } from '../rows.ts';
import type { LeadQuery } from './filter.ts';
import { EXT } from './phone-forms.ts';
import { newReference } from './reference.ts';

/** Same phone, same region, within this time: one lead. */
const MERGE_WINDOW_MS = 10 * 60 * 1000;
/** Texts to one phone (the customer's confirmation SMS) in 24 hours, at most. Anyone can post leads
 *  with someone else's number, each a text the operator pays for; the rate limits bound them per
 *  minute and place, this per day. A customer's fourth new repair in a day is stored and worked as
 *  any other, without the text. */
export const CUSTOMER_SMS_PER_DAY = 3;
/** The customer's texts are capped per this long (also when staff move a lead out of spam: work/store.ts). */
export const DAY_MS = 24 * 60 * 60 * 1000;

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

export interface SaveResult {
  lead: StoredLead;
  /** A new row; false for a repeated requestId or a merge. */
  created: boolean;
  /** Merged into an earlier lead of the same phone and region. */
  merged: boolean;
  /** Its requestId was taken before this call (as a lead, or a repeat): nothing was written. */
  repeated: boolean;
  /** Ids of the deliveries this call created, to be queued. */
  deliveries: string[];
}

/** The earlier lead a new one merges into: same phone (`hashes`: its hash under each key of the ring,
 *  so a lead sealed just before a key rotation counts), region (?4) and brand (?6, or none for both),
 *  not spam, still open (a customer who cancelled, or whose repair is done, is asking again), created
 *  since ?5; none when the new lead (?2) is spam itself. Another brand is another request, which its
 *  own route must hear of. A phone with an extension (`lines`: its line's hashes; null without one)
 *  only into a lead of that line: a colleague on another extension is another customer, whose
 *  extension a merge would lose (the office's number alone, the same customer's, merges into either). */
const earlier = (
  hashes: string,
  lines: string,
) => `SELECT id FROM leads WHERE ?2 = 'new' AND phone_hash IN (SELECT value FROM json_each(${hashes}))
  AND (${lines} IS NULL OR line_hash IN (SELECT value FROM json_each(${lines})))
  AND region_code = ?4 AND brand IS ?6 AND status = 'new' AND stage NOT IN ('cancelled', 'done') AND created_at >= ?5
  ORDER BY created_at DESC LIMIT 1`;

/** The hashes a merge keeps to (`earlier`): the line's, for a phone with an extension. */
export const mergeLines = async (ring: Keyring, e164: string) =>
  e164.includes(EXT) ? JSON.stringify(await lineHashes(ring, e164)) : null;
/** SQL: the phone (its hash under each key of the ring, a JSON array: rows written before a key
 *  rotation count too) has had fewer than `cap` texts on `channel` since `since` (each a placeholder).
 *  Also when staff move a lead out of spam (work/store.ts markSpam). */
export const textsUnderCap = (channel: string, hashes: string, since: string, cap: string) =>
  `AND (SELECT COUNT(*) FROM deliveries d JOIN leads l ON l.id = d.lead_id
  WHERE d.channel = ${channel} AND l.phone_hash IN (SELECT value FROM json_each(${hashes})) AND d.created_at >= ${since}) < ${cap}`;
const TEXTS_UNDER_CAP = textsUnderCap('?2', '?6', '?7', '?8');
/** The lead with this requestId (?1), else the one its repeat was merged into. */
const BY_REQUEST = `SELECT * FROM leads WHERE request_id = ?1
  UNION ALL SELECT * FROM leads WHERE id = (SELECT lead_id FROM lead_repeats WHERE request_id = ?1)`;

/** The lead stored under this requestId, `merged` when the requestId was a repeat's merged into it. */
export async function byRequest(db: D1Database, requestId: string): Promise<{ lead: StoredLead; merged: boolean } | undefined> {
  const lead = await db.prepare(BY_REQUEST).bind(requestId).first<StoredLead>();
  return lead ? { lead, merged: lead.request_id !== requestId } : undefined;
}

/** The open lead a new one of this phone (`hashes`, its hash under each key of the ring), region and
 *  brand created since `since` would be merged into (`earlier`), if any. */
export function mergeTarget(
  db: D1Database,
  hashes: string[],
  lines: string | null,
  where: { regionCode: string; brand?: string; since: string },
): Promise<StoredLead | null> {
  return db
    .prepare(`SELECT * FROM leads WHERE id = (${earlier('?1', '?3')})`)
    .bind(JSON.stringify(hashes), 'new', lines, where.regionCode, where.since, where.brand ?? null)
    .first<StoredLead>();
}

/** This requestId (?1) was already taken: as a lead, or as a repeat merged into one. */
const REPEATED = 'SELECT 1 FROM leads WHERE request_id = ?1 UNION ALL SELECT 1 FROM lead_repeats WHERE request_id = ?1';

/**
 * Stores the lead, sealed with the ring's current key, with one pending delivery per routed channel (none for spam).
 * One D1 batch, so one round trip and one transaction: a repeated requestId, a merge into an
 * earlier lead, or a new lead with its deliveries, decided and written with no other write between
 * (two identical posts at once cannot both be stored). The batch ends by reading back the lead the
 * customer is told about.
 */
export async function saveLead(
  db: D1Database,
  ring: Keyring,
  lead: NewLead,
  channels: { channel: string; to?: string[] }[],
): Promise<SaveResult> {
  const id = crypto.randomUUID();
  const now = new Date();
  const at = now.toISOString();
  const since = new Date(now.getTime() - MERGE_WINDOW_MS).toISOString();
  const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
  const sealed = await sealLead(ring.current, id, { ...lead, preferred_time: lead.preferredTime });
  const hashes = JSON.stringify(await phoneHashes(ring, lead.phone));
  const lines = await mergeLines(ring, lead.phone);
  const texted = channels.some((c) => c.channel === CUSTOMER_CHANNEL) ? hashes : '[]';
  const decide = [lead.requestId, lead.status, sealed.phone_hash, lead.regionCode, since, lead.brand ?? null] as const;
  for (let attempt = 0; ; attempt++) {
    // A merge: what the customer wrote this time, kept with the earlier lead, which a trigger counts
    // (repeat_count, last_repeat_at; migrations/0004_repeats.sql).
    const keepRepeat = db
      .prepare(
        `INSERT INTO lead_repeats (id, lead_id, request_id, name, description, address, preferred_time, brand, brand_name,
           page, created_at, key_id, sealed_time)
         SELECT ?7, (${earlier('?17', '?18')}), ?1, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1
         WHERE (${earlier('?17', '?18')}) IS NOT NULL AND NOT EXISTS (${REPEATED})`,
      )
      .bind(
        ...decide,
        id,
        sealed.name,
        sealed.description,
        sealed.address,
        sealed.preferred_time,
        lead.brand ?? null,
        lead.brandName ?? null,
        lead.page ?? null,
        at,
        sealed.key_id,
        hashes,
        lines,
      );
    const insertLead = db
      .prepare(
        `INSERT INTO leads (id, reference, request_id, status, name, phone, region_code, region_name, brand,
           brand_name, description, address, preferred_time, consent_at, privacy_version, page, created_at,
           key_id, phone_hash, route, sealed_time, line_hash)
         SELECT ?7, ?8, ?1, ?2, ?9, ?10, ?4, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?17, ?20, ?3, ?21, 1, ?24
         WHERE NOT EXISTS (${REPEATED}) AND NOT EXISTS (${earlier('?22', '?23')})`,
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
        sealed.preferred_time,
        at,
        lead.privacyVersion,
        lead.page ?? null,
        sealed.key_id,
        lead.route,
        hashes,
        lines,
        sealed.line_hash,
      );
    // Only a lead this batch created gets deliveries (a spam lead gets none); the customer's text
    // only while the phone has had fewer than CUSTOMER_SMS_PER_DAY.
    const deliveryIds = channels.map(() => crypto.randomUUID());
    const insertDeliveries = channels.map(({ channel, to }, i) =>
      db
        .prepare(
          `INSERT INTO deliveries (id, lead_id, channel, recipients, status, attempts, created_at, updated_at, due_at)
           SELECT ?1, id, ?2, ?3, 'pending', 0, ?4, ?4, ?4 FROM leads WHERE id = ?5 AND status = 'new'
           ${channel === CUSTOMER_CHANNEL ? TEXTS_UNDER_CAP : ''}`,
        )
        .bind(
          deliveryIds[i],
          channel,
          to ? JSON.stringify(to) : null,
          at,
          id,
          ...(channel === CUSTOMER_CHANNEL ? [texted, dayAgo, CUSTOMER_SMS_PER_DAY] : []),
        ),
    );
    const readBack = db.prepare(BY_REQUEST).bind(lead.requestId);
    try {
      const results = await db.batch<StoredLead>([keepRepeat, insertLead, ...insertDeliveries, readBack]);
      const stored = results.at(-1)!.results[0];
      if (!stored) throw new Error('lead not found after insert');
      const created = stored.id === id;
      const deliveries = deliveryIds.filter((_, i) => results[2 + i].meta.changes === 1);
      const merged = !created && stored.request_id !== lead.requestId;
      const repeated = !created && results[0].meta.changes === 0;
      return { lead: stored, created, merged, repeated, deliveries };
    } catch (err) {
      // A clash of random references (UNIQUE) is rare; draw another. Anything else is a real failure.
      if (attempt < 3 && /UNIQUE constraint failed: leads\.reference/.test(String(err))) continue;
      throw err;
    }
  }
}

/** A lead in the operator's list: with a summary of its deliveries (`channel:status …`). */
export type ListedLead = StoredLead & { deliveries: string | null };

/** The operator's list, newest first (ties by id, for keyset paging: filter.ts); personal fields
 *  still sealed. One more row than the limit is read, to know whether a next page exists. */
export async function listLeads(db: D1Database, query: LeadQuery): Promise<{ leads: ListedLead[]; more: boolean }> {
  const where = query.where.length ? `WHERE ${query.where.join(' AND ')}` : '';
  const { results } = await db
    .prepare(
      `SELECT l.*, (SELECT group_concat(d.channel || ':' || d.status, ' ') FROM deliveries d WHERE d.lead_id = l.id) AS deliveries
       FROM leads l ${where} ORDER BY l.created_at DESC, l.id DESC LIMIT ?`,
    )
    .bind(...query.values, query.limit + 1)
    .all<ListedLead>();
  return { leads: results.slice(0, query.limit), more: results.length > query.limit };
}

export function getLead(db: D1Database, id: string) {
  return db.prepare('SELECT * FROM leads WHERE id = ?').bind(id).first<StoredLead>();
}

/** A lead by its id or by the reference the customer and the inbox know (BX-261130-123456). */
export function getLeadByIdOrReference(db: D1Database, key: string) {
  return db.prepare('SELECT * FROM leads WHERE id = ?1 OR reference = ?1').bind(key).first<StoredLead>();
}

/** The repeats merged into a lead, oldest first. Personal fields still sealed. */
export async function listRepeats(db: D1Database, leadId: string): Promise<Repeat[]> {
  const { results } = await db
    .prepare('SELECT * FROM lead_repeats WHERE lead_id = ? ORDER BY created_at')
    .bind(leadId)
    .all<Repeat>();
  return results;
}
