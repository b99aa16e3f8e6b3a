// Passkeys in D1 (migrations/0008_passkeys.sql): a user's credentials, and the one-time challenges
// of a sign-in or a registration in progress (5 minutes, taken out of the table when used).
import type { WebAuthnCredential } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { logStatement } from './log.ts';
import { endOtherSessions } from './sessions.ts';

const CHALLENGE_MINUTES = 5;

export interface Passkey {
  id: string;
  staff_id: string;
  public_key: string;
  counter: number;
  transports: string | null;
  created_at: string;
  last_used_at: string | null;
  user_agent: string | null;
}

/** Keeps a challenge for a sign-in (no user yet) or a registration (the signed-in user's); drops stale ones. */
export async function keepChallenge(db: D1Database, challenge: string, staffId: string | null): Promise<void> {
  const now = new Date();
  await db.batch([
    db.prepare('DELETE FROM webauthn_challenges WHERE expires_at < ?').bind(now.toISOString()),
    db
      .prepare('INSERT INTO webauthn_challenges (challenge, staff_id, expires_at) VALUES (?, ?, ?)')
      .bind(challenge, staffId, new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString()),
  ]);
}

/** Uses a challenge once: true when it was issued (to this user, or for a sign-in) and has not expired. */
export async function takeChallenge(db: D1Database, challenge: string, staffId: string | null): Promise<boolean> {
  const taken = await db
    .prepare('DELETE FROM webauthn_challenges WHERE challenge = ?1 AND staff_id IS ?2 AND expires_at > ?3 RETURNING 1')
    .bind(challenge, staffId, new Date().toISOString())
    .first();
  return taken !== null;
}

export async function passkeysOf(db: D1Database, staffId: string): Promise<Passkey[]> {
  const { results } = await db
    .prepare('SELECT * FROM passkeys WHERE staff_id = ? ORDER BY created_at')
    .bind(staffId)
    .all<Passkey>();
  return results;
}

export const passkeyById = (db: D1Database, id: string) =>
  db.prepare('SELECT * FROM passkeys WHERE id = ?').bind(id).first<Passkey>();

/** What @simplewebauthn/server verifies a sign-in against. */
export const asCredential = (p: Passkey): WebAuthnCredential => ({
  id: p.id,
  publicKey: isoBase64URL.toBuffer(p.public_key),
  counter: p.counter,
  transports: p.transports ? JSON.parse(p.transports) : undefined,
});

/** Adds a user's passkey while the session that asked is live (`sessionHash`; null under Access, whose
 *  token is checked on every request): 'taken' when its credential id is registered already,
 *  'signed-out' when that session ended meanwhile — by a setup link for a lost phone, which must not
 *  be undone by a registration begun before it. `log` writes nothing unless it was added. */
export async function addPasskey(
  db: D1Database,
  staffId: string,
  credential: WebAuthnCredential,
  userAgent: string | null,
  sessionHash: string | null,
  log: D1PreparedStatement,
): Promise<'added' | 'taken' | 'signed-out'> {
  const [insert] = await db.batch([
    db
      .prepare(
        `INSERT INTO passkeys (id, staff_id, public_key, counter, transports, created_at, user_agent)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7
         WHERE ?8 IS NULL OR EXISTS (SELECT 1 FROM sessions WHERE id_hash = ?8 AND staff_id = ?2 AND ended_at IS NULL)
         ON CONFLICT (id) DO NOTHING`,
      )
      .bind(
        credential.id,
        staffId,
        isoBase64URL.fromBuffer(credential.publicKey),
        credential.counter,
        credential.transports ? JSON.stringify(credential.transports) : null,
        new Date().toISOString(),
        userAgent?.slice(0, 200) ?? null,
        sessionHash,
      ),
    log,
  ]);
  if (insert.meta.changes === 1) return 'added';
  return (await passkeyById(db, credential.id)) ? 'taken' : 'signed-out';
}

/** After a sign-in: the new counter (a counter that went backwards was refused by the library). Never
 *  lowered: two sign-ins verified at once against the same stored counter may end in either order. */
export const passkeyUsed = (db: D1Database, id: string, counter: number) =>
  db
    .prepare('UPDATE passkeys SET counter = ?1, last_used_at = ?2 WHERE id = ?3 AND counter <= ?1')
    .bind(counter, new Date().toISOString(), id)
    .run();

/** Removes one of a user's own passkeys and ends the sessions it opened (a phone lost while signed in),
 *  except `current`, the session asking (its hash; a synced passkey may have opened it too), recorded
 *  in the operator log with how many sessions ended: `logId`, undefined when the passkey is not theirs. */
export async function removePasskey(
  db: D1Database,
  staff: { id: string; name: string },
  id: string,
  current: string | null,
): Promise<{ logId?: string; ended: number }> {
  const logId = crypto.randomUUID();
  // One transaction: the log right after the DELETE (written only if that removed a row), the
  // sessions only when it was, and then the log says how many ended.
  const [deleted, , ended] = await db.batch([
    db.prepare('DELETE FROM passkeys WHERE id = ? AND staff_id = ?').bind(id, staff.id),
    logStatement(db, staff, 'remove-passkey', '0', logId),
    ...endOtherSessions(db, staff.id, current, logId, id),
  ]);
  return deleted.meta.changes === 1 ? { logId, ended: ended.meta.changes } : { ended: 0 };
}
