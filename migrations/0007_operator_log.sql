-- What the operator's users did outside a lead, with who and when: staff added or disabled, setup
-- links made, sessions revoked, customers forgotten (the leads and their own log are gone then, so
-- the record of the deletion lives here). `detail` is never personal: a user's name, a count.
CREATE TABLE operator_log (
  id         TEXT PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   TEXT REFERENCES staff (id) ON DELETE SET NULL,
  staff_name TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('add-staff', 'disable-staff', 'setup-link', 'revoke-session', 'forget-customer',
                                            'add-passkey', 'remove-passkey')),
  detail     TEXT
);
CREATE INDEX operator_log_at ON operator_log (at);
