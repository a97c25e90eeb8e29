//! Reading streams, the log.

use sqlx::Row;
use sqlx::postgres::PgRow;

use super::PgEventStore;
use crate::error::StoreError;
use crate::event::{EventMetadata, LogCursor, RecordedEvent, StreamRef};

/// The columns `event_from_row` reads, for `concat!` into static queries.
macro_rules! event_columns {
    () => {
        "e.position, e.tx_id::text::bigint AS tx, e.event_id, e.tenant_id, e.stream_type, \
         e.stream_id, e.stream_version, e.event_type, e.schema_version, e.payload, e.actor, \
         e.correlation_id, e.causation_id, e.idempotency_key, e.recorded_at"
    };
}
pub(super) use event_columns;

pub(super) fn event_from_row(
    store: &PgEventStore,
    row: &PgRow,
) -> Result<RecordedEvent, StoreError> {
    let stream_type: String = row.try_get("stream_type")?;
    let event_type: String = row.try_get("event_type")?;
    let stored_version: i32 = row.try_get("schema_version")?;
    let stored_version = u32::try_from(stored_version)
        .map_err(|_| StoreError::Corrupt(format!("schema version {stored_version}")))?;
    let payload: serde_json::Value = row.try_get("payload")?;
    let (schema_version, payload) =
        store
            .upcaster
            .upcast(&stream_type, &event_type, stored_version, payload)?;
    let position: i64 = row.try_get("position")?;
    let stream_version: i64 = row.try_get("stream_version")?;
    Ok(RecordedEvent {
        position,
        cursor: LogCursor {
            tx: row.try_get("tx")?,
            position,
        },
        event_id: row.try_get("event_id")?,
        stream: StreamRef {
            tenant: row.try_get("tenant_id")?,
            stream_type,
            stream_id: row.try_get("stream_id")?,
        },
        stream_version: u64::try_from(stream_version)
            .map_err(|_| StoreError::Corrupt(format!("stream version {stream_version}")))?,
        event_type,
        schema_version,
        payload,
        metadata: EventMetadata {
            actor: row.try_get("actor")?,
            correlation_id: row.try_get("correlation_id")?,
            causation_id: row.try_get("causation_id")?,
            idempotency_key: row.try_get("idempotency_key")?,
        },
        recorded_at: row.try_get("recorded_at")?,
    })
}

pub(super) fn to_i64(value: u64) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| StoreError::InvalidRequest(format!("{value} is out of range")))
}

pub(super) fn limit(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(super) async fn read_stream(
    store: &PgEventStore,
    stream: &StreamRef,
    after_version: u64,
) -> Result<Vec<RecordedEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e \
         WHERE e.stream_type = $1 AND e.stream_id = $2 AND e.stream_version > $3 \
         ORDER BY e.stream_version"
    );
    let rows = sqlx::query(SQL)
        .bind(&stream.stream_type)
        .bind(&stream.stream_id)
        .bind(to_i64(after_version)?)
        .fetch_all(&store.pool)
        .await?;
    rows.iter().map(|row| event_from_row(store, row)).collect()
}

/// Takes only rows of transactions older than the oldest one still running
/// (`pg_snapshot_xmin`): every transaction that could still commit a row has
/// a transaction id at or above that horizon, so once a reader has passed a
/// `(tx_id, position)` no row can ever appear behind it.
pub(super) async fn read_all(
    store: &PgEventStore,
    after: LogCursor,
    max: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events_after($1::bigint::text::xid8, $2, $3) e"
    );
    let rows = sqlx::query(SQL)
        .bind(after.tx)
        .bind(after.position)
        .bind(limit(max))
        .fetch_all(&store.pool)
        .await?;
    rows.iter().map(|row| event_from_row(store, row)).collect()
}
