-- Sign-in throttling and the session lifecycle (issue 15); see the
-- PostgreSQL migration.

CREATE TABLE signin_attempts (
    throttle_key    TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_attempt_at TEXT NOT NULL,
    locked_until    TEXT
) WITHOUT ROWID;

CREATE TABLE signin_locks (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL,
    locked_at    TEXT NOT NULL,
    locked_until TEXT NOT NULL,
    notified_at  TEXT
) WITHOUT ROWID;

CREATE INDEX signin_locks_pending ON signin_locks (locked_at) WHERE notified_at IS NULL;

ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
UPDATE sessions SET last_seen_at = created_at;
CREATE INDEX sessions_expiry ON sessions (expires_at);

ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
