//! Why a work-programme command was refused.

use chrono::NaiveDate;

use crate::concept::ConceptRule;
use crate::error::{Classify, ErrorKind, required_input};
use crate::focus::FocusArea;
use crate::ids::{ProgrammeId, ProjectId};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgrammeError {
    #[error("the programme already exists")]
    AlreadyAdopted,
    #[error("programme {0} does not exist")]
    UnknownProgramme(ProgrammeId),
    #[error("the programme is closed")]
    Closed,
    #[error("the programme's {0} is required")]
    Required(&'static str),
    #[error("the EKG must be consulted before the STG adopts the programme")]
    ConsultedAfterAdoption,
    #[error("the programme's period has no end in the calendar")]
    NoEnd,
    #[error("the two years from {from} overlap programme {other} ({other_from} to {other_until})")]
    Overlaps {
        from: NaiveDate,
        other: ProgrammeId,
        other_from: NaiveDate,
        other_until: NaiveDate,
    },
    #[error("the focus area '{focus_area}' is not part of the programme; its focus areas are: {}", list_keys(.known))]
    FocusAreaNotInProgramme {
        focus_area: FocusArea,
        known: Vec<FocusArea>,
    },
    #[error(
        "the focus area '{focus_area}' still has action fields {action_fields:?} or projects; it cannot be dropped"
    )]
    FocusAreaInUse {
        focus_area: FocusArea,
        action_fields: Vec<u32>,
    },
    #[error("action field {0} does not exist")]
    UnknownActionField(u32),
    #[error("action field {number} belongs to the focus area '{focus_area}'")]
    ActionFieldElsewhere { number: u32, focus_area: FocusArea },
    #[error("project {0} is already part of the programme")]
    AlreadyLinked(ProjectId),
    #[error("project {0} is not part of the programme")]
    NotLinked(ProjectId),
    #[error("the programme cannot close before it starts")]
    ClosesBeforeStart,
}

impl Classify for ProgrammeError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::FocusAreaNotInProgramme { .. } => Some("focus_area"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyAdopted => ErrorKind::AlreadyExists,
            Self::UnknownProgramme(_) | Self::UnknownActionField(_) | Self::NotLinked(_) => {
                ErrorKind::NotFound
            }
            Self::Closed | Self::Overlaps { .. } | Self::AlreadyLinked(_) => {
                ErrorKind::InvalidState
            }
            Self::Required(_)
            | Self::ConsultedAfterAdoption
            | Self::NoEnd
            | Self::FocusAreaNotInProgramme { .. }
            | Self::FocusAreaInUse { .. }
            | Self::ActionFieldElsewhere { .. }
            | Self::ClosesBeforeStart => ErrorKind::Validation,
        }
    }

    /// Which focus areas exist is the STG's decision in its work programme.
    fn rule(&self) -> Option<ConceptRule> {
        match self {
            Self::FocusAreaNotInProgramme { .. } => Some(ConceptRule::WorkProgrammeByStg),
            _ => None,
        }
    }
}

/// The keys for a message ("none" when there are none).
pub(crate) fn list_keys(keys: &[FocusArea]) -> String {
    if keys.is_empty() {
        return "none".to_owned();
    }
    keys.iter()
        .map(FocusArea::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}
