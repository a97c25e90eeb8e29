//! Writing a rebuild's documents beside applying events: a flush's changes
//! are written by a task of its own while the next events are applied, so
//! on a machine with two cores the database works (PostgreSQL's backend
//! computing search vectors, SQLite's worker thread) while the rebuild
//! applies. One flush is written at a time, in order, so a later version of
//! a document always lands after an earlier one.

use std::sync::Arc;
use std::time::{Duration, Instant};

use iiz_store::{DocWrite, EventStore, RebuildLock, StoreError};
use tokio::task::JoinHandle;

use super::RebuildError;

/// Documents written into the next generation per transaction: on SQLite
/// each holds the one writer connection, which appends wait for meanwhile.
const WRITE_CHUNK: usize = 2_000;

pub(super) struct Writer<S> {
    store: S,
    lock: Arc<RebuildLock>,
    /// The flush being written; its result is the time it took.
    pending: Option<JoinHandle<Result<Duration, StoreError>>>,
    /// Time spent writing documents, beside applying.
    pub(super) busy: Duration,
    pub(super) documents: usize,
}

impl<S: EventStore> Writer<S> {
    pub(super) fn new(store: S, lock: Arc<RebuildLock>) -> Self {
        Self {
            store,
            lock,
            pending: None,
            busy: Duration::ZERO,
            documents: 0,
        }
    }

    /// Hands over a flush's changes, once the previous flush is written.
    pub(super) async fn write(&mut self, writes: Vec<DocWrite>) -> Result<(), RebuildError> {
        self.finish().await?;
        if writes.is_empty() {
            return Ok(());
        }
        self.documents += writes.len();
        let store = self.store.clone();
        let lock = self.lock.clone();
        self.pending = Some(tokio::spawn(async move {
            let started = Instant::now();
            let mut writes = writes.into_iter();
            loop {
                let chunk: Vec<_> = writes.by_ref().take(WRITE_CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                store.write_next_read_models(&lock, chunk).await?;
            }
            Ok(started.elapsed())
        }));
        Ok(())
    }

    /// Waits until everything handed over is written.
    pub(super) async fn finish(&mut self) -> Result<(), RebuildError> {
        if let Some(task) = self.pending.take() {
            self.busy += task.await??;
        }
        Ok(())
    }
}

impl<S> Drop for Writer<S> {
    /// A rebuild that failed stops writing; the next one starts over.
    fn drop(&mut self) {
        if let Some(task) = &self.pending {
            task.abort();
        }
    }
}
