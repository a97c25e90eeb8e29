//! Read models kept in memory until the log changes them.
//!
//! Some pages read a whole collection (the monitoring dashboard reads every
//! addressee's row of every recommendation: 14 000 documents at 500
//! recommendations). Read models are written in the appending transaction,
//! so what was read stays true until an event of the projection's stream
//! types commits or the projection is rebuilt (its checkpoint moves). A
//! cache entry keeps the [`LogMark`] taken before its reads and the
//! projection's checkpoint, and is used only while the store confirms
//! neither moved: two small queries instead of the reads. Each instance
//! keeps its own entries; the mark is the database's, so instances that
//! write never leave another one's entry stale.

use std::future::Future;
use std::sync::{Arc, Mutex};

use iiz_store::{Checkpoint, EventStore, LogMark, Store};

use crate::AppError;

/// One cached value of a projection's documents.
#[derive(Debug)]
pub(crate) struct ReadCache<T> {
    /// The projection whose documents the value is made of.
    projection: &'static str,
    /// The stream types whose events change those documents.
    stream_types: &'static [&'static str],
    current: Mutex<Option<Arc<Cached<T>>>>,
    /// Held while loading, so concurrent readers of a stale entry load once.
    loading: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct Cached<T> {
    mark: LogMark,
    checkpoint: Option<Checkpoint>,
    value: Arc<T>,
}

impl<T> ReadCache<T> {
    pub(crate) fn new(projection: &'static str, stream_types: &'static [&'static str]) -> Self {
        Self {
            projection,
            stream_types,
            current: Mutex::new(None),
            loading: tokio::sync::Mutex::new(()),
        }
    }

    /// The cached value if nothing changed it since it was read. A stale
    /// entry of the same read-model generation is brought up to date by
    /// `refresh`, given the old value
    /// and the ids of the streams that changed since it was read (for a
    /// cache of one stream type; with several, every change reloads); only a rebuilt read model (or no entry)
    /// is read whole with `load`.
    pub(crate) async fn get_or_refresh<F, Fut, R, RFut>(
        &self,
        store: &Store,
        load: F,
        refresh: R,
    ) -> Result<Arc<T>, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
        R: FnOnce(Arc<T>, Vec<String>) -> RFut,
        RFut: Future<Output = Result<T, AppError>>,
    {
        if let Some(value) = self.fresh(store).await? {
            return Ok(value);
        }
        let _loading = self.loading.lock().await;
        if let Some(value) = self.fresh(store).await? {
            return Ok(value);
        }
        let previous = self.lock().clone();
        let checkpoint = store.checkpoint(self.projection).await?;
        // Mark first, then read what changed since the old mark: a commit
        // in between is refreshed now and again next time, never missed.
        let mark = store.log_mark().await?;
        let value = match (previous, self.stream_types) {
            (Some(previous), [stream_type]) if previous.checkpoint == checkpoint => {
                let changed = store
                    .streams_changed_since(&previous.mark, stream_type)
                    .await?;
                refresh(previous.value.clone(), changed).await?
            }
            _ => load().await?,
        };
        let value = Arc::new(value);
        *self.lock() = Some(Arc::new(Cached {
            mark,
            checkpoint,
            value: value.clone(),
        }));
        Ok(value)
    }

    async fn fresh(&self, store: &Store) -> Result<Option<Arc<T>>, AppError> {
        let Some(cached) = self.lock().clone() else {
            return Ok(None);
        };
        if store.checkpoint(self.projection).await? != cached.checkpoint
            || store
                .committed_since(&cached.mark, self.stream_types)
                .await?
        {
            return Ok(None);
        }
        Ok(Some(cached.value.clone()))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Arc<Cached<T>>>> {
        // A panic while holding the lock cannot leave the slot half
        // written (it is one assignment), so a poisoned lock is still good.
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
