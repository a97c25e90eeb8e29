//! The life of a recommendation and what each stage allows.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationStage {
    /// Being prepared by the Fachstelle.
    Draft,
    /// Adopted by the STG, not yet sent out.
    Adopted,
    /// Sent to its addressees: tracking is open.
    Published,
    /// Replaced by another recommendation.
    Superseded,
    /// Closed by the STG with a final assessment.
    Closed,
    /// Dropped before adoption.
    Discarded,
}

impl RecommendationStage {
    pub const ALL: [RecommendationStage; 6] = [
        Self::Draft,
        Self::Adopted,
        Self::Published,
        Self::Superseded,
        Self::Closed,
        Self::Discarded,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Adopted => "adopted",
            Self::Published => "published",
            Self::Superseded => "superseded",
            Self::Closed => "closed",
            Self::Discarded => "discarded",
        }
    }

    /// Whether the recommendation went out (and is monitored, or was).
    pub fn was_published(&self) -> bool {
        matches!(self, Self::Published | Self::Superseded | Self::Closed)
    }
}

impl fmt::Display for RecommendationStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step on a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationAction {
    Edit,
    Discard,
    Adopt,
    Publish,
    Amend,
    Supersede,
    Close,
    /// An addressee answers (acceptance).
    Answer,
    /// An addressee reports implementation.
    Report,
    /// An addressee shares (or stops sharing) its narrative with the other
    /// addressees.
    Share,
    /// The STG marks an addressee's item as a priority.
    Prioritize,
    /// The EKG flags a need for action, or resolves a flag.
    Flag,
}

impl RecommendationAction {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Discard => "discard",
            Self::Adopt => "adopt",
            Self::Publish => "publish",
            Self::Amend => "amend",
            Self::Supersede => "supersede",
            Self::Close => "close",
            Self::Answer => "answer",
            Self::Report => "report",
            Self::Share => "share",
            Self::Prioritize => "prioritize",
            Self::Flag => "flag",
        }
    }
}

impl fmt::Display for RecommendationAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the workflow allows in `stage`.
pub fn allowed_actions(stage: RecommendationStage) -> Vec<RecommendationAction> {
    use RecommendationAction as A;
    match stage {
        RecommendationStage::Draft => vec![A::Edit, A::Discard, A::Adopt],
        RecommendationStage::Adopted => vec![A::Publish],
        RecommendationStage::Published => vec![
            A::Amend,
            A::Supersede,
            A::Close,
            A::Answer,
            A::Report,
            A::Share,
            A::Prioritize,
            A::Flag,
        ],
        // Sharing stays possible: a narrative may be opened up later.
        RecommendationStage::Superseded | RecommendationStage::Closed => vec![A::Share],
        RecommendationStage::Discarded => vec![],
    }
}
