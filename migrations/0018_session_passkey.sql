-- The passkey a session was opened with (NULL: a password or a setup link). Removing a passkey ends
-- the sessions it opened (functions/staff/passkeys.ts): a phone lost while signed in is signed out
-- when its passkey is removed from another device. No foreign key: the row outlives the passkey.
ALTER TABLE sessions ADD COLUMN passkey_id TEXT;
CREATE INDEX sessions_passkey ON sessions (passkey_id) WHERE passkey_id IS NOT NULL;
