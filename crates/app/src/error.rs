//! Errors of the application layer. Each protocol boundary maps them to its
//! own codes: `Domain` by its kind, `Store`/`Internal` as internal errors that
//! are logged and never shown.

use iiz_domain::error::{Classify, ErrorKind};
use iiz_domain::{ConceptRule, EventCodecError};
use iiz_projections::RebuildError;
use iiz_store::StoreError;

use crate::authz::Denied;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A business refusal: nothing was written.
    #[error("{message}")]
    Domain {
        kind: ErrorKind,
        message: String,
        /// Facts a client can act on (the state, the allowed next steps).
        details: Option<serde_json::Value>,
        /// The rule of the national concept the refusal applies, shown to
        /// people in their language ([`crate::rules`]).
        rule: Option<ConceptRule>,
    },
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
    /// Authorization refused the operation; nothing was read or written.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// A fault of the platform itself (no randomness, a panicked task, a
    /// stored value that no longer parses); logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn domain<E: Classify + std::fmt::Display>(error: &E) -> Self {
        Self::Domain {
            kind: error.kind(),
            message: error.to_string(),
            details: error.details(),
            rule: error.rule(),
        }
    }

    /// A refusal of the app layer that applies a rule of the concept.
    pub fn governance(rule: ConceptRule, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::Domain {
            kind,
            message: message.into(),
            details: None,
            rule: Some(rule),
        }
    }

    /// The concept's rule a refusal applies, if any.
    pub fn rule(&self) -> Option<ConceptRule> {
        match self {
            Self::Domain { rule, .. } => *rule,
            _ => None,
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
