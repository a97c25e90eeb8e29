//! A meeting of a body (national concept chapters 2 and 3; Solothurn guide
//! chapter 6): scheduled with its time and place, its agenda prepared by the
//! office and sent out (every later change is a visible revision with its
//! reason), minutes per item with the decisions taken, approved at the next
//! meeting or by the chair. What a decision does to the concern or
//! recommendation its item refers to is carried out by a process in `app`,
//! which records here whether the referenced aggregate took the step.

mod agenda;
mod command;
mod decide;
mod error;
mod minutes;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_effects;

use std::collections::BTreeMap;

pub use agenda::{AgendaItem, ItemPurpose, MAX_ITEM_DOCUMENTS};
// Re-exported: agendas name their subjects, but resolutions share them.
pub use crate::decision::{DecisionEffect, ItemSubject};
pub use command::{MeetingCommand, MeetingEvent, Slot};
pub use error::MeetingError;
pub use minutes::{Approval, Decision, Propagation, Resolution};

use crate::Aggregate;
use crate::ids::{BodyId, MeetingId};
use crate::text::{FreeText, Title};

/// State of a meeting stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    scheduled: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: MeetingId,
    body: BodyId,
    joint_with: Option<BodyId>,
    title: Title,
    slot: Slot,
    cancelled: bool,
    items: BTreeMap<u32, Item>,
    /// 0 until the agenda is sent.
    sent_version: u32,
    /// Changed since it was last sent.
    revised: bool,
    approved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    item: AgendaItem,
    withdrawn: bool,
    minutes: Option<(FreeText, Option<Decision>)>,
    propagation: Option<Propagation>,
}

impl Meeting {
    pub fn exists(&self) -> bool {
        self.scheduled.is_some()
    }

    pub fn id(&self) -> Option<MeetingId> {
        self.scheduled.as_ref().map(|state| state.id)
    }

    pub fn body(&self) -> Option<BodyId> {
        self.scheduled.as_ref().map(|state| state.body)
    }

    pub fn joint_with(&self) -> Option<BodyId> {
        self.scheduled.as_ref().and_then(|state| state.joint_with)
    }

    /// The items on the agenda now, by number.
    pub fn agenda(&self) -> Vec<(u32, &AgendaItem)> {
        self.scheduled.as_ref().map_or_else(Vec::new, |state| {
            state
                .items
                .iter()
                .filter(|(_, item)| !item.withdrawn)
                .map(|(number, item)| (*number, &item.item))
                .collect()
        })
    }

    /// The decision minuted on an item, if any.
    pub fn decision(&self, number: u32) -> Option<&Decision> {
        let item = self.scheduled.as_ref()?.items.get(&number)?;
        item.minutes.as_ref()?.1.as_ref()
    }

    pub fn minutes_approved(&self) -> bool {
        self.scheduled.as_ref().is_some_and(|state| state.approved)
    }
}

impl Aggregate for Meeting {
    const STREAM_TYPE: &'static str = "meeting";
    type Command = MeetingCommand;
    type Event = MeetingEvent;
    type Error = MeetingError;

    fn decide(&self, command: MeetingCommand) -> Result<Vec<MeetingEvent>, MeetingError> {
        match (command, &self.scheduled) {
            (
                MeetingCommand::Schedule {
                    id,
                    body,
                    joint_with,
                    title,
                    slot,
                },
                None,
            ) => {
                decide::check_slot(&slot)?;
                if joint_with == Some(body) {
                    return Err(MeetingError::JointWithItself);
                }
                Ok(vec![MeetingEvent::Scheduled {
                    id,
                    body,
                    joint_with,
                    title,
                    slot,
                }])
            }
            (MeetingCommand::Schedule { .. }, Some(_)) => Err(MeetingError::AlreadyScheduled),
            (_, None) => Err(MeetingError::NotScheduled),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &MeetingEvent) -> Self {
        if let MeetingEvent::Scheduled {
            id,
            body,
            joint_with,
            title,
            slot,
        } = event
        {
            self.scheduled = Some(State {
                id: *id,
                body: *body,
                joint_with: *joint_with,
                title: title.clone(),
                slot: slot.clone(),
                cancelled: false,
                items: BTreeMap::new(),
                sent_version: 0,
                revised: false,
                approved: false,
            });
        } else if let Some(state) = self.scheduled.as_mut() {
            state.evolve(event);
        }
        self
    }
}
