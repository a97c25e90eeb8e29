//! The work programmes: one document per programme, though all share one
//! stream.

use chrono::NaiveDate;
use iiz_domain::ids::{ProgrammeId, ProjectId};
use std::collections::BTreeMap;

use iiz_domain::programme::{
    ActionField, EkgConsultation, FocusArea, FocusAreaDefinition, ProgrammeEvent,
};
use iiz_domain::text::{FreeText, Title};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`ProgrammeView`], keyed by programme id.
pub const PROGRAMMES: &str = "work_programmes";

/// A focus area as the programme defines it, with its goal for the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FocusAreaPlan {
    pub focus_area: FocusArea,
    pub title: Title,
    pub description: FreeText,
    pub goal: FreeText,
}

fn plans(focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>) -> Vec<FocusAreaPlan> {
    focus_areas
        .into_iter()
        .map(|(focus_area, definition)| FocusAreaPlan {
            focus_area,
            title: definition.title,
            description: definition.description,
            goal: definition.goal,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionFieldView {
    pub number: u32,
    pub focus_area: FocusArea,
    pub title: Title,
    pub description: FreeText,
}

/// A project of the programme; unlinked ones stay listed with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeProject {
    pub project: ProjectId,
    pub focus_area: FocusArea,
    pub action_field: Option<u32>,
    pub unlinked: Option<FreeText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeClosure {
    pub on: NaiveDate,
    pub report: FreeText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeView {
    pub id: ProgrammeId,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub adopted_on: NaiveDate,
    pub decision: FreeText,
    pub consultation: EkgConsultation,
    pub focus_areas: Vec<FocusAreaPlan>,
    pub action_fields: Vec<ActionFieldView>,
    pub projects: Vec<ProgrammeProject>,
    pub closure: Option<ProgrammeClosure>,
}

impl ProgrammeView {
    /// Whether `day` falls within the programme's two years.
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.until
    }

    /// Whether the programme defines `focus_area` (now).
    pub fn has_focus_area(&self, focus_area: &FocusArea) -> bool {
        self.focus_areas
            .iter()
            .any(|plan| &plan.focus_area == focus_area)
    }

    /// The keys of its focus areas, for messages.
    pub fn focus_area_keys(&self) -> Vec<&str> {
        self.focus_areas
            .iter()
            .map(|plan| plan.focus_area.as_str())
            .collect()
    }

    /// The projects linked now.
    pub fn linked(&self) -> impl Iterator<Item = &ProgrammeProject> {
        self.projects.iter().filter(|link| link.unlinked.is_none())
    }

    fn apply(&mut self, change: ProgrammeEvent) {
        match change {
            ProgrammeEvent::Adopted { .. } => {}
            ProgrammeEvent::ActionFieldAdded { number, field, .. } => {
                let ActionField {
                    focus_area,
                    title,
                    description,
                } = field;
                self.action_fields.push(ActionFieldView {
                    number,
                    focus_area,
                    title,
                    description,
                });
            }
            ProgrammeEvent::ProjectLinked {
                project,
                focus_area,
                action_field,
                ..
            } => {
                self.projects.retain(|link| link.project != project);
                self.projects.push(ProgrammeProject {
                    project,
                    focus_area,
                    action_field,
                    unlinked: None,
                });
            }
            ProgrammeEvent::ProjectUnlinked {
                project, reason, ..
            } => {
                if let Some(link) = self
                    .projects
                    .iter_mut()
                    .find(|link| link.project == project)
                {
                    link.unlinked = Some(reason);
                }
            }
            ProgrammeEvent::Closed { on, report, .. } => {
                self.closure = Some(ProgrammeClosure { on, report });
            }
            ProgrammeEvent::FocusAreasRevised { focus_areas, .. } => {
                self.focus_areas = plans(focus_areas);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ProgrammeRegister;

fn key_of(change: &ProgrammeEvent) -> DocKey {
    DocKey::new(PROGRAMMES, change.programme().to_string())
}

impl Projection for ProgrammeRegister {
    fn name(&self) -> &'static str {
        "programme_register"
    }

    /// 2: focus areas carry their title and description.
    fn version(&self) -> i32 {
        2
    }

    fn collections(&self) -> &'static [&'static str] {
        &[PROGRAMMES]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "work_programme"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key_of(&decode::<ProgrammeEvent>(event)?)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let change = decode::<ProgrammeEvent>(event)?;
        let key = key_of(&change);
        let view = match change {
            ProgrammeEvent::Adopted {
                id,
                from,
                until,
                adopted_on,
                decision,
                consultation,
                focus_areas,
                ..
            } => ProgrammeView {
                id,
                from,
                until,
                adopted_on,
                decision,
                consultation: *consultation,
                focus_areas: plans(focus_areas),
                action_fields: Vec::new(),
                projects: Vec::new(),
                closure: None,
            },
            change => {
                let mut view = get_typed::<ProgrammeView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "a programme that was never adopted".to_owned(),
                    }
                })?;
                view.apply(change);
                view
            }
        };
        let sort = view.from.to_string();
        put_typed(docs, key, None, sort, &view)
    }
}
