//! Appending on SQLite: one `BEGIN IMMEDIATE` transaction on the single
//! writer connection, so the version check and the insert cannot interleave
//! with another writer, even one in another process.

use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection, Transaction};

use super::read::{event_columns, event_from_row, now_text, to_i64};
use super::{SqliteEventStore, docs};
use crate::docs::{DocSet, InlineProjector};
use crate::error::StoreError;
use crate::event::{AppendOutcome, AppendRequest, Assigned, ExpectedVersion, LogCursor};
use crate::generation::ReadModels;

/// Rows per INSERT statement: 13 parameters each stays far below SQLite's
/// limit of 32 766 parameters.
const ROWS_PER_INSERT: usize = 100;

pub(super) async fn begin(
    store: &SqliteEventStore,
) -> Result<Transaction<'static, Sqlite>, StoreError> {
    Ok(store.writer.begin_with("BEGIN IMMEDIATE").await?)
}

pub(super) async fn append(
    store: &SqliteEventStore,
    request: AppendRequest,
    projector: &dyn InlineProjector,
) -> Result<AppendOutcome, StoreError> {
    if request.events.is_empty() {
        return Err(StoreError::InvalidRequest(
            "an append needs at least one event".to_owned(),
        ));
    }
    let projected = projector.handles(&request.stream.stream_type);
    let mut tx = begin(store).await?;
    if let Some(outcome) = deduplicated(store, &mut tx, &request).await? {
        tx.rollback().await?;
        return Ok(outcome);
    }
    let current: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_type = ? AND stream_id = ?",
    )
    .bind(&request.stream.stream_type)
    .bind(&request.stream.stream_id)
    .fetch_one(&mut *tx)
    .await?;
    let current = u64::try_from(current)
        .map_err(|_| StoreError::Corrupt(format!("stream version {current}")))?;
    let matches = match request.expected {
        ExpectedVersion::Any => true,
        ExpectedVersion::NoStream => current == 0,
        ExpectedVersion::Exact(version) => current == version,
    };
    if !matches {
        tx.rollback().await?;
        return Err(StoreError::Conflict {
            stream: request.stream.clone(),
            expected: request.expected,
            actual: current,
        });
    }
    let assigned = insert(&mut tx, &request, current).await?;
    let recorded = request.into_recorded(&assigned)?;
    if projected {
        let keys = projector.keys(&recorded)?;
        let loaded = docs::load(&mut tx, &keys).await?;
        let mut set = DocSet::loaded(keys, loaded);
        projector.apply(&mut set, &recorded)?;
        docs::write(&mut tx, ReadModels::Live, set.take_writes()?).await?;
    }
    tx.commit().await?;
    Ok(AppendOutcome {
        stream_version: current + recorded.len() as u64,
        events: recorded,
        deduplicated: false,
    })
}

async fn insert(
    conn: &mut SqliteConnection,
    request: &AppendRequest,
    current: u64,
) -> Result<Vec<Assigned>, StoreError> {
    let recorded_at_text = now_text();
    let recorded_at = chrono::DateTime::parse_from_rfc3339(&recorded_at_text)
        .map_err(|error| StoreError::Corrupt(error.to_string()))?
        .with_timezone(&chrono::Utc);
    let meta = &request.metadata;
    let correlation = meta.correlation_id.to_string();
    let causation = meta.causation_id.map(|id| id.to_string());
    let mut assigned = Vec::with_capacity(request.events.len());
    let tenant = request.stream.tenant.as_str();
    let mut first_version = current + 1;
    // One multi-row INSERT per chunk: a statement per event costs most of a
    // batched append's time.
    for chunk in request.events.chunks(ROWS_PER_INSERT) {
        let payloads = chunk
            .iter()
            .map(|event| serde_json::to_string(&event.payload))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
        let mut insert = QueryBuilder::<Sqlite>::new(
            "INSERT INTO events (event_id, tenant_id, stream_type, stream_id, stream_version, \
             event_type, schema_version, payload, actor, correlation_id, causation_id, \
             idempotency_key, recorded_at) ",
        );
        let mut version = first_version;
        let mut rows = Vec::with_capacity(chunk.len());
        for (event, payload) in chunk.iter().zip(payloads) {
            rows.push((event, payload, to_i64(version)?));
            version += 1;
        }
        insert.push_values(rows, |mut row, (event, payload, version)| {
            row.push_bind(event.event_id.to_string())
                .push_bind(tenant)
                .push_bind(request.stream.stream_type.as_str())
                .push_bind(request.stream.stream_id.as_str())
                .push_bind(version)
                .push_bind(event.event_type.as_str())
                .push_bind(i64::from(event.schema_version))
                .push_bind(payload)
                .push_bind(meta.actor.as_str())
                .push_bind(correlation.as_str())
                .push_bind(causation.as_deref())
                .push_bind(meta.idempotency_key.as_deref())
                .push_bind(recorded_at_text.as_str());
        });
        insert.push(" RETURNING position, stream_version");
        let mut inserted: Vec<(i64, i64)> = insert.build_query_as().fetch_all(&mut *conn).await?;
        // RETURNING promises no order.
        inserted.sort_by_key(|(_, version)| *version);
        for (position, stream_version) in inserted {
            assigned.push(Assigned {
                cursor: LogCursor { tx: 0, position },
                stream_version: u64::try_from(stream_version)
                    .map_err(|_| StoreError::Corrupt(format!("stream version {stream_version}")))?,
                recorded_at,
            });
        }
        first_version = version;
    }
    if let Some(key) = &meta.idempotency_key {
        sqlx::query(
            "INSERT INTO idempotency_keys (tenant_id, key, stream_type, stream_id, first_version, last_version, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&request.stream.tenant)
        .bind(key)
        .bind(&request.stream.stream_type)
        .bind(&request.stream.stream_id)
        .bind(to_i64(current + 1)?)
        .bind(to_i64(current + request.events.len() as u64)?)
        .bind(&recorded_at_text)
        .execute(&mut *conn)
        .await?;
    }
    Ok(assigned)
}

async fn deduplicated(
    store: &SqliteEventStore,
    conn: &mut SqliteConnection,
    request: &AppendRequest,
) -> Result<Option<AppendOutcome>, StoreError> {
    match request.metadata.idempotency_key.as_deref() {
        Some(key) => idempotent_outcome(store, conn, &request.stream.tenant, key).await,
        None => Ok(None),
    }
}

/// When the key was used before: the original outcome.
pub(super) async fn idempotent_outcome(
    store: &SqliteEventStore,
    conn: &mut SqliteConnection,
    tenant: &str,
    key: &str,
) -> Result<Option<AppendOutcome>, StoreError> {
    let row = sqlx::query(
        "SELECT stream_type, stream_id, first_version, last_version FROM idempotency_keys \
         WHERE tenant_id = ? AND key = ?",
    )
    .bind(tenant)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    const ORIGINAL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.stream_type = ? AND e.stream_id = ? \
          AND e.stream_version BETWEEN ? AND ? ORDER BY e.stream_version"
    );
    let last: i64 = row.try_get("last_version")?;
    let events = sqlx::query(ORIGINAL)
        .bind(row.try_get::<String, _>("stream_type")?)
        .bind(row.try_get::<String, _>("stream_id")?)
        .bind(row.try_get::<i64, _>("first_version")?)
        .bind(last)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| event_from_row(store, row))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(AppendOutcome {
        stream_version: u64::try_from(last).unwrap_or_default(),
        events,
        deduplicated: true,
    }))
}
