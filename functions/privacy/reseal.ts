// Key rotation and rows from before encryption: re-encrypts what is sealed under a key that is not
// the ring's current one — leads (or leads with none: written before migration 0002), their repeats,
// and their events' notes and reasons — with the current key, and seals a preferred time still in
// clear (before migration 0013), up to `limit` rows a table per
// scheduled run. Once no row uses an old key (stillUnder), that key can leave LEADS_ENCRYPTION_KEY.
import type { Repeat, StoredLead } from '../rows.ts';
import { openEvent, sealEvent, type LeadEvent } from '../work/events.ts';
import type { Keyring } from './keyring.ts';
import { openLead, openRepeat, sealLead, sealRepeat } from './sealed-lead.ts';

/** The tables with sealed fields, and how each row is sealed anew. */
const TABLES = ['leads', 'lead_repeats', 'lead_events'] as const;

export async function resealLeads(db: D1Database, ring: Keyring, limit = 200): Promise<number> {
  // Only rows under an old key of the ring: a row whose key left the ring can never be resealed,
  // and picking it run after run would keep the others waiting.
  const old = JSON.stringify([...ring.byId.keys()].filter((id) => id !== ring.current.id));
  // Leads and repeats also when their preferred time is still in clear (before migration 0013), if
  // their key is in the ring. In no set order: a damaged row, picked every run, must not keep the
  // others waiting behind it for good.
  const under = (table: string, legacy: boolean, time: boolean) =>
    db
      .prepare(
        `SELECT * FROM ${table} WHERE ${legacy ? 'key_id IS NULL OR ' : ''}key_id IN (SELECT value FROM json_each(?1))
         ${time ? `OR (sealed_time = 0 AND preferred_time IS NOT NULL AND (key_id IS NULL OR key_id IN (SELECT value FROM json_each(?3))))` : ''}
         ORDER BY random() LIMIT ?2`,
      )
      .bind(old, limit, ...(time ? [JSON.stringify([...ring.byId.keys()])] : []));
  const [leads, repeats, events] = await db.batch([
    under('leads', true, true),
    under('lead_repeats', false, true),
    under('lead_events', false, false),
  ]);
  // Written in batches: a subrequest of the invocation's each, not one a row (600 a run). Each row
  // only while it is as read (its key and sealed_time): an edit or another run meanwhile is not
  // written over, and is not counted.
  const writes = [
    ...(await each('lead', leads.results as StoredLead[], async (row) => {
      const sealed = await sealLead(ring.current, row.id, await openLead(ring, row));
      return db
        .prepare(
          `UPDATE leads SET name = ?1, phone = ?2, description = ?3, address = ?4, key_id = ?5, phone_hash = ?6,
             preferred_time = ?8, sealed_time = 1, line_hash = ?11 WHERE id = ?7 AND key_id IS ?9 AND sealed_time = ?10`,
        )
        .bind(
          sealed.name,
          sealed.phone,
          sealed.description,
          sealed.address,
          sealed.key_id,
          sealed.phone_hash,
          row.id,
          sealed.preferred_time,
          row.key_id,
          row.sealed_time,
          sealed.line_hash,
        );
    })),
    ...(await each('repeat', repeats.results as Repeat[], async (row) => {
      const sealed = await sealRepeat(ring.current, row.id, await openRepeat(ring, row));
      return db
        .prepare(
          `UPDATE lead_repeats SET name = ?1, description = ?2, address = ?3, key_id = ?4, preferred_time = ?6, sealed_time = 1
           WHERE id = ?5 AND key_id IS ?7 AND sealed_time = ?8`,
        )
        .bind(
          sealed.name,
          sealed.description,
          sealed.address,
          sealed.key_id,
          row.id,
          sealed.preferred_time,
          row.key_id,
          row.sealed_time,
        );
    })),
    ...(await each('event', events.results as LeadEvent[], async (row) => {
      const detail = await sealEvent(ring.current, row.id, await openEvent(ring, row));
      return db
        .prepare('UPDATE lead_events SET detail = ?1, key_id = ?2 WHERE id = ?3 AND key_id IS ?4')
        .bind(detail, ring.current.id, row.id, row.key_id);
    })),
  ];
  // A batch is one transaction: one that fails leaves its rows for the next run, not every row.
  let done = 0;
  for (let i = 0; i < writes.length; i += WRITES_AT_ONCE) {
    const some = writes.slice(i, i + WRITES_AT_ONCE);
    try {
      done += (await db.batch(some)).filter((r) => r.meta.changes === 1).length;
    } catch (err) {
      console.error(`[reseal] ${some.length} rows left for the next run: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return done;
}

/** Rows re-encrypted in one batch (one subrequest): 600 a run in six. */
const WRITES_AT_ONCE = 100;

/** How many rows each key other than the current one still seals ('(none)': leads from before
 *  encryption): a key may leave the ring once it seals none — leads, repeats and events alike. */
export async function stillUnder(db: D1Database, ring: Keyring): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = await db.batch<{ key_id: string | null; n: number }>(
    TABLES.map((table) =>
      db
        .prepare(
          `SELECT key_id, COUNT(*) AS n FROM ${table} WHERE ${table === 'leads' ? 'key_id IS NOT ?1' : 'key_id IS NOT NULL AND key_id != ?1'} GROUP BY key_id`,
        )
        .bind(ring.current.id),
    ),
  );
  for (const { results } of tables)
    for (const { key_id, n } of results) counts[key_id ?? '(none)'] = (counts[key_id ?? '(none)'] ?? 0) + n;
  return counts;
}

/** Each row's write, sealed anew; one that cannot be opened (damaged) is reported and left, not the run. */
async function each<T extends { id: string }>(
  kind: string,
  rows: T[],
  reseal: (row: T) => Promise<D1PreparedStatement>,
): Promise<D1PreparedStatement[]> {
  const writes: D1PreparedStatement[] = [];
  for (const row of rows) {
    try {
      writes.push(await reseal(row));
    } catch (err) {
      console.error(`[reseal] ${kind} ${row.id} left as it is: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return writes;
}
