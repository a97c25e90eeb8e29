//! Errors of the application layer. Each protocol boundary maps them to its
//! own codes: `Domain` by its kind, `Store`/`Internal` as internal errors that
//! are logged and never shown.

use iiz_domain::EventCodecError;
use iiz_domain::error::{Classify, ErrorKind};
use iiz_projections::RebuildError;
use iiz_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A business refusal: nothing was written.
    #[error("{message}")]
    Domain { kind: ErrorKind, message: String },
    /// The input could not be parsed.
    #[error("invalid input: {0}")]
    Validation(String),
    /// Concurrent changes kept invalidating the command; nothing was written.
    #[error("the command conflicted with concurrent changes {attempts} times; try again")]
    Contention { attempts: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("stored event cannot be decoded: {0}")]
    Decode(#[from] EventCodecError),
    #[error(transparent)]
    Rebuild(#[from] RebuildError),
}

impl AppError {
    pub fn domain<E: Classify + std::fmt::Display>(error: &E) -> Self {
        Self::Domain {
            kind: error.kind(),
            message: error.to_string(),
        }
    }

    /// The domain kind, for business refusals.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Self::Domain { kind, .. } => Some(*kind),
            Self::Validation(_) => Some(ErrorKind::Validation),
            _ => None,
        }
    }
}
