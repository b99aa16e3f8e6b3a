// How long the inbox keeps its own records of staff (no customer data): ended sessions and used or
// expired setup links for a month (what device signed in, recently), the operator log for a year.
// Run by the daily job (functions/privacy/housekeeping.ts), beside the leads' retention.
const DAY = 86_400_000;
const SESSION_DAYS = 30;
const LOG_DAYS = 365;

/** Deletes what is past its time; returns how many rows of each. */
export async function purgeStaffRecords(db: D1Database, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const month = before(SESSION_DAYS);
  const [sessions, setupLinks, log] = await db.batch([
    // A session is over when it ended or expired; live ones are never touched.
    db.prepare('DELETE FROM sessions WHERE coalesce(min(ended_at, expires_at), expires_at) < ?1').bind(month),
    db.prepare('DELETE FROM staff_setup WHERE coalesce(min(used_at, expires_at), expires_at) < ?1').bind(month),
    db.prepare('DELETE FROM operator_log WHERE at < ?1').bind(before(LOG_DAYS)),
  ]);
  return { sessions: sessions.meta.changes, setupLinks: setupLinks.meta.changes, log: log.meta.changes };
}
