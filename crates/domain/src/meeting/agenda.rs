//! The agenda: numbered items, each for information, discussion or a
//! decision, on free text or on something the platform tracks.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::concern::Attachment;
use crate::ids::{ConcernId, ProjectId, RecommendationId, WorkingGroupId};
use crate::text::{FreeText, Title};

/// The most documents one item carries.
pub const MAX_ITEM_DOCUMENTS: usize = 20;

/// What the body does with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemPurpose {
    Information,
    Discussion,
    Decision,
}

/// What an item is about: free text, or something the platform tracks.
/// A new working group's mandate is a free item until the group exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "ref", rename_all = "snake_case")]
pub enum ItemSubject {
    Free,
    Concern(ConcernId),
    Recommendation(RecommendationId),
    Project(ProjectId),
    WorkingGroup(WorkingGroupId),
    /// A report named by its title (the Fachstelle's yearly report, …).
    Report(Title),
}

impl ItemSubject {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::Concern(_) => "concern",
            Self::Recommendation(_) => "recommendation",
            Self::Project(_) => "project",
            Self::WorkingGroup(_) => "working_group",
            Self::Report(_) => "report",
        }
    }
}

/// An agenda item as the office prepares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AgendaItem {
    pub title: Title,
    pub purpose: ItemPurpose,
    pub subject: ItemSubject,
    /// The office's preparation: background, proposal.
    pub note: FreeText,
    pub documents: Vec<Attachment>,
}
