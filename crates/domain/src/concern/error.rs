//! Why a concern command was refused.

use serde_json::Value;

use super::content::MissingField;
use super::outcome::StgOutcome;
use super::route::{StepKind, StepOutcome};
use super::stage::{ConcernAction, ConcernStage};
use crate::concept::ConceptRule;
use crate::error::{Classify, ErrorKind, list_actions, not_allowed_details};
use crate::ids::ConcernId;
use crate::partner::Party;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConcernError {
    #[error("the concern already exists")]
    AlreadyDrafted,
    #[error("the concern does not exist")]
    NotDrafted,
    /// The workflow does not allow the step now; names what it allows.
    #[error("a concern that is {stage} cannot {action}; allowed now: {}", list(.allowed))]
    NotAllowed {
        action: ConcernAction,
        stage: ConcernStage,
        allowed: Vec<ConcernAction>,
    },
    #[error("the {0} is required")]
    Missing(MissingField),
    #[error("a rationale is required to {0}")]
    RationaleRequired(ConcernAction),
    #[error("the current route step is {current}, not {given}")]
    WrongStep { current: usize, given: usize },
    #[error("a step that {kind:?} cannot record {outcome:?}; it records one of {allowed:?}")]
    OutcomeNotForStep {
        kind: StepKind,
        outcome: StepOutcome,
        allowed: &'static [StepOutcome],
    },
    #[error("{0} already endorses the concern")]
    AlreadyEndorsed(Party),
    #[error("{0} submits the concern and cannot also endorse it")]
    OwnEndorsement(Party),
    #[error("a concern cannot be merged into or bundled with itself")]
    SelfReference,
    #[error("the concern was already consolidated in this network")]
    AlreadyConsolidated,
    #[error("concern {0} was already absorbed")]
    AlreadyAbsorbed(ConcernId),
    #[error("an internal comment can only come from the originating tenant")]
    InternalCommentElsewhere,
    #[error("the text of a comment or an answer cannot be empty")]
    EmptyText,
    #[error("what information is needed must be said when returning for information")]
    NeededInformationMissing,
    #[error("the concern may have at most {max} attachments")]
    TooManyAttachments { max: usize },
    #[error(
        "a concern can only be absorbed while it is before the national bodies, not while it is {0}"
    )]
    CannotAbsorb(ConcernStage),
    #[error("the STG decided on a recommendation: the answer names it")]
    RecommendationReferenceRequired,
    #[error("only an answer to an STG decision on a recommendation names a recommendation")]
    RecommendationReferenceUnexpected,
    #[error("a {link} follows only from an STG decision «{}», not from {}", expected_outcome(.link), decided_outcome(.decided))]
    FollowUpDoesNotFit {
        link: &'static str,
        decided: Option<StgOutcome>,
    },
    #[error("what a decision created is linked once the STG decided, not while the concern is {0}")]
    FollowUpBeforeDecision(ConcernStage),
}

fn expected_outcome(link: &str) -> &'static str {
    match link {
        "project" => "project",
        "working_group" => "working group",
        _ => "new action field",
    }
}

fn decided_outcome(decided: &Option<StgOutcome>) -> String {
    decided.map_or_else(
        || "no decision".to_owned(),
        |outcome| format!("the decision «{outcome:?}»"),
    )
}

fn list(actions: &[ConcernAction]) -> String {
    list_actions(actions.iter().map(ConcernAction::as_str))
}

impl Classify for ConcernError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Missing(MissingField::Description) => Some("description"),
            Self::Missing(MissingField::WhyNotCantonal) => Some("why_not_cantonal"),
            Self::Missing(MissingField::Institutions) => Some("institutions"),
            Self::RationaleRequired(_) => Some("rationale"),
            Self::EmptyText => Some("text"),
            Self::NeededInformationMissing => Some("needed"),
            Self::TooManyAttachments { .. } => Some("attachments"),
            Self::RecommendationReferenceRequired | Self::RecommendationReferenceUnexpected => {
                Some("recommendation")
            }
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyDrafted => ErrorKind::AlreadyExists,
            Self::NotDrafted => ErrorKind::NotFound,
            Self::NotAllowed { .. }
            | Self::WrongStep { .. }
            | Self::AlreadyEndorsed(_)
            | Self::AlreadyConsolidated
            | Self::AlreadyAbsorbed(_)
            | Self::CannotAbsorb(_)
            | Self::FollowUpBeforeDecision(_) => ErrorKind::InvalidState,
            Self::Missing(_)
            | Self::RationaleRequired(_)
            | Self::OutcomeNotForStep { .. }
            | Self::OwnEndorsement(_)
            | Self::SelfReference
            | Self::InternalCommentElsewhere
            | Self::EmptyText
            | Self::NeededInformationMissing
            | Self::TooManyAttachments { .. }
            | Self::RecommendationReferenceRequired
            | Self::RecommendationReferenceUnexpected
            | Self::FollowUpDoesNotFit { .. } => ErrorKind::Validation,
        }
    }

    /// The paths of 2.1: requests reach the STG via the Fachstelle; while
    /// the EKG assesses a referred concern, the STG waits for it; and what
    /// an STG decision creates must match the decision.
    fn rule(&self) -> Option<ConceptRule> {
        use ConcernAction as A;
        match self {
            Self::NotAllowed {
                action: A::BringToStg,
                ..
            }
            | Self::RationaleRequired(A::BringToStg) => Some(ConceptRule::RequestsViaFachstelle),
            Self::NotAllowed {
                action: A::ReferToEkg | A::Assess,
                ..
            }
            | Self::NotAllowed {
                stage: ConcernStage::ReferredToEkg,
                ..
            }
            | Self::RationaleRequired(A::ReferToEkg | A::Assess) => {
                Some(ConceptRule::StgConsidersEkgAssessment)
            }
            Self::FollowUpDoesNotFit { .. } | Self::FollowUpBeforeDecision(_) => {
                Some(ConceptRule::StgDecisionEffects)
            }
            _ => None,
        }
    }

    fn details(&self) -> Option<Value> {
        match self {
            Self::NotAllowed {
                action,
                stage,
                allowed,
            } => Some(not_allowed_details(
                action.as_str(),
                stage.as_str(),
                allowed.iter().map(ConcernAction::as_str),
            )),
            _ => None,
        }
    }
}
