// Staff in D1 (migrations/0005_staff.sql): adding a user with a one-time setup code, setting the
// password with it, and finding a user by name for sign-in.
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

/** How long a setup link works. */
const SETUP_HOURS = 24;

/** Adds a user with a setup code (returned once, stored hashed); null when the name is taken. */
export async function addStaff(
  db: D1Database,
  { name, role, createdBy }: { name: string; role: Role; createdBy: string },
): Promise<{ staff: Staff; code: string; expiresAt: string } | null> {
  const id = crypto.randomUUID();
  const code = randomCode();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SETUP_HOURS * 3600_000).toISOString();
  try {
    await db.batch([
      db
        .prepare('INSERT INTO staff (id, name, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
        .bind(id, name, role, now.toISOString(), createdBy),
      db
        .prepare('INSERT INTO staff_setup (code_hash, staff_id, expires_at) VALUES (?, ?, ?)')
        .bind(await sha256Hex(code), id, expiresAt),
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: staff\.name/.test(String(err))) return null;
    throw err;
  }
  const staff = (await db.prepare('SELECT * FROM staff WHERE id = ?').bind(id).first<Staff>())!;
  return { staff, code, expiresAt };
}

/** Uses a setup code once: sets the password; null when the code is unknown, used or expired. */
export async function completeSetup(db: D1Database, code: string, passwordHash: string): Promise<Staff | null> {
  const now = new Date().toISOString();
  // One statement claims the code, so two uses at once cannot both succeed.
  const claimed = await db
    .prepare(
      `UPDATE staff_setup SET used_at = ?1 WHERE code_hash = ?2 AND used_at IS NULL AND expires_at > ?1
       RETURNING staff_id`,
    )
    .bind(now, await sha256Hex(code))
    .first<{ staff_id: string }>();
  if (!claimed) return null;
  return db
    .prepare('UPDATE staff SET password_hash = ? WHERE id = ? AND disabled_at IS NULL RETURNING *')
    .bind(passwordHash, claimed.staff_id)
    .first<Staff>();
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
