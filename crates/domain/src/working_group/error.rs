//! Why a working-group command was refused.

use crate::error::{Classify, ErrorKind, required_input};
use crate::ids::PersonId;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkingGroupError {
    #[error("the working group already exists")]
    AlreadyMandated,
    #[error("the working group does not exist")]
    NotMandated,
    #[error("the working group is dissolved")]
    Dissolved,
    #[error("the mandate's {0} is required")]
    Required(&'static str),
    #[error("a body does not approve its own mandate")]
    SelfApproval,
    #[error("the mandate ends before it starts")]
    EndsBeforeStart,
    #[error("person {0} is already a member")]
    AlreadyMember(PersonId),
    #[error("person {0} is not a member")]
    NotAMember(PersonId),
    #[error("the group already has a lead")]
    LeadTaken,
    #[error("the result was already submitted")]
    ResultAlreadySubmitted,
    #[error("there is no result to take note of yet")]
    NoResult,
    #[error("the result was already noted")]
    ResultAlreadyNoted,
}

impl Classify for WorkingGroupError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::EndsBeforeStart => Some("until"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyMandated => ErrorKind::AlreadyExists,
            Self::NotMandated | Self::NotAMember(_) => ErrorKind::NotFound,
            Self::Dissolved
            | Self::AlreadyMember(_)
            | Self::LeadTaken
            | Self::ResultAlreadySubmitted
            | Self::NoResult
            | Self::ResultAlreadyNoted => ErrorKind::InvalidState,
            Self::Required(_) | Self::SelfApproval | Self::EndsBeforeStart => ErrorKind::Validation,
        }
    }
}
