//! The envelope: what is stored around each domain event.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// Identifies one stream: an aggregate instance of a tenant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StreamRef {
    pub tenant: String,
    pub stream_type: String,
    pub stream_id: String,
}

impl StreamRef {
    pub fn new(
        tenant: impl Into<String>,
        stream_type: impl Into<String>,
        stream_id: impl Into<String>,
    ) -> Self {
        Self {
            tenant: tenant.into(),
            stream_type: stream_type.into(),
            stream_id: stream_id.into(),
        }
    }
}

impl fmt::Display for StreamRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.stream_type, self.stream_id)
    }
}

/// What the writer believes the stream's version to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedVersion {
    /// Append whatever the version; only for streams without invariants.
    Any,
    /// The stream must not exist yet.
    NoStream,
    /// The stream must be exactly at this version (number of events).
    Exact(u64),
}

impl ExpectedVersion {
    /// `-1` for `Any`, else the version; how the backends bind it.
    pub(crate) fn as_sql(self) -> i64 {
        match self {
            Self::Any => -1,
            Self::NoStream => 0,
            Self::Exact(version) => i64::try_from(version).unwrap_or(i64::MAX),
        }
    }
}

impl fmt::Display for ExpectedVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Any => f.write_str("any"),
            Self::NoStream => f.write_str("no stream"),
            Self::Exact(version) => write!(f, "{version}"),
        }
    }
}

/// Who did it and why; stored with every event of one command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMetadata {
    /// The person (or `system:…` process) whose command produced the event.
    pub actor: String,
    /// Shared by all events caused by one user request.
    pub correlation_id: Uuid,
    /// The event or request that caused this command, if any.
    pub causation_id: Option<Uuid>,
    /// A client-chosen key; an append with a key already used returns the
    /// original outcome instead of appending again.
    pub idempotency_key: Option<String>,
}

impl EventMetadata {
    pub fn new(actor: impl Into<String>) -> Self {
        Self {
            actor: actor.into(),
            correlation_id: Uuid::now_v7(),
            causation_id: None,
            idempotency_key: None,
        }
    }

    pub fn with_idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }
}

/// An event about to be appended.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub event_id: Uuid,
    pub event_type: String,
    pub schema_version: u32,
    pub payload: Value,
}

impl NewEvent {
    pub fn new(event_type: impl Into<String>, schema_version: u32, payload: Value) -> Self {
        Self {
            event_id: Uuid::now_v7(),
            event_type: event_type.into(),
            schema_version,
            payload,
        }
    }
}

/// One append: all events go to one stream, atomically.
#[derive(Debug, Clone)]
pub struct AppendRequest {
    pub stream: StreamRef,
    pub expected: ExpectedVersion,
    pub events: Vec<NewEvent>,
    pub metadata: EventMetadata,
}

/// What the database assigned to one appended event.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Assigned {
    pub(crate) cursor: LogCursor,
    pub(crate) stream_version: u64,
    pub(crate) recorded_at: DateTime<Utc>,
}

impl AppendRequest {
    /// The recorded events, made by moving the request's events (payloads
    /// are not cloned: on a 100-event append that was measurable) with what
    /// the database assigned to each, in the same order.
    pub(crate) fn into_recorded(
        self,
        assigned: &[Assigned],
    ) -> Result<Vec<RecordedEvent>, crate::StoreError> {
        let Self {
            stream,
            events,
            metadata,
            ..
        } = self;
        if assigned.len() != events.len() {
            return Err(crate::StoreError::Corrupt(format!(
                "{} events appended but {} recorded",
                events.len(),
                assigned.len()
            )));
        }
        Ok(events
            .into_iter()
            .zip(assigned)
            .map(|(event, at)| RecordedEvent {
                position: at.cursor.position,
                cursor: at.cursor,
                event_id: event.event_id,
                stream: stream.clone(),
                stream_version: at.stream_version,
                event_type: event.event_type,
                schema_version: event.schema_version,
                payload: event.payload,
                metadata: metadata.clone(),
                recorded_at: at.recorded_at,
            })
            .collect())
    }
}

/// The place of an event in the log order.
///
/// On PostgreSQL the log order is `(transaction id, position)`: a reader only
/// takes rows of transactions older than every transaction still running, so
/// a row that commits late can never land behind a reader's checkpoint. On
/// SQLite, with its single writer, `tx` is always 0 and position order is
/// commit order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct LogCursor {
    pub tx: i64,
    pub position: i64,
}

impl LogCursor {
    /// Before the first event.
    pub const START: LogCursor = LogCursor { tx: 0, position: 0 };
}

impl fmt::Display for LogCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.tx, self.position)
    }
}

/// A stored event with its envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedEvent {
    /// Unique, increasing in insertion order.
    pub position: i64,
    /// Where the event stands in the log order (see [`LogCursor`]).
    pub cursor: LogCursor,
    pub event_id: Uuid,
    pub stream: StreamRef,
    /// 1 for the first event of a stream.
    pub stream_version: u64,
    pub event_type: String,
    /// The schema version of `payload` (after upcasting, the current one).
    pub schema_version: u32,
    pub payload: Value,
    pub metadata: EventMetadata,
    pub recorded_at: DateTime<Utc>,
}

/// What an append did.
#[derive(Debug, Clone, PartialEq)]
pub struct AppendOutcome {
    /// The stream's version after the append.
    pub stream_version: u64,
    /// The events written (or, for a repeated idempotency key, the events the
    /// original append wrote).
    pub events: Vec<RecordedEvent>,
    /// True when the idempotency key had been used: nothing was appended now.
    pub deduplicated: bool,
}
