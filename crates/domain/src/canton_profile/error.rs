//! Why a canton profile command was refused.

use chrono::NaiveDate;

use super::command::Section;
use crate::error::{Classify, ErrorKind, required_input};
use crate::ids::{BodyId, CantonCode};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile for this canton and year is already open")]
    AlreadyOpened,
    #[error("there is no profile for this canton and year")]
    NotOpened,
    #[error("only {0} keeps its profile")]
    NotTheCanton(CantonCode),
    #[error(
        "the Fachstelle cannot change a canton's profile; it proposes a correction that the canton confirms"
    )]
    FachstelleProposes,
    #[error("only the Fachstelle proposes corrections; the canton revises its profile itself")]
    OnlyFachstelleProposes,
    #[error("a profile links at most {max} bodies")]
    TooManyBodies { max: usize },
    #[error("a profile lists at most {max} web pages")]
    TooManyWebsites { max: usize },
    #[error("body {0} is linked twice; link it once and place it with above and beside")]
    BodyLinkedTwice(BodyId),
    #[error("a body is not shared with its own canton {0}")]
    SharedWithItself(CantonCode),
    #[error("body {0} is placed above or beside a body but is not linked in this profile")]
    UnlinkedBody(BodyId),
    #[error("body {0} would be above or beside itself")]
    HierarchyCycle(BodyId),
    #[error("a profile cites at most {max} legal bases and {max} federal references")]
    TooManyCitations { max: usize },
    #[error("a process that is not documented has no forms")]
    FormsWithoutProcess,
    #[error("a case involves at least one institution")]
    NoInstitutionsInvolved,
    #[error("a profile names at most {max} challenges")]
    TooManyChallenges { max: usize },
    #[error("a challenge needs a text")]
    EmptyChallenge,
    #[error("a {0} is required")]
    Required(&'static str),
    #[error("the proposed {0} is what the profile already says")]
    NothingToCorrect(Section),
    #[error("proposal {0} does not exist or is no longer pending")]
    UnknownProposal(u32),
    #[error(
        "the {section} was revised after proposal {proposal} was made; reject it and let the Fachstelle propose again"
    )]
    ProposalOutdated { proposal: u32, section: Section },
    #[error("at most {max} corrections may be pending at once")]
    TooManyPending { max: usize },
    #[error("the profile was last changed on {last}; a change on {date} would go back before that")]
    DateBeforeLastChange { last: NaiveDate, date: NaiveDate },
}

impl Classify for ProfileError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyOpened => ErrorKind::AlreadyExists,
            Self::NotOpened | Self::UnknownProposal(_) => ErrorKind::NotFound,
            Self::NotTheCanton(_) | Self::FachstelleProposes | Self::OnlyFachstelleProposes => {
                ErrorKind::Forbidden
            }
            Self::ProposalOutdated { .. } | Self::TooManyPending { .. } => ErrorKind::InvalidState,
            Self::TooManyBodies { .. }
            | Self::TooManyWebsites { .. }
            | Self::BodyLinkedTwice(_)
            | Self::SharedWithItself(_)
            | Self::UnlinkedBody(_)
            | Self::HierarchyCycle(_)
            | Self::TooManyCitations { .. }
            | Self::FormsWithoutProcess
            | Self::NoInstitutionsInvolved
            | Self::TooManyChallenges { .. }
            | Self::EmptyChallenge
            | Self::Required(_)
            | Self::NothingToCorrect(_)
            | Self::DateBeforeLastChange { .. } => ErrorKind::Validation,
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            Self::TooManyBodies { .. }
            | Self::TooManyWebsites { .. }
            | Self::BodyLinkedTwice(_)
            | Self::SharedWithItself(_)
            | Self::UnlinkedBody(_)
            | Self::HierarchyCycle(_) => Some("structure"),
            Self::TooManyCitations { .. }
            | Self::FormsWithoutProcess
            | Self::NoInstitutionsInvolved => Some("practice"),
            Self::TooManyChallenges { .. } | Self::EmptyChallenge => Some("challenges"),
            Self::Required(name) => required_input(name),
            Self::DateBeforeLastChange { .. } => Some("on"),
            _ => None,
        }
    }
}
