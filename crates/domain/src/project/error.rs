//! Why a project command was refused.

use crate::error::{Classify, ErrorKind, required_input};
use crate::partner::Party;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    #[error("the project already exists")]
    AlreadyRegistered,
    #[error("the project does not exist")]
    NotRegistered,
    #[error(
        "an associated project is listed for information only: it has no milestones or results to steer"
    )]
    InformationOnly,
    #[error("the project's {0} is required")]
    Required(&'static str),
    #[error("{0} is listed as funding the project with 0 francs")]
    ZeroFunding(Party),
    #[error("milestone {0} does not exist")]
    UnknownMilestone(u32),
    #[error("milestone {0} is already reached")]
    AlreadyReached(u32),
    #[error("milestone {0} is not reached yet")]
    NotReached(u32),
    #[error("the result was already submitted")]
    ResultAlreadySubmitted,
    #[error("there is no result to accept yet")]
    NoResult,
    #[error("the result was already accepted: the project is closed")]
    Closed,
}

impl Classify for ProjectError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::ZeroFunding(_) => Some("funding"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyRegistered => ErrorKind::AlreadyExists,
            Self::NotRegistered | Self::UnknownMilestone(_) => ErrorKind::NotFound,
            Self::InformationOnly
            | Self::AlreadyReached(_)
            | Self::NotReached(_)
            | Self::ResultAlreadySubmitted
            | Self::NoResult
            | Self::Closed => ErrorKind::InvalidState,
            Self::Required(_) | Self::ZeroFunding(_) => ErrorKind::Validation,
        }
    }
}
