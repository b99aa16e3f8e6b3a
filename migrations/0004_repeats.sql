-- A repeat: the same phone and region again within 10 minutes, merged into the earlier lead (same
-- reference, nobody notified twice). What the customer wrote the second time is kept here, sealed
-- like the lead's own fields, instead of being dropped. request_id makes a retried post idempotent.
CREATE TABLE lead_repeats (
  id             TEXT PRIMARY KEY,              -- UUID; also the encryption context of its fields
  lead_id        TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  request_id     TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,                 -- ciphertext
  description    TEXT NOT NULL,                 -- ciphertext
  address        TEXT,                          -- ciphertext
  preferred_time TEXT,
  brand          TEXT,
  brand_name     TEXT,
  page           TEXT,
  created_at     TEXT NOT NULL,
  key_id         TEXT NOT NULL
);
CREATE INDEX lead_repeats_lead ON lead_repeats (lead_id, created_at);
CREATE INDEX lead_repeats_key ON lead_repeats (key_id);
-- Keeping a repeat counts it on its lead, in the same statement (one statement fewer per post).
CREATE TRIGGER lead_repeats_count AFTER INSERT ON lead_repeats
BEGIN
  UPDATE leads SET repeat_count = repeat_count + 1, last_repeat_at = NEW.created_at WHERE id = NEW.lead_id;
END;
