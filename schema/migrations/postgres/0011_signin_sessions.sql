-- Sign-in throttling and the session lifecycle (issue 15). Kept in the
-- database, not in memory, so every instance sees the same counts, locks
-- and sessions.

-- One row per throttle key: an account (a hash of the e-mail as typed, so
-- unknown e-mails are counted exactly like known ones) or a client address.
-- Every attempt counts, refused ones included; a success clears the
-- account's row.
CREATE TABLE signin_attempts (
    throttle_key    TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- A temporary lock of a person's account, kept until the person and their
-- tenant admins have been told (the notifier's scan sets notified_at).
CREATE TABLE signin_locks (
    id           UUID PRIMARY KEY,
    person_id    UUID NOT NULL,
    locked_at    TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ NOT NULL,
    notified_at  TIMESTAMPTZ
);

CREATE INDEX signin_locks_pending ON signin_locks (locked_at) WHERE notified_at IS NULL;

-- Idle timeout: the last time a session was used (moved at most once a
-- minute). Older sessions count from their creation.
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMPTZ;
UPDATE sessions SET last_seen_at = created_at;
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- API tokens may end on their own.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
