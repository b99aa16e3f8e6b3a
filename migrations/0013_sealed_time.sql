-- The preferred visit time is free text (customers write 下午 6 点后打我爱人 139…): sealed like the
-- description from now on. `sealed_time` says a row's preferred_time is ciphertext; the rows before
-- it keep theirs in clear until the daily re-encryption seals it (functions/privacy/reseal.ts).
ALTER TABLE leads ADD COLUMN sealed_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lead_repeats ADD COLUMN sealed_time INTEGER NOT NULL DEFAULT 0;
