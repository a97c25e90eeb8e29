//! Minutes: a note per item and, for decision items, the decision with how
//! it was reached and who was present.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::concern::{EkgOutcome, StgOutcome};
use crate::ids::{MeetingId, PersonId};
use crate::text::{FreeText, Title};

/// How a decision was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Resolution {
    Consensus,
    Vote { yes: u32, no: u32, abstain: u32 },
}

/// A decision on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    /// What was decided, as minuted.
    pub outcome: FreeText,
    pub rationale: FreeText,
    pub resolution: Resolution,
    pub present: BTreeSet<PersonId>,
    /// The step the decision makes on the item's subject, carried out by
    /// the process in `app` together with the minutes.
    #[serde(default)]
    pub effect: Option<DecisionEffect>,
}

/// What a decision does to the concern or recommendation its item refers
/// to. Which body may take which step is the app's to check; the meeting
/// only checks that the effect fits the item's subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionEffect {
    /// The EKG's step on a concern.
    Examine { outcome: EkgOutcome },
    /// The STG's step on a concern.
    Decide { outcome: StgOutcome },
    /// The STG adopts a drafted recommendation.
    Adopt,
}

impl DecisionEffect {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Examine { .. } => "examine",
            Self::Decide { .. } => "decide",
            Self::Adopt => "adopt",
        }
    }
}

/// Where a step taken by a meeting's decision was decided: kept on the
/// step's event so that a concern's or recommendation's history points to
/// the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MeetingReference {
    pub meeting: MeetingId,
    /// The agenda item's number.
    pub item: u32,
    /// How the minutes are cited, e.g. "EKG 4/2026, Traktandum 2".
    pub label: Title,
}

/// Who approved the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "meeting", rename_all = "snake_case")]
pub enum Approval {
    /// The body at its next meeting.
    AtMeeting(MeetingId),
    /// The chair, on the body's behalf.
    ByChair,
}

/// What became of a decision on the aggregate its item refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Propagation {
    /// The referenced aggregate took the step.
    Applied,
    /// The referenced aggregate's rules refused it; the reason is shown on
    /// the item.
    Refused { reason: String },
}
