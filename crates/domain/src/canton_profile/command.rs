//! What callers ask of a canton profile and what is recorded. Every event
//! is a revision of the profile or of a proposal, with its actor and date.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::practice::{Challenges, Practice};
use super::structure::Structure;
use crate::DomainEvent;
use crate::ids::{CantonCode, Language};
use crate::panorama_terms::{Actor, Year};
use crate::text::FreeText;

/// A whole profile: what a round's answer refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProfileContent {
    /// The language the canton answers in (one of its official languages;
    /// a bilingual canton chooses).
    pub language: Language,
    pub structure: Structure,
    pub practice: Practice,
    pub challenges: Challenges,
}

/// The three parts a revision or a proposal replaces one at a time, so a
/// correction of the structure never overwrites a newer practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "section", content = "content", rename_all = "snake_case")]
pub enum SectionChange {
    Structure(Structure),
    Practice(Practice),
    Challenges(Challenges),
}

/// The name of a part, for refusals and read models.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Structure,
    Practice,
    Challenges,
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Structure => "structure",
            Self::Practice => "practice",
            Self::Challenges => "challenges",
        })
    }
}

impl SectionChange {
    pub fn section(&self) -> Section {
        match self {
            Self::Structure(_) => Section::Structure,
            Self::Practice(_) => Section::Practice,
            Self::Challenges(_) => Section::Challenges,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileCommand {
    /// Opens the profile valid from `year` (usually a copy of the previous
    /// year's, which the app passes in).
    Open {
        canton: CantonCode,
        year: Year,
        /// Boxed: a whole profile is large beside the other variants.
        content: Box<ProfileContent>,
        actor: Actor,
        on: NaiveDate,
    },
    /// The canton changes one part of its profile.
    Revise {
        change: SectionChange,
        note: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    /// The Fachstelle proposes a correction of one part.
    ProposeCorrection {
        change: SectionChange,
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    ConfirmCorrection {
        proposal: u32,
        actor: Actor,
        on: NaiveDate,
    },
    RejectCorrection {
        proposal: u32,
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    /// The Fachstelle takes back a proposal it made.
    WithdrawCorrection {
        proposal: u32,
        actor: Actor,
        on: NaiveDate,
    },
}

impl ProfileCommand {
    pub fn actor(&self) -> Actor {
        match self {
            Self::Open { actor, .. }
            | Self::Revise { actor, .. }
            | Self::ProposeCorrection { actor, .. }
            | Self::ConfirmCorrection { actor, .. }
            | Self::RejectCorrection { actor, .. }
            | Self::WithdrawCorrection { actor, .. } => *actor,
        }
    }

    pub fn on(&self) -> NaiveDate {
        match self {
            Self::Open { on, .. }
            | Self::Revise { on, .. }
            | Self::ProposeCorrection { on, .. }
            | Self::ConfirmCorrection { on, .. }
            | Self::RejectCorrection { on, .. }
            | Self::WithdrawCorrection { on, .. } => *on,
        }
    }
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end. `revision` counts the profile's content
/// changes: 1 when opened, +1 for each revision or confirmed correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum ProfileEvent {
    Opened {
        canton: CantonCode,
        year: Year,
        /// Boxed: a whole profile is large beside the other variants.
        content: Box<ProfileContent>,
        actor: Actor,
        on: NaiveDate,
    },
    Revised {
        revision: u32,
        change: SectionChange,
        note: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    CorrectionProposed {
        proposal: u32,
        change: SectionChange,
        /// The revision the Fachstelle read when proposing.
        based_on: u32,
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    /// The canton confirmed: the change is the profile's new revision.
    CorrectionConfirmed {
        proposal: u32,
        revision: u32,
        change: SectionChange,
        actor: Actor,
        on: NaiveDate,
    },
    CorrectionRejected {
        proposal: u32,
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    CorrectionWithdrawn {
        proposal: u32,
        actor: Actor,
        on: NaiveDate,
    },
}

impl DomainEvent for ProfileEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Opened { .. } => "Opened",
            Self::Revised { .. } => "Revised",
            Self::CorrectionProposed { .. } => "CorrectionProposed",
            Self::CorrectionConfirmed { .. } => "CorrectionConfirmed",
            Self::CorrectionRejected { .. } => "CorrectionRejected",
            Self::CorrectionWithdrawn { .. } => "CorrectionWithdrawn",
        }
    }
}
