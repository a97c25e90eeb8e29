//! GraphQL types of meetings: the slot, the agenda with its revisions, the
//! minutes and what became of their decisions (the shared decision types
//! are in [`super::decision_types`]).

use std::sync::Arc;

use async_graphql::{ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDateTime, Utc};
use iiz_app::meetings::ics::swiss_to_utc;
use iiz_domain::meeting::{Approval, Propagation, Slot};
use iiz_projections::{ItemView, MeetingView, Revision};

use super::decision_types::{DecisionInfo, ItemSubjectInfo, PropagationInfo};
pub use super::meeting_enums::*;
use super::shared_types::{AttachmentLink, id};

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

/// A meeting of a body: the read model, held once; each field resolves
/// from it.
#[derive(Debug, Clone)]
pub struct Meeting(Arc<MeetingView>);

impl From<MeetingView> for Meeting {
    fn from(view: MeetingView) -> Self {
        Self(Arc::new(view))
    }
}

/// A meeting of a body.
#[Object]
impl Meeting {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn tenant(&self) -> ID {
        id(self.0.tenant)
    }

    async fn body(&self) -> ID {
        id(self.0.body)
    }

    async fn joint_with(&self) -> Option<ID> {
        self.0.joint_with.map(id)
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn slot(&self) -> SlotInfo {
        (&self.0.slot).into()
    }

    async fn status(&self) -> MeetingStatusValue {
        self.0.status.into()
    }

    async fn cancellation(&self) -> Option<&str> {
        self.0.cancellation.as_deref()
    }

    /// Every item, by number; withdrawn ones are marked.
    async fn agenda(&self) -> Vec<AgendaItemInfo> {
        let mut agenda: Vec<AgendaItemInfo> = self.0.items.iter().map(Into::into).collect();
        agenda.sort_by_key(|item| item.number);
        agenda
    }

    /// The agenda's last sending (0: not sent yet).
    async fn sent_version(&self) -> u32 {
        self.0.sent_version
    }

    async fn revised_since_sent(&self) -> bool {
        self.0.revised_since_sent
    }

    async fn sendings(&self) -> Vec<SendingInfo> {
        self.0
            .sendings
            .iter()
            .map(|sending| SendingInfo {
                version: sending.version,
                at: sending.at,
                actor: sending.actor.clone(),
            })
            .collect()
    }

    async fn revisions(&self) -> Vec<RevisionInfo> {
        self.0.revisions.iter().map(Into::into).collect()
    }

    async fn approval(&self) -> Option<ApprovalInfo> {
        self.0.approval.as_ref().map(|approval| ApprovalInfo {
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
        })
    }

    /// A decision waits to be carried out.
    async fn pending_propagation(&self) -> bool {
        self.0.pending_propagation
    }

    /// The iCalendar SEQUENCE of the meeting's event.
    async fn sequence(&self) -> u32 {
        self.0.sequence
    }

    async fn scheduled_at(&self) -> DateTime<Utc> {
        self.0.scheduled_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn stream_version(&self) -> u64 {
        self.0.version
    }
}
