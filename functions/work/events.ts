// The audit log of a lead (migrations/0006_work.sql): every change with who and when. What may be
// personal (a note, a cancel reason) is sealed like the lead's own fields, under the event's id.
import { decryptField, encryptField, type Keyring, type LeadKey } from '../privacy/keyring.ts';
import { cannotOpen } from '../privacy/sealed-lead.ts';
import type { Stage } from './stages.ts';

export type EventKind = 'stage' | 'assign' | 'note' | 'retry' | 'spam' | 'not-spam' | 'unlock';

export interface LeadEvent {
  id: string;
  lead_id: string;
  at: string;
  staff_id: string | null;
  staff_name: string;
  kind: EventKind;
  stage: Stage | null;
  /** Plain text once opened with listEvents; ciphertext in D1. */
  detail: string | null;
  key_id: string | null;
  /** Why the detail could not be opened (listEvents: it is then null), as the lead's own fields say it. */
  unreadable?: string;
}

const context = (id: string) => `event:${id}:detail`;

/** An INSERT of one event, for the caller's batch; `when` makes it conditional (SQL on ?1 = lead id). */
export async function eventStatement(
  db: D1Database,
  key: LeadKey,
  e: {
    leadId: string;
    by: { id: string | null; name: string };
    kind: EventKind;
    stage?: Stage;
    detail?: string;
    at: string;
    /** Its own id: the same event posted again is written once (ON CONFLICT … DO NOTHING). */
    id?: string;
  },
  when = '1',
): Promise<D1PreparedStatement> {
  const id = e.id ?? crypto.randomUUID();
  const detail = e.detail ? await encryptField(key, e.detail, context(id)) : null;
  return db
    .prepare(
      `INSERT INTO lead_events (id, lead_id, at, staff_id, staff_name, kind, stage, detail, key_id)
       SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE ${when} ON CONFLICT (id) DO NOTHING`,
    )
    .bind(e.leadId, id, e.at, e.by.id, e.by.name, e.kind, e.stage ?? null, detail, detail ? key.id : null);
}

/** A lead's events, oldest first, details opened. One that cannot be opened — its key taken out of
 *  the ring too soon, or its ciphertext damaged — has no detail and says why, as a lead's own fields
 *  do (privacy/sealed-lead.ts openLeadToShow): the rest of the history still shows. */
export async function listEvents(db: D1Database, ring: Keyring, leadId: string): Promise<LeadEvent[]> {
  const { results } = await db
    .prepare('SELECT * FROM lead_events WHERE lead_id = ? ORDER BY at, rowid')
    .bind(leadId)
    .all<LeadEvent>();
  return Promise.all(
    results.map(async (e) => {
      if (!e.detail) return e;
      try {
        return { ...e, detail: await openEvent(ring, e) };
      } catch (err) {
        console.error('[privacy] cannot open', err instanceof Error ? err.message : err);
        return { ...e, detail: null, unreadable: cannotOpen(e.key_id) };
      }
    }),
  );
}

/** An event's detail opened (a note, a reason), for re-encryption under another key (reseal.ts). */
export async function openEvent(ring: Keyring, e: Pick<LeadEvent, 'id' | 'detail' | 'key_id'>): Promise<string> {
  const key = e.key_id ? ring.byId.get(e.key_id) : undefined;
  if (!key || !e.detail) throw new Error(`event ${e.id}: key ${e.key_id} is not in the ring`);
  return decryptField(key, e.detail, context(e.id));
}

/** An event's detail sealed under `key`, as eventStatement seals it. */
export const sealEvent = (key: LeadKey, id: string, detail: string) => encryptField(key, detail, context(id));
