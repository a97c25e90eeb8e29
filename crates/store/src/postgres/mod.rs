//! PostgreSQL backend: the production store, safe for several instances.

mod append;
mod append_sql;
mod doc_query;
mod docs;
mod generation;
mod read;

use std::sync::Arc;
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

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

/// The PostgreSQL event store.
#[derive(Debug, Clone)]
pub struct PgEventStore {
    pool: PgPool,
    upcaster: Arc<dyn Upcaster>,
    notifier: LogNotifier,
}

impl PgEventStore {
    /// Connects a pool of `max_connections` to `url`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        let options: PgConnectOptions = url.parse()?;
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        Ok(Self::from_pool(pool))
    }

    pub fn from_pool(pool: PgPool) -> Self {
        Self {
            pool,
            upcaster: Arc::new(UpcasterChain::new()),
            notifier: LogNotifier::new(),
        }
    }

    /// Replaces the upcaster applied to every event read.
    #[must_use]
    pub fn with_upcaster(mut self, upcaster: Arc<dyn Upcaster>) -> Self {
        self.upcaster = upcaster;
        self
    }

    /// Applies pending migrations (an advisory lock keeps instances that
    /// start together from racing).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        crate::migrations::postgres().run(&self.pool).await?;
        Ok(())
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl EventStore for PgEventStore {
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
        append::idempotent_outcome(self, tenant, key).await
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
        let row: Option<(i64, i64)> = sqlx::query_as(
            "SELECT tx_id::text::bigint, position FROM events ORDER BY tx_id DESC, position DESC LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map_or(LogCursor::START, |(tx, position)| LogCursor {
            tx,
            position,
        }))
    }

    async fn log_mark(&self) -> Result<LogMark, StoreError> {
        let snapshot: String = sqlx::query_scalar("SELECT pg_current_snapshot()::text")
            .fetch_one(&self.pool)
            .await?;
        Ok(LogMark(MarkKind::Snapshot(snapshot)))
    }

    async fn committed_since(
        &self,
        mark: &LogMark,
        stream_types: &[&str],
    ) -> Result<bool, StoreError> {
        let LogMark(MarkKind::Snapshot(snapshot)) = mark else {
            return Err(StoreError::InvalidRequest(
                "a log mark of another backend".to_owned(),
            ));
        };
        // Every transaction the mark did not see has an id at or above its
        // xmin; the log-order index starts there. The ordered subquery keeps
        // the index scan in the prepared statement's generic plan, which
        // cannot know how recent xmin is and otherwise scans the whole log
        // (15 ms at 130 000 events, growing with the log).
        let changed: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM ( \
                 SELECT tx_id, stream_type FROM events \
                 WHERE tx_id >= pg_snapshot_xmin($1::text::pg_snapshot) \
                 ORDER BY tx_id, position) recent \
             WHERE NOT pg_visible_in_snapshot(recent.tx_id, $1::text::pg_snapshot) \
             AND (cardinality($2::text[]) = 0 OR recent.stream_type = ANY($2::text[])))",
        )
        .bind(snapshot)
        .bind(stream_types)
        .fetch_one(&self.pool)
        .await?;
        Ok(changed)
    }

    async fn streams_changed_since(
        &self,
        mark: &LogMark,
        stream_type: &str,
    ) -> Result<Vec<String>, StoreError> {
        let LogMark(MarkKind::Snapshot(snapshot)) = mark else {
            return Err(StoreError::InvalidRequest(
                "a log mark of another backend".to_owned(),
            ));
        };
        // As `committed_since`: from the mark's xmin along the log order.
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT recent.stream_id FROM ( \
                 SELECT tx_id, stream_type, stream_id FROM events \
                 WHERE tx_id >= pg_snapshot_xmin($1::text::pg_snapshot) \
                 ORDER BY tx_id, position) recent \
             WHERE NOT pg_visible_in_snapshot(recent.tx_id, $1::text::pg_snapshot) \
             AND recent.stream_type = $2",
        )
        .bind(snapshot)
        .bind(stream_type)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }

    async fn checkpoint(&self, name: &str) -> Result<Option<Checkpoint>, StoreError> {
        docs::checkpoint(&self.pool, name).await
    }

    async fn commit_projection(
        &self,
        writes: Vec<DocWrite>,
        checkpoints: &[(&str, Checkpoint)],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        docs::write(&mut tx, ReadModels::Live, writes).await?;
        for (name, checkpoint) in checkpoints {
            docs::save_checkpoint(&mut tx, name, *checkpoint).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn lock_rebuild(&self) -> Result<RebuildLock, StoreError> {
        generation::lock(self).await
    }

    async fn try_lock_rebuild(&self) -> Result<Option<RebuildLock>, StoreError> {
        generation::try_lock(self).await
    }

    async fn create_next_read_models(&self, _lock: &RebuildLock) -> Result<(), StoreError> {
        generation::create_next(self).await
    }

    async fn write_next_read_models(
        &self,
        _lock: &RebuildLock,
        writes: Vec<DocWrite>,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        docs::write(&mut conn, ReadModels::Next, writes).await
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
        docs::get(&self.pool, key).await
    }

    async fn docs(&self, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
        doc_query::list(&self.pool, query).await
    }

    async fn typed_docs<T: DeserializeOwned + Send>(
        &self,
        query: &DocQuery,
    ) -> Result<Vec<TypedDoc<T>>, StoreError> {
        doc_query::typed_list(&self.pool, query).await
    }

    async fn similar_docs(&self, query: &SimilarQuery) -> Result<Vec<(Doc, f32)>, StoreError> {
        doc_query::similar(&self.pool, query).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    fn notifier(&self) -> &LogNotifier {
        &self.notifier
    }

    async fn person_keys(&self) -> Result<crate::Keyring, StoreError> {
        crate::personal::keyring_of(crate::personal::pg_all_keys(&self.pool).await?)
    }
}
