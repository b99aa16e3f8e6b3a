-- One chain of queue messages at a time per delivery. A retry (the operator's, or the sweep's for a
-- lost message) starts a new chain: `generation` goes up and its messages carry the new number, so
-- a message of an older chain is dropped — not sent again, and its dead letter does not fail the
-- delivery the newer chain is working on. `claimed_until`: an attempt in progress (another copy of
-- the message waits it out). `retried_at`: when the operator last retried it; the sweep's 25-hour
-- window counts from then, not from the lead's arrival.
ALTER TABLE deliveries ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
ALTER TABLE deliveries ADD COLUMN retried_at TEXT;
