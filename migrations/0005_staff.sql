-- The operator's staff: named users who sign in to the inbox (/admin/). An owner manages the others.
CREATE TABLE staff (
  id            TEXT PRIMARY KEY,                -- UUID
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role          TEXT NOT NULL CHECK (role IN ('owner', 'staff')),
  password_hash TEXT,                            -- pbkdf2-sha256$…; NULL until the setup link is used
  created_at    TEXT NOT NULL,
  created_by    TEXT,                            -- who added them: a staff id, or 'cli' (ADMIN_TOKEN)
  disabled_at   TEXT
);

-- One-time setup links (a new user sets a password), valid 24 hours. Only a hash of the code is kept.
CREATE TABLE staff_setup (
  code_hash  TEXT PRIMARY KEY,                   -- SHA-256 of the code in the link, hex
  staff_id   TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);

-- Sign-in sessions: the cookie holds a random id, D1 its SHA-256 (a leaked table opens no session).
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  staff_id     TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,                    -- idle timeout: 12 hours after this
  expires_at   TEXT NOT NULL,                    -- absolute: 30 days after created_at
  user_agent   TEXT,
  ended_at     TEXT                              -- signed out or revoked
);
CREATE INDEX sessions_staff ON sessions (staff_id, created_at);
