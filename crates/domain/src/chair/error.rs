//! Why a chair command was refused.

use chrono::NaiveDate;

use crate::ConceptRule;
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
    #[error("{0} chairs now; the chair changes to another office")]
    RepeatsOffice(Party),
    #[error("a term of this body ends on {expected}, not {got}")]
    TermLength { expected: NaiveDate, got: NaiveDate },
    #[error("a term of this body ends at the latest on {longest}, not {got}")]
    LongerThanAllowed { longest: NaiveDate, got: NaiveDate },
    #[error("the term must start on {expected}, the day after the previous one ends")]
    NotContiguous { expected: NaiveDate },
    #[error("the term starts before the previous one ends on {previous_until}")]
    Overlaps { previous_until: NaiveDate },
    #[error("term {0} does not exist")]
    UnknownTerm(u32),
    #[error("the body chooses its chair itself: record the term with its decision")]
    ChosenByBody,
    #[error(
        "the body's chair follows its rule; only a body that chooses its chair records a chosen term"
    )]
    NotChosenByBody,
    #[error("a term the body chooses lasts two years: it ends on {expected}, not {got}")]
    ChosenTermLength { expected: NaiveDate, got: NaiveDate },
    #[error(
        "the STG's chair on {on} is not recorded: the deputy rule needs its area; record the STG's chair first"
    )]
    StgChairUnknown { on: NaiveDate },
    #[error(
        "the chair is not from the area of the STG's chair ({stg_area}): the deputy must come from that area"
    )]
    DeputyArea { stg_area: String },
}

impl Classify for ChairError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::EndsBeforeStart => Some("until"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyEstablished => ErrorKind::AlreadyExists,
            Self::NotEstablished | Self::UnknownTerm(_) => ErrorKind::NotFound,
            Self::RepeatsOffice(_)
            | Self::NotContiguous { .. }
            | Self::Overlaps { .. }
            | Self::StgChairUnknown { .. }
            | Self::ChosenByBody
            | Self::NotChosenByBody => ErrorKind::InvalidState,
            Self::InvalidRule
            | Self::EndsBeforeStart
            | Self::NotInRotation(_)
            | Self::TermLength { .. }
            | Self::LongerThanAllowed { .. }
            | Self::ChosenTermLength { .. }
            | Self::DeputyArea { .. } => ErrorKind::Validation,
        }
    }

    /// The STG's rotation (2.1) and the EKG's choice and deputy rule (2.2)
    /// are the concept's; the refusals that apply them name them.
    fn rule(&self) -> Option<ConceptRule> {
        match self {
            Self::NotInRotation(_)
            | Self::RepeatsOffice(_)
            | Self::TermLength { .. }
            | Self::NotContiguous { .. } => Some(ConceptRule::StgChairRotation),
            Self::ChosenByBody | Self::ChosenTermLength { .. } => {
                Some(ConceptRule::EkgChairEveryTwoYears)
            }
            Self::StgChairUnknown { .. } | Self::DeputyArea { .. } => {
                Some(ConceptRule::EkgDeputyArea)
            }
            Self::AlreadyEstablished
            | Self::NotEstablished
            | Self::InvalidRule
            | Self::EndsBeforeStart
            | Self::LongerThanAllowed { .. }
            | Self::Overlaps { .. }
            | Self::UnknownTerm(_)
            | Self::NotChosenByBody => None,
        }
    }
}
