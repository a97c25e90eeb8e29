//! The STG's two-year work programmes (national concept 3.1 and 3.2): each
//! adopted at a chair change after consulting the EKG, with its own focus
//! areas (the first programme's are the three of the 2017 decision),
//! action fields per focus area and the projects it contains; action fields
//! and projects may be added and the focus areas revised during its term,
//! and it closes with a final report.
//!
//! All programmes share one stream, `work_programme/CH`: the rule that
//! programmes never overlap spans programmes, and one stream's version
//! makes that check atomic in the domain, with no read model that could lag
//! and no race between two adoptions. The stream stays small: a programme
//! has a few dozen events over its two years.

mod command;
mod error;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_focus;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use crate::focus::{FocusArea, FocusAreaDefinition};
pub use command::{ActionField, EkgConsultation, ProgrammeCommand, ProgrammeEvent};
pub use error::ProgrammeError;

use crate::Aggregate;
use crate::chair::term_end;
use crate::ids::{ProgrammeId, ProjectId};
use crate::text::FreeText;

/// How long a work programme runs.
pub const PROGRAMME_YEARS: u32 = 2;

/// State of the work-programme stream: every programme adopted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkProgrammes {
    programmes: BTreeMap<ProgrammeId, Programme>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Programme {
    from: NaiveDate,
    until: NaiveDate,
    focus_areas: BTreeSet<FocusArea>,
    /// Action field number → its focus area.
    action_fields: BTreeMap<u32, FocusArea>,
    /// Each project → the focus area it is under.
    projects: BTreeMap<ProjectId, FocusArea>,
    closed: bool,
}

impl WorkProgrammes {
    /// The period (first and last day) of a programme.
    pub fn period(&self, id: ProgrammeId) -> Option<(NaiveDate, NaiveDate)> {
        self.programmes
            .get(&id)
            .map(|programme| (programme.from, programme.until))
    }
}

fn check_area(known: &BTreeSet<FocusArea>, focus_area: &FocusArea) -> Result<(), ProgrammeError> {
    if known.contains(focus_area) {
        Ok(())
    } else {
        Err(ProgrammeError::FocusAreaNotInProgramme {
            focus_area: focus_area.clone(),
            known: known.iter().cloned().collect(),
        })
    }
}

fn require(text: &FreeText, what: &'static str) -> Result<(), ProgrammeError> {
    if text.is_empty() {
        return Err(ProgrammeError::Required(what));
    }
    Ok(())
}

impl Programme {
    fn check_area(&self, focus_area: &FocusArea) -> Result<(), ProgrammeError> {
        check_area(&self.focus_areas, focus_area)
    }

    /// Dropping a focus area would leave its action fields and projects
    /// under nothing: they move first (or the area stays).
    fn check_still_covered(&self, kept: &BTreeSet<FocusArea>) -> Result<(), ProgrammeError> {
        let dropped = self.focus_areas.difference(kept);
        for focus_area in dropped {
            let action_fields: Vec<u32> = self
                .action_fields
                .iter()
                .filter(|(_, area)| *area == focus_area)
                .map(|(number, _)| *number)
                .collect();
            let has_projects = self.projects.values().any(|area| area == focus_area);
            if !action_fields.is_empty() || has_projects {
                return Err(ProgrammeError::FocusAreaInUse {
                    focus_area: focus_area.clone(),
                    action_fields,
                });
            }
        }
        Ok(())
    }

    fn next_field(&self) -> u32 {
        self.action_fields
            .keys()
            .next_back()
            .map_or(1, |last| last + 1)
    }

    fn decide(
        &self,
        id: ProgrammeId,
        command: ProgrammeCommand,
    ) -> Result<Vec<ProgrammeEvent>, ProgrammeError> {
        if self.closed {
            return Err(ProgrammeError::Closed);
        }
        match command {
            ProgrammeCommand::Adopt { .. } => Err(ProgrammeError::AlreadyAdopted),
            ProgrammeCommand::AddActionField { field, .. } => {
                self.check_area(&field.focus_area)?;
                require(&field.description, "action field's description")?;
                Ok(vec![ProgrammeEvent::ActionFieldAdded {
                    programme: id,
                    number: self.next_field(),
                    field,
                }])
            }
            ProgrammeCommand::LinkProject {
                project,
                focus_area,
                action_field,
                ..
            } => {
                if self.projects.contains_key(&project) {
                    return Err(ProgrammeError::AlreadyLinked(project));
                }
                self.check_area(&focus_area)?;
                if let Some(number) = action_field {
                    let area = self
                        .action_fields
                        .get(&number)
                        .ok_or(ProgrammeError::UnknownActionField(number))?;
                    if *area != focus_area {
                        return Err(ProgrammeError::ActionFieldElsewhere {
                            number,
                            focus_area: area.clone(),
                        });
                    }
                }
                Ok(vec![ProgrammeEvent::ProjectLinked {
                    programme: id,
                    project,
                    focus_area,
                    action_field,
                }])
            }
            ProgrammeCommand::UnlinkProject {
                project, reason, ..
            } => {
                if !self.projects.contains_key(&project) {
                    return Err(ProgrammeError::NotLinked(project));
                }
                require(&reason, "reason")?;
                Ok(vec![ProgrammeEvent::ProjectUnlinked {
                    programme: id,
                    project,
                    reason,
                }])
            }
            ProgrammeCommand::Close { on, report, .. } => {
                if on < self.from {
                    return Err(ProgrammeError::ClosesBeforeStart);
                }
                require(&report, "final report")?;
                Ok(vec![ProgrammeEvent::Closed {
                    programme: id,
                    on,
                    report,
                }])
            }
            ProgrammeCommand::ReviseFocusAreas {
                focus_areas,
                decided_by,
                ..
            } => {
                if focus_areas.is_empty() {
                    return Err(ProgrammeError::Required("focus areas"));
                }
                self.check_still_covered(&focus_areas.keys().cloned().collect())?;
                Ok(vec![ProgrammeEvent::FocusAreasRevised {
                    programme: id,
                    focus_areas,
                    decided_by: Some(decided_by),
                }])
            }
        }
    }
}

