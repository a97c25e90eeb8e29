//! What a meeting's view holds: the slot, the agenda with every revision,
//! the minutes per item with decisions and what became of them, and the
//! approval; and the compact calendar entry the feeds and overviews read.

use chrono::{DateTime, NaiveDateTime, Utc};
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{AgendaItem, Approval, Decision, Propagation, Slot};
use iiz_domain::{BodyId, TenantId};
use serde::{Deserialize, Serialize};

/// Where a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Scheduled, no minutes yet.
    Planned,
    /// Minutes are being recorded (drafted, not yet approved).
    Held,
    /// The minutes are approved.
    Approved,
    Cancelled,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Held => "held",
            Self::Approved => "approved",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The minutes of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemMinutes {
    pub note: String,
    pub decision: Option<Decision>,
    pub recorded_at: DateTime<Utc>,
    /// Who recorded them (the process carries out the decision as them).
    pub actor: String,
    /// The meeting stream's version of the recording: a corrected decision
    /// is carried out under a new version, so a key derived from it names
    /// one decision exactly.
    pub version: u64,
}

/// One agenda item now, withdrawn ones included (marked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    pub number: u32,
    pub item: AgendaItem,
    pub withdrawn: bool,
    pub minutes: Option<ItemMinutes>,
    /// What the referenced concern or recommendation made of the decision.
    pub propagation: Option<Propagation>,
    pub propagated_at: Option<DateTime<Utc>>,
}

impl ItemView {
    /// A decision with an effect that was not carried out yet.
    pub fn awaits_propagation(&self) -> bool {
        self.propagation.is_none()
            && self
                .minutes
                .as_ref()
                .and_then(|minutes| minutes.decision.as_ref())
                .is_some_and(|decision| decision.effect.is_some())
    }
}

/// What a revision of the sent agenda (or a change of the slot) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    ItemAdded,
    ItemChanged,
    ItemWithdrawn,
    Rescheduled,
    Cancelled,
}

/// A visible change after the agenda went out (or of the slot at any time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub kind: RevisionKind,
    pub item: Option<u32>,
    /// The item's title (after the change; before, when withdrawn).
    pub title: Option<String>,
    pub reason: String,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// The sending the change revises (0: the agenda had not gone out).
    pub revises_version: u32,
    /// The slot before a reschedule.
    pub previous_slot: Option<Slot>,
}

/// One sending of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sending {
    pub version: u32,
    pub at: DateTime<Utc>,
    pub actor: String,
}

/// Who approved the minutes, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub approval: Approval,
    pub at: DateTime<Utc>,
    pub actor: String,
}

/// A meeting with everything about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: MeetingId,
    pub tenant: TenantId,
    pub body: BodyId,
    pub joint_with: Option<BodyId>,
    /// The body and the joint body: a meeting is on both calendars.
    pub bodies: Vec<BodyId>,
    pub title: String,
    pub slot: Slot,
    /// `starts_at` as text, filterable by date range.
    pub starts_at: String,
    pub status: MeetingStatus,
    pub cancellation: Option<String>,
    pub items: Vec<ItemView>,
    /// The agenda's last sending (0: not sent yet).
    pub sent_version: u32,
    /// Changed since it was last sent.
    pub revised_since_sent: bool,
    pub sendings: Vec<Sending>,
    pub revisions: Vec<Revision>,
    pub approval: Option<ApprovalView>,
    /// Some decision waits to be carried out (the resume step's filter).
    pub pending_propagation: bool,
    /// The iCalendar SEQUENCE: one more per reschedule, cancellation and
    /// revision of the sent agenda.
    pub sequence: u32,
    pub scheduled_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u64,
}

impl MeetingView {
    /// The items on the agenda now.
    pub fn current_items(&self) -> impl Iterator<Item = &ItemView> {
        self.items.iter().filter(|item| !item.withdrawn)
    }

    pub fn item(&self, number: u32) -> Option<&ItemView> {
        self.items.iter().find(|item| item.number == number)
    }
}

/// A meeting on a body's calendar: what a feed or an overview needs,
/// without minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub id: MeetingId,
    pub tenant: TenantId,
    pub body: BodyId,
    pub joint_with: Option<BodyId>,
    pub bodies: Vec<BodyId>,
    pub title: String,
    pub slot: Slot,
    pub starts_at: String,
    pub status: MeetingStatus,
    /// The current items: number and title.
    pub agenda: Vec<(u32, String)>,
    pub sequence: u32,
    pub updated_at: DateTime<Utc>,
}

impl CalendarEntry {
    pub fn of(view: &MeetingView) -> Self {
        Self {
            id: view.id,
            tenant: view.tenant,
            body: view.body,
            joint_with: view.joint_with,
            bodies: view.bodies.clone(),
            title: view.title.clone(),
            slot: view.slot.clone(),
            starts_at: view.starts_at.clone(),
            status: view.status,
            agenda: view
                .current_items()
                .map(|item| (item.number, item.item.title.as_str().to_owned()))
                .collect(),
            sequence: view.sequence,
            updated_at: view.updated_at,
        }
    }
}

/// The text form of a local time, ordered like the time.
pub fn local_key(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}
