//! The event store: an append-only log of domain events with optimistic
//! concurrency per stream, a global order that tailing readers can follow
//! without skipping late commits, an outbox written in the same transaction,
//! and the document tables that read models live in.
//!
//! Two backends implement [`EventStore`]: [`PgEventStore`] (production, several
//! instances side by side) and [`SqliteEventStore`] (the embedded default).
//! [`Store`] picks one at run time from a database URL.

mod account_links;
mod accounts;
mod any;
mod docs;
mod error;
mod event;
pub mod generation;
mod lag;
mod mark;
mod migrations;
mod notify;
mod outbound;
pub mod personal;
mod postgres;
mod query;
mod search;
mod signin;
mod sqlite;
mod subscription;
mod upcast;

#[cfg(feature = "testing")]
pub mod testing;

pub use account_links::{AccountLink, LinkPurpose};
pub use accounts::{ApiTokenRecord, Credential, SessionRecord};
pub use any::{Backend, Store};
pub use docs::{
    Doc, DocKey, DocSet, DocWrite, InlineProjector, NoProjection, ProjectionError, TypedDoc, View,
};
pub use error::StoreError;
pub use event::{
    AppendOutcome, AppendRequest, EventMetadata, ExpectedVersion, LogCursor, NewEvent,
    RecordedEvent, StreamRef,
};
pub use generation::{CatchUp, RebuildLock, Switched};
pub use mark::LogMark;
pub use notify::LogNotifier;
pub use outbound::{
    DeliveryFailure, EmailDelivery, InboxItem, Leadership, NewEmail, NewNotification,
    NotificationBatch, OutgoingEmail, Preference, RejectedEmail, Webhook, WebhookDelivery,
    WebhookDeliveryStatus, notification_id,
};
pub use personal::{AccessEntry, Erasure, ErasureReport, Keyring, PersonKey, SealError};
pub use postgres::PgEventStore;
pub use query::{DocFilter, DocQuery, SimilarQuery};
pub use search::{SearchLanguage, SearchText};
pub use signin::{AttemptCount, AttemptWrite, Decide, Purged, SignInLock};
pub use sqlite::SqliteEventStore;
pub use subscription::Subscription;
pub use upcast::{UpcastError, Upcaster, UpcasterChain};

use std::future::Future;

use serde::de::DeserializeOwned;

/// The checkpoint of the outbox relay: how far the log has been published.
pub const OUTBOX_CHECKPOINT: &str = "outbox";

