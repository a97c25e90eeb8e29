//! SQLite backend: the embedded default, one file and no server.
//!
//! SQLite allows one writer at a time, so writes go through a pool of one
//! connection (waiting in Rust instead of spinning on `SQLITE_BUSY`) and
//! reads through a separate pool; WAL mode lets them run side by side.

mod append;
mod doc_query;
mod docs;
mod generation;
mod read;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use serde::de::DeserializeOwned;

use crate::docs::{Doc, DocKey, DocWrite, InlineProjector, TypedDoc};
use crate::error::StoreError;
use crate::event::{AppendOutcome, AppendRequest, LogCursor, RecordedEvent, StreamRef};
use crate::generation::{CatchUp, ReadModels, RebuildLock, Switched};
use crate::mark::{LogMark, MarkKind};
use crate::notify::LogNotifier;
use crate::query::{DocQuery, SimilarQuery};
use crate::upcast::{Upcaster, UpcasterChain};
use crate::{Checkpoint, EventStore};

/// The page cache of the one writer connection, in KiB (negative, as
/// SQLite counts it): a rebuild writes documents all over the read models'
/// b-trees, and with the default 2 MiB it read most pages back from the
/// operating system before changing them. The cache fills only as far as
/// writes reach, so a small database keeps a small one; the readers keep
/// the default.
const WRITER_CACHE: &str = "-32768";

/// The SQLite event store.
#[derive(Debug, Clone)]
pub struct SqliteEventStore {
    writer: SqlitePool,
    reader: SqlitePool,
    upcaster: Arc<dyn Upcaster>,
    notifier: LogNotifier,
    rebuild_gate: generation::RebuildGate,
}

impl SqliteEventStore {
    /// The pool of read connections.
    pub(crate) fn reader(&self) -> &SqlitePool {
        &self.reader
    }

    /// Opens (and creates) the database file at `path`.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|error| {
                StoreError::InvalidRequest(format!("cannot create {}: {error}", parent.display()))
            })?;
        }
        let options = Self::connect_options(path);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone().pragma("cache_size", WRITER_CACHE))
            .await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(Self {
            writer,
            reader,
            upcaster: Arc::new(UpcasterChain::new()),
            notifier: LogNotifier::new(),
            rebuild_gate: generation::RebuildGate::beside(path),
        })
    }

    /// The connection settings of the store: WAL, `synchronous=FULL` (an
    /// acknowledged append survives a power loss, not only a crash), foreign
    /// keys, `secure_delete`, and waiting on a busy database. Benchmarks reuse them so their
    /// reference runs on the same settings.
    pub fn connect_options(path: &Path) -> SqliteConnectOptions {
        SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Deleted content (an erased person's rows) is overwritten with
            // zeros instead of lingering in free pages of the file.
            .pragma("secure_delete", "ON")
            .busy_timeout(Duration::from_secs(10))
    }

    /// Opens a `sqlite://path` or `sqlite:path` URL.
    pub async fn open_url(url: &str) -> Result<Self, StoreError> {
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .ok_or_else(|| StoreError::InvalidRequest(format!("not a sqlite URL: {url}")))?;
        let path = path.split('?').next().unwrap_or(path);
        Self::open(Path::new(path)).await
    }

    /// Replaces the upcaster applied to every event read.
    #[must_use]
    pub fn with_upcaster(mut self, upcaster: Arc<dyn Upcaster>) -> Self {
        self.upcaster = upcaster;
        self
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        crate::migrations::sqlite().run(&self.writer).await?;
        Ok(())
    }

    /// The single writer connection's pool (benchmarks compare against it).
    pub fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}

impl EventStore for SqliteEventStore {
    async fn append(
        &self,
        request: AppendRequest,
        projector: &dyn InlineProjector,
    ) -> Result<AppendOutcome, StoreError> {
        let outcome = append::append(self, request, projector).await?;
        if !outcome.deduplicated {
            self.notifier.notify();
        }
        Ok(outcome)
    }

    async fn idempotent_outcome(
        &self,
        tenant: &str,
        key: &str,
    ) -> Result<Option<AppendOutcome>, StoreError> {
        let mut conn = self.reader.acquire().await?;
        append::idempotent_outcome(self, &mut conn, tenant, key).await
    }

    async fn read_stream(
        &self,
        stream: &StreamRef,
        after_version: u64,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        read::read_stream(self, stream, after_version).await
    }

    async fn read_all(
        &self,
        after: LogCursor,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        read::read_all(self, after, limit).await
    }

