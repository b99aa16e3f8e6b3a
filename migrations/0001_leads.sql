-- Leads and their deliveries. A lead is stored before the customer is told it was received;
-- each channel it must reach gets a delivery row, written in the same batch.
CREATE TABLE leads (
  id              TEXT PRIMARY KEY,             -- UUID
  reference       TEXT NOT NULL UNIQUE,         -- what the customer is told: BX-261122-048213
  request_id      TEXT NOT NULL UNIQUE,         -- the form's idempotency key
  status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'spam')),
  name            TEXT NOT NULL,
  phone           TEXT NOT NULL,                -- E.164, +8613812341234
  region_code     TEXT NOT NULL,                -- GB/T 2260
  region_name     TEXT NOT NULL,                -- full path at the time of the lead: 湖南省 湘西土家族苗族自治州 吉首市
  brand           TEXT,                         -- brand slug, when the customer chose one
  brand_name      TEXT,
  description     TEXT NOT NULL,
  address         TEXT,
  preferred_time  TEXT,
  consent_at      TEXT NOT NULL,                -- ISO 8601
  privacy_version TEXT NOT NULL,
  page            TEXT,                         -- the page the form was sent from
  created_at      TEXT NOT NULL
);
CREATE INDEX leads_created_at ON leads (created_at);

CREATE TABLE deliveries (
  id           TEXT PRIMARY KEY,
  lead_id      TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  channel      TEXT NOT NULL,                   -- a channel name: outbox, email-smtp, sms-aliyun, … (src/contract/channels.ts)
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  delivered_at TEXT,
  UNIQUE (lead_id, channel)
);
CREATE INDEX deliveries_status ON deliveries (status, updated_at);
