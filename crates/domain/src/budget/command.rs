//! What callers ask of an operating budget and what is recorded.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::ids::BudgetId;
use crate::partner::Partner;
use crate::text::FreeText;

/// The federal offices that fund the Fachstelle in equal shares.
pub const FUNDING_OFFICES: [Partner; 4] =
    [Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem];

/// How many years one budget covers.
pub const BUDGET_YEARS: i32 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetCommand {
    /// The Fachstelle's budget for the four years from `first_year`, in
    /// Swiss francs; each funding office pays a quarter.
    Plan {
        id: BudgetId,
        first_year: i32,
        total: u64,
        purpose: FreeText,
    },
    /// The Fachstelle's yearly report to the STG on the budget's use.
    ReportYear {
        budget: BudgetId,
        year: i32,
        spent: u64,
        narrative: FreeText,
    },
    /// The STG takes note of a year's report.
    NoteReport {
        budget: BudgetId,
        year: i32,
        note: FreeText,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum BudgetEvent {
    Planned {
        id: BudgetId,
        first_year: i32,
        last_year: i32,
        total: u64,
        /// What each of `offices` pays over the four years.
        share: u64,
        offices: Vec<Partner>,
        purpose: FreeText,
    },
    YearReported {
        budget: BudgetId,
        year: i32,
        spent: u64,
        narrative: FreeText,
    },
    ReportNoted {
        budget: BudgetId,
        year: i32,
        note: FreeText,
    },
}

impl DomainEvent for BudgetEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Planned { .. } => "Planned",
            Self::YearReported { .. } => "YearReported",
            Self::ReportNoted { .. } => "ReportNoted",
        }
    }
}
