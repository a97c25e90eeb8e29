-- Single-use links of the account lifecycle: an invitation to set a first
-- password, and a password reset. Like sessions, only a SHA-256 of the
-- link's secret is stored, so a copy of this table opens no account; a link
-- is used at most once (`used_at`) and only until it expires.

CREATE TABLE account_links (
    token_hash  TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    person_id   UUID NOT NULL,
    email       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE INDEX account_links_person ON account_links (person_id, purpose);