    async fn head(&self) -> Result<LogCursor, StoreError> {
        let position: Option<i64> = sqlx::query_scalar("SELECT MAX(position) FROM events")
            .fetch_one(&self.reader)
            .await?;
        Ok(position.map_or(LogCursor::START, |position| LogCursor { tx: 0, position }))
    }

    async fn log_mark(&self) -> Result<LogMark, StoreError> {
        let position: Option<i64> = sqlx::query_scalar("SELECT MAX(position) FROM events")
            .fetch_one(&self.reader)
            .await?;
        Ok(LogMark(MarkKind::Position(position.unwrap_or(0))))
    }

    async fn committed_since(
        &self,
        mark: &LogMark,
        stream_types: &[&str],
    ) -> Result<bool, StoreError> {
        let LogMark(MarkKind::Position(position)) = mark else {
            return Err(StoreError::InvalidRequest(
                "a log mark of another backend".to_owned(),
            ));
        };
        let types = serde_json::to_string(stream_types)
            .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
        let changed: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM events WHERE position > ?1 \
             AND (json_array_length(?2) = 0 \
             OR stream_type IN (SELECT value FROM json_each(?2))))",
        )
        .bind(position)
        .bind(types)
        .fetch_one(&self.reader)
        .await?;
        Ok(changed)
    }

    async fn streams_changed_since(
        &self,
        mark: &LogMark,
        stream_type: &str,
    ) -> Result<Vec<String>, StoreError> {
        let LogMark(MarkKind::Position(position)) = mark else {
            return Err(StoreError::InvalidRequest(
                "a log mark of another backend".to_owned(),
            ));
        };
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT stream_id FROM events WHERE position > ? AND stream_type = ?",
        )
        .bind(position)
        .bind(stream_type)
        .fetch_all(&self.reader)
        .await?;
        Ok(ids)
    }

    async fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>, StoreError> {
        docs::checkpoint(&self.reader, name).await
    }

    async fn commit_projection(
        &self,
        writes: Vec<DocWrite>,
        checkpoints: &[(&str, Checkpoint)],
    ) -> Result<(), StoreError> {
        let mut tx = append::begin(self).await?;
        docs::write(&mut tx, ReadModels::Live, writes).await?;
        for (name, checkpoint) in checkpoints {
            docs::save_checkpoint(&mut tx, name, *checkpoint).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn lock_rebuild(&self) -> Result<RebuildLock, StoreError> {
        self.rebuild_gate.lock().await
    }

    async fn try_lock_rebuild(&self) -> Result<Option<RebuildLock>, StoreError> {
        self.rebuild_gate.try_lock()
    }

    async fn create_next_read_models(&self, _lock: &RebuildLock) -> Result<(), StoreError> {
        generation::create_next(self).await
    }

    async fn write_next_read_models(
        &self,
        _lock: &RebuildLock,
        writes: Vec<DocWrite>,
    ) -> Result<(), StoreError> {
        let mut tx = append::begin(self).await?;
        docs::write(&mut tx, ReadModels::Next, writes).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn index_next_read_models(&self, _lock: &RebuildLock) -> Result<(), StoreError> {
        generation::index_next(self).await
    }

    async fn switch_read_models(
        &self,
        _lock: &RebuildLock,
        after: LogCursor,
        catch_up: CatchUp<'_>,
        versions: &[(&str, i32)],
    ) -> Result<Switched, StoreError> {
        generation::switch(self, after, catch_up, versions).await
    }

    async fn doc(&self, key: &DocKey) -> Result<Option<Doc>, StoreError> {
        docs::get(&self.reader, key).await
    }

    async fn docs(&self, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
        doc_query::list(&self.reader, query).await
    }

    async fn typed_docs<T: DeserializeOwned + Send>(
        &self,
        query: &DocQuery,
    ) -> Result<Vec<TypedDoc<T>>, StoreError> {
        doc_query::typed_list(&self.reader, query).await
    }

    async fn similar_docs(&self, query: &SimilarQuery) -> Result<Vec<(Doc, f32)>, StoreError> {
        doc_query::similar(&self.reader, query).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.reader).await?;
        Ok(())
    }

    fn notifier(&self) -> &LogNotifier {
        &self.notifier
    }

    async fn person_keys(&self) -> Result<crate::Keyring, StoreError> {
        crate::personal::keyring_of(crate::personal::sqlite_all_keys(&self.reader).await?)
    }
}
