// Key rotation and rows from before encryption: re-encrypts leads (and their repeats) whose key is
// not the ring's current one (or that have none: written before migration 0002) with the current
// key, a batch per scheduled run. Once no row uses an old key, that key can leave LEADS_ENCRYPTION_KEY.
import type { Repeat, StoredLead } from '../rows.ts';
import type { Keyring } from './keyring.ts';
import { openLead, openRepeat, sealLead, sealRepeat } from './sealed-lead.ts';

export async function resealLeads(db: D1Database, ring: Keyring, limit = 200): Promise<number> {
  const leads = await db
    .prepare('SELECT * FROM leads WHERE key_id IS NULL OR key_id != ?1 LIMIT ?2')
    .bind(ring.current.id, limit)
    .all<StoredLead>();
  const repeats = await db
    .prepare('SELECT * FROM lead_repeats WHERE key_id != ?1 LIMIT ?2')
    .bind(ring.current.id, limit)
    .all<Repeat>();
  const doneLeads = await each('lead', ring, leads.results, async (row) => {
    const sealed = await sealLead(ring.current, row.id, await openLead(ring, row));
    await db
      .prepare(
        'UPDATE leads SET name = ?1, phone = ?2, description = ?3, address = ?4, key_id = ?5, phone_hash = ?6 WHERE id = ?7',
      )
      .bind(sealed.name, sealed.phone, sealed.description, sealed.address, sealed.key_id, sealed.phone_hash, row.id)
      .run();
  });
  const doneRepeats = await each('repeat', ring, repeats.results, async (row) => {
    const sealed = await sealRepeat(ring.current, row.id, await openRepeat(ring, row));
    await db
      .prepare('UPDATE lead_repeats SET name = ?1, description = ?2, address = ?3, key_id = ?4 WHERE id = ?5')
      .bind(sealed.name, sealed.description, sealed.address, sealed.key_id, row.id)
      .run();
  });
  return doneLeads + doneRepeats;
}

/** Re-encrypts each row whose key the ring still has (none: legacy plaintext); counts them. */
async function each<T extends { id: string; key_id: string | null }>(
  kind: string,
  ring: Keyring,
  rows: T[],
  reseal: (row: T) => Promise<void>,
) {
  let done = 0;
  for (const row of rows) {
    if (row.key_id && !ring.byId.has(row.key_id)) {
      console.error(`[reseal] ${kind} ${row.id}: key ${row.key_id} is missing from LEADS_ENCRYPTION_KEY; left as is`);
      continue;
    }
    await reseal(row);
    done++;
  }
  return done;
}
