//! Rebuilding read models by replaying the log into a new generation of
//! them while the live one keeps serving ([`iiz_store::generation`]).
//!
//! One rebuild runs at a time among every instance on the database: it
//! holds the store's rebuild lock. It keeps the whole read model in memory
//! while the log streams past (read models are small next to the log) and
//! writes it into the next generation in large batches, by a task of its
//! own while the next events are applied ([`writer`]). Appends meanwhile
//! project inline into the live generation; the rebuild follows them in
//! rounds of catching up until few are left, then the switch applies the
//! last ones while appends wait and swaps the generations.

mod writer;

use std::sync::Arc;
use std::time::{Duration, Instant};

use iiz_store::{
    DocSet, EventStore, Keyring, LogCursor, ProjectionError, RebuildLock, RecordedEvent,
    StoreError, Subscription,
};
use tokio::sync::mpsc;

use self::writer::Writer;
use crate::Projections;

/// Events read per round trip.
const READ_BATCH: usize = 10_000;
/// Events applied between two writes of the changed documents: the
/// writes of one overlap with applying the next.
const FLUSH_EVERY: u64 = 50_000;
/// A catch-up round that found fewer events than this is close enough to
/// the head for the switch, whose catching up holds appends back.
const CLOSE_ENOUGH: u64 = 1_000;
/// Switches tried before the rebuild gives up (each waits up to the
/// store's lock timeout for the live table).
const SWITCH_ATTEMPTS: u32 = 10;

#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the task writing the new generation failed: {0}")]
    Writer(#[from] tokio::task::JoinError),
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
    /// Events replayed, the ones caught up with included.
    pub events: u64,
    /// Of them, the events appended while the rebuild ran.
    pub caught_up: u64,
    pub documents_written: usize,
    /// Time spent writing the new generation: documents (beside applying
    /// events), indexes and the switch.
    pub writing: Duration,
    /// The last event the new generation holds.
    pub head: LogCursor,
    pub elapsed: Duration,
}

/// Progress of a running rebuild: events applied and the log's last
/// position when it started.
#[derive(Debug, Clone, Copy)]
pub struct RebuildProgress {
    pub events: u64,
    pub position: i64,
    pub head_position: i64,
}

/// Whether the read models are current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staleness {
    /// Projections whose checkpoint is missing or was written by another
    /// version of their code.
    pub stale: Vec<&'static str>,
    /// Whether any projection has a checkpoint: read models were built
    /// before (and serve while a rebuild runs).
    pub built: bool,
}

/// Which projections must be rebuilt.
pub async fn staleness<S: EventStore>(
    store: &S,
    projections: &Projections,
) -> Result<Staleness, StoreError> {
    let mut stale = Vec::new();
    let mut built = false;
    for projection in projections.iter() {
        let current = store.checkpoint(projection.name()).await?;
        built |= current.is_some();
        if current.is_none_or(|checkpoint| checkpoint.version != projection.version()) {
            stale.push(projection.name());
        }
    }
    Ok(Staleness { stale, built })
}

/// Rebuilds every read model into a new generation and switches it in,
/// waiting first for a rebuild another instance runs. Appends and reads go
/// on meanwhile.
pub async fn rebuild<S: EventStore>(
    store: &S,
    projections: &Projections,
    progress: &(dyn Fn(RebuildProgress) + Sync),
) -> Result<RebuildReport, RebuildError> {
    let lock = Arc::new(store.lock_rebuild().await?);
    let report = rebuild_locked(store, projections, lock.clone(), progress).await;
    release(lock).await;
    report
}

/// Like [`rebuild`], but only if some projection is still stale once this
/// caller holds the lock: when several instances start on a changed
/// projection, the first rebuilds and the others find it done.
pub async fn rebuild_if_stale<S: EventStore>(
    store: &S,
    projections: &Projections,
    progress: &(dyn Fn(RebuildProgress) + Sync),
) -> Result<Option<RebuildReport>, RebuildError> {
    let lock = Arc::new(store.lock_rebuild().await?);
    let report = if staleness(store, projections).await?.stale.is_empty() {
        Ok(None)
    } else {
        rebuild_locked(store, projections, lock.clone(), progress)
            .await
            .map(Some)
    };
    release(lock).await;
    report
}

/// Releases the rebuild lock; a writer task still ending after a failure
/// holds it until it has.
async fn release(lock: Arc<RebuildLock>) {
    if let Some(lock) = Arc::into_inner(lock) {
        lock.release().await;
    }
}

/// The documents of a rebuild and where in the log they are.
struct Replay<'a, S> {
    projections: &'a Projections,
    docs: DocSet,
    cursor: LogCursor,
    events: u64,
    since_flush: u64,
    writer: Writer<S>,
    /// Time spent on indexes and the switch.
    finishing: Duration,
}

impl<S: EventStore> Replay<'_, S> {
    /// Applies events to the documents; on failure, the event's position.
    fn apply(&mut self, events: &[RecordedEvent]) -> Result<(), (i64, ProjectionError)> {
        for event in events {
            for projection in self.projections.iter() {
                if projection.handles(&event.stream.stream_type) {
                    projection
                        .apply(&mut self.docs, event)
                        .map_err(|source| (event.position, source))?;
                }
            }
            self.cursor = event.cursor;
        }
        let count = events.len() as u64;
        self.events += count;
        self.since_flush += count;
        Ok(())
    }

    /// Hands the changed documents to the writer.
    async fn flush(&mut self) -> Result<(), RebuildError> {
        self.since_flush = 0;
        let writes = self.docs.take_writes().map_err(StoreError::from)?;
        self.writer.write(writes).await
    }
}

