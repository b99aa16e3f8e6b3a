-- A setup link used is in the operator log too: setting a password that way ends the user's other
-- sign-ins and removes their passkeys (a lost phone stops opening the inbox). SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt with the new action.
CREATE TABLE operator_log_new (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('add-staff', 'disable-staff', 'setup-link', 'revoke-session', 'forget-customer',
                                            'add-passkey', 'remove-passkey', 'complete-setup')),
  detail     TEXT
);
INSERT INTO operator_log_new (id, at, staff_id, staff_name, action, detail)
  SELECT id, at, staff_id, staff_name, action, detail FROM operator_log;
DROP TABLE operator_log;
ALTER TABLE operator_log_new RENAME TO operator_log;
CREATE INDEX operator_log_at ON operator_log (at);
