// Working a lead in D1: a change and its event in one batch (both or neither), guarded by the state
// it was made from, so two people working the same lead cannot overwrite each other unseen.
import { CUSTOMER_CHANNEL } from '../../src/contract/channels.ts';
import { CUSTOMER_SMS_PER_DAY, DAY_MS, textsUnderCap } from '../leads/store.ts';
import type { LeadKey } from '../privacy/keyring.ts';
import { eventStatement } from './events.ts';
import { canMove, type Stage } from './stages.ts';

type By = { id: string | null; name: string };
export type Outcome = 'done' | 'not-found' | 'not-allowed' | 'conflict';

/** What the person changing a lead saw of it (the page's form sends it): a change made meanwhile by
 *  someone else is a conflict, not overwritten. Absent (an API client), what is read now. */
export interface Seen {
  stage?: string;
  appointmentAt?: string | null;
  assignee?: string | null;
}

/** Moves a lead to `to` (with the agreed time for 已预约, the reason for 已取消); not while it is spam. */
export async function moveStage(
  db: D1Database,
  key: LeadKey,
  leadId: string,
  by: By,
  change: { to: Stage; appointmentAt?: string; reason?: string },
  seen: Seen = {},
): Promise<Outcome | 'spam'> {
  const lead = await db
    .prepare('SELECT stage, appointment_at, status FROM leads WHERE id = ?')
    .bind(leadId)
    .first<{ stage: Stage; appointment_at: string | null; status: string }>();
  if (!lead) return 'not-found';
  if (lead.status === 'spam') return 'spam';
  const appointmentAt = change.to === 'scheduled' ? change.appointmentAt! : null;
  const already = change.to === lead.stage && appointmentAt === lead.appointment_at;
  const stale = seen.stage !== undefined && (seen.stage !== lead.stage || (seen.appointmentAt ?? null) !== lead.appointment_at);
  // Where it already is, changed meanwhile to just that (a second tap of 保存, or a colleague making
  // the same change): done, not someone else's edit.
  if (already && stale) return 'done';
  if (stale) return 'conflict';
  if (!canMove(lead.stage, change.to)) return 'not-allowed';
  // A booked visit given the same time again: nothing changed, nothing to record.
  if (already && !change.reason) return 'done';
  const at = new Date().toISOString();
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE leads SET stage = ?2, appointment_at = ?3 WHERE id = ?1 AND stage = ?4 AND appointment_at IS ?5 AND status != 'spam'`,
      )
      .bind(leadId, change.to, appointmentAt, lead.stage, lead.appointment_at),
    // changes(): the event is written only if the update above was.
    await eventStatement(
      db,
      key,
      { leadId, by, kind: 'stage', stage: change.to, detail: change.reason ?? change.appointmentAt, at },
      'changes() = 1',
    ),
  ]);
  return update.meta.changes === 1 ? 'done' : 'conflict';
}

/** Gives the lead to a staff user (or to nobody: null), from the one `seen` (a staff id, or null). */
export async function assign(
  db: D1Database,
  key: LeadKey,
  leadId: string,
  by: By,
  to: By | null,
  seen: Seen = {},
): Promise<Outcome> {
  const lead = await db
    .prepare('SELECT assignee_id FROM leads WHERE id = ?')
    .bind(leadId)
    .first<{ assignee_id: string | null }>();
  if (!lead) return 'not-found';
  // Already theirs (given them meanwhile too: a second tap): nothing changes, and the history says nothing happened.
  if (lead.assignee_id === (to?.id ?? null)) return 'done';
  if (seen.assignee !== undefined && seen.assignee !== lead.assignee_id) return 'conflict';
  const at = new Date().toISOString();
  const [update] = await db.batch([
    db
      .prepare('UPDATE leads SET assignee_id = ?2 WHERE id = ?1 AND assignee_id IS ?3')
      .bind(leadId, to?.id ?? null, lead.assignee_id),
    await eventStatement(db, key, { leadId, by, kind: 'assign', detail: to?.name ?? '', at }, 'changes() = 1'),
  ]);
  return update.meta.changes === 1 ? 'done' : 'conflict';
}

/** A note on the lead, kept (sealed) in its log. `form`: the page's own form (its formId): the same
 *  note sent from it again within RESENT_WITHIN_MS — a double tap, a resend on a weak connection —
 *  is kept once; another note from that page (back, then typed again), or the same one later, is a
 *  note of its own. */
export async function addNote(
  db: D1Database,
  key: LeadKey,
  leadId: string,
  by: By,
  text: string,
  form?: string,
): Promise<Outcome> {
  const at = new Date().toISOString();
  const id = form ? await noteId(leadId, form, text) : undefined;
  const [insert] = await db.batch([
    await eventStatement(
      db,
      key,
      { leadId, by, kind: 'note', detail: text, at, id },
      'EXISTS (SELECT 1 FROM leads WHERE id = ?1)',
    ),
  ]);
  if (insert.meta.changes === 1) return 'done';
  const kept = id
    ? await db.prepare('SELECT at FROM lead_events WHERE id = ? AND lead_id = ?').bind(id, leadId).first<{ at: string }>()
    : null;
  if (!kept) return 'not-found';
  return Date.parse(at) - Date.parse(kept.at) < RESENT_WITHIN_MS ? 'done' : addNote(db, key, leadId, by, text);
}

/** How soon the same note from the same form is a resend, not a note of its own. */
export const RESENT_WITHIN_MS = 2 * 60_000;

/** A note's event id from its form and text: one per note a form sent. */
async function noteId(leadId: string, form: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify([leadId, form, text])));
  return `note-${[...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Lets the customer look the lead up again: its reference locked by wrong phone tails
 *  (functions/progress/lookup.ts), on their call, once staff know it is them. Recorded. */
export async function unlockLookup(db: D1Database, key: LeadKey, leadId: string, by: By): Promise<Outcome> {
  const at = new Date().toISOString();
  const [update] = await db.batch([
    db
      .prepare(
        'UPDATE leads SET lookup_failures = 0, lookup_failures_total = 0 WHERE id = ?1 AND (lookup_failures > 0 OR lookup_failures_total > 0)',
      )
      .bind(leadId),
    await eventStatement(db, key, { leadId, by, kind: 'unlock', at }, 'changes() = 1'),
  ]);
  if (update.meta.changes === 1) return 'done';
  // Nothing to undo (a second press): done, unless there is no such lead.
  return (await db.prepare('SELECT 1 FROM leads WHERE id = ?').bind(leadId).first()) ? 'done' : 'not-found';
}

/** The assign form's choice for a lead whose assignee was disabled since: it stays theirs. Not a
 *  staff name (staff/store.ts NAME has no brackets). */
export const KEEP_ASSIGNEE = '(keep)';

/** Puts a failed or stuck delivery back in line, as a new chain of messages (the caller queues it
 *  with `generation`; the old chain's messages are dropped), and logs who did. */
export async function retryDelivery(
  db: D1Database,
  key: LeadKey,
  deliveryId: string,
  by: By,
): Promise<{ outcome: Outcome; leadId?: string; generation?: number }> {
  const delivery = await db
    .prepare('SELECT lead_id, channel, status FROM deliveries WHERE id = ?')
    .bind(deliveryId)
    .first<{ lead_id: string; channel: string; status: string }>();
  if (!delivery) return { outcome: 'not-found' };
  if (delivery.status === 'sent') return { outcome: 'not-allowed', leadId: delivery.lead_id };
  const at = new Date().toISOString();
  // retried_at: the sweep's window of 25 hours starts again (functions/deliveries/sweep.ts).
  const [update] = await db.batch<{ generation: number }>([
    db
      .prepare(
        `UPDATE deliveries SET status = 'pending', generation = generation + 1, updated_at = ?2, due_at = ?2, retried_at = ?2
         WHERE id = ?1 AND status = ?3 RETURNING generation`,
      )
      .bind(deliveryId, at, delivery.status),
    await eventStatement(db, key, { leadId: delivery.lead_id, by, kind: 'retry', detail: delivery.channel, at }, 'changes() = 1'),
  ]);
  const generation = update.results[0]?.generation;
  return { outcome: generation === undefined ? 'conflict' : 'done', leadId: delivery.lead_id, generation };
}

/**
 * Moves a lead out of the spam folder (it gets the deliveries it never had — none when it is already
 * 已完成 or 已取消 — returned to be queued, along the route it takes now; the customer's text only under the phone's daily cap, as for a new
 * lead: `texted` is the phone's hash under each key, a JSON array) or into it (deliveries already
 * made stay as they are).
 */
export async function markSpam(
  db: D1Database,
  key: LeadKey,
  leadId: string,
  by: By,
  spam: boolean,
  routing: { route: string; channels: { channel: string; to?: string[] }[] },
  texted = '[]',
): Promise<{ outcome: Outcome; deliveries: string[] }> {
  const [from, to] = spam ? ['new', 'spam'] : ['spam', 'new'];
  const now = Date.now();
  const at = new Date(now).toISOString();
  const dayAgo = new Date(now - DAY_MS).toISOString();
  const channels = spam ? [] : routing.channels;
  const ids = channels.map(() => crypto.randomUUID());
  const results = await db.batch([
    db
      .prepare(`UPDATE leads SET status = ?2, route = CASE WHEN ?2 = 'new' THEN ?4 ELSE route END WHERE id = ?1 AND status = ?3`)
      .bind(leadId, to, from, routing.route),
    await eventStatement(db, key, { leadId, by, kind: spam ? 'spam' : 'not-spam', at }, 'changes() = 1'),
    // Only if this batch moved it (its event exists); OR IGNORE: a channel it was already sent on.
    ...channels.map(({ channel, to: recipients }, i) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO deliveries (id, lead_id, channel, recipients, status, attempts, created_at, updated_at, due_at)
           SELECT ?1, ?2, ?3, ?4, 'pending', 0, ?5, ?5, ?5
           WHERE EXISTS (SELECT 1 FROM lead_events WHERE lead_id = ?2 AND kind = 'not-spam' AND at = ?5)
             AND NOT EXISTS (SELECT 1 FROM leads WHERE id = ?2 AND stage IN ('done', 'cancelled'))
           ${channel === CUSTOMER_CHANNEL ? textsUnderCap('?3', '?6', '?7', '?8') : ''}`,
        )
        .bind(
          ids[i],
          leadId,
          channel,
          recipients ? JSON.stringify(recipients) : null,
          at,
          ...(channel === CUSTOMER_CHANNEL ? [texted, dayAgo, CUSTOMER_SMS_PER_DAY] : []),
        ),
    ),
  ]);
  if (results[0].meta.changes !== 1) {
    // Already there (a second tap, or a colleague's the same moment): done, nobody told twice.
    const row = await db.prepare('SELECT status FROM leads WHERE id = ?').bind(leadId).first<{ status: string }>();
    return { outcome: !row ? 'not-found' : row.status === to ? 'done' : 'not-allowed', deliveries: [] };
  }
  return { outcome: 'done', deliveries: ids.filter((_, i) => results[2 + i].meta.changes === 1) };
}

/** Who the log names when the customer does it (the progress page). */
const CUSTOMER = { id: null, name: '客户' };

/**
 * The customer cancels from the progress page: 已取消, logged as 客户, and the operator told on the
 * channels that carried the lead (not SMS: its registered template says "new lead"; `deliveries`,
 * none for an operator with SMS alone). Idempotent: a lead already cancelled (by the customer or by
 * staff) answers 'already' and nobody is told twice; 已完成 cannot be cancelled.
 */
export async function cancelByCustomer(
  db: D1Database,
  key: LeadKey,
  leadId: string,
): Promise<{ outcome: 'cancelled' | 'already' | 'not-allowed'; deliveries: string[] }> {
  const at = new Date().toISOString();
  const [update, , notify] = await db.batch<{ id: string }>([
    db
      .prepare(`UPDATE leads SET stage = 'cancelled', appointment_at = NULL WHERE id = ?1 AND stage NOT IN ('done', 'cancelled')`)
      .bind(leadId),
    await eventStatement(
      db,
      key,
      { leadId, by: CUSTOMER, kind: 'stage', stage: 'cancelled', detail: '客户在进度页取消', at },
      'changes() = 1',
    ),
    db
      .prepare(
        `INSERT OR IGNORE INTO deliveries (id, lead_id, channel, kind, recipients, status, attempts, created_at, updated_at, due_at)
         SELECT lower(hex(randomblob(16))), lead_id, channel, 'cancel', recipients, 'pending', 0, ?2, ?2, ?2 FROM deliveries
         WHERE lead_id = ?1 AND kind = 'lead' AND channel NOT LIKE 'sms-%'
           AND EXISTS (SELECT 1 FROM lead_events WHERE lead_id = ?1 AND kind = 'stage' AND stage = 'cancelled' AND at = ?2)
         RETURNING id`,
      )
      .bind(leadId, at),
  ]);
  if (update.meta.changes === 1) return { outcome: 'cancelled', deliveries: notify.results.map((r) => r.id) };
  const now = await db.prepare('SELECT stage FROM leads WHERE id = ?').bind(leadId).first<{ stage: Stage }>();
  return { outcome: now?.stage === 'cancelled' ? 'already' : 'not-allowed', deliveries: [] };
}
