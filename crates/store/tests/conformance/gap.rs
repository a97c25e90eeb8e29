//! The tailing reader must never skip an event that commits after a later
//! one: writers here hold their transaction open for a random moment after
//! their rows got positions, so commits come out of position order, while a
//! reader follows the log live.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use iiz_store::{
    Backend, DocKey, DocSet, EventStore, ExpectedVersion, InlineProjector, LogCursor,
    ProjectionError, RecordedEvent, Store, Subscription,
};

use crate::support::{event, request, stream};

const WRITERS: usize = 6;
const APPENDS_PER_WRITER: usize = 40;

/// Sleeps inside the append transaction, between insert and commit.
#[derive(Debug)]
struct SlowCommit;

impl InlineProjector for SlowCommit {
    fn handles(&self, _stream_type: &str) -> bool {
        true
    }
    fn keys(&self, _events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(Vec::new())
    }
    fn apply(&self, _docs: &mut DocSet, events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        let jitter = (events[0].event_id.as_u128() % 4) as u64;
        std::thread::sleep(Duration::from_millis(jitter));
        Ok(())
    }
}

pub async fn tailing_reader_sees_every_event_once_in_order(store: &Store) {
    let total = WRITERS * APPENDS_PER_WRITER;
    let commit_clock = Arc::new(AtomicU64::new(0));
    let committed: Arc<Mutex<HashMap<i64, u64>>> = Arc::default();

    let reader = {
        let store = store.clone();
        tokio::spawn(async move {
            let mut subscription = Subscription::new(store, LogCursor::START)
                .with_poll_interval(Duration::from_millis(2))
                .with_batch_size(7);
            let mut seen = Vec::with_capacity(total);
            while seen.len() < total {
                seen.extend(subscription.next_batch().await.unwrap());
            }
            seen
        })
    };

    let writers = (0..WRITERS).map(|writer| {
        let store = store.clone();
        let clock = commit_clock.clone();
        let committed = committed.clone();
        tokio::spawn(async move {
            let s = stream("ZH", &format!("writer-{writer}"));
            for n in 0..APPENDS_PER_WRITER {
                let outcome = store
                    .append(
                        request(&s, ExpectedVersion::Any, vec![event("Added", n as i64)]),
                        &SlowCommit,
                    )
                    .await
                    .unwrap();
                let tick = clock.fetch_add(1, Ordering::SeqCst);
                committed
                    .lock()
                    .unwrap()
                    .insert(outcome.events[0].position, tick);
            }
        })
    });
    for writer in futures::future::join_all(writers).await {
        writer.unwrap();
    }
    let seen = tokio::time::timeout(Duration::from_secs(60), reader)
        .await
        .unwrap()
        .unwrap();

    let positions: Vec<i64> = seen.iter().map(|e| e.position).collect();
    let unique: HashSet<i64> = positions.iter().copied().collect();
    assert_eq!(positions.len(), total, "every event once");
    assert_eq!(unique.len(), total, "no event twice");
    assert!(
        seen.windows(2).all(|pair| pair[0].cursor < pair[1].cursor),
        "in log order"
    );
    let mut last_version: HashMap<String, u64> = HashMap::new();
    for event in &seen {
        let last = last_version
            .entry(event.stream.stream_id.clone())
            .or_default();
        assert_eq!(
            event.stream_version,
            *last + 1,
            "each stream in version order"
        );
        *last = event.stream_version;
    }

    // The scenario must really have produced commits out of position order,
    // or the test would prove nothing. SQLite has one writer, so only
    // PostgreSQL can produce them.
    let committed = committed.lock().unwrap();
    let mut by_position: Vec<(i64, u64)> = committed.iter().map(|(p, t)| (*p, *t)).collect();
    by_position.sort();
    let inversions = by_position
        .windows(2)
        .filter(|pair| pair[0].1 > pair[1].1)
        .count();
    if store.backend() == Backend::Postgres {
        assert!(
            inversions > 0,
            "writers committed in position order; the test exercised nothing"
        );
    }
}
