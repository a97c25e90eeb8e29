//! GraphQL types of meetings: the slot, the agenda with its revisions, the
//! minutes with decisions and what became of them, and the yearly overview.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use iiz_app::meetings::ics::swiss_to_utc;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::concern::EkgOutcome;
use iiz_domain::meeting::{
    Approval, Decision, DecisionEffect, ItemSubject, Propagation, Resolution, Slot,
};
use iiz_projections::{ItemView, MeetingView, Revision};

use super::concern_enums::StgOutcomeValue;
use super::concern_types::AttachmentLink;
pub use super::meeting_enums::*;
pub use super::meeting_year_types::*;
use super::mutation::EkgOutcomeKind;

pub(super) fn id(value: impl ToString) -> ID {
    ID(value.to_string())
}

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

/// When and where (local Swiss time, and the start in UTC).
#[derive(Debug, Clone, SimpleObject)]
pub struct SlotInfo {
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub starts_at_utc: DateTime<Utc>,
    pub place: Option<String>,
    pub online: Option<String>,
}

impl From<&Slot> for SlotInfo {
    fn from(slot: &Slot) -> Self {
        Self {
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            starts_at_utc: swiss_to_utc(slot.starts_at),
            place: slot.place.as_ref().map(|place| place.as_str().to_owned()),
            online: slot.online.as_ref().map(|link| link.as_str().to_owned()),
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

#[derive(Debug, Clone, SimpleObject)]
pub struct MinutesInfo {
    pub note: String,
    pub decision: Option<DecisionInfo>,
    pub recorded_at: DateTime<Utc>,
    pub actor: String,
}

/// An agenda item (withdrawn ones are kept, marked).
#[derive(Debug, Clone, SimpleObject)]
pub struct AgendaItemInfo {
    pub number: u32,
    pub title: String,
    pub purpose: ItemPurposeValue,
    pub subject: ItemSubjectInfo,
    /// The office's preparation: background, proposal.
    pub note: String,
    pub documents: Vec<AttachmentLink>,
    pub withdrawn: bool,
    pub minutes: Option<MinutesInfo>,
    pub propagation: Option<PropagationInfo>,
}

impl From<&ItemView> for AgendaItemInfo {
    fn from(item: &ItemView) -> Self {
        Self {
            number: item.number,
            title: item.item.title.as_str().to_owned(),
            purpose: item.item.purpose.into(),
            subject: (&item.item.subject).into(),
            note: item.item.note.as_str().to_owned(),
            documents: item
                .item
                .documents
                .iter()
                .map(|document| AttachmentLink {
                    title: document.title.as_str().to_owned(),
                    link: document.link.as_str().to_owned(),
                })
                .collect(),
            withdrawn: item.withdrawn,
            minutes: item.minutes.as_ref().map(|minutes| MinutesInfo {
                note: minutes.note.clone(),
                decision: minutes.decision.as_ref().map(Into::into),
                recorded_at: minutes.recorded_at,
                actor: minutes.actor.clone(),
            }),
            propagation: item.propagation.as_ref().map(|p| PropagationInfo {
                status: match p {
                    Propagation::Applied => PropagationStatus::Applied,
                    Propagation::Refused { .. } => PropagationStatus::Refused,
                },
                reason: match p {
                    Propagation::Applied => None,
                    Propagation::Refused { reason } => Some(reason.clone()),
                },
                at: item.propagated_at,
            }),
        }
    }
}

/// A visible change: a revision of the sent agenda, a new slot, a
/// cancellation.
#[derive(Debug, Clone, SimpleObject)]
pub struct RevisionInfo {
    pub kind: RevisionKindValue,
    pub item: Option<u32>,
    pub title: Option<String>,
    pub reason: String,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// The sending the change revises (0: before the agenda went out).
    pub revises_version: u32,
    /// The start before a reschedule.
    pub previous_starts_at: Option<NaiveDateTime>,
}

impl From<&Revision> for RevisionInfo {
    fn from(revision: &Revision) -> Self {
        Self {
            kind: revision.kind.into(),
            item: revision.item,
            title: revision.title.clone(),
            reason: revision.reason.clone(),
            at: revision.at,
            actor: revision.actor.clone(),
            revises_version: revision.revises_version,
            previous_starts_at: revision.previous_slot.as_ref().map(|slot| slot.starts_at),
        }
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct SendingInfo {
    pub version: u32,
    pub at: DateTime<Utc>,
    pub actor: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ApprovalInfo {
    pub kind: ApprovalKind,
    /// The meeting that approved them.
    pub meeting: Option<ID>,
    pub at: DateTime<Utc>,
    pub actor: String,
}

/// A meeting of a body.
#[derive(Debug, Clone, SimpleObject)]
pub struct Meeting {
    pub id: ID,
    pub tenant: ID,
    pub body: ID,
    pub joint_with: Option<ID>,
    pub title: String,
    pub slot: SlotInfo,
    pub status: MeetingStatusValue,
    pub cancellation: Option<String>,
    /// Every item, by number; withdrawn ones are marked.
    pub agenda: Vec<AgendaItemInfo>,
    /// The agenda's last sending (0: not sent yet).
    pub sent_version: u32,
    pub revised_since_sent: bool,
    pub sendings: Vec<SendingInfo>,
    pub revisions: Vec<RevisionInfo>,
    pub approval: Option<ApprovalInfo>,
    /// A decision waits to be carried out.
    pub pending_propagation: bool,
    /// The iCalendar SEQUENCE of the meeting's event.
    pub sequence: u32,
    pub scheduled_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub stream_version: u64,
}

impl From<MeetingView> for Meeting {
    fn from(view: MeetingView) -> Self {
        let mut agenda: Vec<AgendaItemInfo> = view.items.iter().map(Into::into).collect();
        agenda.sort_by_key(|item| item.number);
        Self {
            id: id(view.id),
            tenant: id(view.tenant),
            body: id(view.body),
            joint_with: view.joint_with.map(id),
            title: view.title.clone(),
            slot: (&view.slot).into(),
            status: view.status.into(),
            cancellation: view.cancellation.clone(),
            agenda,
            sent_version: view.sent_version,
            revised_since_sent: view.revised_since_sent,
            sendings: view
                .sendings
                .iter()
                .map(|sending| SendingInfo {
                    version: sending.version,
                    at: sending.at,
                    actor: sending.actor.clone(),
                })
                .collect(),
            revisions: view.revisions.iter().map(Into::into).collect(),
            approval: view.approval.as_ref().map(|approval| ApprovalInfo {
                kind: match approval.approval {
                    Approval::AtMeeting(_) => ApprovalKind::AtMeeting,
                    Approval::ByChair => ApprovalKind::ByChair,
                },
                meeting: match approval.approval {
                    Approval::AtMeeting(meeting) => Some(id(meeting)),
                    Approval::ByChair => None,
                },
                at: approval.at,
                actor: approval.actor.clone(),
            }),
            pending_propagation: view.pending_propagation,
            sequence: view.sequence,
            scheduled_at: view.scheduled_at,
            updated_at: view.updated_at,
            stream_version: view.version,
        }
    }
}
