-- The event log. SQLite has a single writer, so position (rowid) order is
-- commit order and tailing readers cannot skip a late commit.
CREATE TABLE events (
    position        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT NOT NULL UNIQUE,
    tenant_id       TEXT NOT NULL,
    stream_type     TEXT NOT NULL,
    stream_id       TEXT NOT NULL,
    stream_version  INTEGER NOT NULL CHECK (stream_version > 0),
    event_type      TEXT NOT NULL,
    schema_version  INTEGER NOT NULL CHECK (schema_version > 0),
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    actor           TEXT NOT NULL,
    correlation_id  TEXT NOT NULL,
    causation_id    TEXT,
    idempotency_key TEXT,
    recorded_at     TEXT NOT NULL,
    UNIQUE (stream_type, stream_id, stream_version)
);

CREATE TABLE idempotency_keys (
    tenant_id     TEXT NOT NULL,
    key           TEXT NOT NULL,
    stream_type   TEXT NOT NULL,
    stream_id     TEXT NOT NULL,
    first_version INTEGER NOT NULL,
    last_version  INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;

CREATE TABLE read_models (
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    tenant_id  TEXT,
    sort_key   TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (json_valid(body)),
    PRIMARY KEY (collection, id)
) WITHOUT ROWID;

CREATE INDEX read_models_listing ON read_models (collection, tenant_id, sort_key, id);
CREATE INDEX read_models_order ON read_models (collection, sort_key, id);

CREATE TABLE checkpoints (
    name       TEXT PRIMARY KEY,
    tx_id      INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
