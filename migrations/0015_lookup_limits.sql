-- Progress look-ups (functions/progress/lookup.ts). `lookup_failures_total`: wrong tails over the
-- lead's whole life, so ten guesses a day for the 180 days of retention (18 % of the 10,000 tails)
-- are not on offer; a right tail takes one back. `lookup_misses`: look-ups of a reference that names
-- no lead, counted in one row (no reference kept), so such a look-up writes as much as one of a
-- lead does and its time does not tell which references exist.
ALTER TABLE leads ADD COLUMN lookup_failures_total INTEGER NOT NULL DEFAULT 0;
CREATE TABLE lookup_misses (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  misses  INTEGER NOT NULL DEFAULT 0,
  last_at TEXT
);
INSERT INTO lookup_misses (id) VALUES (1);
