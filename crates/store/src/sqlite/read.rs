//! Reading streams, the log on SQLite.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;
use uuid::Uuid;

use super::SqliteEventStore;
use crate::error::StoreError;
use crate::event::{EventMetadata, LogCursor, RecordedEvent, StreamRef};

macro_rules! event_columns {
    () => {
        "e.position, e.event_id, e.tenant_id, e.stream_type, e.stream_id, e.stream_version, \
         e.event_type, e.schema_version, e.payload, e.actor, e.correlation_id, e.causation_id, \
         e.idempotency_key, e.recorded_at"
    };
}
pub(super) use event_columns;

/// Timestamps are stored as RFC 3339 text with microseconds, which sorts.
pub(super) fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn uuid(text: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(text).map_err(|error| StoreError::Corrupt(format!("uuid {text}: {error}")))
}

pub(super) fn event_from_row(
    store: &SqliteEventStore,
    row: &SqliteRow,
) -> Result<RecordedEvent, StoreError> {
    let stream_type: String = row.try_get("stream_type")?;
    let event_type: String = row.try_get("event_type")?;
    let stored_version: i64 = row.try_get("schema_version")?;
    let stored_version = u32::try_from(stored_version)
        .map_err(|_| StoreError::Corrupt(format!("schema version {stored_version}")))?;
    let payload_text: &str = row.try_get("payload")?;
    let payload: serde_json::Value = serde_json::from_str(payload_text)
        .map_err(|error| StoreError::Corrupt(format!("payload: {error}")))?;
    let (schema_version, payload) =
        store
            .upcaster
            .upcast(&stream_type, &event_type, stored_version, payload)?;
    let position: i64 = row.try_get("position")?;
    let stream_version: i64 = row.try_get("stream_version")?;
    let recorded_at: &str = row.try_get("recorded_at")?;
    let causation: Option<&str> = row.try_get("causation_id")?;
    Ok(RecordedEvent {
        position,
        cursor: LogCursor { tx: 0, position },
        event_id: uuid(row.try_get("event_id")?)?,
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
            correlation_id: uuid(row.try_get("correlation_id")?)?,
            causation_id: causation.map(uuid).transpose()?,
            idempotency_key: row.try_get("idempotency_key")?,
        },
        recorded_at: DateTime::parse_from_rfc3339(recorded_at)
            .map_err(|error| StoreError::Corrupt(format!("recorded_at {recorded_at}: {error}")))?
            .with_timezone(&Utc),
    })
}

pub(super) fn to_i64(value: u64) -> Result<i64, StoreError> {
    i64::try_from(value).map_err(|_| StoreError::InvalidRequest(format!("{value} is out of range")))
}

pub(super) fn limit(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(super) async fn read_stream(
    store: &SqliteEventStore,
    stream: &StreamRef,
    after_version: u64,
) -> Result<Vec<RecordedEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.stream_type = ? AND e.stream_id = ? AND e.stream_version > ? \
          ORDER BY e.stream_version"
    );
    let rows = sqlx::query(SQL)
        .bind(&stream.stream_type)
        .bind(&stream.stream_id)
        .bind(to_i64(after_version)?)
        .fetch_all(&store.reader)
        .await?;
    rows.iter().map(|row| event_from_row(store, row)).collect()
}

/// With a single writer, position order is commit order: a reader can
/// simply continue after the last position it saw.
pub(super) async fn read_all(
    store: &SqliteEventStore,
    after: LogCursor,
    max: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.position > ? ORDER BY e.position LIMIT ?"
    );
    let rows = sqlx::query(SQL)
        .bind(after.position)
        .bind(limit(max))
        .fetch_all(&store.reader)
        .await?;
    rows.iter().map(|row| event_from_row(store, row)).collect()
}
