//! Recorded events for projection tests: a stream's history applied to an
//! empty read model, each event recorded on a known day.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use iiz_domain::DomainEvent;
use iiz_store::{DocSet, EventMetadata, LogCursor, RecordedEvent, StreamRef};

use crate::Projection;

pub(crate) fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

/// Applies `events` of one stream (tenant, type, id) to `docs`.
pub(crate) fn apply<E: DomainEvent>(
    projection: &dyn Projection,
    docs: &mut DocSet,
    stream: (&str, &str, &str),
    events: &[E],
) {
    let on = Utc.from_utc_datetime(&day("2025-01-01").and_hms_opt(9, 0, 0).unwrap());
    for (number, change) in events.iter().enumerate() {
        let event = recorded(stream, number, change, on);
        assert!(projection.handles(&event.stream.stream_type));
        projection.keys(&event).unwrap();
        projection.apply(docs, &event).unwrap();
    }
}

/// The event `number` (from 0) of a stream (tenant, type, id), recorded at
/// `at`.
pub(crate) fn recorded<E: DomainEvent>(
    stream: (&str, &str, &str),
    number: usize,
    change: &E,
    at: DateTime<Utc>,
) -> RecordedEvent {
    let (event_type, payload) = change.encode().unwrap();
    let position = i64::try_from(number).unwrap() + 1;
    RecordedEvent {
        position,
        cursor: LogCursor {
            tx: position,
            position,
        },
        event_id: uuid::Uuid::now_v7(),
        stream: StreamRef::new(stream.0, stream.1, stream.2.to_owned()),
        stream_version: u64::try_from(position).unwrap(),
        event_type: event_type.to_owned(),
        schema_version: 1,
        payload,
        metadata: EventMetadata::new("person:test"),
        recorded_at: at,
    }
}
