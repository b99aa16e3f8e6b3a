-- A user changes their own password on the account page (functions/staff/password-change.ts), which
-- ends their other sessions; the operator log records it like the rest. SQLite cannot change a CHECK
-- constraint in place, so the table is rebuilt with the action (as 0016 and 0020 did).
CREATE TABLE operator_log_new (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('add-staff', 'disable-staff', 'setup-link', 'revoke-session', 'forget-customer',
                                            'add-passkey', 'remove-passkey', 'complete-setup', 'export-leads',
                                            'enable-staff', 'change-password')),
  detail     TEXT
);
INSERT INTO operator_log_new (id, at, staff_id, staff_name, action, detail)
  SELECT id, at, staff_id, staff_name, action, detail FROM operator_log;
DROP TABLE operator_log;
ALTER TABLE operator_log_new RENAME TO operator_log;
CREATE INDEX operator_log_at ON operator_log (at);
