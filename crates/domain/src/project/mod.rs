//! A project of the work programme (national concept 3.2): an IIZ project,
//! steered by the national IIZ with a lead partner, funding partners and
//! milestones the EKG takes note of and a result the STG accepts; or an
//! associated project, listed for information only. Whether a milestone is
//! late depends on the day asked for and is judged by the read models.

mod command;
mod error;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use command::{IizProject, ProjectCommand, ProjectEvent, ProjectKind};
pub use error::ProjectError;

use crate::Aggregate;
use crate::ids::ProjectId;
use crate::text::FreeText;

/// State of a project stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Project {
    registered: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: ProjectId,
    steered: bool,
    /// Milestone number → reached.
    milestones: BTreeMap<u32, bool>,
    result_submitted: bool,
    accepted: bool,
}

impl Project {
    pub fn id(&self) -> Option<ProjectId> {
        self.registered.as_ref().map(|state| state.id)
    }

    pub fn is_closed(&self) -> bool {
        self.registered.as_ref().is_some_and(|state| state.accepted)
    }
}

fn require(text: &FreeText, what: &'static str) -> Result<(), ProjectError> {
    if text.is_empty() {
        return Err(ProjectError::Required(what));
    }
    Ok(())
}

fn check_kind(kind: &ProjectKind) -> Result<(), ProjectError> {
    match kind {
        ProjectKind::Iiz(project) => {
            require(&project.question, "question")?;
            require(&project.goal, "goal")?;
            require(&project.output, "output")?;
            if let Some((party, _)) = project.funding.iter().find(|(_, amount)| **amount == 0) {
                return Err(ProjectError::ZeroFunding(*party));
            }
            Ok(())
        }
        ProjectKind::Associated { summary, .. } => require(summary, "summary"),
    }
}

impl State {
    fn milestone(&self, number: u32) -> Result<bool, ProjectError> {
        self.milestones
            .get(&number)
            .copied()
            .ok_or(ProjectError::UnknownMilestone(number))
    }

    fn decide(&self, command: ProjectCommand) -> Result<Vec<ProjectEvent>, ProjectError> {
        if self.accepted {
            return Err(ProjectError::Closed);
        }
        if !self.steered {
            return Err(ProjectError::InformationOnly);
        }
        match command {
            ProjectCommand::Register { .. } => Err(ProjectError::AlreadyRegistered),
            ProjectCommand::PlanMilestone { title, due } => {
                let number = self
                    .milestones
                    .keys()
                    .next_back()
                    .map_or(1, |last| last + 1);
                Ok(vec![ProjectEvent::MilestonePlanned { number, title, due }])
            }
            ProjectCommand::Replan {
                number,
                due,
                reason,
            } => {
                if self.milestone(number)? {
                    return Err(ProjectError::AlreadyReached(number));
                }
                require(&reason, "reason")?;
                Ok(vec![ProjectEvent::MilestoneReplanned {
                    number,
                    due,
                    reason,
                }])
            }
            ProjectCommand::ReachMilestone { number, on } => {
                if self.milestone(number)? {
                    return Err(ProjectError::AlreadyReached(number));
                }
                Ok(vec![ProjectEvent::MilestoneReached { number, on }])
            }
            ProjectCommand::NoteMilestone { number, note } => {
                if !self.milestone(number)? {
                    return Err(ProjectError::NotReached(number));
                }
                require(&note, "note")?;
                Ok(vec![ProjectEvent::MilestoneNoted { number, note }])
            }
            ProjectCommand::SubmitResult { summary, documents } => {
                if self.result_submitted {
                    return Err(ProjectError::ResultAlreadySubmitted);
                }
                require(&summary, "result")?;
                Ok(vec![ProjectEvent::ResultSubmitted { summary, documents }])
            }
            ProjectCommand::AcceptResult {
                decision,
                decided_by,
            } => {
                if !self.result_submitted {
                    return Err(ProjectError::NoResult);
                }
                require(&decision, "decision")?;
                Ok(vec![ProjectEvent::ResultAccepted {
                    decision,
                    decided_by: Some(decided_by),
                }])
            }
        }
    }
}

impl Aggregate for Project {
    const STREAM_TYPE: &'static str = "project";
    type Command = ProjectCommand;
    type Event = ProjectEvent;
    type Error = ProjectError;

    fn decide(&self, command: ProjectCommand) -> Result<Vec<ProjectEvent>, ProjectError> {
        match (command, &self.registered) {
            (
                ProjectCommand::Register {
                    id,
                    title,
                    focus_area,
                    kind,
                },
                None,
            ) => {
                check_kind(&kind)?;
                Ok(vec![ProjectEvent::Registered {
                    id,
                    title,
                    focus_area,
                    kind,
                }])
            }
            (ProjectCommand::Register { .. }, Some(_)) => Err(ProjectError::AlreadyRegistered),
            (_, None) => Err(ProjectError::NotRegistered),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &ProjectEvent) -> Self {
        if let ProjectEvent::Registered { id, kind, .. } = event {
            self.registered = Some(State {
                id: *id,
                steered: matches!(kind, ProjectKind::Iiz(_)),
                milestones: BTreeMap::new(),
                result_submitted: false,
                accepted: false,
            });
            return self;
        }
        let Some(state) = self.registered.as_mut() else {
            return self;
        };
        match event {
            ProjectEvent::Registered { .. }
            | ProjectEvent::MilestoneReplanned { .. }
            | ProjectEvent::MilestoneNoted { .. } => {}
            ProjectEvent::MilestonePlanned { number, .. } => {
                state.milestones.insert(*number, false);
            }
            ProjectEvent::MilestoneReached { number, .. } => {
                state.milestones.insert(*number, true);
            }
            ProjectEvent::ResultSubmitted { .. } => state.result_submitted = true,
            ProjectEvent::ResultAccepted { .. } => state.accepted = true,
        }
        self
    }
}
