//! Log marks: whether anything was committed since a mark, by stream type,
//! also when transactions commit out of position order.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use iiz_store::{
    Backend, DocKey, DocSet, EventStore, ExpectedVersion, InlineProjector, NoProjection,
    ProjectionError, RecordedEvent, Store,
};

use crate::support::{event, request, stream};

pub async fn a_mark_tells_what_was_committed_since(store: &Store) {
    let mark = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&mark, &[]).await.unwrap());
    let appended = request(
        &stream("ZH", "a"),
        ExpectedVersion::Any,
        vec![event("Added", 1)],
    );
    store.append(appended, &NoProjection).await.unwrap();
    assert!(store.committed_since(&mark, &[]).await.unwrap());
    assert!(store.committed_since(&mark, &["counter"]).await.unwrap());
    assert!(
        store
            .committed_since(&mark, &["other", "counter"])
            .await
            .unwrap()
    );
    assert!(!store.committed_since(&mark, &["other"]).await.unwrap());
    let later = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&later, &[]).await.unwrap());
    assert!(!store.committed_since(&later, &["counter"]).await.unwrap());
}

/// Holds its append's transaction open (after the insert) until released.
#[derive(Debug)]
struct HeldCommit {
    inserted: Mutex<mpsc::Sender<()>>,
    release: Mutex<mpsc::Receiver<()>>,
}

impl InlineProjector for HeldCommit {
    fn handles(&self, _stream_type: &str) -> bool {
        true
    }
    fn keys(&self, _events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(Vec::new())
    }
    fn apply(&self, _docs: &mut DocSet, _events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        self.inserted.lock().unwrap().send(()).unwrap();
        self.release.lock().unwrap().recv().unwrap();
        Ok(())
    }
}

/// A transaction that got its position first but commits last must still
/// count as committed after a mark taken while it was open, even when a
/// later position committed before the mark (PostgreSQL runs them side by
/// side; SQLite has one writer, so there the later append comes after).
pub async fn a_late_commit_counts_after_the_mark(store: &Store) {
    let (inserted_tx, inserted) = mpsc::channel();
    let (release, release_rx) = mpsc::channel();
    let held = Arc::new(HeldCommit {
        inserted: Mutex::new(inserted_tx),
        release: Mutex::new(release_rx),
    });
    let slow = {
        let store = store.clone();
        let held = held.clone();
        tokio::spawn(async move {
            let early = request(
                &stream("ZH", "early"),
                ExpectedVersion::Any,
                vec![event("Added", 1)],
            );
            store.append(early, held.as_ref()).await.unwrap();
        })
    };
    tokio::task::spawn_blocking(move || inserted.recv().unwrap())
        .await
        .unwrap();
    if store.backend() == Backend::Postgres {
        let later = request(
            &stream("ZH", "later"),
            ExpectedVersion::Any,
            vec![event("Added", 2)],
        );
        store.append(later, &NoProjection).await.unwrap();
    }
    let mark = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&mark, &[]).await.unwrap());
    release.send(()).unwrap();
    slow.await.unwrap();
    assert!(store.committed_since(&mark, &["counter"]).await.unwrap());
}