/// Version stored with the outbox checkpoint; the relay is never rebuilt.
const OUTBOX_CHECKPOINT_VERSION: i32 = 1;

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
    /// the inline projections, all in one transaction.
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

    /// A mark of the log as it is now, for [`EventStore::committed_since`].
    fn log_mark(&self) -> impl Future<Output = Result<LogMark, StoreError>> + Send;

    /// Whether an event of one of `stream_types` (of any type when empty)
    /// has been committed since `mark` was taken. Cheap: it looks only at
    /// the log after the mark. A mark of another backend is an
    /// `InvalidRequest`.
    fn committed_since(
        &self,
        mark: &LogMark,
        stream_types: &[&str],
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// The ids of the streams of `stream_type` with an event committed since
    /// `mark`, so a reader can refresh only what they changed. Cheap like
    /// [`EventStore::committed_since`].
    fn streams_changed_since(
        &self,
        mark: &LogMark,
        stream_type: &str,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;

    /// Where the outbox relay has published up to: it reads the log after
    /// this cursor (`LogCursor::START` before the first publication).
    ///
    /// The log is the outbox: an event row is written in its append's
    /// transaction, and the relay follows the log with the same gap-free
    /// reads as projections ([`EventStore::read_all`]), keeping its place in
    /// [`OUTBOX_CHECKPOINT`]. A separate outbox table would add a row and an
    /// index entry to every append for nothing the log does not already give
    /// (see docs/architecture.md, "The outbox").
    fn outbox_published_through(
        &self,
    ) -> impl Future<Output = Result<LogCursor, StoreError>> + Send {
        async move {
            Ok(self
                .checkpoint(OUTBOX_CHECKPOINT)
                .await?
                .map_or(LogCursor::START, |checkpoint| checkpoint.cursor))
        }
    }

    /// Records that every event up to and including `through` was published.
    /// The checkpoint only moves forward; one relay runs at a time.
    fn outbox_mark_published(
        &self,
        through: LogCursor,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        async move {
            let current = self.checkpoint(OUTBOX_CHECKPOINT).await?;
            if current.is_some_and(|checkpoint| checkpoint.cursor >= through) {
                return Ok(());
            }
            let checkpoint = Checkpoint {
                cursor: through,
                version: OUTBOX_CHECKPOINT_VERSION,
            };
            self.commit_projection(Vec::new(), &[(OUTBOX_CHECKPOINT, checkpoint)])
                .await
        }
    }

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

    /// Waits until the caller is the one holder of the right to rebuild the
    /// read models, among every process using the database ([`generation`]).
    fn lock_rebuild(&self) -> impl Future<Output = Result<RebuildLock, StoreError>> + Send;

    /// The right to rebuild if no one else holds it, `None` at once if
    /// someone does.
    fn try_lock_rebuild(
        &self,
    ) -> impl Future<Output = Result<Option<RebuildLock>, StoreError>> + Send;

    /// An empty next generation of the read models beside the live one; one
    /// a crashed rebuild left is dropped first.
    fn create_next_read_models(
        &self,
        lock: &RebuildLock,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Writes documents into the next generation.
    fn write_next_read_models(
        &self,
        lock: &RebuildLock,
        writes: Vec<DocWrite>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Builds the next generation's search index and secondary indexes
    /// over what it holds, once its documents are loaded; writes after it
    /// keep them current. (On SQLite, whose indexes cannot be renamed, the
    /// switch builds the listing indexes.)
    fn index_next_read_models(
        &self,
        lock: &RebuildLock,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Makes the next generation the live one: waits for every transaction
    /// writing documents to end and keeps new ones waiting, hands the events
    /// committed after `after` to `catch_up` and writes what it returns,
    /// swaps the tables and records `versions` as the projections'
    /// checkpoints, all in one transaction. `Contention` if the live table
    /// stayed busy too long: catch up again and retry.
    fn switch_read_models(
        &self,
        lock: &RebuildLock,
        after: LogCursor,
        catch_up: CatchUp<'_>,
        versions: &[(&str, i32)],
    ) -> impl Future<Output = Result<Switched, StoreError>> + Send;

    /// One read-model document.
    fn doc(&self, key: &DocKey) -> impl Future<Output = Result<Option<Doc>, StoreError>> + Send;

    /// A page of documents in `(sort_key, id)` order (descending when the
    /// query asks).
    fn docs(&self, query: &DocQuery) -> impl Future<Output = Result<Vec<Doc>, StoreError>> + Send;

    /// The same page as [`docs`](Self::docs), each body read straight into
    /// `T` (no search text). A body that is not a `T` is
    /// [`StoreError::Corrupt`].
    fn typed_docs<T: DeserializeOwned + Send>(
        &self,
        query: &DocQuery,
    ) -> impl Future<Output = Result<Vec<TypedDoc<T>>, StoreError>> + Send;

    /// Documents whose search text shares words with the query's text, with
    /// their score, highest (most similar) first. Scores compare within one
    /// answer only; they differ between backends.
    fn similar_docs(
        &self,
        query: &SimilarQuery,
    ) -> impl Future<Output = Result<Vec<(Doc, f32)>, StoreError>> + Send;

    /// Checks that the database answers.
    fn ping(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Wakes tailing readers when this process appends.
    fn notifier(&self) -> &LogNotifier;

    /// Every person's key, so a rebuild can open the sealed personal fields
    /// of the log ([`personal`]); forgotten people have none.
    fn person_keys(&self) -> impl Future<Output = Result<Keyring, StoreError>> + Send;
}
