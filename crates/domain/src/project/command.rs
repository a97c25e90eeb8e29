//! What callers ask of a project and what is recorded.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::focus::FocusArea;
use crate::ids::ProjectId;
use crate::partner::Party;
use crate::text::Attachment;
use crate::text::{FreeText, Title};

/// An IIZ project: at the interface of several partners, steered by the
/// national IIZ (national concept 3.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IizProject {
    pub lead: Party,
    /// Amounts in Swiss francs as the partners declared them.
    #[serde(with = "declarations")]
    #[schemars(with = "Vec<declarations::Declared>")]
    pub funding: BTreeMap<Party, u64>,
    pub resources: FreeText,
    pub question: FreeText,
    pub goal: FreeText,
    pub output: FreeText,
    pub process: FreeText,
    /// The project group.
    pub group: FreeText,
    pub communication: FreeText,
}

/// The funding as a list of declarations: a party is a JSON object, which
/// cannot be a JSON map key.
mod declarations {
    use std::collections::BTreeMap;

    use schemars::JsonSchema;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::partner::Party;

    /// What one party declared it funds, in Swiss francs.
    #[derive(Serialize, Deserialize, JsonSchema)]
    pub(super) struct Declared {
        party: Party,
        amount: u64,
    }

    pub(super) fn serialize<S: Serializer>(
        funding: &BTreeMap<Party, u64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(funding.iter().map(|(party, amount)| Declared {
            party: *party,
            amount: *amount,
        }))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<Party, u64>, D::Error> {
        Ok(Vec::<Declared>::deserialize(deserializer)?
            .into_iter()
            .map(|declared| (declared.party, declared.amount))
            .collect())
    }
}

/// What kind of project: steered, or listed for information only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProjectKind {
    Iiz(Box<IizProject>),
    /// A partner's project the national IIZ follows for information.
    Associated {
        owner: Party,
        summary: FreeText,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCommand {
    Register {
        id: ProjectId,
        title: Title,
        focus_area: Option<FocusArea>,
        kind: ProjectKind,
    },
    PlanMilestone {
        title: Title,
        due: NaiveDate,
    },
    /// Moves a milestone not yet reached to a new date, saying why.
    Replan {
        number: u32,
        due: NaiveDate,
        reason: FreeText,
    },
    ReachMilestone {
        number: u32,
        on: NaiveDate,
    },
    /// The EKG takes note of a milestone.
    NoteMilestone {
        number: u32,
        note: FreeText,
    },
    SubmitResult {
        summary: FreeText,
        documents: Vec<Attachment>,
    },
    /// The STG accepts the result, as a body (IIZ 3.0, 3.2).
    AcceptResult {
        decision: FreeText,
        /// The STG meeting item or resolution that accepted it.
        decided_by: DecisionReference,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum ProjectEvent {
    Registered {
        id: ProjectId,
        title: Title,
        focus_area: Option<FocusArea>,
        kind: ProjectKind,
    },
    MilestonePlanned {
        number: u32,
        title: Title,
        due: NaiveDate,
    },
    MilestoneReplanned {
        number: u32,
        due: NaiveDate,
        reason: FreeText,
    },
    MilestoneReached {
        number: u32,
        on: NaiveDate,
    },
    MilestoneNoted {
        number: u32,
        note: FreeText,
    },
    ResultSubmitted {
        summary: FreeText,
        documents: Vec<Attachment>,
    },
    ResultAccepted {
        decision: FreeText,
        /// Where the STG decided it; absent on events recorded before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
}

impl DomainEvent for ProjectEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Registered { .. } => "Registered",
            Self::MilestonePlanned { .. } => "MilestonePlanned",
            Self::MilestoneReplanned { .. } => "MilestoneReplanned",
            Self::MilestoneReached { .. } => "MilestoneReached",
            Self::MilestoneNoted { .. } => "MilestoneNoted",
            Self::ResultSubmitted { .. } => "ResultSubmitted",
            Self::ResultAccepted { .. } => "ResultAccepted",
        }
    }
}
