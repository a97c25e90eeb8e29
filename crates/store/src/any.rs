//! The store chosen at run time from a database URL.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::docs::{Doc, DocKey, DocWrite, InlineProjector, TypedDoc};
use crate::error::StoreError;
use crate::event::{AppendOutcome, AppendRequest, LogCursor, RecordedEvent, StreamRef};
use crate::generation::{CatchUp, RebuildLock, Switched};
use crate::mark::LogMark;
use crate::notify::LogNotifier;
use crate::postgres::PgEventStore;
use crate::query::{DocQuery, SimilarQuery};
use crate::sqlite::SqliteEventStore;
use crate::upcast::Upcaster;
use crate::{Checkpoint, EventStore};

/// Which database a [`Store`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Self::Postgres => "postgres",
            Self::Sqlite => "sqlite",
        }
    }
}

/// Either backend, so the rest of the platform is written once.
#[derive(Debug, Clone)]
pub enum Store {
    Postgres(PgEventStore),
    Sqlite(SqliteEventStore),
}

impl Store {
    /// Connects to `postgres://…` or opens `sqlite://path`.
    pub async fn connect(
        url: &str,
        max_connections: u32,
        upcaster: Arc<dyn Upcaster>,
    ) -> Result<Self, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(
                PgEventStore::connect(url, max_connections)
                    .await?
                    .with_upcaster(upcaster),
            ))
        } else if url.starts_with("sqlite:") {
            Ok(Self::Sqlite(
                SqliteEventStore::open_url(url)
                    .await?
                    .with_upcaster(upcaster),
            ))
        } else {
            Err(StoreError::InvalidRequest(
                "the database URL must start with postgres:// or sqlite://".to_owned(),
            ))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgres(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => store.migrate().await,
            Self::Sqlite(store) => store.migrate().await,
        }
    }

    pub async fn close(&self) {
        match self {
            Self::Postgres(store) => store.close().await,
            Self::Sqlite(store) => store.close().await,
        }
    }
}

macro_rules! delegate {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            Store::Postgres($store) => $call,
            Store::Sqlite($store) => $call,
        }
    };
}

impl EventStore for Store {
    async fn append(
        &self,
        request: AppendRequest,
        projector: &dyn InlineProjector,
    ) -> Result<AppendOutcome, StoreError> {
        delegate!(self, store => store.append(request, projector).await)
    }

    async fn idempotent_outcome(
        &self,
        tenant: &str,
        key: &str,
    ) -> Result<Option<AppendOutcome>, StoreError> {
        delegate!(self, store => store.idempotent_outcome(tenant, key).await)
    }

    async fn read_stream(
        &self,
        stream: &StreamRef,
        after_version: u64,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        delegate!(self, store => store.read_stream(stream, after_version).await)
    }

    async fn read_all(
        &self,
        after: LogCursor,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        delegate!(self, store => store.read_all(after, limit).await)
    }

    async fn head(&self) -> Result<LogCursor, StoreError> {
        delegate!(self, store => store.head().await)
    }

    async fn log_mark(&self) -> Result<LogMark, StoreError> {
        delegate!(self, store => store.log_mark().await)
    }

    async fn streams_changed_since(
        &self,
        mark: &LogMark,
        stream_type: &str,
    ) -> Result<Vec<String>, StoreError> {
        delegate!(self, store => store.streams_changed_since(mark, stream_type).await)
    }

    async fn committed_since(
        &self,
        mark: &LogMark,
        stream_types: &[&str],
    ) -> Result<bool, StoreError> {
        delegate!(self, store => store.committed_since(mark, stream_types).await)
    }

    async fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>, StoreError> {
        delegate!(self, store => store.checkpoint(name).await)
    }

    async fn commit_projection(
        &self,
        writes: Vec<DocWrite>,
        checkpoints: &[(&str, Checkpoint)],
    ) -> Result<(), StoreError> {
        delegate!(self, store => store.commit_projection(writes, checkpoints).await)
    }

    async fn lock_rebuild(&self) -> Result<RebuildLock, StoreError> {
        delegate!(self, store => store.lock_rebuild().await)
    }

    async fn try_lock_rebuild(&self) -> Result<Option<RebuildLock>, StoreError> {
        delegate!(self, store => store.try_lock_rebuild().await)
    }

    async fn create_next_read_models(&self, lock: &RebuildLock) -> Result<(), StoreError> {
        delegate!(self, store => store.create_next_read_models(lock).await)
    }

    async fn write_next_read_models(
        &self,
        lock: &RebuildLock,
        writes: Vec<DocWrite>,
    ) -> Result<(), StoreError> {
        delegate!(self, store => store.write_next_read_models(lock, writes).await)
    }

    async fn index_next_read_models(&self, lock: &RebuildLock) -> Result<(), StoreError> {
        delegate!(self, store => store.index_next_read_models(lock).await)
    }

    async fn switch_read_models(
        &self,
        lock: &RebuildLock,
        after: LogCursor,
        catch_up: CatchUp<'_>,
        versions: &[(&str, i32)],
    ) -> Result<Switched, StoreError> {
        delegate!(self, store => store.switch_read_models(lock, after, catch_up, versions).await)
    }

    async fn doc(&self, key: &DocKey) -> Result<Option<Doc>, StoreError> {
        delegate!(self, store => store.doc(key).await)
    }

    async fn docs(&self, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
        delegate!(self, store => store.docs(query).await)
    }

    async fn typed_docs<T: DeserializeOwned + Send>(
        &self,
        query: &DocQuery,
    ) -> Result<Vec<TypedDoc<T>>, StoreError> {
        delegate!(self, store => store.typed_docs(query).await)
    }

    async fn similar_docs(&self, query: &SimilarQuery) -> Result<Vec<(Doc, f32)>, StoreError> {
        delegate!(self, store => store.similar_docs(query).await)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        delegate!(self, store => store.ping().await)
    }

    fn notifier(&self) -> &LogNotifier {
        delegate!(self, store => store.notifier())
    }

    async fn person_keys(&self) -> Result<crate::Keyring, StoreError> {
        delegate!(self, store => store.person_keys().await)
    }
}
