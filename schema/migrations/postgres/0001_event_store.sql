-- The event log. `position` is unique and grows in insertion order; `tx_id`
-- is the writing transaction, so readers can follow the log in
-- (tx_id, position) order without skipping rows of transactions that commit
-- late (see docs/architecture.md, "Reading the log without gaps").
CREATE TABLE events (
    position        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id           XID8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID NOT NULL UNIQUE,
    tenant_id       TEXT NOT NULL,
    stream_type     TEXT NOT NULL,
    stream_id       TEXT NOT NULL,
    stream_version  BIGINT NOT NULL CHECK (stream_version > 0),
    event_type      TEXT NOT NULL,
    schema_version  INTEGER NOT NULL CHECK (schema_version > 0),
    payload         JSONB NOT NULL,
    actor           TEXT NOT NULL,
    correlation_id  UUID NOT NULL,
    causation_id    UUID,
    idempotency_key TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT events_stream_version_key UNIQUE (stream_type, stream_id, stream_version)
);

CREATE INDEX events_log_order ON events (tx_id, position);
CREATE INDEX events_tenant ON events (tenant_id, position);

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

-- Events waiting to be published (relayed to NATS by the notifier). Written
-- in the append's transaction, so nothing committed is ever left unpublished.
CREATE TABLE outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position     BIGINT NOT NULL REFERENCES events (position),
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;

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
