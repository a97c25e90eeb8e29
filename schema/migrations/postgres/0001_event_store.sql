-- The event log. `position` comes from an identity sequence, so it is unique
-- and grows in insertion order; `tx_id` is the writing transaction, so
-- readers can follow the log in (tx_id, position) order without skipping rows
-- of transactions that commit late (see docs/architecture.md, "Reading the
-- log without gaps"). That order is the primary key.
-- Every index here costs each append, so there are only the two that reads
-- need: the log order and the stream key. Nothing looks events up by
-- `event_id` (a UUIDv7 made by the writer) or by position alone. Payloads
-- are `json`, not `jsonb`: the log is written once and read whole, never
-- searched by content, and `json` is stored and returned as the text it is,
-- where `jsonb` is converted both ways.
CREATE TABLE events (
    position        BIGINT GENERATED ALWAYS AS IDENTITY,
    tx_id           XID8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID NOT NULL,
    tenant_id       TEXT NOT NULL,
    stream_type     TEXT NOT NULL,
    stream_id       TEXT NOT NULL,
    stream_version  BIGINT NOT NULL CHECK (stream_version > 0),
    event_type      TEXT NOT NULL,
    schema_version  INTEGER NOT NULL CHECK (schema_version > 0),
    payload         JSON NOT NULL,
    actor           TEXT NOT NULL,
    correlation_id  UUID NOT NULL,
    causation_id    UUID,
    idempotency_key TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT events_log_order PRIMARY KEY (tx_id, position),
    CONSTRAINT events_stream_version_key UNIQUE (stream_type, stream_id, stream_version)
);

-- The log after a cursor, in log order, below the horizon of transactions
-- that may still commit (docs/architecture.md, "Reading the log without
-- gaps"). A function only to pin its plan to the log-order index: with stale
-- statistics (a freshly filled log) the planner otherwise picks a bitmap scan
-- of every later row and a sort, so each batch of a replay costs the whole
-- rest of the log.
CREATE FUNCTION events_after(after_tx XID8, after_position BIGINT, max_rows BIGINT)
RETURNS SETOF events
LANGUAGE sql STABLE
SET enable_sort = off
SET enable_bitmapscan = off
SET enable_seqscan = off
AS $$
    SELECT * FROM events
    WHERE (tx_id, position) > (after_tx, after_position)
      AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY tx_id, position
    LIMIT max_rows
$$;

-- One row per idempotency key used, pointing at the versions it appended.
CREATE TABLE idempotency_keys (
    tenant_id     TEXT NOT NULL,
    key           TEXT NOT NULL,
    stream_type   TEXT NOT NULL,
    stream_id     TEXT NOT NULL,
    first_version BIGINT NOT NULL,
    last_version  BIGINT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);

-- Read models: JSON documents maintained by projections.
CREATE TABLE read_models (
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    tenant_id  TEXT,
    sort_key   TEXT NOT NULL,
    body       JSONB NOT NULL,
    PRIMARY KEY (collection, id)
);

CREATE INDEX read_models_listing ON read_models (collection, tenant_id, sort_key, id);
CREATE INDEX read_models_order ON read_models (collection, sort_key, id);

-- How far each named consumer (projection, relay) has read the log.
CREATE TABLE checkpoints (
    name       TEXT PRIMARY KEY,
    tx_id      BIGINT NOT NULL,
    position   BIGINT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
