//! Errors of the store. `Conflict` and `Contention` are expected under
//! concurrency and retried by the command handler; the others are faults.

use crate::docs::ProjectionError;
use crate::event::{ExpectedVersion, StreamRef};
use crate::upcast::UpcastError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The stream's version is not the expected one; nothing was written.
    #[error("stream {stream} is at version {actual}, expected {expected}")]
    Conflict {
        stream: StreamRef,
        expected: ExpectedVersion,
        actual: u64,
    },
    /// A concurrent transaction created the same read-model document;
    /// nothing was written and the command can be retried.
    #[error("concurrent update of read model document {0}")]
    Contention(String),
    /// An inline projection refused an event; nothing was written.
    #[error("inline projection failed: {0}")]
    Projection(#[from] ProjectionError),
    #[error("stored event cannot be upcast: {0}")]
    Upcast(#[from] UpcastError),
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Whether a retry of the whole command may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Conflict { .. } | Self::Contention(_))
    }
}
