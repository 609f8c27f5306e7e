-- An outbox entry's UUID is remembered per officer: another officer's phone that sends an entry
-- under a UUID already used gets a rejection of its own, never the first officer's answer. Each
-- entry also keeps the SHA-256 of the entry as received, so the same UUID on another record is
-- never answered "accepted" for a record not stored (rows from before have none: their first
-- answer stands). Existing rows keep their officer, from the device that sent them.
ALTER TABLE processed_entries ADD COLUMN officer_id TEXT REFERENCES officers (id);
ALTER TABLE processed_entries ADD COLUMN entry_sha256 TEXT;
UPDATE processed_entries p SET officer_id = d.officer_id FROM devices d WHERE d.id = p.device_id;
ALTER TABLE processed_entries ALTER COLUMN officer_id SET NOT NULL;

ALTER TABLE rejected_entries DROP CONSTRAINT rejected_entries_uuid_fkey;
ALTER TABLE rejected_entries DROP CONSTRAINT rejected_entries_pkey;
ALTER TABLE processed_entries DROP CONSTRAINT processed_entries_pkey;
ALTER TABLE processed_entries ADD PRIMARY KEY (uuid, officer_id);
UPDATE rejected_entries r SET officer_id = p.officer_id FROM processed_entries p WHERE p.uuid = r.uuid;
ALTER TABLE rejected_entries ADD PRIMARY KEY (uuid, officer_id);
ALTER TABLE rejected_entries ADD FOREIGN KEY (uuid, officer_id) REFERENCES processed_entries (uuid, officer_id);

-- Failed enrolments per network address in its current 15-minute window (PROTOCOL.md,
-- Enrolment), kept here so a restart forgets none. A row whose window is over is deleted at the
-- next failure from any address. The address is never logged.
CREATE TABLE enrolment_failures (
    address TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures BIGINT NOT NULL
);
CREATE INDEX enrolment_failures_by_window ON enrolment_failures (window_start);
