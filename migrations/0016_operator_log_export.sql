-- An export of leads (the inbox's CSV) is in the operator log too, with how many leads it held: a
-- file of customers' data leaves the reach of retention and deletion, so who took one and when is
-- kept. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the action.
CREATE TABLE operator_log_new (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('add-staff', 'disable-staff', 'setup-link', 'revoke-session', 'forget-customer',
                                            'add-passkey', 'remove-passkey', 'complete-setup', 'export-leads')),
  detail     TEXT
);
INSERT INTO operator_log_new (id, at, staff_id, staff_name, action, detail)
  SELECT id, at, staff_id, staff_name, action, detail FROM operator_log;
DROP TABLE operator_log;
ALTER TABLE operator_log_new RENAME TO operator_log;
CREATE INDEX operator_log_at ON operator_log (at);
