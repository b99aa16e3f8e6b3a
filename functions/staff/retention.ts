// How long the inbox keeps its own records of staff (no customer data): ended sessions and used or
// expired setup links for a month (what device signed in, recently), the operator log for a year,
// except the records of customers forgotten on request.
// Run by the daily job (functions/privacy/housekeeping.ts), beside the leads' retention.
const DAY = 86_400_000;
const SESSION_DAYS = 30;
const LOG_DAYS = 365;

/** Deletes what is past its time; returns how many rows of each. */
export async function purgeStaffRecords(db: D1Database, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const month = before(SESSION_DAYS);
  const [sessions, setupLinks, log] = await db.batch([
    // A session is over when it ended, expired, or went unused for its idle timeout (12 hours after
    // last_seen_at: such a row is never marked ended); a live one is never touched.
    db
      .prepare('DELETE FROM sessions WHERE coalesce(min(ended_at, expires_at), expires_at) < ?1 OR last_seen_at < ?2')
      .bind(month, new Date(now.getTime() - SESSION_DAYS * DAY - 12 * 3_600_000).toISOString()),
    db.prepare('DELETE FROM staff_setup WHERE coalesce(min(used_at, expires_at), expires_at) < ?1').bind(month),
    // The record that a customer's data was deleted on request is kept: the only proof it was done.
    db.prepare(`DELETE FROM operator_log WHERE at < ?1 AND action != 'forget-customer'`).bind(before(LOG_DAYS)),
  ]);
  return { sessions: sessions.meta.changes, setupLinks: setupLinks.meta.changes, log: log.meta.changes };
}