impl WorkProgrammes {
    fn adopt(&self, command: ProgrammeCommand) -> Result<Vec<ProgrammeEvent>, ProgrammeError> {
        let ProgrammeCommand::Adopt {
            id,
            from,
            adopted_on,
            decision,
            consultation,
            focus_areas,
            action_fields,
            decided_by,
        } = command
        else {
            return Err(ProgrammeError::AlreadyAdopted);
        };
        require(&decision, "decision")?;
        require(&consultation.statement, "EKG statement")?;
        if consultation.on > adopted_on {
            return Err(ProgrammeError::ConsultedAfterAdoption);
        }
        if focus_areas.is_empty() {
            return Err(ProgrammeError::Required("focus areas"));
        }
        let keys: BTreeSet<FocusArea> = focus_areas.keys().cloned().collect();
        for field in &action_fields {
            check_area(&keys, &field.focus_area)?;
        }
        if action_fields
            .iter()
            .any(|field| field.description.is_empty())
        {
            return Err(ProgrammeError::Required("action field's description"));
        }
        let until = term_end(from, PROGRAMME_YEARS).ok_or(ProgrammeError::NoEnd)?;
        if let Some((other, running)) = self
            .programmes
            .iter()
            .find(|(_, other)| other.from <= until && from <= other.until)
        {
            return Err(ProgrammeError::Overlaps {
                from,
                other: *other,
                other_from: running.from,
                other_until: running.until,
            });
        }
        let mut events = vec![ProgrammeEvent::Adopted {
            id,
            from,
            until,
            adopted_on,
            decision,
            consultation,
            focus_areas,
            decided_by: Some(decided_by),
        }];
        events.extend((1..).zip(action_fields).map(|(number, field)| {
            ProgrammeEvent::ActionFieldAdded {
                programme: id,
                number,
                field,
            }
        }));
        Ok(events)
    }
}

impl Aggregate for WorkProgrammes {
    const STREAM_TYPE: &'static str = "work_programme";
    type Command = ProgrammeCommand;
    type Event = ProgrammeEvent;
    type Error = ProgrammeError;

    fn decide(&self, command: ProgrammeCommand) -> Result<Vec<ProgrammeEvent>, ProgrammeError> {
        let id = match &command {
            ProgrammeCommand::Adopt { id, .. } => {
                if self.programmes.contains_key(id) {
                    return Err(ProgrammeError::AlreadyAdopted);
                }
                return self.adopt(command);
            }
            ProgrammeCommand::AddActionField { programme, .. }
            | ProgrammeCommand::LinkProject { programme, .. }
            | ProgrammeCommand::UnlinkProject { programme, .. }
            | ProgrammeCommand::Close { programme, .. }
            | ProgrammeCommand::ReviseFocusAreas { programme, .. } => *programme,
        };
        self.programmes
            .get(&id)
            .ok_or(ProgrammeError::UnknownProgramme(id))?
            .decide(id, command)
    }

    fn evolve(mut self, event: &ProgrammeEvent) -> Self {
        if let ProgrammeEvent::Adopted {
            id,
            from,
            until,
            focus_areas,
            ..
        } = event
        {
            self.programmes.insert(
                *id,
                Programme {
                    from: *from,
                    until: *until,
                    focus_areas: focus_areas.keys().cloned().collect(),
                    action_fields: BTreeMap::new(),
                    projects: BTreeMap::new(),
                    closed: false,
                },
            );
            return self;
        }
        let Some(programme) = self.programmes.get_mut(&event.programme()) else {
            return self;
        };
        match event {
            ProgrammeEvent::Adopted { .. } => {}
            ProgrammeEvent::ActionFieldAdded { number, field, .. } => {
                programme
                    .action_fields
                    .insert(*number, field.focus_area.clone());
            }
            ProgrammeEvent::ProjectLinked {
                project,
                focus_area,
                ..
            } => {
                programme.projects.insert(*project, focus_area.clone());
            }
            ProgrammeEvent::ProjectUnlinked { project, .. } => {
                programme.projects.remove(project);
            }
            ProgrammeEvent::Closed { .. } => programme.closed = true,
            ProgrammeEvent::FocusAreasRevised { focus_areas, .. } => {
                programme.focus_areas = focus_areas.keys().cloned().collect();
            }
        }
        self
    }
}
