//! Why a chair command was refused.

use chrono::NaiveDate;

use crate::error::{Classify, ErrorKind};
use crate::partner::Party;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChairError {
    #[error("the body's chair record already exists")]
    AlreadyEstablished,
    #[error("the body has no chair record yet")]
    NotEstablished,
    #[error("a rotation needs at least one office, each once, and terms of at least one year")]
    InvalidRule,
    #[error("a term ends before it starts")]
    EndsBeforeStart,
    #[error("{0} is not in the body's rotation")]
    NotInRotation(Party),
    #[error("the rotation passes the chair to {expected} now, not to {got}")]
    OutOfTurn { expected: Party, got: Party },
    #[error("a term of this body ends on {expected}, not {got}")]
    TermLength { expected: NaiveDate, got: NaiveDate },
    #[error("the term must start on {expected}, the day after the previous one ends")]
    NotContiguous { expected: NaiveDate },
    #[error("the term starts before the previous one ends on {previous_until}")]
    Overlaps { previous_until: NaiveDate },
    #[error("term {0} does not exist")]
    UnknownTerm(u32),
}

impl Classify for ChairError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyEstablished => ErrorKind::AlreadyExists,
            Self::NotEstablished | Self::UnknownTerm(_) => ErrorKind::NotFound,
            Self::OutOfTurn { .. } | Self::NotContiguous { .. } | Self::Overlaps { .. } => {
                ErrorKind::InvalidState
            }
            Self::InvalidRule
            | Self::EndsBeforeStart
            | Self::NotInRotation(_)
            | Self::TermLength { .. } => ErrorKind::Validation,
        }
    }
}
