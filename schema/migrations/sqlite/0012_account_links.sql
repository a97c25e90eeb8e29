-- Single-use links of the account lifecycle (see the PostgreSQL migration):
-- only the hash of a link's secret is stored.

CREATE TABLE account_links (
    token_hash  TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    person_id   TEXT NOT NULL,
    email       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
) WITHOUT ROWID;

CREATE INDEX account_links_person ON account_links (person_id, purpose);
