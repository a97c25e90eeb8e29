//! What callers ask of a meeting and what is recorded.

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::agenda::AgendaItem;
use super::minutes::{Approval, Decision, Propagation};
use crate::DomainEvent;
use crate::ids::{BodyId, MeetingId};
use crate::text::{FreeText, Link, Title};

/// When and where a meeting takes place (local Swiss time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Slot {
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: Option<Title>,
    pub online: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingCommand {
    Schedule {
        id: MeetingId,
        body: BodyId,
        /// Another body meeting jointly (the STG's year-end meeting with
        /// the EKG).
        joint_with: Option<BodyId>,
        title: Title,
        slot: Slot,
    },
    Reschedule {
        slot: Slot,
        reason: FreeText,
    },
    Cancel {
        reason: FreeText,
    },
    /// Adds an item; once the agenda went out, a reason is required and
    /// the change is a visible revision.
    AddItem {
        item: AgendaItem,
        reason: FreeText,
    },
    ChangeItem {
        number: u32,
        item: AgendaItem,
        reason: FreeText,
    },
    WithdrawItem {
        number: u32,
        reason: FreeText,
    },
    /// Sends the agenda (again, after revisions).
    SendAgenda,
    RecordMinutes {
        number: u32,
        note: FreeText,
        decision: Option<Decision>,
    },
    ApproveMinutes {
        approval: Approval,
    },
    /// The process manager records what the referenced aggregate made of a
    /// decision.
    RecordPropagation {
        number: u32,
        propagation: Propagation,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum MeetingEvent {
    Scheduled {
        id: MeetingId,
        body: BodyId,
        joint_with: Option<BodyId>,
        title: Title,
        slot: Slot,
    },
    Rescheduled {
        slot: Slot,
        reason: FreeText,
    },
    Cancelled {
        reason: FreeText,
    },
    ItemAdded {
        number: u32,
        item: AgendaItem,
        /// Set when the agenda had gone out: a revision and why.
        revision: Option<FreeText>,
    },
    ItemChanged {
        number: u32,
        item: AgendaItem,
        revision: Option<FreeText>,
    },
    ItemWithdrawn {
        number: u32,
        revision: Option<FreeText>,
    },
    AgendaSent {
        /// 1 for the first sending, then one more per revised sending.
        version: u32,
    },
    MinutesRecorded {
        number: u32,
        note: FreeText,
        decision: Option<Decision>,
    },
    MinutesApproved {
        approval: Approval,
    },
    PropagationRecorded {
        number: u32,
        propagation: Propagation,
    },
}

impl DomainEvent for MeetingEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Scheduled { .. } => "Scheduled",
            Self::Rescheduled { .. } => "Rescheduled",
            Self::Cancelled { .. } => "Cancelled",
            Self::ItemAdded { .. } => "ItemAdded",
            Self::ItemChanged { .. } => "ItemChanged",
            Self::ItemWithdrawn { .. } => "ItemWithdrawn",
            Self::AgendaSent { .. } => "AgendaSent",
            Self::MinutesRecorded { .. } => "MinutesRecorded",
            Self::MinutesApproved { .. } => "MinutesApproved",
            Self::PropagationRecorded { .. } => "PropagationRecorded",
        }
    }
}
