//! What callers ask of a working group and what is recorded.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::ids::{BodyId, ConcernId, PersonId, TenantId, WorkingGroupId};
use crate::text::Attachment;
use crate::text::{FreeText, Title};

/// The mandate, with the fields of the national concept's template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mandate {
    pub title: Title,
    /// Situation and question.
    pub question: FreeText,
    pub goal: FreeText,
    /// Output and process.
    pub output: FreeText,
    /// Composition (who should take part, by institution).
    pub composition: FreeText,
    pub communication: FreeText,
    pub financing: FreeText,
    pub resources: FreeText,
    /// The mandate ends on this day.
    pub until: NaiveDate,
    /// The Seismograf concerns the EKG gave to this group: their timelines
    /// show that the group took them on.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub concerns: BTreeSet<ConcernId>,
}

/// A member's part in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupRole {
    Lead,
    Member,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkingGroupCommand {
    /// A body mandates the group; a cantonal EKG needs the approval of the
    /// body above it (Solothurn: the IIZ-Leitung).
    Mandate {
        id: WorkingGroupId,
        mandated_by: BodyId,
        approved_by: Option<BodyId>,
        /// Boxed: the mandate is far larger than any other command.
        mandate: Box<Mandate>,
        on: NaiveDate,
    },
    /// Members come from several tenants.
    Join {
        person: PersonId,
        tenant: TenantId,
        role: GroupRole,
    },
    Leave {
        person: PersonId,
    },
    ReportProgress {
        text: FreeText,
        on: NaiveDate,
    },
    SubmitResult {
        summary: FreeText,
        documents: Vec<Attachment>,
        on: NaiveDate,
    },
    /// The mandating body takes note of the result and decides what next,
    /// as a body: in a meeting or by circular resolution.
    TakeNote {
        decision: FreeText,
        next_steps: FreeText,
        /// The mandating body's meeting item or resolution.
        decided_by: DecisionReference,
    },
    Dissolve {
        reason: FreeText,
        on: NaiveDate,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum WorkingGroupEvent {
    Mandated {
        id: WorkingGroupId,
        mandated_by: BodyId,
        approved_by: Option<BodyId>,
        mandate: Box<Mandate>,
        on: NaiveDate,
    },
    Joined {
        person: PersonId,
        tenant: TenantId,
        role: GroupRole,
    },
    Left {
        person: PersonId,
    },
    ProgressReported {
        text: FreeText,
        on: NaiveDate,
    },
    ResultSubmitted {
        summary: FreeText,
        documents: Vec<Attachment>,
        on: NaiveDate,
        /// The concerns of the mandate, for their timelines.
        #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
        concerns: BTreeSet<ConcernId>,
    },
    ResultNoted {
        decision: FreeText,
        next_steps: FreeText,
        #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
        concerns: BTreeSet<ConcernId>,
        /// Where the mandating body decided it; absent on events recorded
        /// before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    Dissolved {
        reason: FreeText,
        on: NaiveDate,
    },
}

impl DomainEvent for WorkingGroupEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Mandated { .. } => "Mandated",
            Self::Joined { .. } => "Joined",
            Self::Left { .. } => "Left",
            Self::ProgressReported { .. } => "ProgressReported",
            Self::ResultSubmitted { .. } => "ResultSubmitted",
            Self::ResultNoted { .. } => "ResultNoted",
            Self::Dissolved { .. } => "Dissolved",
        }
    }
}
