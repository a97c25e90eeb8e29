//! Generations of the read models: a rebuild fills a new table beside the
//! live one and switches it in atomically, so instances keep serving (and
//! appending) from the complete live generation while it runs.
//!
//! The steps, all taken by the holder of the [`RebuildLock`]:
//! 1. [`EventStore::create_next_read_models`]: an empty `read_models_next`
//!    shaped like the live table (what a crashed rebuild left is dropped);
//! 2. the rebuild replays the log into it
//!    ([`EventStore::write_next_read_models`]) while appends keep
//!    projecting inline into the live table;
//! 3. [`EventStore::index_next_read_models`]: the search index and the
//!    secondary indexes, built once over the loaded rows instead of row by
//!    row;
//! 4. [`EventStore::switch_read_models`]: in one transaction that first
//!    waits for every transaction writing documents to end and keeps new
//!    ones out, the events committed since the rebuild's cursor are applied
//!    to the new generation, which then takes the live table's name; the
//!    old one is dropped. Appends that waited project into the new
//!    generation; readers see the old one or the new one, never a mix.
//!
//! See docs/architecture.md, "Rebuilding read models while serving".
//!
//! [`EventStore::create_next_read_models`]: crate::EventStore::create_next_read_models
//! [`EventStore::write_next_read_models`]: crate::EventStore::write_next_read_models
//! [`EventStore::index_next_read_models`]: crate::EventStore::index_next_read_models
//! [`EventStore::switch_read_models`]: crate::EventStore::switch_read_models

use sqlx::{Connection, PgConnection};

use crate::Checkpoint;
use crate::docs::{DocWrite, ProjectionError};
use crate::error::StoreError;
use crate::event::{LogCursor, RecordedEvent};
use crate::personal::Keyring;

/// The table of the read models a write goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadModels {
    /// The generation readers and inline projections use.
    Live,
    /// The generation a rebuild is filling.
    Next,
}

/// Applies events committed since the rebuild's cursor to the rebuild's
/// documents (the events' personal fields already opened) and returns the
/// changes to write into the new generation.
pub type CatchUp<'a> =
    &'a mut (dyn FnMut(&[RecordedEvent]) -> Result<Vec<DocWrite>, ProjectionError> + Send);

/// What the switch applied under its lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Switched {
    /// Events committed after the rebuild's cursor, applied while appends
    /// waited.
    pub events: u64,
    /// The last of them (the rebuild's cursor when there were none).
    pub through: LogCursor,
}

/// What the switch writes after catching up: the next generation's last
/// changes, what was switched, and the checkpoints to record.
pub(crate) struct LastChanges<'v> {
    pub(crate) writes: Vec<DocWrite>,
    pub(crate) switched: Switched,
    pub(crate) checkpoints: Vec<(&'v str, Checkpoint)>,
}

/// The switch's last step before the swap, the same on both backends: the
/// events committed after `after` (read under the switch's lock) opened
/// with the people's keys, handed to `catch_up`.
pub(crate) fn catch_up_last<'v>(
    mut events: Vec<RecordedEvent>,
    keys: &Keyring,
    after: LogCursor,
    catch_up: CatchUp<'_>,
    versions: &[(&'v str, i32)],
) -> Result<LastChanges<'v>, StoreError> {
    for event in &mut events {
        crate::personal::seal::open_event(event, keys)?;
    }
    let through = events.last().map_or(after, |event| event.cursor);
    let writes = catch_up(&events)?;
    let checkpoints = versions
        .iter()
        .map(|(name, version)| {
            let checkpoint = Checkpoint {
                cursor: through,
                version: *version,
            };
            (*name, checkpoint)
        })
        .collect();
    let switched = Switched {
        events: events.len() as u64,
        through,
    };
    Ok(LastChanges {
        writes,
        switched,
        checkpoints,
    })
}

/// The right to build and switch in a new generation of the read models;
/// one holder at a time among every process using the database. Dropping
/// it (or the process dying) releases it.
#[derive(Debug)]
pub struct RebuildLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    /// A session advisory lock, on a connection taken out of the pool so
    /// the lock never returns to it; it ends with the connection.
    Postgres(Box<PgConnection>),
    /// An exclusive lock on a file beside the database (other processes,
    /// such as `iiz replay` beside `iiz serve`) plus a mutex for this one
    /// (file locks do not exclude within a process).
    Sqlite {
        _file: Option<std::fs::File>,
        _guard: tokio::sync::OwnedMutexGuard<()>,
    },
}

impl RebuildLock {
    pub(crate) fn postgres(connection: PgConnection) -> Self {
        Self {
            held: Held::Postgres(Box::new(connection)),
        }
    }

    pub(crate) fn sqlite(
        file: Option<std::fs::File>,
        guard: tokio::sync::OwnedMutexGuard<()>,
    ) -> Self {
        Self {
            held: Held::Sqlite {
                _file: file,
                _guard: guard,
            },
        }
    }

    /// Releases the lock now rather than when dropped.
    pub async fn release(self) {
        if let Held::Postgres(connection) = self.held {
            // Closing the session releases its advisory locks.
            if let Err(error) = connection.close().await {
                tracing::debug!(%error, "closing the rebuild lock's connection");
            }
        }
    }
}
