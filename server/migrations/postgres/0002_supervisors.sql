-- Supervisors sign in with passkeys; sessions are kept server-side (the cookie holds a random
-- token whose SHA-256 is stored here).
CREATE TABLE passkeys (
    credential_id TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    passkey TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL REFERENCES officers (id),
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX sessions_by_officer ON sessions (officer_id);
