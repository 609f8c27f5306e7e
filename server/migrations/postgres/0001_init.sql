-- SCPO Field team server, PostgreSQL schema 1. Times are Unix milliseconds (UTC).
-- A random id of this database, made at first start: a cursor from another database means resync.
CREATE TABLE server_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE officers (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor')),
    created_at BIGINT NOT NULL
);

-- A phone enrolled for one officer. Only the SHA-256 of its credential is kept.
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    credential_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    enrolled_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_seen_at BIGINT,
    last_push_at BIGINT,
    last_pull_at BIGINT,
    waiting_reported BIGINT
);

-- One-time enrolment codes: a public part to find the code, a secret part kept hashed.
CREATE TABLE enrolment_codes (
    code_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    failed_attempts BIGINT NOT NULL DEFAULT 0
);

-- Which officer holds each nominal now.
CREATE TABLE assignments (
    nominal_id TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    assigned_at BIGINT NOT NULL
);

-- Every record the unit holds, master data and field records alike, as the domain's JSON.
-- `seq` is the change-log position of its latest change: a pull sends what changed after a cursor.
CREATE TABLE records (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units (id),
    nominal_id TEXT NOT NULL,
    body TEXT NOT NULL,
    seq BIGINT NOT NULL,
    author_officer_id TEXT,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_by_nominal_seq ON records (nominal_id, seq);
CREATE INDEX records_by_seq ON records (seq);

-- The change-log counter. Incrementing its one row takes the write lock, so changes commit in
-- the order of their numbers and a pull never skips one still being written.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- Every outbox entry ever received, by the phone's UUID: a retried push is answered from here.
-- Written in the same transaction as the record it brought.
CREATE TABLE processed_entries (
    uuid TEXT PRIMARY KEY,
    device_id TEXT NOT NULL REFERENCES devices (id),
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    accepted BOOLEAN NOT NULL,
    reason TEXT,
    received_at BIGINT NOT NULL
);

-- Entries the server refused, kept whole for the supervisor: nothing is dropped.
CREATE TABLE rejected_entries (
    uuid TEXT PRIMARY KEY REFERENCES processed_entries (uuid),
    officer_id TEXT NOT NULL,
    body TEXT NOT NULL,
    reason TEXT NOT NULL
);

-- The Data Protection Act 2018 s.62 log: append only (no update or delete anywhere in the code).
CREATE TABLE audit_log (
    seq BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    device_id TEXT,
    action TEXT NOT NULL CHECK (action IN ('consulted', 'created', 'altered', 'disclosed', 'erased')),
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    nominal_id TEXT
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
