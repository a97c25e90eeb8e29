//! Stores, events and projectors shared by the cases.

use std::sync::Arc;

use iiz_store::testing::TestDatabase;
use iiz_store::{
    AppendRequest, Checkpoint, Doc, DocKey, DocQuery, DocSet, DocWrite, EventMetadata, EventStore,
    ExpectedVersion, InlineProjector, LogCursor, NewEvent, ProjectionError, RecordedEvent, Store,
    StreamRef, Subscription, UpcasterChain,
};
use serde_json::{Value, json};

/// The upcaster every test store carries: `note.Written` v1 had a single
/// `text`, v2 has `title` and `body`.
pub fn upcaster() -> Arc<UpcasterChain> {
    Arc::new(
        UpcasterChain::new().register("note", "Written", 1, |payload| {
            let text = payload
                .get("text")
                .and_then(Value::as_str)
                .ok_or("v1 payload has no text")?;
            Ok(json!({ "title": text, "body": "" }))
        }),
    )
}

pub async fn sqlite() -> TestDatabase {
    TestDatabase::sqlite_with(upcaster()).await
}

pub async fn postgres() -> Option<TestDatabase> {
    TestDatabase::postgres_with(upcaster()).await
}

/// Every event committed so far, in log order. On PostgreSQL an event becomes
/// readable only once older transactions (of any database on the server, such
/// as other tests) have ended, so this waits for the head rather than
/// trusting one read.
pub async fn read_everything(store: &Store) -> Vec<RecordedEvent> {
    let head = store.head().await.unwrap();
    let mut subscription = Subscription::new(store.clone(), LogCursor::START)
        .with_poll_interval(std::time::Duration::from_millis(5));
    let mut all = Vec::new();
    while let Some(batch) = subscription.next_batch_until(head).await.unwrap() {
        all.extend(batch);
    }
    all
}

pub fn stream(tenant: &str, id: &str) -> StreamRef {
    StreamRef::new(tenant, "counter", id)
}

pub fn event(kind: &str, n: i64) -> NewEvent {
    NewEvent::new(kind, 1, json!({ "n": n }))
}

pub fn request(
    stream: &StreamRef,
    expected: ExpectedVersion,
    events: Vec<NewEvent>,
) -> AppendRequest {
    AppendRequest {
        stream: stream.clone(),
        expected,
        events,
        metadata: EventMetadata::new("person:test"),
    }
}

/// Counts events per stream (`counts/<stream>`) and per tenant
/// (`tenant_totals/<tenant>`); refuses events of type `Poison`.
#[derive(Debug, Default)]
pub struct CountingProjector;

fn count_doc(key: DocKey, tenant: &str, count: i64) -> Doc {
    Doc {
        sort_key: key.id.clone(),
        key,
        tenant: Some(tenant.to_owned()),
        body: json!({ "count": count, "tenant": tenant }),
        search: None,
    }
}

impl InlineProjector for CountingProjector {
    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "counter"
    }

    fn keys(&self, events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        let mut keys = Vec::new();
        for event in events {
            keys.push(DocKey::new("counts", &event.stream.stream_id));
            keys.push(DocKey::new("tenant_totals", &event.stream.tenant));
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    fn apply(&self, docs: &mut DocSet, events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        for event in events {
            if event.event_type == "Poison" {
                return Err(ProjectionError::Decode {
                    stream_type: event.stream.stream_type.clone(),
                    event_type: event.event_type.clone(),
                    reason: "poisoned".to_owned(),
                });
            }
            for key in [
                DocKey::new("counts", &event.stream.stream_id),
                DocKey::new("tenant_totals", &event.stream.tenant),
            ] {
                let count = docs
                    .get(&key)?
                    .and_then(|doc| doc.body["count"].as_i64())
                    .unwrap_or(0);
                docs.put(count_doc(key, &event.stream.tenant, count + 1))?;
            }
        }
        Ok(())
    }
}

/// The outbox once `expected` events are visible in it. On PostgreSQL the
/// relay, like every log reader, waits for transactions still open anywhere
/// in the cluster (other tests), so the outbox fills eventually, not at once.
pub async fn outbox_with(store: &Store, expected: usize) -> Vec<RecordedEvent> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let through = store.outbox_published_through().await.unwrap();
        let pending = store.read_all(through, 100).await.unwrap();
        if pending.len() >= expected || std::time::Instant::now() > deadline {
            return pending;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// Writes documents as a projection would, outside any append.
pub async fn put_docs(store: &Store, docs: Vec<Doc>) {
    let checkpoint = Checkpoint {
        cursor: LogCursor::START,
        version: 1,
    };
    store
        .commit_projection(
            docs.into_iter().map(DocWrite::Put).collect(),
            &[("test-docs", checkpoint)],
        )
        .await
        .unwrap();
}

/// The ids of documents, in the order given.
pub fn ids(docs: &[Doc]) -> Vec<&str> {
    docs.iter().map(|doc| doc.key.id.as_str()).collect()
}

/// The ids of the documents a query lists.
pub async fn listed(store: &Store, query: &DocQuery) -> Vec<String> {
    let docs = store.docs(query).await.unwrap();
    ids(&docs).into_iter().map(str::to_owned).collect()
}
