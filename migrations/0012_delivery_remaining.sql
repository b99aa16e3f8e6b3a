-- Who a retry still has to reach after a partial delivery (some of an SMS batch's numbers, some
-- addresses of the send_email binding), kept apart from `recipients` — the route's own list, which
-- a cancel notice copies: it must go to everyone the lead went to, not only those a retry was for.
ALTER TABLE deliveries ADD COLUMN remaining TEXT;
