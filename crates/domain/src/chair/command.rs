//! What callers ask of a body's chair record and what is recorded.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::ids::{BodyId, PersonId};
use crate::partner::{Partner, Party};

/// How a body's chair changes hands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChairRule {
    /// The chair changes among `offices` every `years` years, one term
    /// right after the other, in any order that does not repeat the
    /// current office (the STG).
    Rotation { offices: Vec<Party>, years: u32 },
    /// The body chooses the office freely; a term lasts at most
    /// `max_years` when set (the EKG's rule before IIZ 3.0 was applied;
    /// stored records keep it).
    Free { max_years: Option<u32> },
    /// The body chooses its chair and deputy itself by its decision, for
    /// terms of `years` years; when the chair's area differs from the area
    /// of the STG's chair in the term, the deputy comes from the STG
    /// chair's area (the EKG).
    Elected { years: u32 },
}

impl ChairRule {
    /// The STG's rule (IIZ 3.0, 2.1, "Vorsitz und Kadenz"): every two years
    /// among the federal offices BSV, SBFI, SECO and SEM; the concept names
    /// no order.
    pub fn stg() -> Self {
        Self::Rotation {
            offices: [Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem]
                .into_iter()
                .map(Party::Partner)
                .collect(),
            years: 2,
        }
    }

    /// The EKG's rule (IIZ 3.0, 2.2, "Vorsitz und Kadenz"): the chair
    /// changes every two years as in the STG, chosen by the EKG itself.
    pub fn ekg() -> Self {
        Self::Elected { years: 2 }
    }
}

/// The areas (Bereiche) of a term's offices, which the concept does not
/// define: the app looks them up in its configured table and passes them
/// in. `None`: the office belongs to no configured area.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermAreas {
    pub chair: Option<String>,
    pub deputy: Option<String>,
    /// The area of the STG's chair on the term's first day; `None` when
    /// the STG's chair for that day is not recorded.
    pub stg_chair: Option<String>,
}

/// A term as the body chose it or as it happened: chair and deputy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TermHolders {
    pub office: Party,
    pub person: Option<PersonId>,
    pub deputy: Option<Party>,
    pub deputy_person: Option<PersonId>,
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
    /// Records a term the body chose by `decided_by` (a body with an
    /// `Elected` rule), checked against the deputy rule with `areas`.
    ChooseTerm {
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
        decided_by: DecisionReference,
        areas: TermAreas,
    },
    /// Records a past term as it happened, so the platform holds the real
    /// history: exempt from the rotation and choice rules, not from
    /// overlapping the terms before it.
    RecordPastTerm {
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
    },
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
    /// A term the body chose by its decision.
    TermChosen {
        number: u32,
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
        decided_by: DecisionReference,
    },
    /// A past term recorded as it happened.
    PastTermRecorded {
        number: u32,
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
    },
}

impl DomainEvent for ChairEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Established { .. } => "Established",
            Self::TermRecorded { .. } => "TermRecorded",
            Self::PersonNamed { .. } => "PersonNamed",
            Self::TermChosen { .. } => "TermChosen",
            Self::PastTermRecorded { .. } => "PastTermRecorded",
        }
    }
}
