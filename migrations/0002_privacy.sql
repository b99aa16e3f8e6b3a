-- Privacy and abuse (issue 5). Personal fields (name, phone, address, description) are now stored
-- encrypted with AES-GCM (functions/privacy/crypto.ts): key_id names the key of the ring they were
-- written with; NULL marks a row written before encryption, still plaintext until the scheduled job
-- seals it. phone_hash is an HMAC of the E.164 number: deduplication and deletion by phone.
ALTER TABLE leads ADD COLUMN key_id TEXT;
ALTER TABLE leads ADD COLUMN phone_hash TEXT;
-- The same phone and region again within 10 minutes merges into the lead: counted here, not stored twice.
ALTER TABLE leads ADD COLUMN repeat_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN last_repeat_at TEXT;

CREATE INDEX leads_phone_hash ON leads (phone_hash, region_code, created_at);
-- The operator's view of spam (status = 'spam') and the retention job.
CREATE INDEX leads_status ON leads (status, created_at);
