// Staff in D1 (migrations/0005_staff.sql): adding a user with a one-time setup code, setting the
// password with it, and finding a user by name for sign-in.
import { FIRST_PASSWORD, logStatement } from './log.ts';
import { endOtherSessions } from './sessions.ts';
import { randomCode, sha256Hex } from './tokens.ts';

export type Role = 'owner' | 'staff';

export interface Staff {
  id: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
}

/** What a user name may be: a name (张师傅) or, behind Cloudflare Access, the user's e-mail. */
export const NAME = /^[\p{L}\p{N}_.+@-]{1,64}$/u;

/** How long a setup link works. */
const SETUP_HOURS = 24;

/** Adds a user with a setup code (returned once, stored hashed); null when the name is taken.
 *  `also`: statements for the same batch (the operator log). */
export async function addStaff(
  db: D1Database,
  { name, role, createdBy }: { name: string; role: Role; createdBy: string },
  also: D1PreparedStatement[] = [],
): Promise<{ staff: Staff; code: string; expiresAt: string } | null> {
  const id = crypto.randomUUID();
  const now = new Date();
  const setup = await setupStatement(db, id, now);
  try {
    await db.batch([
      db
        .prepare('INSERT INTO staff (id, name, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
        .bind(id, name, role, now.toISOString(), createdBy),
      setup.statement,
      ...also,
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: staff\.name/.test(String(err))) return null;
    throw err;
  }
  const staff = (await db.prepare('SELECT * FROM staff WHERE id = ?').bind(id).first<Staff>())!;
  return { staff, code: setup.code, expiresAt: setup.expiresAt };
}

async function setupStatement(db: D1Database, staffId: string, now = new Date()) {
  const code = randomCode();
  const expiresAt = new Date(now.getTime() + SETUP_HOURS * 3600_000).toISOString();
  const statement = db
    .prepare('INSERT INTO staff_setup (code_hash, staff_id, expires_at) VALUES (?, ?, ?)')
    .bind(await sha256Hex(code), staffId, expiresAt);
  return { code, expiresAt, statement };
}

/** A new setup link for a user who lost their password (or passkey): the old password stops working
 *  when the link is used. Earlier unused links of this user stop working now. */
export async function newSetupLink(db: D1Database, staffId: string, also: D1PreparedStatement[] = []) {
  const setup = await setupStatement(db, staffId);
  await db.batch([
    db
      .prepare('UPDATE staff_setup SET expires_at = ?2 WHERE staff_id = ?1 AND used_at IS NULL')
      .bind(staffId, new Date().toISOString()),
    setup.statement,
    ...also,
  ]);
  return { code: setup.code, expiresAt: setup.expiresAt };
}

/** The user (not disabled) an unused, unexpired setup code belongs to (the staff page shows the link
 *  again; the setup page says at once when it no longer works), or null. */
export const setupCodeOwner = async (db: D1Database, code: string) =>
  db
    .prepare(
      `SELECT st.name, su.expires_at FROM staff_setup su JOIN staff st ON st.id = su.staff_id
       WHERE su.code_hash = ? AND su.used_at IS NULL AND su.expires_at > ? AND st.disabled_at IS NULL`,
    )
    .bind(await sha256Hex(code), new Date().toISOString())
    .first<{ name: string; expires_at: string }>();

/** Disables a user and ends their sessions; an owner is never disabled (there must be one).
 *  `log` follows the update in the batch (written only if the user was disabled). */
export async function disableStaff(db: D1Database, staffId: string, log: D1PreparedStatement): Promise<boolean> {
  const at = new Date().toISOString();
  const [update] = await db.batch([
    db.prepare(`UPDATE staff SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL AND role = 'staff'`).bind(staffId, at),
    log,
    db.prepare('UPDATE sessions SET ended_at = ?2 WHERE staff_id = ?1 AND ended_at IS NULL').bind(staffId, at),
  ]);
  return update.meta.changes === 1;
}

/** Enables a disabled user again: their password (if any) signs them in as before; their sessions
 *  ended when they were disabled. `log` follows the update (written only if the user was enabled). */
export async function enableStaff(db: D1Database, staffId: string, log: D1PreparedStatement): Promise<boolean> {
  const [update] = await db.batch([
    db.prepare('UPDATE staff SET disabled_at = NULL WHERE id = ?1 AND disabled_at IS NOT NULL').bind(staffId),
    log,
  ]);
  return update.meta.changes === 1;
}

export const staffById = (db: D1Database, id: string) => db.prepare('SELECT * FROM staff WHERE id = ?').bind(id).first<Staff>();

/** Every user, disabled ones too, for the owner's staff page. */
export async function allStaff(db: D1Database): Promise<(Staff & { setup_pending: number })[]> {
  const { results } = await db
    .prepare(
      `SELECT st.*, EXISTS (SELECT 1 FROM staff_setup su WHERE su.staff_id = st.id AND su.used_at IS NULL AND su.expires_at > ?)
         AS setup_pending
       FROM staff st ORDER BY st.disabled_at IS NOT NULL, st.name`,
    )
    .bind(new Date().toISOString())
    .all<Staff & { setup_pending: number }>();
  return results;
}

/** Uses a setup code once: sets the password, and ends every other way in — the user's sessions and
 *  passkeys (a link for someone who lost a phone must lock that phone out), recorded in the operator
 *  log; null when the code is unknown, used or expired, or the user was disabled. */
export async function completeSetup(db: D1Database, code: string, passwordHash: string): Promise<Staff | null> {
  const now = new Date().toISOString();
  const hash = await sha256Hex(code);
  // Whose link it is, read first (for the log's entry); everything it changes is one batch, so a
  // failure half-way leaves the link usable and the old way in as it was.
  const user = await db
    .prepare(
      `SELECT st.* FROM staff_setup su JOIN staff st ON st.id = su.staff_id
       WHERE su.code_hash = ?1 AND su.used_at IS NULL AND su.expires_at > ?2 AND st.disabled_at IS NULL`,
    )
    .bind(hash, now)
    .first<Staff>();
  if (!user) return null;
  // Each statement goes on only if the claim did (changes() of the one before it, or the claim's mark):
  // two uses at once, one wins.
  const claimedNow = `EXISTS (SELECT 1 FROM staff_setup WHERE code_hash = ?3 AND used_at = ?2)`;
  const [, updated] = await db.batch<Staff>([
    db
      .prepare('UPDATE staff_setup SET used_at = ?2 WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2')
      .bind(hash, now),
    db
      .prepare('UPDATE staff SET password_hash = ?2 WHERE id = ?1 AND disabled_at IS NULL AND changes() > 0 RETURNING *')
      .bind(user.id, passwordHash),
    // A first password ends nothing: the log says which it was (FIRST_PASSWORD).
    logStatement(db, user, 'complete-setup', user.password_hash ? undefined : FIRST_PASSWORD),
    db
      .prepare(`UPDATE sessions SET ended_at = ?2 WHERE staff_id = ?1 AND ended_at IS NULL AND ${claimedNow}`)
      .bind(user.id, now, hash),
    db.prepare(`DELETE FROM passkeys WHERE staff_id = ?1 AND ${claimedNow}`).bind(user.id, now, hash),
  ]);
  return updated.results[0] ?? null;
}

/** A user's own new password, in place of `oldHash` (the one just verified: a password changed
 *  meanwhile, by another tab or a setup link, changes nothing). Their other sessions end — `current`,
 *  the asking session's hash, stays — and the log says how many; so do their unused setup links (one
 *  an owner made for a password they thought lost would set another over this one). `logId` when it
 *  was changed. */
export async function changePassword(
  db: D1Database,
  staff: { id: string; name: string },
  oldHash: string,
  newHash: string,
  current: string | null,
): Promise<{ logId?: string; ended: number }> {
  const logId = crypto.randomUUID();
  const [changed, , ended] = await db.batch([
    db
      .prepare('UPDATE staff SET password_hash = ?3 WHERE id = ?1 AND password_hash = ?2 AND disabled_at IS NULL')
      .bind(staff.id, oldHash, newHash),
    logStatement(db, staff, 'change-password', '0', logId),
    ...endOtherSessions(db, staff.id, current, logId),
    db
      .prepare(
        `UPDATE staff_setup SET expires_at = ?2 WHERE staff_id = ?1 AND used_at IS NULL AND expires_at > ?2
           AND EXISTS (SELECT 1 FROM operator_log WHERE id = ?3)`,
      )
      .bind(staff.id, new Date().toISOString(), logId),
  ]);
  return changed.meta.changes === 1 ? { logId, ended: ended.meta.changes } : { ended: 0 };
}

export const staffByName = (db: D1Database, name: string) =>
  db.prepare('SELECT * FROM staff WHERE name = ? AND disabled_at IS NULL').bind(name).first<Staff>();

/** Everyone who can be given a lead, by name. */
export async function listStaff(db: D1Database): Promise<Pick<Staff, 'id' | 'name' | 'role'>[]> {
  const { results } = await db
    .prepare('SELECT id, name, role FROM staff WHERE disabled_at IS NULL ORDER BY name')
    .all<Pick<Staff, 'id' | 'name' | 'role'>>();
  return results;
}
