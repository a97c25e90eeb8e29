//! Minutes: a note per item and, for decision items, the decision with how
//! it was reached and who was present.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decision::DecisionEffect;
use crate::ids::{MeetingId, PersonId};
use crate::text::FreeText;

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
