//! Why a meeting command was refused.

use crate::error::{Classify, ErrorKind, required_input};
use crate::follow_up::FollowUpError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    #[error("the meeting already exists")]
    AlreadyScheduled,
    #[error("the meeting does not exist")]
    NotScheduled,
    #[error("the meeting was cancelled")]
    Cancelled,
    #[error("the minutes are approved and no longer change")]
    MinutesApproved,
    #[error("the minutes are recorded after the agenda went out")]
    AgendaNotSent,
    #[error("the meeting ends before it starts")]
    EndsBeforeStart,
    #[error("a body does not meet jointly with itself")]
    JointWithItself,
    #[error("a {0} is required")]
    Required(&'static str),
    #[error("agenda item {0} does not exist")]
    UnknownItem(u32),
    #[error("an agenda with no items is not sent")]
    EmptyAgenda,
    #[error("an item carries at most {max} documents")]
    TooManyDocuments { max: usize },
    #[error("item {0} is not for decision: it records no decision")]
    NotADecisionItem(u32),
    #[error("item {0} is for decision: record its decision before approving the minutes")]
    DecisionMissing(u32),
    #[error("a decision names who was present")]
    NobodyPresent,
    #[error("{votes} votes from {present} people present")]
    MoreVotesThanPresent { votes: u32, present: usize },
    #[error("item {0} has no decision to carry out")]
    NothingToPropagate(u32),
    #[error("the minutes cannot approve themselves")]
    SelfApproval,
    #[error("the meeting has taken place (minutes are recorded)")]
    AlreadyHeld,
    #[error("a decision to {effect} does not fit an item on a {subject}")]
    EffectDoesNotFit {
        effect: &'static str,
        subject: &'static str,
    },
    #[error("the decision on item {0} was carried out and no longer changes")]
    AlreadyCarriedOut(u32),
    /// What the decision's effect carries does not fit together (a
    /// follow-up that does not match the STG's outcome).
    #[error(transparent)]
    Effect(#[from] FollowUpError),
}

impl Classify for MeetingError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::EndsBeforeStart => Some("ends_at"),
            Self::TooManyDocuments { .. } => Some("documents"),
            Self::NobodyPresent => Some("present"),
            Self::MoreVotesThanPresent { .. } => Some("resolution"),
            Self::EffectDoesNotFit { .. } => Some("effect"),
            Self::Effect(error) => error.field(),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyScheduled => ErrorKind::AlreadyExists,
            Self::NotScheduled | Self::UnknownItem(_) => ErrorKind::NotFound,
            Self::Cancelled
            | Self::MinutesApproved
            | Self::AgendaNotSent
            | Self::EmptyAgenda
            | Self::DecisionMissing(_)
            | Self::NothingToPropagate(_)
            | Self::AlreadyHeld
            | Self::AlreadyCarriedOut(_) => ErrorKind::InvalidState,
            Self::EndsBeforeStart
            | Self::JointWithItself
            | Self::Required(_)
            | Self::TooManyDocuments { .. }
            | Self::NotADecisionItem(_)
            | Self::NobodyPresent
            | Self::MoreVotesThanPresent { .. }
            | Self::SelfApproval
            | Self::EffectDoesNotFit { .. }
            | Self::Effect(_) => ErrorKind::Validation,
        }
    }

    fn rule(&self) -> Option<crate::ConceptRule> {
        match self {
            Self::Effect(error) => error.rule(),
            _ => None,
        }
    }
}
