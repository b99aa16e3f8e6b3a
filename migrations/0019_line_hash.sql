-- A keyed hash of the phone with its extension (functions/privacy/keyring.ts lineHash): a post with an
-- extension merges only into an earlier lead of that very line, so two colleagues behind one office
-- number (0571-87776666转8001, 转8123) are two leads, each with the number to call back. phone_hash,
-- the number without its extension, still finds every lead of the office (filters, forgetting).
-- NULL for leads stored before it: a post with an extension never merges into one of those.
ALTER TABLE leads ADD COLUMN line_hash TEXT;
