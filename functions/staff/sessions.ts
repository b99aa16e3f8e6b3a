// Sign-in sessions in D1: a session ends 12 hours after its last use, 30 days after sign-in at the
// latest, or when its user signs out or an owner revokes it. Ending is server-side: the row says so.
import type { Staff } from './store.ts';
import { randomCode, sha256Hex } from './tokens.ts';

const IDLE_HOURS = 12;
const ABSOLUTE_DAYS = 30;
/** last_seen_at is written at most this often, not on every page. */
const TOUCH_MS = 5 * 60_000;

export interface Session {
  id_hash: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ended_at: string | null;
  passkey_id: string | null;
}

/** What a write needs to still be true when it is made, in its own statement (SQL over ?7, ?8, … and
 *  the statement's own ?2, the user): a sign-in's password or passkey, a registration's session. A
 *  setup link completed meanwhile (a lost phone) replaces the one and ends the others. */
export interface StillTrue {
  sql: string;
  binds: unknown[];
  /** The passkey the session is opened with: removing it ends the session. */
  passkey?: string;
}

/** A password sign-in's: the password verified is still the user's (a setup link may have replaced it). */
export const passwordStill = (hash: string): StillTrue => ({
  sql: 'EXISTS (SELECT 1 FROM staff WHERE id = ?2 AND password_hash = ?7 AND disabled_at IS NULL)',
  binds: [hash],
});

/** A passkey sign-in's: the passkey is still the user's (a setup link deletes them). */
export const passkeyStill = (id: string): StillTrue => ({
  sql: 'EXISTS (SELECT 1 FROM passkeys WHERE id = ?7 AND staff_id = ?2)',
  binds: [id],
  passkey: id,
});

/** Past these a session is dead though not ended: its 30 days end (`expires_at > now`), and 12 idle
 *  hours (`last_seen_at > idleSince`). */
const liveBounds = (now = new Date()) => ({
  now: now.toISOString(),
  idleSince: new Date(now.getTime() - IDLE_HOURS * 3600_000).toISOString(),
});

/** For a change's batch, right after its operator-log entry `logId`: the statements that end a user's
 *  live sessions but `current` (the asking session's hash) — those a passkey opened, with `passkey` —
 *  only if that entry was written, and then record in it how many ended (its detail). One dead already
 *  (expired, idle) is not counted. */
export function endOtherSessions(
  db: D1Database,
  staffId: string,
  current: string | null,
  logId: string,
  passkey?: string,
): D1PreparedStatement[] {
  const { now, idleSince } = liveBounds();
  return [
    db
      .prepare(
        `UPDATE sessions SET ended_at = ?1
         WHERE staff_id = ?2 AND ended_at IS NULL AND expires_at > ?1 AND last_seen_at > ?3 AND id_hash IS NOT ?4
           AND (?5 IS NULL OR passkey_id = ?5) AND EXISTS (SELECT 1 FROM operator_log WHERE id = ?6)`,
      )
      .bind(now, staffId, idleSince, current, passkey ?? null, logId),
    db.prepare('UPDATE operator_log SET detail = CAST(changes() AS TEXT) WHERE id = ?').bind(logId),
  ];
}

/** A new session; `id` goes in the cookie and nowhere else. Null when `still` no longer holds. */
export async function startSession(db: D1Database, staffId: string, userAgent: string | null, still?: StillTrue) {
  const id = randomCode();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_DAYS * 86_400_000);
  const { meta } = await db
    .prepare(
      `INSERT INTO sessions (id_hash, staff_id, created_at, last_seen_at, expires_at, user_agent, passkey_id)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?${7 + (still?.binds.length ?? 0)} WHERE ${still?.sql ?? 'TRUE'}`,
    )
    .bind(
      await sha256Hex(id),
      staffId,
      now.toISOString(),
      now.toISOString(),
      expiresAt.toISOString(),
      userAgent?.slice(0, 200) ?? null,
      ...(still?.binds ?? []),
      still?.passkey ?? null,
    )
    .run();
  return meta.changes === 1 ? { id, expiresAt } : null;
}

/** The live session with this cookie id and its (enabled) user, or null; marks it used. */
export async function openSession(
  db: D1Database,
  id: string,
  now = new Date(),
): Promise<{ session: Session; staff: Staff } | null> {
  const { idleSince } = liveBounds(now);
  const row = await db
    .prepare(
      `SELECT s.*, st.id AS s_id, st.name, st.role, st.created_at AS staff_created_at, st.created_by, st.disabled_at
       FROM sessions s JOIN staff st ON st.id = s.staff_id
       WHERE s.id_hash = ?1 AND s.ended_at IS NULL AND s.expires_at > ?2 AND s.last_seen_at > ?3 AND st.disabled_at IS NULL`,
    )
    .bind(await sha256Hex(id), now.toISOString(), idleSince)
    .first<
      Session & {
        s_id: string;
        name: string;
        role: Staff['role'];
        staff_created_at: string;
        created_by: string | null;
        disabled_at: null;
      }
    >();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_MS) {
    await db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').bind(now.toISOString(), row.id_hash).run();
  }
  const { s_id, name, role, staff_created_at, created_by, disabled_at, ...session } = row;
  return {
    session,
    staff: { id: s_id, name, role, password_hash: null, created_at: staff_created_at, created_by, disabled_at },
  };
}

/** Ends the session with this cookie id (sign-out). */
export async function endSession(db: D1Database, id: string): Promise<void> {
  await db
    .prepare('UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL')
    .bind(new Date().toISOString(), await sha256Hex(id))
    .run();
}

/** Live sessions of every user, newest first, for the owner's staff page. */
export async function liveSessions(db: D1Database, now = new Date()) {
  const { idleSince } = liveBounds(now);
  const { results } = await db
    .prepare(
      `SELECT s.id_hash, s.created_at, s.last_seen_at, s.user_agent, st.name
       FROM sessions s JOIN staff st ON st.id = s.staff_id
       WHERE s.ended_at IS NULL AND s.expires_at > ?1 AND s.last_seen_at > ?2 ORDER BY s.last_seen_at DESC LIMIT 200`,
    )
    .bind(now.toISOString(), idleSince)
    .all<Pick<Session, 'id_hash' | 'created_at' | 'last_seen_at' | 'user_agent'> & { name: string }>();
  return results;
}

/** Ends a session by its stored hash (the owner revoking it); false when it was not live. */
export async function revokeSession(db: D1Database, idHash: string, also: D1PreparedStatement[] = []): Promise<boolean> {
  const [update] = await db.batch([
    db.prepare('UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL').bind(new Date().toISOString(), idHash),
    ...also,
  ]);
  return update.meta.changes === 1;
}

/** The name of the user whose session this is (for the operator log of a revoke), or null. */
export const sessionOwner = async (db: D1Database, idHash: string) =>
  (
    await db
      .prepare('SELECT st.name FROM sessions s JOIN staff st ON st.id = s.staff_id WHERE s.id_hash = ?')
      .bind(idHash)
      .first<{ name: string }>()
  )?.name ?? null;
