//! What callers ask of a panorama round and what is recorded.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::questions::QuestionSet;
use crate::DomainEvent;
use crate::ids::CantonCode;
use crate::panorama_terms::{Actor, RevisionRef, Year};
use crate::text::FreeText;

/// Whether the canton confirmed its data as it stood or changed it in the
/// round (the app knows: it compares the revision with the one it held
/// when the round opened).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Confirmed,
    Updated,
}

/// What a canton's answer contains: the revisions of its profile and
/// figures, never a copy, so the round stays small and exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerContents {
    pub profile: RevisionRef,
    /// One per year of figures the canton includes (may be none).
    pub figures: Vec<RevisionRef>,
}

/// A canton's part of a published panorama.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PublishedSection {
    Answered {
        kind: AnswerKind,
        contents: AnswerContents,
        late: bool,
    },
    /// The canton did not answer: shown as such, with no older data put in
    /// its place.
    NoAnswer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundCommand {
    Open {
        year: Year,
        questions: QuestionSet,
        cantons: BTreeSet<CantonCode>,
        due: NaiveDate,
        actor: Actor,
        on: NaiveDate,
    },
    /// The canton confirms or updates; a later answer replaces an earlier
    /// one while the round is open.
    Answer {
        canton: CantonCode,
        kind: AnswerKind,
        contents: AnswerContents,
        actor: Actor,
        on: NaiveDate,
    },
    Close {
        actor: Actor,
        on: NaiveDate,
    },
    /// Opens a closed round again (a late answer), until it is published.
    Reopen {
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    Publish {
        actor: Actor,
        on: NaiveDate,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum RoundEvent {
    Opened {
        year: Year,
        questions: QuestionSet,
        cantons: BTreeSet<CantonCode>,
        due: NaiveDate,
        actor: Actor,
        on: NaiveDate,
    },
    Answered {
        canton: CantonCode,
        kind: AnswerKind,
        contents: AnswerContents,
        /// Answered after the due date: accepted, and shown as late.
        late: bool,
        actor: Actor,
        on: NaiveDate,
    },
    Closed {
        /// The addressed cantons without an answer, as of closing.
        no_answer: BTreeSet<CantonCode>,
        actor: Actor,
        on: NaiveDate,
    },
    Reopened {
        reason: FreeText,
        actor: Actor,
        on: NaiveDate,
    },
    /// The panorama as published: every addressed canton's section.
    Published {
        sections: BTreeMap<CantonCode, PublishedSection>,
        actor: Actor,
        on: NaiveDate,
    },
}

impl DomainEvent for RoundEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Opened { .. } => "Opened",
            Self::Answered { .. } => "Answered",
            Self::Closed { .. } => "Closed",
            Self::Reopened { .. } => "Reopened",
            Self::Published { .. } => "Published",
        }
    }
}
