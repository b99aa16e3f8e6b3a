// The operator log (migrations/0007_operator_log.sql): who changed staff, sessions or forgot a
// customer, and when. A lead's own changes are in its events (functions/work/events.ts).
export type Action =
  | 'add-staff'
  | 'disable-staff'
  | 'setup-link'
  | 'revoke-session'
  | 'forget-customer'
  | 'add-passkey'
  | 'remove-passkey'
  | 'complete-setup' // migrations/0011_operator_log_setup.sql
  | 'export-leads' // migrations/0016_operator_log_export.sql
  | 'enable-staff' // migrations/0020_operator_log_enable.sql
  | 'change-password'; // migrations/0021_operator_log_password.sql

export interface LogEntry {
  id: string;
  at: string;
  staff_id: string | null;
  staff_name: string;
  action: Action;
  detail: string | null;
}

/** For an entry's detail: how many rows the change it records made (the leads a forget deleted). */
export const CHANGED = Symbol('rows changed');

/** The detail of a complete-setup entry for a user who had no password yet (a new user's own link). */
export const FIRST_PASSWORD = 'first';

/** Who did it through the admin API (`npm run leads`, scripts/leads.ts): its bearer token names no user. */
export const ADMIN_API = { id: null, name: '管理接口' };

/** The INSERT of one entry, for the caller's batch right after the change it records: written only
 *  if that statement changed a row (changes() > 0), so a change and its record are both or neither. */
export const logStatement = (
  db: D1Database,
  by: { id: string | null; name: string },
  action: Action,
  detail?: string | typeof CHANGED,
  id: string = crypto.randomUUID(),
) =>
  db
    .prepare(
      `INSERT INTO operator_log (id, at, staff_id, staff_name, action, detail)
       SELECT ?1, ?2, ?3, ?4, ?5, CASE WHEN ?7 THEN CAST(changes() AS TEXT) ELSE ?6 END WHERE changes() > 0`,
    )
    .bind(
      id,
      new Date().toISOString(),
      by.id,
      by.name,
      action,
      typeof detail === 'string' ? detail : null,
      detail === CHANGED ? 1 : 0,
    );

/** The count an entry `id` of `staffId`'s recorded: how many leads a forget deleted
 *  (/admin/?forgot=<id>), how many sessions a passkey's removal or a password's change ended
 *  (/admin/account/?removed=<id>, ?changed=<id>).
 *  What a page says after the change, read from the record rather than from the link. */
export const countRecorded = async (
  db: D1Database,
  id: string,
  staffId: string,
  action: 'forget-customer' | 'remove-passkey' | 'change-password',
) => {
  const row = await db
    .prepare(`SELECT detail FROM operator_log WHERE id = ?1 AND staff_id = ?2 AND action = ?3`)
    .bind(id, staffId, action)
    .first<{ detail: string | null }>();
  return row && /^\d+$/.test(row.detail ?? '') ? Number(row.detail) : undefined;
};

/** An entry of its own, following no change (an export of leads: `detail` how many). */
export const logEntry = (db: D1Database, by: { id: string | null; name: string }, action: Action, detail: string) =>
  db
    .prepare('INSERT INTO operator_log (id, at, staff_id, staff_name, action, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(crypto.randomUUID(), new Date().toISOString(), by.id, by.name, action, detail);

/** The newest entries first. */
export async function recentLog(db: D1Database, limit = 50): Promise<LogEntry[]> {
  const { results } = await db.prepare('SELECT * FROM operator_log ORDER BY at DESC LIMIT ?').bind(limit).all<LogEntry>();
  return results;
}
