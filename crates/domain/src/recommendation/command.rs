//! What callers ask of a recommendation and what is recorded. Who acted and
//! when is in each event's metadata; the dates the rules need (adoption,
//! publication) are in the payload.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::content::{RecommendationContent, Schedule};
use super::stage::RecommendationAction;
use super::tracking::{Acceptance, FlagTarget, ImplementationReport};
use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::ids::RecommendationId;
use crate::partner::Party;
use crate::text::FreeText;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecommendationCommand {
    Draft {
        id: RecommendationId,
        content: RecommendationContent,
        addressees: BTreeSet<Party>,
        schedule: Schedule,
    },
    Edit {
        content: RecommendationContent,
        addressees: BTreeSet<Party>,
        schedule: Schedule,
    },
    Discard {
        rationale: FreeText,
    },
    /// The STG adopts the draft; `decision` is the minuted reference.
    Adopt {
        decision: FreeText,
        on: NaiveDate,
        /// The STG meeting item or resolution that adopted it: the STG
        /// adopts as a body (IIZ 3.0, 2.1).
        decided_by: DecisionReference,
    },
    /// Sends it to the addressees, which opens one tracking item each.
    Publish {
        on: NaiveDate,
    },
    /// A new version. Addressees may be added, never removed: what was
    /// sent to someone stays on record (supersede it instead).
    Amend {
        content: RecommendationContent,
        addressees: BTreeSet<Party>,
        schedule: Schedule,
        decision: FreeText,
        /// What changed and why, in words, for the addressees.
        summary: FreeText,
        /// The STG meeting item or resolution that amended it.
        decided_by: DecisionReference,
    },
    Supersede {
        by: RecommendationId,
        rationale: FreeText,
        /// The STG meeting item or resolution that superseded it.
        decided_by: DecisionReference,
    },
    Close {
        assessment: FreeText,
        /// The STG meeting item or resolution that closed it.
        decided_by: DecisionReference,
    },
    Answer {
        addressee: Party,
        acceptance: Acceptance,
        justification: FreeText,
    },
    Report {
        addressee: Party,
        report: ImplementationReport,
    },
    Share {
        addressee: Party,
        shareable: bool,
    },
    Prioritize {
        addressee: Party,
        priority: bool,
        note: FreeText,
    },
    Flag {
        target: FlagTarget,
        note: FreeText,
    },
    ResolveFlag {
        flag: u32,
        note: FreeText,
    },
}

impl RecommendationCommand {
    /// The workflow action a command is (`None` for drafting, which has no
    /// state yet).
    pub fn action(&self) -> Option<RecommendationAction> {
        use RecommendationAction as A;
        Some(match self {
            Self::Draft { .. } => return None,
            Self::Edit { .. } => A::Edit,
            Self::Discard { .. } => A::Discard,
            Self::Adopt { .. } => A::Adopt,
            Self::Publish { .. } => A::Publish,
            Self::Amend { .. } => A::Amend,
            Self::Supersede { .. } => A::Supersede,
            Self::Close { .. } => A::Close,
            Self::Answer { .. } => A::Answer,
            Self::Report { .. } => A::Report,
            Self::Share { .. } => A::Share,
            Self::Prioritize { .. } => A::Prioritize,
            Self::Flag { .. } | Self::ResolveFlag { .. } => A::Flag,
        })
    }
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum RecommendationEvent {
    Drafted {
        id: RecommendationId,
        content: RecommendationContent,
        addressees: BTreeSet<Party>,
        schedule: Schedule,
    },
    Edited {
        content: RecommendationContent,
        addressees: BTreeSet<Party>,
        schedule: Schedule,
    },
    Discarded {
        rationale: FreeText,
    },
    Adopted {
        decision: FreeText,
        on: NaiveDate,
        #[serde(default, alias = "meeting", skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    Published {
        on: NaiveDate,
        /// Version 1's addressees: one tracking item each.
        addressees: BTreeSet<Party>,
    },
    Amended {
        version: u32,
        content: RecommendationContent,
        schedule: Schedule,
        /// Addressees added by this version.
        added: BTreeSet<Party>,
        decision: FreeText,
        summary: FreeText,
        /// Where the STG decided it; absent on events recorded before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    Superseded {
        by: RecommendationId,
        rationale: FreeText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    Closed {
        assessment: FreeText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    /// An addressee's acceptance, for the version it read.
    Answered {
        addressee: Party,
        acceptance: Acceptance,
        justification: FreeText,
        version: u32,
    },
    /// An implementation report, attached to the version it answers.
    Reported {
        addressee: Party,
        report: ImplementationReport,
        version: u32,
    },
    SharingChanged {
        addressee: Party,
        shareable: bool,
    },
    PriorityChanged {
        addressee: Party,
        priority: bool,
        note: FreeText,
    },
    Flagged {
        flag: u32,
        target: FlagTarget,
        note: FreeText,
    },
    FlagResolved {
        flag: u32,
        /// What the flag pointed at, so readers need not look it up.
        target: FlagTarget,
        note: FreeText,
    },
}

impl DomainEvent for RecommendationEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Drafted { .. } => "Drafted",
            Self::Edited { .. } => "Edited",
            Self::Discarded { .. } => "Discarded",
            Self::Adopted { .. } => "Adopted",
            Self::Published { .. } => "Published",
            Self::Amended { .. } => "Amended",
            Self::Superseded { .. } => "Superseded",
            Self::Closed { .. } => "Closed",
            Self::Answered { .. } => "Answered",
            Self::Reported { .. } => "Reported",
            Self::SharingChanged { .. } => "SharingChanged",
            Self::PriorityChanged { .. } => "PriorityChanged",
            Self::Flagged { .. } => "Flagged",
            Self::FlagResolved { .. } => "FlagResolved",
        }
    }
}
