//! What callers ask of a circular resolution and what is recorded.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::body::ResolutionRules;
use crate::decision::{DecisionEffect, ItemSubject};
use crate::ids::{BodyId, PersonId, ResolutionId};
use crate::meeting::Propagation;
use crate::text::{FreeText, Title};

/// A voter's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    Yes,
    No,
    Abstain,
}

/// Whether a closed resolution was carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    Carried,
    NotCarried { reason: String },
}

impl Outcome {
    pub fn carried(&self) -> bool {
        matches!(self, Self::Carried)
    }
}

/// The answers at close: how many voted how, and how many did not answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub missing: u32,
}

/// A resolution to propose. The app supplies what the domain cannot know:
/// the body's rules in force, its voters now, how it is cited and the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: ResolutionId,
    pub body: BodyId,
    /// How the resolution is cited ("Zirkularbeschluss STG 3/2026").
    pub label: Title,
    pub subject: ItemSubject,
    pub effect: Option<DecisionEffect>,
    pub title: Title,
    /// What is decided if the resolution is carried.
    pub decision: FreeText,
    pub rationale: FreeText,
    pub deadline: DateTime<Utc>,
    pub rules: ResolutionRules,
    /// The people with a voting seat in the body when proposed.
    pub voters: BTreeSet<PersonId>,
    pub proposed_by: PersonId,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolutionCommand {
    Propose(Box<Proposal>),
    /// A voter answers; a voter who answered may correct the answer until
    /// the deadline (the last answer counts, every answer stays recorded).
    Answer {
        voter: PersonId,
        vote: Vote,
        comment: Option<FreeText>,
        now: DateTime<Utc>,
    },
    /// Closes at or after the deadline, or earlier once every voter
    /// answered, and records whether the body's rule carried it.
    Close {
        now: DateTime<Utc>,
    },
    Withdraw {
        reason: FreeText,
        now: DateTime<Utc>,
    },
    /// The app records what the subject's aggregate made of the effect.
    RecordPropagation {
        propagation: Propagation,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
#[allow(
    clippy::large_enum_variant,
    reason = "a stored event's fields are its payload: boxing the proposal would only move them"
)]
pub enum ResolutionEvent {
    Proposed {
        id: ResolutionId,
        body: BodyId,
        label: Title,
        subject: ItemSubject,
        effect: Option<DecisionEffect>,
        title: Title,
        decision: FreeText,
        rationale: FreeText,
        deadline: DateTime<Utc>,
        rules: ResolutionRules,
        voters: BTreeSet<PersonId>,
        proposed_by: PersonId,
        proposed_at: DateTime<Utc>,
    },
    Answered {
        voter: PersonId,
        vote: Vote,
        comment: Option<FreeText>,
        answered_at: DateTime<Utc>,
    },
    Closed {
        outcome: Outcome,
        tally: Tally,
        closed_at: DateTime<Utc>,
    },
    Withdrawn {
        reason: FreeText,
        withdrawn_at: DateTime<Utc>,
    },
    PropagationRecorded {
        propagation: Propagation,
    },
}

impl DomainEvent for ResolutionEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Proposed { .. } => "Proposed",
            Self::Answered { .. } => "Answered",
            Self::Closed { .. } => "Closed",
            Self::Withdrawn { .. } => "Withdrawn",
            Self::PropagationRecorded { .. } => "PropagationRecorded",
        }
    }
}
