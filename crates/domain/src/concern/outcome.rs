//! The outcomes the national steps record.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::WorkingGroupId;
use crate::text::FreeText;

/// How a concern is submitted nationally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Through the Fachstelle, the single entry gate, which triages it.
    ViaFachstelle,
    /// Directly to the EKG (e.g. by a conference represented there).
    DirectToEkg,
}

/// Why the Fachstelle returns a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    NotIizRelevant,
    CantonalMatter,
    NeedsInformation,
}

// Beside the follow-ups it leads to (a leaf module the concern uses).
pub use crate::follow_up::StgOutcome;

/// What the EKG does with a concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EkgOutcome {
    /// The EKG deals with it itself; an answer follows.
    HandleInEkg,
    /// A working group takes it on: named by the free text (all that
    /// events written before working groups were modelled hold), or by the
    /// id of an existing mandate.
    GiveToWorkingGroup {
        working_group: FreeText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mandate: Option<WorkingGroupId>,
    },
    /// Proposed to the STG: the EKG's recommendation, kept apart from the
    /// STG's decision.
    ProposeToStg { proposal: StgOutcome },
    /// Closed by the EKG with the official answer.
    CloseWithAnswer { answer: FreeText },
}

/// Who may read a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommentVisibility {
    /// Only the originating tenant.
    Internal,
    /// Everyone who may see the concern, the national bodies included.
    Shared,
}
