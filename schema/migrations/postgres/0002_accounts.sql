-- Sign-in secrets, sessions and API tokens. Mutable, erasable state kept out
-- of the event log on purpose: a password hash or a session must be possible
-- to delete for good (revFADP), and an immutable log cannot forget.

CREATE TABLE credentials (
    person_id     UUID PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only a SHA-256 of the session token is stored: a copy of this table does
-- not let anyone sign in.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    person_id   UUID NOT NULL,
    csrf_token  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    person_id    UUID NOT NULL,
    name         TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    roles        JSONB NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE INDEX api_tokens_person ON api_tokens (person_id, created_at);
