-- Working a lead to done: its stage (新 → 已联系 → 已预约 → 已完成, or 已取消), the agreed time, who
-- has it, and every change with who and when. `status` stays the spam decision (inbox or spam folder).
ALTER TABLE leads ADD COLUMN stage TEXT NOT NULL DEFAULT 'new'
  CHECK (stage IN ('new', 'contacted', 'scheduled', 'done', 'cancelled'));
ALTER TABLE leads ADD COLUMN appointment_at TEXT;          -- 已预约: the agreed time (ISO 8601)
ALTER TABLE leads ADD COLUMN assignee_id TEXT REFERENCES staff (id) ON DELETE SET NULL;
CREATE INDEX leads_stage ON leads (stage, created_at);

-- The audit log of a lead: who did what, when. `detail` holds what may be personal (a note, a
-- cancel reason) sealed like the lead's fields (key_id; the event's id is the encryption context).
CREATE TABLE lead_events (
  id         TEXT PRIMARY KEY,
  lead_id    TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,                     -- kept when the user is removed: the log stays readable
  kind       TEXT NOT NULL CHECK (kind IN ('stage', 'assign', 'note', 'retry', 'spam', 'not-spam')),
  stage      TEXT,                              -- kind 'stage': the new stage
  detail     TEXT,                              -- ciphertext, or NULL
  key_id     TEXT
);
CREATE INDEX lead_events_lead ON lead_events (lead_id, at);
