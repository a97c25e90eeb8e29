//! Why a command on a circular resolution was refused.

use chrono::{DateTime, Utc};

use crate::ConceptRule;
use crate::error::{Classify, ErrorKind, required_input};
use crate::ids::PersonId;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolutionError {
    #[error("the circular resolution already exists")]
    AlreadyProposed,
    #[error("the circular resolution does not exist")]
    NotProposed,
    #[error("the body does not decide by circular resolution")]
    NotAllowed,
    #[error("the body has no voting member to answer")]
    NoVoters,
    #[error("a {0} is required")]
    Required(&'static str),
    #[error("a decision to {effect} does not fit a resolution on a {subject}")]
    EffectDoesNotFit {
        effect: &'static str,
        subject: &'static str,
    },
    #[error(
        "the body gives at least {minimum_days} days to answer: the deadline is {earliest} at the earliest"
    )]
    DeadlineTooSoon {
        minimum_days: u32,
        earliest: DateTime<Utc>,
    },
    #[error("{0} has no vote in the body: only its voting members answer")]
    NotAVoter(PersonId),
    #[error("the deadline passed on {0}: answers are no longer taken")]
    DeadlinePassed(DateTime<Utc>),
    #[error("{missing} voters have not answered and the deadline is {deadline}: it closes then")]
    StillOpen {
        missing: u32,
        deadline: DateTime<Utc>,
    },
    #[error("the circular resolution is closed")]
    Closed,
    #[error("the circular resolution was withdrawn")]
    Withdrawn,
    #[error("the circular resolution was not carried or has no effect to carry out")]
    NothingToPropagate,
    #[error("the effect of the circular resolution was carried out and no longer changes")]
    AlreadyCarriedOut,
}

impl Classify for ResolutionError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::EffectDoesNotFit { .. } => Some("effect"),
            Self::DeadlineTooSoon { .. } => Some("deadline"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyProposed => ErrorKind::AlreadyExists,
            Self::NotProposed => ErrorKind::NotFound,
            Self::NotAllowed
            | Self::NotAVoter(_)
            | Self::DeadlinePassed(_)
            | Self::StillOpen { .. }
            | Self::Closed
            | Self::Withdrawn
            | Self::NothingToPropagate
            | Self::AlreadyCarriedOut => ErrorKind::InvalidState,
            Self::NoVoters
            | Self::Required(_)
            | Self::EffectDoesNotFit { .. }
            | Self::DeadlineTooSoon { .. } => ErrorKind::Validation,
        }
    }

    fn rule(&self) -> Option<ConceptRule> {
        match self {
            Self::NotAVoter(_) | Self::NoVoters => Some(ConceptRule::OnlyVotingMembersDecide),
            Self::NotAllowed
            | Self::DeadlineTooSoon { .. }
            | Self::DeadlinePassed(_)
            | Self::StillOpen { .. } => Some(ConceptRule::CircularResolutionRules),
            _ => None,
        }
    }
}
