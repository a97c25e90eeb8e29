//! Rebuilding read models by replaying the log into empty collections.
//!
//! The whole read model is kept in memory while the log streams past (read
//! models are small next to the log), and changes are written in large
//! batches together with the checkpoints, so a rebuild costs one pass over
//! the log and a few bulk writes.

use std::time::{Duration, Instant};

use iiz_store::{
    Checkpoint, DocSet, EventStore, LogCursor, ProjectionError, RecordedEvent, StoreError,
    Subscription,
};
use tokio::sync::mpsc;

use crate::Projections;

/// Events read per round trip.
const READ_BATCH: usize = 10_000;
/// Events applied between two writes of the changed documents.
const FLUSH_EVERY: u64 = 200_000;

#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("event at position {position} cannot be projected: {source}")]
    Projection {
        position: i64,
        #[source]
        source: ProjectionError,
    },
}

/// What a rebuild did.
#[derive(Debug, Clone, PartialEq)]
pub struct RebuildReport {
    pub events: u64,
    pub documents_written: usize,
    pub head: LogCursor,
    pub elapsed: Duration,
}

/// Progress of a running rebuild: events applied and the log's last position.
#[derive(Debug, Clone, Copy)]
pub struct RebuildProgress {
    pub events: u64,
    pub position: i64,
    pub head_position: i64,
}

/// The projections whose checkpoint is missing or was written by another
/// version of their code.
pub async fn needs_rebuild<S: EventStore>(
    store: &S,
    projections: &Projections,
) -> Result<Vec<&'static str>, StoreError> {
    let mut stale = Vec::new();
    for projection in projections.iter() {
        let current = store.checkpoint(projection.name()).await?;
        if current.is_none_or(|checkpoint| checkpoint.version != projection.version()) {
            stale.push(projection.name());
        }
    }
    Ok(stale)
}

/// Empties every collection of `projections` and replays the log into them,
/// up to the head at the start. Appends must be stopped meanwhile (inline
/// projections would write into half-built read models).
pub async fn rebuild<S: EventStore>(
    store: &S,
    projections: &Projections,
    progress: &(dyn Fn(RebuildProgress) + Sync),
) -> Result<RebuildReport, RebuildError> {
    let started = Instant::now();
    for projection in projections.iter() {
        store
            .reset_projection(projection.name(), projection.collections())
            .await?;
    }
    let head = store.head().await?;
    // People's names and addresses are sealed in the log; a forgotten
    // person has no key, so their fields replay as erased.
    let keys = store.person_keys().await?;
    let mut batches = read_ahead(store.clone(), head);
    let mut docs = DocSet::complete();
    let mut events = 0u64;
    let mut since_flush = 0u64;
    let mut documents_written = 0usize;
    while let Some(read) = batches.recv().await {
        let (mut batch, cursor) = read?;
        for event in &mut batch {
            iiz_store::personal::seal::open_event(event, &keys).map_err(StoreError::from)?;
            for projection in projections.iter() {
                if projection.handles(&event.stream.stream_type) {
                    projection.apply(&mut docs, &*event).map_err(|source| {
                        RebuildError::Projection {
                            position: event.position,
                            source,
                        }
                    })?;
                }
            }
        }
        let count = batch.len() as u64;
        events += count;
        since_flush += count;
        if since_flush >= FLUSH_EVERY {
            documents_written += flush(store, projections, &mut docs, cursor).await?;
            since_flush = 0;
        }
        progress(RebuildProgress {
            events,
            position: cursor.position,
            head_position: head.position,
        });
    }
    documents_written += flush(store, projections, &mut docs, head).await?;
    Ok(RebuildReport {
        events,
        documents_written,
        head,
        elapsed: started.elapsed(),
    })
}

/// Reads the log up to `head` in a task of its own, one batch ahead of the
/// caller, so reading and decoding overlap with applying.
fn read_ahead<S: EventStore>(
    store: S,
    head: LogCursor,
) -> mpsc::Receiver<Result<(Vec<RecordedEvent>, LogCursor), StoreError>> {
    let (sender, receiver) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut subscription = Subscription::new(store, LogCursor::START)
            .with_batch_size(READ_BATCH)
            .with_poll_interval(Duration::from_millis(10));
        loop {
            let read = subscription
                .next_batch_until(head)
                .await
                .map(|batch| batch.map(|events| (events, subscription.cursor())));
            let message = match read {
                Ok(Some(batch)) => Ok(batch),
                Ok(None) => break,
                Err(error) => Err(error),
            };
            let failed = message.is_err();
            // A closed channel means the rebuild gave up: stop reading.
            if sender.send(message).await.is_err() || failed {
                break;
            }
        }
    });
    receiver
}

async fn flush<S: EventStore>(
    store: &S,
    projections: &Projections,
    docs: &mut DocSet,
    cursor: LogCursor,
) -> Result<usize, StoreError> {
    let writes = docs.take_writes();
    let count = writes.len();
    let checkpoints: Vec<(&str, Checkpoint)> = projections
        .iter()
        .map(|projection| {
            (
                projection.name(),
                Checkpoint {
                    cursor,
                    version: projection.version(),
                },
            )
        })
        .collect();
    store.commit_projection(writes, &checkpoints).await?;
    Ok(count)
}