fn projection_error((position, source): (i64, ProjectionError)) -> RebuildError {
    RebuildError::Projection { position, source }
}

fn open_all(events: &mut [RecordedEvent], keys: &Keyring) -> Result<(), StoreError> {
    for event in events {
        // People's names and addresses are sealed in the log; a forgotten
        // person has no key, so their fields replay as erased.
        iiz_store::personal::seal::open_event(event, keys).map_err(StoreError::from)?;
    }
    Ok(())
}

async fn rebuild_locked<S: EventStore>(
    store: &S,
    projections: &Projections,
    lock: Arc<RebuildLock>,
    progress: &(dyn Fn(RebuildProgress) + Sync),
) -> Result<RebuildReport, RebuildError> {
    let started = Instant::now();
    store.create_next_read_models(&lock).await?;
    let head = store.head().await?;
    let keys = store.person_keys().await?;
    let mut replay = Replay {
        projections,
        docs: DocSet::complete(),
        cursor: LogCursor::START,
        events: 0,
        since_flush: 0,
        writer: Writer::new(store.clone(), lock.clone()),
        finishing: Duration::ZERO,
    };
    let mut batches = read_ahead(store.clone(), head);
    while let Some(read) = batches.recv().await {
        let mut batch = read?;
        open_all(&mut batch, &keys)?;
        replay.apply(&batch).map_err(projection_error)?;
        if replay.since_flush >= FLUSH_EVERY {
            replay.flush().await?;
        }
        progress(RebuildProgress {
            events: replay.events,
            position: replay.cursor.position,
            head_position: head.position,
        });
    }
    replay.flush().await?;
    replay.writer.finish().await?;
    let indexing = Instant::now();
    store.index_next_read_models(&lock).await?;
    replay.finishing += indexing.elapsed();
    let loaded = replay.events;
    let versions: Vec<(&str, i32)> = projections
        .iter()
        .map(|projection| (projection.name(), projection.version()))
        .collect();
    let mut attempts = 0;
    let switched = loop {
        catch_up(store, &mut replay).await?;
        // Set once the last events were applied: their changes left the
        // document set with the switch's transaction, so a failed switch
        // cannot be tried again with this set.
        let mut applied = false;
        let mut failed_at = None;
        let after = replay.cursor;
        let mut apply_last = |events: &[RecordedEvent]| {
            applied = true;
            replay
                .apply(events)
                .map_err(|(position, source)| {
                    failed_at = Some(position);
                    source
                })
                .and_then(|()| replay.docs.take_writes())
        };
        let switching = Instant::now();
        let result = store
            .switch_read_models(&lock, after, &mut apply_last, &versions)
            .await;
        replay.finishing += switching.elapsed();
        match result {
            Ok(switched) => break switched,
            Err(StoreError::Contention(reason)) if !applied && attempts + 1 < SWITCH_ATTEMPTS => {
                attempts += 1;
                tracing::info!(%reason, attempts, "read model switch postponed");
            }
            Err(StoreError::Projection(source)) => {
                return Err(RebuildError::Projection {
                    position: failed_at.unwrap_or_default(),
                    source,
                });
            }
            Err(error) => return Err(error.into()),
        }
    };
    Ok(RebuildReport {
        events: replay.events,
        caught_up: replay.events - loaded,
        documents_written: replay.writer.documents,
        writing: replay.writer.busy + replay.finishing,
        head: switched.through,
        elapsed: started.elapsed(),
    })
}

/// Follows the appends made since the replay's cursor, in rounds up to the
/// head of the moment, until a round finds few.
async fn catch_up<S: EventStore>(
    store: &S,
    replay: &mut Replay<'_, S>,
) -> Result<(), RebuildError> {
    let mut subscription = Subscription::new(store.clone(), replay.cursor)
        .with_batch_size(READ_BATCH)
        .with_poll_interval(Duration::from_millis(10));
    loop {
        let head = store.head().await?;
        // After the head: a person's key is stored before their first event.
        let keys = store.person_keys().await?;
        let before = replay.events;
        while let Some(mut batch) = subscription.next_batch_until(head).await? {
            open_all(&mut batch, &keys)?;
            replay.apply(&batch).map_err(projection_error)?;
        }
        replay.flush().await?;
        replay.writer.finish().await?;
        if replay.events - before < CLOSE_ENOUGH {
            return Ok(());
        }
    }
}

/// Reads the log up to `head` in a task of its own, one batch ahead of the
/// caller, so reading and decoding overlap with applying.
fn read_ahead<S: EventStore>(
    store: S,
    head: LogCursor,
) -> mpsc::Receiver<Result<Vec<RecordedEvent>, StoreError>> {
    let (sender, receiver) = mpsc::channel(1);
    tokio::spawn(async move {
        let mut subscription = Subscription::new(store, LogCursor::START)
            .with_batch_size(READ_BATCH)
            .with_poll_interval(Duration::from_millis(10));
        loop {
            let message = match subscription.next_batch_until(head).await {
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
