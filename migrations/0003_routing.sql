-- Which route a lead took, and the recipients a delivery goes to when its route names them.
ALTER TABLE leads ADD COLUMN route TEXT;
ALTER TABLE deliveries ADD COLUMN recipients TEXT; -- JSON array, or NULL for the channel's own settings
-- When a pending delivery is next due (queued now, or after a retry delay): the sweep re-queues
-- deliveries well past due, whose message was lost.
ALTER TABLE deliveries ADD COLUMN due_at TEXT;
