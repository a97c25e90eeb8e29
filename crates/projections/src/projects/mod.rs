//! The projects of the work programmes: IIZ projects with their milestones
//! and result, associated projects for information. Whether a milestone is
//! late depends on the day asked for, so it is judged when reading
//! ([`MilestoneView::status_on`]), never stored.

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use iiz_domain::concern::Attachment;
use iiz_domain::ids::ProjectId;
use iiz_domain::project::{ProjectEvent, ProjectKind};
use iiz_domain::recommendation::FocusArea;
use iiz_domain::text::{FreeText, Title};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`ProjectView`], keyed by id.
pub const PROJECTS: &str = "projects";

/// Where a milestone stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneStatus {
    /// Not reached, due on or after the day.
    Planned,
    Reached,
    /// Not reached and due before the day.
    Late,
}

/// A moved due date, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: FreeText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneView {
    pub number: u32,
    pub title: Title,
    /// The current due date.
    pub due: NaiveDate,
    pub replans: Vec<Replan>,
    pub reached_on: Option<NaiveDate>,
    /// The EKG's notes.
    pub notes: Vec<FreeText>,
}

impl MilestoneView {
    /// Late means due before `day` and not reached.
    pub fn status_on(&self, day: NaiveDate) -> MilestoneStatus {
        match self.reached_on {
            Some(_) => MilestoneStatus::Reached,
            None if self.due < day => MilestoneStatus::Late,
            None => MilestoneStatus::Planned,
        }
    }
}

/// A project's result and the STG's acceptance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectResult {
    pub summary: FreeText,
    pub documents: Vec<Attachment>,
    pub accepted: Option<FreeText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectView {
    pub id: ProjectId,
    pub title: Title,
    pub focus_area: Option<FocusArea>,
    /// Filterable: `iiz` or `associated`.
    pub steered: bool,
    pub kind: ProjectKind,
    pub milestones: Vec<MilestoneView>,
    pub result: Option<ProjectResult>,
    /// Filterable: the STG accepted the result.
    pub closed: bool,
}

impl ProjectView {
    /// The milestones late on `day`.
    pub fn late_on(&self, day: NaiveDate) -> impl Iterator<Item = &MilestoneView> {
        self.milestones
            .iter()
            .filter(move |milestone| milestone.status_on(day) == MilestoneStatus::Late)
    }

    fn milestone(&mut self, number: u32) -> Option<&mut MilestoneView> {
        self.milestones
            .iter_mut()
            .find(|milestone| milestone.number == number)
    }

    fn apply(&mut self, change: ProjectEvent) {
        match change {
            ProjectEvent::Registered { .. } => {}
            ProjectEvent::MilestonePlanned { number, title, due } => {
                self.milestones.push(MilestoneView {
                    number,
                    title,
                    due,
                    replans: Vec::new(),
                    reached_on: None,
                    notes: Vec::new(),
                });
            }
            ProjectEvent::MilestoneReplanned {
                number,
                due,
                reason,
            } => {
                if let Some(milestone) = self.milestone(number) {
                    milestone.replans.push(Replan {
                        from: milestone.due,
                        to: due,
                        reason,
                    });
                    milestone.due = due;
                }
            }
            ProjectEvent::MilestoneReached { number, on } => {
                if let Some(milestone) = self.milestone(number) {
                    milestone.reached_on = Some(on);
                }
            }
            ProjectEvent::MilestoneNoted { number, note } => {
                if let Some(milestone) = self.milestone(number) {
                    milestone.notes.push(note);
                }
            }
            ProjectEvent::ResultSubmitted { summary, documents } => {
                self.result = Some(ProjectResult {
                    summary,
                    documents,
                    accepted: None,
                });
            }
            ProjectEvent::ResultAccepted { decision, .. } => {
                if let Some(result) = self.result.as_mut() {
                    result.accepted = Some(decision);
                }
                self.closed = true;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ProjectRegister;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(PROJECTS, &event.stream.stream_id)
}

impl Projection for ProjectRegister {
    fn name(&self) -> &'static str {
        "project_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[PROJECTS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "project"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let view = match decode::<ProjectEvent>(event)? {
            ProjectEvent::Registered {
                id,
                title,
                focus_area,
                kind,
            } => ProjectView {
                id,
                title,
                focus_area,
                steered: matches!(kind, ProjectKind::Iiz(_)),
                kind,
                milestones: Vec::new(),
                result: None,
                closed: false,
            },
            change => {
                let mut view = get_typed::<ProjectView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "a project that was never registered".to_owned(),
                    }
                })?;
                view.apply(change);
                view
            }
        };
        let sort = view.title.as_str().to_lowercase();
        put_typed(docs, key, None, sort, &view)
    }
}
