-- A lead can notify a channel more than once: when it arrives ('lead') and when the customer
-- cancels it from the progress page ('cancel'). SQLite cannot change a UNIQUE constraint in place,
-- so the table is rebuilt with `kind` in it; every existing row is a 'lead' delivery.
PRAGMA defer_foreign_keys = on;
CREATE TABLE deliveries_new (
  id           TEXT PRIMARY KEY,
  lead_id      TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  channel      TEXT NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'lead' CHECK (kind IN ('lead', 'cancel')),
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  delivered_at TEXT,
  recipients   TEXT,
  due_at       TEXT,
  UNIQUE (lead_id, channel, kind)
);
INSERT INTO deliveries_new (id, lead_id, channel, kind, status, attempts, last_error, created_at, updated_at, delivered_at, recipients, due_at)
  SELECT id, lead_id, channel, 'lead', status, attempts, last_error, created_at, updated_at, delivered_at, recipients, due_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;
CREATE INDEX deliveries_status ON deliveries (status, updated_at);
