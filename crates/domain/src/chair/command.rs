//! What callers ask of a body's chair record and what is recorded.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::ids::{BodyId, PersonId};
use crate::partner::{Partner, Party};

/// How a body's chair changes hands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChairRule {
    /// The chair passes through `offices` in this order, each for exactly
    /// `years` years, one term right after the other (the STG).
    Rotation { offices: Vec<Party>, years: u32 },
    /// The body chooses the office freely; a term lasts at most
    /// `max_years` when set (the EKG).
    Free { max_years: Option<u32> },
}

impl ChairRule {
    /// The STG's rule (national concept 3.1): every two years among the
    /// federal offices BSV, SBFI, SECO and SEM, in this order.
    pub fn stg() -> Self {
        Self::Rotation {
            offices: [Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem]
                .into_iter()
                .map(Party::Partner)
                .collect(),
            years: 2,
        }
    }
}

/// The last day of a term of `years` years starting on `from`; `None`
/// when it is past the calendar's end.
pub fn term_end(from: NaiveDate, years: u32) -> Option<NaiveDate> {
    from.checked_add_months(Months::new(years.checked_mul(12)?))?
        .pred_opt()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChairCommand {
    /// Starts the body's chair record with its rule.
    Establish { body: BodyId, rule: ChairRule },
    /// Records a term, oldest first: the rule decides which office and how
    /// long. `until` is the term's last day.
    RecordTerm {
        office: Party,
        person: Option<PersonId>,
        from: NaiveDate,
        until: NaiveDate,
    },
    /// Names (or changes) the person who chairs for the office in a term.
    NamePerson { number: u32, person: PersonId },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum ChairEvent {
    Established {
        body: BodyId,
        rule: ChairRule,
    },
    TermRecorded {
        number: u32,
        office: Party,
        person: Option<PersonId>,
        from: NaiveDate,
        until: NaiveDate,
    },
    PersonNamed {
        number: u32,
        person: PersonId,
    },
}

impl DomainEvent for ChairEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Established { .. } => "Established",
            Self::TermRecorded { .. } => "TermRecorded",
            Self::PersonNamed { .. } => "PersonNamed",
        }
    }
}
