//! A working group (Arbeitsgruppe, Fachgruppe): mandated by the STG or the
//! EKG, or by a cantonal body with the approval of the body above it, with
//! the mandate fields of the national concept; members from several
//! tenants; progress reports; its result goes to the mandating body, which
//! takes note and decides the next steps; dissolved at the end.

mod command;
mod error;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use command::{GroupRole, Mandate, WorkingGroupCommand, WorkingGroupEvent};
pub use error::WorkingGroupError;

use crate::Aggregate;
use crate::ids::{BodyId, ConcernId, PersonId, WorkingGroupId};
use crate::text::FreeText;

/// State of a working-group stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingGroup {
    mandated: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: WorkingGroupId,
    mandated_by: BodyId,
    /// The concerns the mandate names: the result and the note name them
    /// too, so the concerns' timelines can show them.
    concerns: BTreeSet<ConcernId>,
    members: BTreeMap<PersonId, GroupRole>,
    result_submitted: bool,
    result_noted: bool,
    dissolved: bool,
}

impl WorkingGroup {
    pub fn id(&self) -> Option<WorkingGroupId> {
        self.mandated.as_ref().map(|state| state.id)
    }

    pub fn mandated_by(&self) -> Option<BodyId> {
        self.mandated.as_ref().map(|state| state.mandated_by)
    }

    pub fn is_dissolved(&self) -> bool {
        self.mandated.as_ref().is_some_and(|state| state.dissolved)
    }
}

fn require(text: &FreeText, what: &'static str) -> Result<(), WorkingGroupError> {
    if text.is_empty() {
        return Err(WorkingGroupError::Required(what));
    }
    Ok(())
}

fn check_mandate(mandate: &Mandate, on: NaiveDate) -> Result<(), WorkingGroupError> {
    require(&mandate.question, "situation and question")?;
    require(&mandate.goal, "goal")?;
    require(&mandate.output, "output and process")?;
    if mandate.until < on {
        return Err(WorkingGroupError::EndsBeforeStart);
    }
    Ok(())
}

impl Aggregate for WorkingGroup {
    const STREAM_TYPE: &'static str = "working_group";
    type Command = WorkingGroupCommand;
    type Event = WorkingGroupEvent;
    type Error = WorkingGroupError;

    fn decide(
        &self,
        command: WorkingGroupCommand,
    ) -> Result<Vec<WorkingGroupEvent>, WorkingGroupError> {
        let state = match (&command, &self.mandated) {
            (
                WorkingGroupCommand::Mandate {
                    id,
                    mandated_by,
                    approved_by,
                    mandate,
                    on,
                },
                None,
            ) => {
                if *approved_by == Some(*mandated_by) {
                    return Err(WorkingGroupError::SelfApproval);
                }
                check_mandate(mandate, *on)?;
                return Ok(vec![WorkingGroupEvent::Mandated {
                    id: *id,
                    mandated_by: *mandated_by,
                    approved_by: *approved_by,
                    mandate: mandate.clone(),
                    on: *on,
                }]);
            }
            (WorkingGroupCommand::Mandate { .. }, Some(_)) => {
                return Err(WorkingGroupError::AlreadyMandated);
            }
            (_, None) => return Err(WorkingGroupError::NotMandated),
            (_, Some(state)) => state,
        };
        if state.dissolved {
            return Err(WorkingGroupError::Dissolved);
        }
        match command {
            WorkingGroupCommand::Mandate { .. } => Err(WorkingGroupError::AlreadyMandated),
            WorkingGroupCommand::Join {
                person,
                tenant,
                role,
            } => {
                if state.members.contains_key(&person) {
                    return Err(WorkingGroupError::AlreadyMember(person));
                }
                if role == GroupRole::Lead && state.members.values().any(|r| *r == GroupRole::Lead)
                {
                    return Err(WorkingGroupError::LeadTaken);
                }
                Ok(vec![WorkingGroupEvent::Joined {
                    person,
                    tenant,
                    role,
                }])
            }
            WorkingGroupCommand::Leave { person } => {
                if !state.members.contains_key(&person) {
                    return Err(WorkingGroupError::NotAMember(person));
                }
                Ok(vec![WorkingGroupEvent::Left { person }])
            }
            WorkingGroupCommand::ReportProgress { text, on } => {
                require(&text, "progress report")?;
                Ok(vec![WorkingGroupEvent::ProgressReported { text, on }])
            }
            WorkingGroupCommand::SubmitResult {
                summary,
                documents,
                on,
            } => {
                if state.result_submitted {
                    return Err(WorkingGroupError::ResultAlreadySubmitted);
                }
                require(&summary, "result")?;
                Ok(vec![WorkingGroupEvent::ResultSubmitted {
                    summary,
                    documents,
                    on,
                    concerns: state.concerns.clone(),
                }])
            }
            WorkingGroupCommand::TakeNote {
                decision,
                next_steps,
                decided_by,
            } => {
                if !state.result_submitted {
                    return Err(WorkingGroupError::NoResult);
                }
                if state.result_noted {
                    return Err(WorkingGroupError::ResultAlreadyNoted);
                }
                require(&decision, "decision")?;
                Ok(vec![WorkingGroupEvent::ResultNoted {
                    decision,
                    next_steps,
                    concerns: state.concerns.clone(),
                    decided_by: Some(decided_by),
                }])
            }
            WorkingGroupCommand::Dissolve { reason, on } => {
                require(&reason, "reason")?;
                Ok(vec![WorkingGroupEvent::Dissolved { reason, on }])
            }
        }
    }

    fn evolve(mut self, event: &WorkingGroupEvent) -> Self {
        if let WorkingGroupEvent::Mandated {
            id,
            mandated_by,
            mandate,
            ..
        } = event
        {
            self.mandated = Some(State {
                id: *id,
                mandated_by: *mandated_by,
                concerns: mandate.concerns.clone(),
                members: BTreeMap::new(),
                result_submitted: false,
                result_noted: false,
                dissolved: false,
            });
            return self;
        }
        let Some(state) = self.mandated.as_mut() else {
            return self;
        };
        match event {
            WorkingGroupEvent::Mandated { .. } | WorkingGroupEvent::ProgressReported { .. } => {}
            WorkingGroupEvent::Joined { person, role, .. } => {
                state.members.insert(*person, *role);
            }
            WorkingGroupEvent::Left { person } => {
                state.members.remove(person);
            }
            WorkingGroupEvent::ResultSubmitted { .. } => state.result_submitted = true,
            WorkingGroupEvent::ResultNoted { .. } => state.result_noted = true,
            WorkingGroupEvent::Dissolved { .. } => state.dissolved = true,
        }
        self
    }
}
