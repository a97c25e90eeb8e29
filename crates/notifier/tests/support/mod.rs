//! What the bus tests share: NATS servers, settings that keep each test
//! apart, a log with events to publish and the stream read back.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of the support module"
)]

use std::collections::HashSet;
use std::future::Future;
use std::time::{Duration, Instant};

use iiz_notifier::NatsSettings;
use iiz_notifier::contract::{AggregateRef, PublishedEvent};
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, LogCursor, NewEvent, NoProjection,
    OUTBOX_CHECKPOINT, Store, StreamRef,
};
use serde_json::json;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use uuid::Uuid;

/// Settings of their own for one test: prefix, stream and consumer.
pub fn isolated_settings(url: &str) -> NatsSettings {
    let id = Uuid::now_v7().simple().to_string();
    let mut settings = NatsSettings::new(url);
    settings.prefix = format!("t{id}");
    settings.stream = format!("T{id}");
    settings.consumer = format!("c{id}");
    settings.duplicate_window = Duration::from_secs(120);
    settings
}

/// Appends `count` events in appends of ten, over a few streams; a quarter
/// of them stay inside the platform (people's records, internal comments).
pub async fn append_events(store: &Store, count: usize) {
    let run = Uuid::now_v7().simple().to_string();
    let mut appended = 0;
    let mut chunk = 0;
    while appended < count {
        let size = (count - appended).min(10);
        let (stream_type, event_type) = match chunk % 4 {
            0 => ("concern", "Submitted"),
            1 => ("recommendation", "Amended"),
            2 => ("person", "Registered"),
            _ => ("concern", "Commented"),
        };
        let events = (0..size)
            .map(|index| {
                let visibility = if index % 2 == 0 { "internal" } else { "public" };
                NewEvent::new(
                    event_type,
                    1,
                    json!({"n": appended + index, "visibility": visibility}),
                )
            })
            .collect();
        let request = AppendRequest {
            stream: StreamRef::new("be", stream_type, format!("{run}-{}", chunk % 3)),
            expected: ExpectedVersion::Any,
            events,
            metadata: EventMetadata::new("system:test"),
        };
        store
            .append(request, &NoProjection)
            .await
            .expect("append events");
        appended += size;
        chunk += 1;
    }
}

/// A published event that is not in any log: for tests of the bus alone.
pub fn sample_event(tenant: &str, number: u64) -> PublishedEvent {
    PublishedEvent {
        id: Uuid::now_v7(),
        event_type: "concern.Submitted".to_owned(),
        version: 1,
        tenant: tenant.to_owned(),
        aggregate: AggregateRef {
            stream_type: "concern".to_owned(),
            id: format!("c-{number}"),
            version: 1,
        },
        recorded_at: chrono::Utc::now(),
        actor: "person:p-1".to_owned(),
        correlation_id: Uuid::now_v7(),
        causation_id: None,
        data: json!({ "n": number }),
    }
}

/// The ids of every event of the log that is published, in log order.
pub async fn published_ids(store: &Store) -> Vec<Uuid> {
    let mut ids = Vec::new();
    let mut after = LogCursor::START;
    loop {
        let events = store.read_all(after, 1_000).await.expect("read the log");
        let Some(last) = events.last() else {
            return ids;
        };
        after = last.cursor;
        ids.extend(
            events
                .iter()
                .filter_map(PublishedEvent::of)
                .map(|event| event.id),
        );
    }
}

/// Every message of the stream in sequence order: its event id (checked
/// against `Nats-Msg-Id`) and its subject.
pub async fn stream_contents(url: &str, settings: &NatsSettings) -> Vec<(Uuid, String)> {
    let client = async_nats::connect(url).await.expect("connect to NATS");
    let jetstream = async_nats::jetstream::new(client);
    let stream = jetstream
        .get_stream(&settings.stream)
        .await
        .expect("the stream exists");
    let state = stream.get_info().await.expect("stream info").state;
    if state.messages == 0 {
        return Vec::new();
    }
    let mut contents = Vec::new();
    for sequence in state.first_sequence..=state.last_sequence {
        let message = stream
            .get_raw_message(sequence)
            .await
            .expect("read a stored message");
        let event = PublishedEvent::from_json(&message.payload).expect("a published event");
        let message_id = message
            .headers
            .get(async_nats::header::NATS_MESSAGE_ID)
            .map(|value| value.as_str().to_owned());
        assert_eq!(
            message_id,
            Some(event.id.to_string()),
            "Nats-Msg-Id is the event id"
        );
        assert_eq!(message.subject.as_str(), event.subject(&settings.prefix));
        contents.push((event.id, message.subject.to_string()));
    }
    contents
}

/// The stream's event ids in sequence order.
pub async fn stream_ids(url: &str, settings: &NatsSettings) -> Vec<Uuid> {
    stream_contents(url, settings)
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// Asserts that the stream holds exactly the expected events in order,
/// saying what differs (missing, doubled, out of order) when it does not.
pub fn assert_stored_once_in_order(stored: &[Uuid], expected: &[Uuid]) {
    let expected_set: HashSet<&Uuid> = expected.iter().collect();
    let mut seen = HashSet::new();
    let doubled = stored.iter().filter(|id| !seen.insert(**id)).count();
    let missing = expected.iter().filter(|id| !seen.contains(*id)).count();
    let unexpected = stored
        .iter()
        .filter(|id| !expected_set.contains(id))
        .count();
    let first_difference = stored
        .iter()
        .zip(expected)
        .position(|(stored, expected)| stored != expected);
    assert!(
        doubled == 0
            && missing == 0
            && unexpected == 0
            && first_difference.is_none()
            && stored.len() == expected.len(),
        "stored {} of {} expected: {doubled} doubled, {missing} missing, {unexpected} unexpected, \
         first difference in order at {first_difference:?}",
        stored.len(),
        expected.len()
    );
}

/// Removes the test's stream from a shared server.
pub async fn delete_stream(url: &str, settings: &NatsSettings) {
    let client = async_nats::connect(url).await.expect("connect to NATS");
    async_nats::jetstream::new(client)
        .delete_stream(&settings.stream)
        .await
        .ok();
}

/// Waits until `condition` holds, failing the test after `limit`.
pub async fn eventually<F, Fut>(limit: Duration, what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !condition().await {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether the relay has published everything committed.
pub async fn relay_caught_up(store: &Store) -> bool {
    let head = store.head().await.expect("log head");
    let published = store
        .checkpoint(OUTBOX_CHECKPOINT)
        .await
        .expect("outbox checkpoint")
        .map_or(LogCursor::START, |checkpoint| checkpoint.cursor);
    published >= head
}

/// A background task of the notifier (relay, consumer, live feed) that
/// stops when told.
#[derive(Debug)]
pub struct Running {
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl Running {
    /// Spawns `run(shutdown)`.
    pub fn spawn<F, Fut>(run: F) -> Self
    where
        F: FnOnce(std::pin::Pin<Box<dyn Future<Output = ()> + Send>>) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown = Box::pin(async move {
            stopped.await.ok();
        });
        Self {
            stop: Some(stop),
            task: tokio::spawn(run(shutdown)),
        }
    }

    /// Asks it to stop and waits; it must stop promptly.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        tokio::time::timeout(Duration::from_secs(5), &mut self.task)
            .await
            .expect("stops promptly on shutdown")
            .expect("never panics");
    }
}
