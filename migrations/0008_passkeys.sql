-- Passkeys (WebAuthn) of staff users: sign-in with Face ID / a fingerprint on the phone. Only the
-- public key is kept. Challenges are one-time: a sign-in or registration takes its challenge out of
-- the table (DELETE … RETURNING), so a response cannot be replayed.
CREATE TABLE passkeys (
  id           TEXT PRIMARY KEY,                -- the credential id, base64url
  staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  public_key   TEXT NOT NULL,                   -- COSE public key, base64url
  counter      INTEGER NOT NULL DEFAULT 0,      -- the authenticator's signature counter (0: it keeps none)
  transports   TEXT,                            -- JSON array, a hint for the browser
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  user_agent   TEXT                             -- the device it was added on, to tell passkeys apart
);
CREATE INDEX passkeys_staff ON passkeys (staff_id);

CREATE TABLE webauthn_challenges (
  challenge  TEXT PRIMARY KEY,                  -- base64url, as the browser echoes it
  staff_id   TEXT REFERENCES staff (id) ON DELETE CASCADE, -- registration: whose passkey; sign-in: NULL
  expires_at TEXT NOT NULL
);
