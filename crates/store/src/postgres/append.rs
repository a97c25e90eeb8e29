//! Appending: one statement on the fast path, one transaction with document
//! locks when inline projections are involved.

use chrono::Utc;
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, Row};
use uuid::Uuid;

use super::append_sql::{APPEND_MANY, APPEND_ONE, APPEND_WITH_KEY, LOCK_DOCS};
use super::read::{event_columns, event_from_row};
use super::{PgEventStore, docs};
use crate::docs::{DocSet, InlineProjector};
use crate::error::StoreError;
use crate::event::{
    AppendOutcome, AppendRequest, Assigned, ExpectedVersion, LogCursor, RecordedEvent,
};
use crate::generation::ReadModels;

const EVENTS_STREAM_VERSION_KEY: &str = "events_stream_version_key";

/// Appends with `Any` retry this often when concurrent appends race.
const ANY_RETRIES: usize = 10;

pub(super) async fn append(
    store: &PgEventStore,
    request: AppendRequest,
    projector: &dyn InlineProjector,
) -> Result<AppendOutcome, StoreError> {
    if request.events.is_empty() {
        return Err(StoreError::InvalidRequest(
            "an append needs at least one event".to_owned(),
        ));
    }
    if let Some(outcome) = deduplicated(store, &request).await? {
        return Ok(outcome);
    }
    let mut attempt = 0;
    loop {
        attempt += 1;
        let result = if projector.handles(&request.stream.stream_type) {
            append_projected(store, &request, projector).await
        } else {
            let mut conn = store.pool.acquire().await?;
            match insert(&mut conn, &request).await {
                // The request is not needed any more: move it into the
                // recorded events instead of cloning payloads.
                Ok(Some(inserted)) => return into_outcome(request, &inserted),
                other => other.map(|_| None),
            }
        };
        match result {
            Ok(Some(recorded)) => {
                return Ok(AppendOutcome {
                    stream_version: recorded.last().map_or(0, |event| event.stream_version),
                    events: recorded,
                    deduplicated: false,
                });
            }
            Ok(None) => return refused(store, &request).await,
            Err(StoreError::Database(error)) if is_version_race(&error) => {
                if request.expected == ExpectedVersion::Any && attempt < ANY_RETRIES {
                    continue;
                }
                if let Some(outcome) = deduplicated(store, &request).await? {
                    return Ok(outcome);
                }
                return Err(conflict(store, &request).await?);
            }
            Err(error) => return Err(error),
        }
    }
}

fn is_version_race(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.constraint())
        .is_some_and(|constraint| constraint == EVENTS_STREAM_VERSION_KEY)
}

/// Runs the append statement; `None` when the version or key refused it.
/// The result is in stream-version order, like `request.events`.
async fn insert(
    conn: &mut PgConnection,
    request: &AppendRequest,
) -> Result<Option<Vec<Assigned>>, StoreError> {
    let events = &request.events;
    let meta = &request.metadata;
    let stream = &request.stream;
    let rows = match (events.as_slice(), meta.idempotency_key.as_deref()) {
        ([event], None) => {
            sqlx::query(APPEND_ONE)
                .bind(&stream.stream_type)
                .bind(&stream.stream_id)
                .bind(&stream.tenant)
                .bind(request.expected.as_sql())
                .bind(event.event_id)
                .bind(&event.event_type)
                .bind(schema_version(event)?)
                .bind(payload_text(&event.payload)?)
                .bind(&meta.actor)
                .bind(meta.correlation_id)
                .bind(meta.causation_id)
                .fetch_all(&mut *conn)
                .await?
        }
        (_, key) => {
            let ids: Vec<Uuid> = events.iter().map(|event| event.event_id).collect();
            let types: Vec<&str> = events
                .iter()
                .map(|event| event.event_type.as_str())
                .collect();
            let versions = events
                .iter()
                .map(schema_version)
                .collect::<Result<Vec<i32>, _>>()?;
            let payloads = events
                .iter()
                .map(|event| payload_text(&event.payload))
                .collect::<Result<Vec<String>, _>>()?;
            let query = sqlx::query(if key.is_some() {
                APPEND_WITH_KEY
            } else {
                APPEND_MANY
            })
            .bind(&stream.stream_type)
            .bind(&stream.stream_id)
            .bind(&stream.tenant)
            .bind(request.expected.as_sql())
            .bind(&ids)
            .bind(&types)
            .bind(&versions)
            .bind(&payloads)
            .bind(&meta.actor)
            .bind(meta.correlation_id)
            .bind(meta.causation_id);
            let query = match key {
                Some(key) => query.bind(key),
                None => query,
            };
            query.fetch_all(&mut *conn).await?
        }
    };
    if rows.is_empty() {
        return Ok(None);
    }
    let mut inserted = rows.iter().map(inserted).collect::<Result<Vec<_>, _>>()?;
    // RETURNING promises no order.
    inserted.sort_by_key(|event| event.stream_version);
    Ok(Some(inserted))
}

fn inserted(row: &PgRow) -> Result<Assigned, StoreError> {
    let position: i64 = row.try_get("position")?;
    let stream_version: i64 = row.try_get("stream_version")?;
    Ok(Assigned {
        cursor: LogCursor {
            tx: row.try_get("tx")?,
            position,
        },
        stream_version: u64::try_from(stream_version)
            .map_err(|_| StoreError::Corrupt(format!("stream version {stream_version}")))?,
        recorded_at: row.try_get("recorded_at")?,
    })
}

/// The outcome of a successful append, built by moving the request's events
/// into the recorded ones.
fn into_outcome(
    request: AppendRequest,
    inserted: &[Assigned],
) -> Result<AppendOutcome, StoreError> {
    let events = request.into_recorded(inserted)?;
    Ok(AppendOutcome {
        stream_version: events.last().map_or(0, |event| event.stream_version),
        events,
        deduplicated: false,
    })
}

