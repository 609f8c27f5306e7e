-- An outbox entry's UUID is remembered per officer: another officer's phone that sends an entry
-- under a UUID already used gets a rejection of its own, never the first officer's answer. Each
-- entry also keeps the SHA-256 of the entry as received, so the same UUID on another record is
-- never answered "accepted" for a record not stored (rows from before have none: their first
-- answer stands). Existing rows keep their officer, from the device that sent them.
ALTER TABLE rejected_entries RENAME TO rejected_entries_old;
ALTER TABLE processed_entries RENAME TO processed_entries_old;

CREATE TABLE processed_entries (
    uuid TEXT NOT NULL,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    accepted BOOLEAN NOT NULL,
    reason TEXT,
    received_at BIGINT NOT NULL,
    entry_sha256 TEXT,
    PRIMARY KEY (uuid, officer_id)
);
INSERT INTO processed_entries (uuid, officer_id, device_id, kind, record_id, accepted, reason, received_at)
SELECT p.uuid, d.officer_id, p.device_id, p.kind, p.record_id, p.accepted, p.reason, p.received_at
FROM processed_entries_old p JOIN devices d ON d.id = p.device_id;

CREATE TABLE rejected_entries (
    uuid TEXT NOT NULL,
    officer_id TEXT NOT NULL,
    body TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (uuid, officer_id),
    FOREIGN KEY (uuid, officer_id) REFERENCES processed_entries (uuid, officer_id)
);
INSERT INTO rejected_entries (uuid, officer_id, body, reason)
SELECT r.uuid, p.officer_id, r.body, r.reason
FROM rejected_entries_old r JOIN processed_entries p ON p.uuid = r.uuid;

DROP TABLE rejected_entries_old;
DROP TABLE processed_entries_old;

-- Failed enrolments per network address in its current 15-minute window (PROTOCOL.md,
-- Enrolment), kept here so a restart forgets none. A row whose window is over is deleted at the
-- next failure from any address. The address is never logged.
CREATE TABLE enrolment_failures (
    address TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures BIGINT NOT NULL
);
CREATE INDEX enrolment_failures_by_window ON enrolment_failures (window_start);
