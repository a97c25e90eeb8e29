//! Errors of the application layer. Each protocol boundary maps them to its
//! own codes: `Domain` by its kind, `Store`/`Internal` as internal errors that
//! are logged and never shown.
//!
//! A business refusal keeps the domain error itself ([`AppError::refusal`]),
//! so callers match on it by type, never on its message; and it names the
//! input it is about when it is about one ([`AppError::field`]), so a form
//! shows it next to that input.

use std::error::Error as StdError;
use std::sync::Arc;

use iiz_domain::error::{Classify, ErrorKind};
use iiz_domain::{ConceptRule, EventCodecError};
use iiz_projections::RebuildError;
use iiz_store::StoreError;

use crate::authz::Denied;

/// A domain refusal kept as it was raised, for a typed match.
pub type Refusal = Arc<dyn StdError + Send + Sync>;

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
        /// The input the refusal is about, by the command field's name.
        field: Option<&'static str>,
        /// The domain error, when a domain aggregate refused (refusals of
        /// the app layer itself have none): see [`AppError::refusal`].
        refusal: Option<Refusal>,
    },
    /// The input could not be parsed.
    #[error("invalid input: {message}")]
    Validation {
        /// The input that failed, when one did (`title`, `due_on`, …).
        field: Option<String>,
        message: String,
    },
    /// Too many sign-in attempts for the account or from the address: the
    /// attempt was refused without checking the password
    /// ([`crate::throttle`]).
    #[error("too many sign-in attempts; try again later")]
    TooManyAttempts { retry_after_seconds: u64 },
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
    /// A refusal of a domain aggregate, kept typed.
    pub fn domain<E: Classify + StdError + Send + Sync + 'static>(error: E) -> Self {
        Self::Domain {
            kind: error.kind(),
            message: error.to_string(),
            details: error.details(),
            rule: error.rule(),
            field: error.field(),
            refusal: Some(Arc::new(error)),
        }
    }

    /// A refusal of the app layer itself (no aggregate refused).
    pub fn refused(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::Domain {
            kind,
            message: message.into(),
            details: None,
            rule: None,
            field: None,
            refusal: None,
        }
    }

    /// A refusal of the app layer that applies a rule of the concept.
    pub fn governance(rule: ConceptRule, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::Domain {
            kind,
            message: message.into(),
            details: None,
            rule: Some(rule),
            field: None,
            refusal: None,
        }
    }

    /// Input that could not be parsed, not about one input in particular.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Validation {
            field: None,
            message: message.into(),
        }
    }

    /// Input that could not be parsed: `field` failed.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// The domain error of a refusal, if it is an `E`:
    /// `matches!(error.refusal(), Some(PersonError::AlreadyRegistered))`.
    pub fn refusal<E: StdError + 'static>(&self) -> Option<&E> {
        match self {
            Self::Domain {
                refusal: Some(refusal),
                ..
            } => refusal.downcast_ref::<E>(),
            _ => None,
        }
    }

    /// The input a refusal or a validation error is about, if one.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Domain { field, .. } => *field,
            Self::Validation { field, .. } => field.as_deref(),
            _ => None,
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
            Self::Validation { .. } => Some(ErrorKind::Validation),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use iiz_domain::ConcernError;
    use iiz_domain::concern::MissingField;
    use iiz_domain::person::PersonError;

    use super::*;

    #[test]
    fn a_domain_refusal_stays_typed_and_names_its_input() {
        // given a concern refused for a missing description
        let error = AppError::domain(ConcernError::Missing(MissingField::Description));

        // then it is that refusal, and not another aggregate's
        assert!(matches!(
            error.refusal(),
            Some(ConcernError::Missing(MissingField::Description))
        ));
        assert!(error.refusal::<PersonError>().is_none());
        assert_eq!(error.field(), Some("description"));
        assert_eq!(error.kind(), Some(ErrorKind::Validation));
        assert_eq!(error.to_string(), "the description is required");
    }

    #[test]
    fn a_refusal_of_the_app_layer_has_no_domain_error() {
        let error = AppError::refused(ErrorKind::NotFound, "tenant ZH is not registered");
        assert!(error.refusal::<ConcernError>().is_none());
        assert_eq!(error.field(), None);
    }

    #[test]
    fn a_validation_error_names_the_input_when_one_failed() {
        let error = AppError::invalid_field("title", "the title is empty");
        assert_eq!(error.field(), Some("title"));
        assert_eq!(error.to_string(), "invalid input: the title is empty");
        assert_eq!(AppError::invalid("bad").field(), None);
    }
}
