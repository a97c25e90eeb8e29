//! The event store: an append-only log of domain events with optimistic
//! concurrency per stream, a global order that tailing readers can follow
//! without skipping late commits, an outbox written in the same transaction,
//! and the document tables that read models live in.
//!
//! Two backends implement [`EventStore`]: [`PgEventStore`] (production, several
//! instances side by side) and [`SqliteEventStore`] (the embedded default).
//! [`Store`] picks one at run time from a database URL.

mod any;
mod docs;
mod error;
mod event;
mod migrations;
mod notify;
mod postgres;
mod sqlite;
mod subscription;
mod upcast;

#[cfg(feature = "testing")]
pub mod testing;

pub use any::{Backend, Store};
pub use docs::{
    Doc, DocKey, DocQuery, DocSet, DocWrite, InlineProjector, NoProjection, ProjectionError,
};
pub use error::StoreError;
pub use event::{
    AppendOutcome, AppendRequest, EventMetadata, ExpectedVersion, LogCursor, NewEvent,
    RecordedEvent, StreamRef,
};
pub use notify::LogNotifier;
pub use postgres::PgEventStore;
pub use sqlite::SqliteEventStore;
pub use subscription::Subscription;
pub use upcast::{UpcastError, Upcaster, UpcasterChain};

use std::future::Future;

/// A message waiting in the outbox to be published.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxMessage {
    /// Outbox row id, increasing in insertion order.
    pub id: i64,
    /// The event to publish.
    pub event: RecordedEvent,
}

/// A named consumer's progress through the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    pub cursor: LogCursor,
    /// Version of the consumer's code that wrote the checkpoint: a projection
    /// whose version changed must be rebuilt.
    pub version: i32,
}

/// The operations every backend offers. All of them are atomic.
pub trait EventStore: Clone + Send + Sync + 'static {
    /// Appends events to one stream if its version is the expected one, runs
    /// the inline projections and writes the outbox, all in one transaction.
    fn append(
        &self,
        request: AppendRequest,
        projector: &dyn InlineProjector,
    ) -> impl Future<Output = Result<AppendOutcome, StoreError>> + Send;

    /// The outcome of the append that used an idempotency key, if one did.
    fn idempotent_outcome(
        &self,
        tenant: &str,
        key: &str,
    ) -> impl Future<Output = Result<Option<AppendOutcome>, StoreError>> + Send;

    /// The events of one stream with a version greater than `after_version`,
    /// upcast to their current schema.
    fn read_stream(
        &self,
        stream: &StreamRef,
        after_version: u64,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send;

    /// Up to `limit` events after `after` in log order. Never returns an event
    /// while an earlier one in log order may still commit.
    fn read_all(
        &self,
        after: LogCursor,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<RecordedEvent>, StoreError>> + Send;

    /// The cursor of the last event committed so far (`LogCursor::START` for
    /// an empty log). A reader that has reached it has seen every event
    /// committed before the call.
    fn head(&self) -> impl Future<Output = Result<LogCursor, StoreError>> + Send;

    /// Outbox messages not yet published, oldest first.
    fn outbox_pending(
        &self,
        limit: usize,
    ) -> impl Future<Output = Result<Vec<OutboxMessage>, StoreError>> + Send;

    /// Marks outbox messages as published.
    fn outbox_mark_published(
        &self,
        ids: &[i64],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A consumer's checkpoint, if it has one.
    fn checkpoint(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<Checkpoint>, StoreError>> + Send;

    /// Writes document changes and, atomically with them, the checkpoints of
    /// the projections that made them.
    fn commit_projection(
        &self,
        writes: Vec<DocWrite>,
        checkpoints: &[(&str, Checkpoint)],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Deletes every document of the collections and the named checkpoint,
    /// so a projection can be rebuilt from the start of the log.
    fn reset_projection(
        &self,
        name: &str,
        collections: &[&str],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// One read-model document.
    fn doc(&self, key: &DocKey) -> impl Future<Output = Result<Option<Doc>, StoreError>> + Send;

    /// A page of documents in `(sort_key, id)` order.
    fn docs(&self, query: &DocQuery) -> impl Future<Output = Result<Vec<Doc>, StoreError>> + Send;

    /// Checks that the database answers.
    fn ping(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Wakes tailing readers when this process appends.
    fn notifier(&self) -> &LogNotifier;
}
