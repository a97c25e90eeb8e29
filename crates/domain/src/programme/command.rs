//! What callers ask of the work programmes and what is recorded.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::focus::{FocusArea, FocusAreaDefinition, deserialize_definitions};
use crate::ids::{ProgrammeId, ProjectId};
use crate::text::{FreeText, Title};

/// The EKG's consultation before the STG adopts a programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EkgConsultation {
    pub on: NaiveDate,
    /// The EKG's decision or letter, e.g. "EKG 2024/3, Traktandum 4".
    pub reference: Title,
    pub statement: FreeText,
}

/// An action field of a focus area, as proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActionField {
    pub focus_area: FocusArea,
    pub title: Title,
    pub description: FreeText,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgrammeCommand {
    /// The STG adopts a programme for the two years from `from`, after
    /// consulting the EKG. Its focus areas, each with its title,
    /// description and goal for the period; its first action fields.
    Adopt {
        id: ProgrammeId,
        from: NaiveDate,
        adopted_on: NaiveDate,
        decision: FreeText,
        consultation: Box<EkgConsultation>,
        focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
        action_fields: Vec<ActionField>,
        /// The STG meeting item or resolution that adopted it: the STG
        /// adopts its programme as a body (IIZ 3.0, 3.1).
        decided_by: DecisionReference,
    },
    AddActionField {
        programme: ProgrammeId,
        field: ActionField,
    },
    /// Puts a project under a focus area (and one of its action fields).
    LinkProject {
        programme: ProgrammeId,
        project: ProjectId,
        focus_area: FocusArea,
        action_field: Option<u32>,
    },
    UnlinkProject {
        programme: ProgrammeId,
        project: ProjectId,
        reason: FreeText,
    },
    /// Ends the programme with its final report.
    Close {
        programme: ProgrammeId,
        on: NaiveDate,
        report: FreeText,
    },
    /// The STG reviews the focus of a running programme (3.1): the focus
    /// areas it has from now on, which may add, rename or drop some.
    /// The STG reviews the focus (3.1): a decision of the body.
    ReviseFocusAreas {
        programme: ProgrammeId,
        focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
        decided_by: DecisionReference,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum ProgrammeEvent {
    Adopted {
        id: ProgrammeId,
        from: NaiveDate,
        /// The last day: two years after `from`, less a day.
        until: NaiveDate,
        adopted_on: NaiveDate,
        decision: FreeText,
        consultation: Box<EkgConsultation>,
        /// Events from before focus areas were data hold only each key's
        /// goal; they read with the 2017 title and description.
        #[serde(deserialize_with = "deserialize_definitions")]
        #[schemars(with = "BTreeMap<FocusArea, FocusAreaDefinition>")]
        focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
        /// Where the STG decided it; absent on events recorded before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    ActionFieldAdded {
        programme: ProgrammeId,
        number: u32,
        field: ActionField,
    },
    ProjectLinked {
        programme: ProgrammeId,
        project: ProjectId,
        focus_area: FocusArea,
        action_field: Option<u32>,
    },
    ProjectUnlinked {
        programme: ProgrammeId,
        project: ProjectId,
        reason: FreeText,
    },
    Closed {
        programme: ProgrammeId,
        on: NaiveDate,
        report: FreeText,
    },
    /// The focus areas the programme has from now on.
    FocusAreasRevised {
        programme: ProgrammeId,
        focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
}

impl ProgrammeEvent {
    /// The programme the event is about.
    pub fn programme(&self) -> ProgrammeId {
        match self {
            Self::Adopted { id, .. } => *id,
            Self::ActionFieldAdded { programme, .. }
            | Self::ProjectLinked { programme, .. }
            | Self::ProjectUnlinked { programme, .. }
            | Self::Closed { programme, .. }
            | Self::FocusAreasRevised { programme, .. } => *programme,
        }
    }
}

impl DomainEvent for ProgrammeEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Adopted { .. } => "Adopted",
            Self::ActionFieldAdded { .. } => "ActionFieldAdded",
            Self::ProjectLinked { .. } => "ProjectLinked",
            Self::ProjectUnlinked { .. } => "ProjectUnlinked",
            Self::Closed { .. } => "Closed",
            Self::FocusAreasRevised { .. } => "FocusAreasRevised",
        }
    }
}
