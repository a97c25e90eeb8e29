//! What a body's decision does to the subject it is about. A meeting's
//! minutes and a circular resolution carry the same effects, and the same
//! process in `app` carries them out with the subject's own rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::concern::{EkgOutcome, StgOutcome};
use crate::follow_up::{FollowUp, FollowUpError};
use crate::ids::{BodyId, ConcernId, ProjectId, RecommendationId, WorkingGroupId};
use crate::text::{FreeText, Title};

/// What a decision does to the concern or recommendation its item refers
/// to. Which body may take which step is the app's to check; the meeting
/// only checks that the effect fits the item's subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionEffect {
    /// The EKG's step on a concern.
    Examine { outcome: EkgOutcome },
    /// The STG's step on a concern, and what it creates or links (a
    /// project, a working group, an action field: decisions stored before
    /// follow-ups existed have none).
    Decide {
        outcome: StgOutcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        follow_up: Option<FollowUp>,
    },
    /// The STG adopts a drafted recommendation.
    Adopt,
    /// The STG refers a concern to the EKG with a question (2.1).
    ReferToEkg { question: FreeText },
    /// The EKG's assessment of the STG's question: the decision's text.
    Assess,
}

impl DecisionEffect {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Examine { .. } => "examine",
            Self::Decide { .. } => "decide",
            Self::Adopt => "adopt",
            Self::ReferToEkg { .. } => "refer_to_ekg",
            Self::Assess => "assess",
        }
    }

    /// What the effect carries fits together: a decision's follow-up
    /// matches its outcome.
    pub fn check(&self) -> Result<(), FollowUpError> {
        match self {
            Self::Decide {
                outcome,
                follow_up: Some(follow_up),
            } => follow_up.check(*outcome),
            _ => Ok(()),
        }
    }
}

/// What an agenda item or a circular resolution is about: free text, or something the platform tracks.
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
    /// The work programme of the period starting on this day, before it is
    /// adopted (so it has no id yet): the period names it, since two
    /// programmes never overlap.
    WorkProgramme(NaiveDate),
    /// The election of the body's chair (and deputy) for a term: the EKG
    /// rules its chair itself (IIZ 3.0, 2.2).
    ChairElection(BodyId),
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
            Self::WorkProgramme(_) => "work_programme",
            Self::ChairElection(_) => "chair_election",
        }
    }
}

impl DecisionEffect {
    /// Whether the effect can be carried out on `subject`.
    pub fn fits(&self, subject: &ItemSubject) -> bool {
        matches!(
            (self, subject),
            (
                DecisionEffect::Examine { .. }
                    | DecisionEffect::Decide { .. }
                    | DecisionEffect::ReferToEkg { .. }
                    | DecisionEffect::Assess,
                ItemSubject::Concern(_)
            ) | (DecisionEffect::Adopt, ItemSubject::Recommendation(_))
        )
    }
}