/// The recorded events of a request still needed afterwards.
fn recorded(request: &AppendRequest, inserted: &[Assigned]) -> Vec<RecordedEvent> {
    request
        .events
        .iter()
        .zip(inserted)
        .map(|(event, at)| RecordedEvent {
            position: at.cursor.position,
            cursor: at.cursor,
            event_id: event.event_id,
            stream: request.stream.clone(),
            stream_version: at.stream_version,
            event_type: event.event_type.clone(),
            schema_version: event.schema_version,
            payload: event.payload.clone(),
            metadata: request.metadata.clone(),
            recorded_at: at.recorded_at,
        })
        .collect()
}

fn payload_text(payload: &serde_json::Value) -> Result<String, StoreError> {
    serde_json::to_string(payload).map_err(|error| StoreError::InvalidRequest(error.to_string()))
}

fn schema_version(event: &crate::event::NewEvent) -> Result<i32, StoreError> {
    i32::try_from(event.schema_version)
        .map_err(|_| StoreError::InvalidRequest("schema version out of range".to_owned()))
}

/// The append with inline projections: lock the documents, insert, load,
/// apply, write, commit.
async fn append_projected(
    store: &PgEventStore,
    request: &AppendRequest,
    projector: &dyn InlineProjector,
) -> Result<Option<Vec<RecordedEvent>>, StoreError> {
    // Keys depend on the events' content only, so they are known before the
    // insert and the locks can come first.
    let provisional: Vec<RecordedEvent> = request
        .events
        .iter()
        .map(|event| provisional(request, event))
        .collect();
    let keys = projector.keys(&provisional)?;
    let mut tx = store.pool.begin().await?;
    if !keys.is_empty() {
        let flat: Vec<String> = keys.iter().map(ToString::to_string).collect();
        sqlx::query(LOCK_DOCS)
            .bind(&flat)
            .execute(&mut *tx)
            .await
            .map_err(contention)?;
    }
    let Some(inserted) = insert(&mut tx, request).await? else {
        return Ok(None);
    };
    let recorded = recorded(request, &inserted);
    let loaded = docs::load(&mut tx, &keys).await?;
    let mut set = DocSet::loaded(keys, loaded);
    projector.apply(&mut set, &recorded)?;
    docs::write(&mut tx, ReadModels::Live, set.take_writes()?).await?;
    tx.commit().await?;
    Ok(Some(recorded))
}

fn provisional(request: &AppendRequest, event: &crate::event::NewEvent) -> RecordedEvent {
    RecordedEvent {
        position: 0,
        cursor: LogCursor::START,
        event_id: event.event_id,
        stream: request.stream.clone(),
        stream_version: 0,
        event_type: event.event_type.clone(),
        schema_version: event.schema_version,
        payload: event.payload.clone(),
        metadata: request.metadata.clone(),
        recorded_at: Utc::now(),
    }
}

/// A deadlock between lock waits is a contention the caller may retry.
fn contention(error: sqlx::Error) -> StoreError {
    let deadlock = error
        .as_database_error()
        .and_then(|db| db.code())
        .is_some_and(|code| code == "40P01");
    if deadlock {
        StoreError::Contention("read model documents".to_owned())
    } else {
        StoreError::Database(error)
    }
}

async fn deduplicated(
    store: &PgEventStore,
    request: &AppendRequest,
) -> Result<Option<AppendOutcome>, StoreError> {
    match request.metadata.idempotency_key.as_deref() {
        Some(key) => idempotent_outcome(store, &request.stream.tenant, key).await,
        None => Ok(None),
    }
}

/// When the key was used before: the original outcome.
pub(super) async fn idempotent_outcome(
    store: &PgEventStore,
    tenant: &str,
    key: &str,
) -> Result<Option<AppendOutcome>, StoreError> {
    let row = sqlx::query(
        "SELECT stream_type, stream_id, first_version, last_version FROM idempotency_keys \
         WHERE tenant_id = $1 AND key = $2",
    )
    .bind(tenant)
    .bind(key)
    .fetch_optional(&store.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    const ORIGINAL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.stream_type = $1 AND e.stream_id = $2 \
          AND e.stream_version BETWEEN $3 AND $4 ORDER BY e.stream_version"
    );
    let first: i64 = row.try_get("first_version")?;
    let last: i64 = row.try_get("last_version")?;
    let events = sqlx::query(ORIGINAL)
        .bind(row.try_get::<String, _>("stream_type")?)
        .bind(row.try_get::<String, _>("stream_id")?)
        .bind(first)
        .bind(last)
        .fetch_all(&store.pool)
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

async fn current_version(store: &PgEventStore, request: &AppendRequest) -> Result<u64, StoreError> {
    let version: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_type = $1 AND stream_id = $2",
    )
    .bind(&request.stream.stream_type)
    .bind(&request.stream.stream_id)
    .fetch_one(&store.pool)
    .await?;
    u64::try_from(version).map_err(|_| StoreError::Corrupt(format!("stream version {version}")))
}

async fn conflict(store: &PgEventStore, request: &AppendRequest) -> Result<StoreError, StoreError> {
    Ok(StoreError::Conflict {
        stream: request.stream.clone(),
        expected: request.expected,
        actual: current_version(store, request).await?,
    })
}

/// Nothing was inserted: either the key was used meanwhile or the version
/// did not match.
async fn refused(
    store: &PgEventStore,
    request: &AppendRequest,
) -> Result<AppendOutcome, StoreError> {
    if let Some(outcome) = deduplicated(store, request).await? {
        return Ok(outcome);
    }
    Err(conflict(store, request).await?)
}
