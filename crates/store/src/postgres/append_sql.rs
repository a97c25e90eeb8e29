//! The statements of an append on PostgreSQL.

/// The stream's current version, for the statements below.
macro_rules! current_version {
    () => {
        "(SELECT COALESCE(MAX(stream_version), 0) AS version \
          FROM events WHERE stream_type = $1 AND stream_id = $2) AS current"
    };
}

/// The columns of an inserted event that its `RecordedEvent` needs.
macro_rules! returning {
    () => {
        " RETURNING position, tx_id::text::bigint AS tx, stream_version, recorded_at"
    };
}

/// One event without an idempotency key, the commonest command: a plain
/// `INSERT … SELECT` with scalar parameters, inserting nothing when the
/// stream is not at the expected version (`$4`, negative for any).
pub(super) const APPEND_ONE: &str = concat!(
    "INSERT INTO events (event_id, tenant_id, stream_type, stream_id, stream_version, \
         event_type, schema_version, payload, actor, correlation_id, causation_id) \
     SELECT $5, $3, $1, $2, current.version + 1, $6, $7, $8::json, $9, $10, $11 FROM ",
    current_version!(),
    " WHERE $4::bigint < 0 OR current.version = $4::bigint",
    returning!()
);

/// Several events without an idempotency key, passed as arrays.
pub(super) const APPEND_MANY: &str = concat!(
    "INSERT INTO events (event_id, tenant_id, stream_type, stream_id, stream_version, \
         event_type, schema_version, payload, actor, correlation_id, causation_id) \
     SELECT e.event_id, $3, $1, $2, current.version + e.ord, e.event_type, e.schema_version, \
            e.payload::json, $9, $10, $11 FROM ",
    current_version!(),
    ", unnest($5::uuid[], $6::text[], $7::int4[], $8::text[]) \
         WITH ORDINALITY AS e(event_id, event_type, schema_version, payload, ord) \
     WHERE $4::bigint < 0 OR current.version = $4::bigint",
    returning!()
);

/// Events with an idempotency key: checks the version, records the key and
/// inserts the events in one statement, inserting nothing when the version
/// does not match or the key was already used. Kept apart from the keyless
/// statements because planning the key's insert costs even when it inserts
/// nothing.
pub(super) const APPEND_WITH_KEY: &str = concat!(
    "WITH allowed AS (SELECT current.version FROM ",
    current_version!(),
    " WHERE $4::bigint < 0 OR current.version = $4::bigint), \
     idem AS ( \
         INSERT INTO idempotency_keys (tenant_id, key, stream_type, stream_id, first_version, last_version) \
         SELECT $3, $12, $1, $2, version + 1, version + cardinality($5::uuid[]) FROM allowed \
         ON CONFLICT DO NOTHING RETURNING 1) \
     INSERT INTO events (event_id, tenant_id, stream_type, stream_id, stream_version, \
         event_type, schema_version, payload, actor, correlation_id, causation_id, idempotency_key) \
     SELECT e.event_id, $3, $1, $2, allowed.version + e.ord, e.event_type, e.schema_version, \
            e.payload::json, $9, $10, $11, $12 \
     FROM allowed, unnest($5::uuid[], $6::text[], $7::int4[], $8::text[]) \
         WITH ORDINALITY AS e(event_id, event_type, schema_version, payload, ord) \
     WHERE EXISTS (SELECT 1 FROM idem)",
    returning!()
);

/// Serialises transactions that touch the same read-model documents, whether
/// or not the documents exist yet. Locks are taken in hash order, so two
/// appends never wait for each other's locks crosswise.
pub(super) const LOCK_DOCS: &str = "
SELECT pg_advisory_xact_lock(h)
FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS keys";
