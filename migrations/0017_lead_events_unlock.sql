-- A lead's log records staff letting its customer look it up again (the reference locked by wrong
-- phone tails: functions/progress/lookup.ts). SQLite cannot change a CHECK constraint in place, so
-- the table is rebuilt with the kind.
CREATE TABLE lead_events_new (
  id         TEXT PRIMARY KEY,
  lead_id    TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('stage', 'assign', 'note', 'retry', 'spam', 'not-spam', 'unlock')),
  stage      TEXT,
  detail     TEXT,
  key_id     TEXT
);
INSERT INTO lead_events_new (id, lead_id, at, staff_id, staff_name, kind, stage, detail, key_id)
  SELECT id, lead_id, at, staff_id, staff_name, kind, stage, detail, key_id FROM lead_events;
DROP TABLE lead_events;
ALTER TABLE lead_events_new RENAME TO lead_events;
CREATE INDEX lead_events_lead ON lead_events (lead_id, at);
