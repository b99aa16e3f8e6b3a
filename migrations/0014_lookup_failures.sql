-- Wrong guesses at a lead's phone tail on the progress look-up, counted in D1 because the rate
-- limits count at each Cloudflare location: someone spread over many addresses and places could
-- otherwise try all 10,000 tails of a reference. functions/progress/lookup.ts.
ALTER TABLE leads ADD COLUMN lookup_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN lookup_failed_at TEXT;
