-- Sign-in secrets, sessions and API tokens: mutable, erasable state kept out
-- of the event log on purpose (see the PostgreSQL migration).

CREATE TABLE credentials (
    person_id     TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    person_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    roles        TEXT NOT NULL CHECK (json_valid(roles)),
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
) WITHOUT ROWID;

CREATE INDEX api_tokens_person ON api_tokens (person_id, created_at);
