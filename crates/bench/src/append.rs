//! Appends through the store the way commands do: each append is one
//! transaction to one stream with the exact version the writer last saw.

use anyhow::Context;
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, NoProjection, Store,
    StreamRef,
};
use serde_json::{Value, json};

use crate::timing::{Timing, rate};

pub const TENANT: &str = "bench";
pub const STREAM_TYPE: &str = "bench_call";
/// Each writer cycles over this many streams of its own.
pub const STREAMS_PER_WRITER: usize = 50;

/// A payload of about 300 bytes of JSON, shaped like a real domain event.
pub fn payload(seq: u64) -> Value {
    json!({
        "call_id": format!("c-{seq:012}"),
        "from": "+493012345678",
        "to": "+498912345678",
        "direction": "inbound",
        "queue": "support",
        "agent_id": format!("agent-{:04}", seq % 1000),
        "started_at": "2025-01-15T10:30:00.000Z",
        "answered_at": "2025-01-15T10:30:07.250Z",
        "duration_ms": 184_250 + seq % 1000,
        "tags": ["vip", "callback", "de"],
        "note": "Asked about last month's invoice."
    })
}

/// One event of the benchmark's stream type.
pub fn event(seq: u64) -> NewEvent {
    NewEvent::new("CallCompleted", 1, payload(seq))
}

/// The serialized size of a payload, for the report.
pub fn payload_bytes() -> usize {
    serde_json::to_string(&payload(0)).map_or(0, |text| text.len())
}

/// Events per second appended `batch` at a time by `writers` concurrent
/// writers. `label` keeps the streams of different measurements apart.
pub async fn append_rate(
    store: &Store,
    timing: Timing,
    writers: usize,
    batch: usize,
    label: &str,
) -> anyhow::Result<f64> {
    rate(timing, writers, |writer, window| {
        let store = store.clone();
        let prefix = format!("{label}-w{writer}");
        async move {
            let mut versions = [0_u64; STREAMS_PER_WRITER];
            let mut done = 0;
            let mut seq = 0_u64;
            let mut next = 0;
            while window.running() {
                let index = next % STREAMS_PER_WRITER;
                next += 1;
                let events = (0..batch)
                    .map(|_| {
                        seq += 1;
                        event(seq)
                    })
                    .collect();
                let request = AppendRequest {
                    stream: StreamRef::new(TENANT, STREAM_TYPE, format!("{prefix}-s{index}")),
                    expected: ExpectedVersion::Exact(versions[index]),
                    events,
                    metadata: EventMetadata::new("bench"),
                };
                let outcome = store
                    .append(request, &NoProjection)
                    .await
                    .with_context(|| format!("append to {prefix}-s{index}"))?;
                versions[index] = outcome.stream_version;
                window.record(&mut done, batch as u64);
            }
            Ok(done)
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_are_about_300_bytes() {
        for seq in [0, 1, 999, 123_456_789] {
            let size = serde_json::to_string(&payload(seq)).unwrap().len();
            assert!((280..=330).contains(&size), "payload of {size} bytes");
        }
    }

    #[tokio::test]
    async fn appends_with_exact_versions_on_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let store = iiz_store::SqliteEventStore::open(&dir.path().join("events.db"))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let store = Store::Sqlite(store);
        let timing = Timing {
            warmup: std::time::Duration::ZERO,
            duration: std::time::Duration::from_millis(200),
        };
        let rate = append_rate(&store, timing, 2, 3, "test").await.unwrap();
        assert!(rate > 0.0);
        let stream = StreamRef::new(TENANT, STREAM_TYPE, "test-w0-s0");
        let events = store.read_stream(&stream, 0).await.unwrap();
        assert!(!events.is_empty());
        assert_eq!(events.len() % 3, 0);
    }
}
