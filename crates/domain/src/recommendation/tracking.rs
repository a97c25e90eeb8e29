//! What each addressee answers and reports: acceptance and implementation
//! are two separate dimensions (as in the UN JIU tracking system), and every
//! report is kept.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::Attachment;
use crate::text::FreeText;

/// The most evidence links one report carries.
pub const MAX_EVIDENCE: usize = 20;

/// An addressee's answer to a recommendation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Acceptance {
    Accepted,
    PartlyAccepted,
    NotAccepted,
    NotRelevant,
}

impl Acceptance {
    pub const ALL: [Acceptance; 4] = [
        Self::Accepted,
        Self::PartlyAccepted,
        Self::NotAccepted,
        Self::NotRelevant,
    ];

    /// Whether implementation is expected (and reported) after this answer.
    pub fn commits(&self) -> bool {
        matches!(self, Self::Accepted | Self::PartlyAccepted)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::PartlyAccepted => "partly_accepted",
            Self::NotAccepted => "not_accepted",
            Self::NotRelevant => "not_relevant",
        }
    }
}

/// Where an addressee stands in implementing a recommendation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImplementationStatus {
    NotStarted,
    Planned,
    InProgress,
    Implemented,
    NotImplemented,
}

impl ImplementationStatus {
    pub const ALL: [ImplementationStatus; 5] = [
        Self::NotStarted,
        Self::Planned,
        Self::InProgress,
        Self::Implemented,
        Self::NotImplemented,
    ];

    /// Whether the item is closed (implemented or definitively not), so no
    /// further report is due (GAO: closed–implemented, closed–not
    /// implemented).
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Implemented | Self::NotImplemented)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Implemented => "implemented",
            Self::NotImplemented => "not_implemented",
        }
    }
}

/// The period a report covers, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportingPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One implementation report of one addressee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ImplementationReport {
    pub period: ReportingPeriod,
    pub status: ImplementationStatus,
    /// How far implementation has come, where a share makes sense.
    pub percent: Option<u8>,
    pub narrative: FreeText,
    pub evidence: Vec<Attachment>,
}

/// What a flag of the EKG points at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "scope", content = "addressee", rename_all = "snake_case")]
pub enum FlagTarget {
    /// The recommendation as a whole.
    Recommendation,
    Addressee(crate::partner::Party),
}
