-- The cohort is versioned (issue 21): a change to a nominal, order, provision, contact plan or
-- schedule never overwrites. `records` keeps the version in force now (its number in
-- `version`); `record_versions` keeps every version, with who made it, when and why.
-- Records held before this schema become version 1, made by nobody known at time 0.
ALTER TABLE records ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE record_versions (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version BIGINT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units (id),
    nominal_id TEXT NOT NULL,
    body TEXT NOT NULL,
    changed_by TEXT,
    changed_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
);
CREATE INDEX record_versions_by_nominal ON record_versions (nominal_id, changed_at);

INSERT INTO record_versions (kind, id, version, unit_id, nominal_id, body, changed_by, changed_at, reason)
SELECT kind, id, 1, unit_id, nominal_id, body, NULL, 0, 'Held before versions were kept'
FROM records
WHERE kind IN ('nominal', 'order', 'condition', 'contact_plan', 'schedule');
