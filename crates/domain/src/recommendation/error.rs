//! Why a recommendation command was refused.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::stage::{RecommendationAction, RecommendationStage};
use super::tracking::{Acceptance, ImplementationStatus};
use crate::error::{Classify, ErrorKind, list_actions, not_allowed_details, required_input};
use crate::partner::Party;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecommendationError {
    #[error("the recommendation already exists")]
    AlreadyDrafted,
    #[error("the recommendation does not exist")]
    NotDrafted,
    /// The workflow does not allow the step now; names what it allows.
    #[error("a recommendation that is {stage} cannot {action}; allowed now: {}", list(.allowed))]
    NotAllowed {
        action: RecommendationAction,
        stage: RecommendationStage,
        allowed: Vec<RecommendationAction>,
    },
    #[error("a recommendation needs at least one addressee")]
    NoAddressees,
    #[error("{0} is not an addressee of this recommendation")]
    NotAnAddressee(Party),
    #[error("{0} was sent this recommendation and stays an addressee; supersede it instead")]
    AddresseeRemoved(Party),
    #[error("the translation into {0} repeats the original language")]
    TranslationInOriginalLanguage(crate::ids::Language),
    #[error("the basis lists at most {max} projects and at most {max} documents")]
    BasisTooLong { max: usize },
    #[error("a {0} is required")]
    Required(&'static str),
    #[error("the first answer is due on {due}, which is not after publication on {published}")]
    AnswerDueTooEarly {
        due: NaiveDate,
        published: NaiveDate,
    },
    #[error("the recommendation cannot supersede itself")]
    SelfReference,
    #[error("a justification is required when the answer is {0:?}")]
    JustificationRequired(Acceptance),
    #[error("{0} has not answered yet: answer (accept or partly accept) before reporting")]
    NotAnswered(Party),
    #[error("{party} answered {acceptance:?}: there is no implementation to report")]
    NotCommitted {
        party: Party,
        acceptance: Acceptance,
    },
    #[error("the reporting period ends ({to}) before it starts ({from})")]
    PeriodReversed { from: NaiveDate, to: NaiveDate },
    #[error(
        "the reporting period ends ({to}) before the recommendation was published ({published})"
    )]
    PeriodBeforePublication { to: NaiveDate, published: NaiveDate },
    #[error("the reporting period ends ({to}) before the last report's period ({last})")]
    PeriodBeforeLastReport { to: NaiveDate, last: NaiveDate },
    #[error("a percentage is between 0 and 100, not {0}")]
    PercentOutOfRange(u8),
    #[error("{percent} % contradicts the status {status:?}")]
    PercentContradictsStatus {
        percent: u8,
        status: ImplementationStatus,
    },
    #[error("a report carries at most {max} evidence links")]
    TooMuchEvidence { max: usize },
    #[error("there is already an open flag on this")]
    AlreadyFlagged,
    #[error("flag {0} does not exist")]
    UnknownFlag(u32),
    #[error("flag {0} is already resolved")]
    FlagAlreadyResolved(u32),
}

fn list(actions: &[RecommendationAction]) -> String {
    list_actions(actions.iter().map(RecommendationAction::as_str))
}

impl Classify for RecommendationError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::NoAddressees | Self::AddresseeRemoved(_) => Some("addressees"),
            Self::TranslationInOriginalLanguage(_) => Some("translations"),
            Self::BasisTooLong { .. } => Some("basis"),
            Self::AnswerDueTooEarly { .. } => Some("answer_due"),
            Self::JustificationRequired(_) => Some("justification"),
            Self::PeriodReversed { .. }
            | Self::PeriodBeforePublication { .. }
            | Self::PeriodBeforeLastReport { .. } => Some("period"),
            Self::PercentOutOfRange(_) | Self::PercentContradictsStatus { .. } => Some("percent"),
            Self::TooMuchEvidence { .. } => Some("evidence"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyDrafted => ErrorKind::AlreadyExists,
            Self::NotDrafted | Self::UnknownFlag(_) => ErrorKind::NotFound,
            Self::NotAllowed { .. }
            | Self::NotAnswered(_)
            | Self::NotCommitted { .. }
            | Self::AlreadyFlagged
            | Self::FlagAlreadyResolved(_) => ErrorKind::InvalidState,
            Self::NoAddressees
            | Self::NotAnAddressee(_)
            | Self::AddresseeRemoved(_)
            | Self::TranslationInOriginalLanguage(_)
            | Self::BasisTooLong { .. }
            | Self::Required(_)
            | Self::AnswerDueTooEarly { .. }
            | Self::SelfReference
            | Self::JustificationRequired(_)
            | Self::PeriodReversed { .. }
            | Self::PeriodBeforePublication { .. }
            | Self::PeriodBeforeLastReport { .. }
            | Self::PercentOutOfRange(_)
            | Self::PercentContradictsStatus { .. }
            | Self::TooMuchEvidence { .. } => ErrorKind::Validation,
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
                allowed.iter().map(RecommendationAction::as_str),
            )),
            Self::NotAnAddressee(party) | Self::AddresseeRemoved(party) => {
                Some(json!({ "addressee": party.to_string() }))
            }
            _ => None,
        }
    }
}
