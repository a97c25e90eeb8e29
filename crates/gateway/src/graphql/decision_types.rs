//! GraphQL types of a body's decisions, shared by meetings, circular
//! resolutions and what the decisions reached (concerns, recommendations,
//! working groups): the reference, the subject, the minuted decision and
//! its effect.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::concern::EkgOutcome;
use iiz_domain::meeting::{Decision, DecisionEffect, ItemSubject, Resolution};

use super::concern_enums::{EkgOutcomeKind, StgOutcomeValue};
use super::meeting_enums::{EffectKind, PropagationStatus, ResolutionKind, SubjectKind};
use super::shared_types::id;

/// The meeting item or circular resolution whose decision a step carried
/// out: `meeting` and `item`, or `resolution`.
#[derive(Debug, Clone, SimpleObject)]
pub struct DecisionReferenceInfo {
    pub meeting: Option<ID>,
    pub item: Option<u32>,
    pub resolution: Option<ID>,
    /// How the decision is cited, e.g. "EKG-Sitzung 4/2026, Traktandum 2".
    pub label: String,
}

impl From<&DecisionReference> for DecisionReferenceInfo {
    fn from(reference: &DecisionReference) -> Self {
        let (meeting, item, resolution) = match reference.source {
            DecisionSource::Meeting { meeting, item } => (Some(id(meeting)), Some(item), None),
            DecisionSource::Resolution { resolution } => (None, None, Some(id(resolution))),
        };
        Self {
            meeting,
            item,
            resolution,
            label: reference.label.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ItemSubjectInfo {
    pub kind: SubjectKind,
    /// The concern, recommendation, project or working group.
    pub id: Option<ID>,
    /// The report's title.
    pub title: Option<String>,
    /// The first day of the work programme's period.
    pub programme_from: Option<NaiveDate>,
}

impl From<&ItemSubject> for ItemSubjectInfo {
    fn from(subject: &ItemSubject) -> Self {
        let (kind, target, title) = match subject {
            ItemSubject::Free => (SubjectKind::Free, None, None),
            ItemSubject::Concern(c) => (SubjectKind::Concern, Some(id(c)), None),
            ItemSubject::Recommendation(r) => (SubjectKind::Recommendation, Some(id(r)), None),
            ItemSubject::Project(p) => (SubjectKind::Project, Some(id(p)), None),
            ItemSubject::WorkingGroup(w) => (SubjectKind::WorkingGroup, Some(id(w)), None),
            ItemSubject::Report(t) => (SubjectKind::Report, None, Some(t.as_str().to_owned())),
            ItemSubject::WorkProgramme(_) => (SubjectKind::WorkProgramme, None, None),
            ItemSubject::ChairElection(b) => (SubjectKind::ChairElection, Some(id(b)), None),
        };
        let programme_from = match subject {
            ItemSubject::WorkProgramme(from) => Some(*from),
            _ => None,
        };
        Self {
            kind,
            id: target,
            title,
            programme_from,
        }
    }
}

/// A decision as minuted.
#[derive(Debug, Clone, SimpleObject)]
pub struct DecisionInfo {
    pub outcome: String,
    pub rationale: String,
    pub resolution: ResolutionKind,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// The people present.
    pub present: Vec<ID>,
    pub effect: Option<EffectKind>,
    /// For `EXAMINE`: the EKG's outcome.
    pub ekg_outcome: Option<EkgOutcomeKind>,
    /// For `DECIDE`: the STG's outcome; for a proposal to the STG, the
    /// proposed one.
    pub stg_outcome: Option<StgOutcomeValue>,
    pub working_group: Option<String>,
    /// For `GIVE_TO_WORKING_GROUP`: the existing mandate named.
    pub mandate: Option<ID>,
    pub answer: Option<String>,
    /// For `REFER_TO_EKG`: the STG's question.
    pub question: Option<String>,
    /// For `DECIDE`: what the decision creates or links
    /// (`register_project`, `mandate_working_group`, …).
    pub follow_up: Option<String>,
}

impl From<&Decision> for DecisionInfo {
    fn from(decision: &Decision) -> Self {
        let (resolution, yes, no, abstain) = match decision.resolution {
            Resolution::Consensus => (ResolutionKind::Consensus, None, None, None),
            Resolution::Vote { yes, no, abstain } => {
                (ResolutionKind::Vote, Some(yes), Some(no), Some(abstain))
            }
        };
        let mut info = Self {
            outcome: decision.outcome.as_str().to_owned(),
            rationale: decision.rationale.as_str().to_owned(),
            resolution,
            yes,
            no,
            abstain,
            present: decision.present.iter().map(id).collect(),
            effect: None,
            ekg_outcome: None,
            stg_outcome: None,
            working_group: None,
            mandate: None,
            answer: None,
            question: None,
            follow_up: None,
        };
        if let Some(effect) = &decision.effect {
            let fields = EffectFields::from(effect);
            info.effect = Some(fields.kind);
            info.ekg_outcome = fields.ekg_outcome;
            info.stg_outcome = fields.stg_outcome;
            info.working_group = fields.working_group;
            info.mandate = fields.mandate;
            info.answer = fields.answer;
            info.question = fields.question;
            info.follow_up = fields.follow_up;
        }
        info
    }
}

/// A decision's effect as the flat fields the API shows, for minutes and
/// circular resolutions alike.
#[derive(Debug, Clone, SimpleObject)]
pub struct EffectFields {
    pub kind: EffectKind,
    pub ekg_outcome: Option<EkgOutcomeKind>,
    pub stg_outcome: Option<StgOutcomeValue>,
    pub working_group: Option<String>,
    /// For `EXAMINE` with `GIVE_TO_WORKING_GROUP`: the existing mandate.
    pub mandate: Option<ID>,
    pub answer: Option<String>,
    /// For `REFER_TO_EKG`: the STG's question.
    pub question: Option<String>,
    /// For `DECIDE`: what the decision creates or links.
    pub follow_up: Option<String>,
}

impl From<&DecisionEffect> for EffectFields {
    fn from(effect: &DecisionEffect) -> Self {
        let mut fields = Self {
            kind: EffectKind::Adopt,
            ekg_outcome: None,
            stg_outcome: None,
            working_group: None,
            mandate: None,
            answer: None,
            question: None,
            follow_up: None,
        };
        match effect {
            DecisionEffect::Adopt => {}
            DecisionEffect::ReferToEkg { question } => {
                fields.kind = EffectKind::ReferToEkg;
                fields.question = Some(question.as_str().to_owned());
            }
            DecisionEffect::Assess => fields.kind = EffectKind::Assess,
            DecisionEffect::Decide { outcome, follow_up } => {
                fields.kind = EffectKind::Decide;
                fields.follow_up = follow_up.as_ref().map(|f| f.as_str().to_owned());
                fields.stg_outcome = Some((*outcome).into());
            }
            DecisionEffect::Examine { outcome } => {
                fields.kind = EffectKind::Examine;
                fields.ekg_outcome = Some(match outcome {
                    EkgOutcome::HandleInEkg => EkgOutcomeKind::HandleInEkg,
                    EkgOutcome::GiveToWorkingGroup {
                        working_group,
                        mandate,
                    } => {
                        fields.working_group = Some(working_group.as_str().to_owned());
                        fields.mandate = mandate.as_ref().map(id);
                        EkgOutcomeKind::GiveToWorkingGroup
                    }
                    EkgOutcome::ProposeToStg { proposal } => {
                        fields.stg_outcome = Some((*proposal).into());
                        EkgOutcomeKind::ProposeToStg
                    }
                    EkgOutcome::CloseWithAnswer { answer } => {
                        fields.answer = Some(answer.as_str().to_owned());
                        EkgOutcomeKind::CloseWithAnswer
                    }
                });
            }
        }
        fields
    }
}

/// What the referenced concern or recommendation made of a decision.
#[derive(Debug, Clone, SimpleObject)]
pub struct PropagationInfo {
    pub status: PropagationStatus,
    /// Why the referenced aggregate refused the step.
    pub reason: Option<String>,
    pub at: Option<DateTime<Utc>>,
}
