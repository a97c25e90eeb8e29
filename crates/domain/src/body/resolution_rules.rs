//! How a body decides by circular resolution (Zirkularbeschluss). The
//! national concept does not describe circular resolutions, so these rules
//! are data each body sets for itself (`BodyCommand::SetResolutionRules`);
//! a body that never set them has [`ResolutionRules::default`], a default
//! of the platform, not a rule of the concept.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the answers carry a circular resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CarriedBy {
    /// Nobody answers no and at least one answers yes; abstentions do not
    /// block a consensus.
    Consensus,
    /// More yes than no among the votes cast; abstentions are not counted,
    /// a tie is not carried.
    Majority,
}

impl CarriedBy {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Consensus => "consensus",
            Self::Majority => "majority",
        }
    }
}

/// A body's rules for circular resolutions. Each resolution keeps a copy
/// of the rules in force when it was proposed, so a later change does not
/// change how an open resolution is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ResolutionRules {
    /// Whether the body decides by circular resolution at all.
    pub allowed: bool,
    pub carried_by: CarriedBy,
    /// Whether every voter must answer: a missing answer past the deadline
    /// then means the resolution is not carried.
    pub every_answer_required: bool,
    /// The fewest days between proposal and deadline.
    pub minimum_days: u32,
}

impl ResolutionRules {
    /// The longest minimum period a body can set (a year).
    pub const MAX_MINIMUM_DAYS: u32 = 366;
}

impl Default for ResolutionRules {
    /// The platform's default for a body that set no rules: allowed, by
    /// consensus, every answer required, at least five days to answer.
    fn default() -> Self {
        Self {
            allowed: true,
            carried_by: CarriedBy::Consensus,
            every_answer_required: true,
            minimum_days: 5,
        }
    }
}
