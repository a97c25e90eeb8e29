//! What an STG decision on a concern leads to (IIZ 3.0, 2.1 and 3.2): the
//! STG initiates projects, mandates working groups and defines additional
//! action fields. A decision "project", "working group" or "new action
//! field" carries the follow-up it makes ([`FollowUp`]); the app carries it
//! out after the concern's decision and records on the concern what it
//! created or linked ([`FollowUpLink`]), so the concern's timeline and its
//! answer name it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::concept::ConceptRule;
use crate::error::{Classify, ErrorKind};
use crate::ids::{ProgrammeId, ProjectId, WorkingGroupId};
use crate::programme::ActionField;
use crate::project::ProjectKind;
use crate::recommendation::FocusArea;
use crate::text::Title;
use crate::working_group::Mandate;

/// What the STG decides on a concern (and what the EKG proposes to it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StgOutcome {
    Recommendation,
    Project,
    WorkingGroup,
    NewActionField,
    Declined,
}

/// What an STG decision creates or links, besides the concern's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUp {
    /// The concern goes into a project that exists.
    LinkProject { project: ProjectId },
    /// The STG initiates a new project.
    RegisterProject {
        title: Title,
        focus_area: Option<FocusArea>,
        /// Boxed: an IIZ project's fields are far larger than the others.
        project: Box<ProjectKind>,
    },
    /// The STG mandates a working group; its mandate names the concern.
    MandateWorkingGroup { mandate: Box<Mandate> },
    /// The concern goes to a working group the STG or EKG mandated before.
    LinkWorkingGroup { working_group: WorkingGroupId },
    /// The STG defines an additional action field in the work programme
    /// current on the decision's day.
    AddActionField { field: ActionField },
}

impl FollowUp {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::LinkProject { .. } => "link_project",
            Self::RegisterProject { .. } => "register_project",
            Self::MandateWorkingGroup { .. } => "mandate_working_group",
            Self::LinkWorkingGroup { .. } => "link_working_group",
            Self::AddActionField { .. } => "add_action_field",
        }
    }

    /// The STG outcome this follow-up belongs to.
    pub fn outcome(&self) -> StgOutcome {
        match self {
            Self::LinkProject { .. } | Self::RegisterProject { .. } => StgOutcome::Project,
            Self::MandateWorkingGroup { .. } | Self::LinkWorkingGroup { .. } => {
                StgOutcome::WorkingGroup
            }
            Self::AddActionField { .. } => StgOutcome::NewActionField,
        }
    }

    /// A follow-up must match the decision's outcome: a project for
    /// "project", a working group for "working group", an action field
    /// for "new action field"; the other outcomes carry none.
    pub fn check(&self, outcome: StgOutcome) -> Result<(), FollowUpError> {
        if self.outcome() == outcome {
            Ok(())
        } else {
            Err(FollowUpError::DoesNotFit {
                follow_up: self.as_str(),
                outcome,
            })
        }
    }
}

/// What a concern's follow-up created or linked, as the concern records it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUpLink {
    Project {
        project: ProjectId,
    },
    WorkingGroup {
        working_group: WorkingGroupId,
    },
    /// Action field `number` of a work programme.
    ActionField {
        programme: ProgrammeId,
        number: u32,
    },
}

impl FollowUpLink {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Project { .. } => "project",
            Self::WorkingGroup { .. } => "working_group",
            Self::ActionField { .. } => "action_field",
        }
    }

    /// The STG outcome that leads to a link of this kind.
    pub fn outcome(&self) -> StgOutcome {
        match self {
            Self::Project { .. } => StgOutcome::Project,
            Self::WorkingGroup { .. } => StgOutcome::WorkingGroup,
            Self::ActionField { .. } => StgOutcome::NewActionField,
        }
    }

    /// The linked item's id, for display ("programme/number" for an
    /// action field).
    pub fn target(&self) -> String {
        match self {
            Self::Project { project } => project.to_string(),
            Self::WorkingGroup { working_group } => working_group.to_string(),
            Self::ActionField { programme, number } => format!("{programme}/{number}"),
        }
    }
}

/// Why a follow-up was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    #[error("a decision «{outcome:?}» cannot {follow_up}: the follow-up must match the outcome")]
    DoesNotFit {
        follow_up: &'static str,
        outcome: StgOutcome,
    },
}

impl Classify for FollowUpError {
    fn field(&self) -> Option<&'static str> {
        Some("follow_up")
    }

    fn kind(&self) -> ErrorKind {
        ErrorKind::Validation
    }

    fn rule(&self) -> Option<ConceptRule> {
        Some(ConceptRule::StgDecisionEffects)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_fits_only_its_outcome() {
        let link = FollowUp::LinkProject {
            project: ProjectId::new(),
        };
        assert_eq!(link.check(StgOutcome::Project), Ok(()));
        let refused = link.check(StgOutcome::WorkingGroup).unwrap_err();
        assert_eq!(refused.rule(), Some(ConceptRule::StgDecisionEffects));
        let group = FollowUp::LinkWorkingGroup {
            working_group: WorkingGroupId::new(),
        };
        assert_eq!(group.check(StgOutcome::WorkingGroup), Ok(()));
        assert!(group.check(StgOutcome::Declined).is_err());
        assert!(group.check(StgOutcome::Recommendation).is_err());
    }

    #[test]
    fn links_round_trip_as_tagged_objects() {
        let link = FollowUpLink::ActionField {
            programme: ProgrammeId::new(),
            number: 4,
        };
        let json = serde_json::to_value(link).unwrap();
        assert_eq!(json["kind"], "action_field");
        assert_eq!(serde_json::from_value::<FollowUpLink>(json).unwrap(), link);
    }
}
