//! A recommendation (Empfehlung) of the STG: drafted by the Fachstelle,
//! adopted by the STG and published to its addressees (cantons, conferences,
//! federal offices), each of which answers and reports implementation over
//! time; the STG and EKG monitor (national concept 3.3 and 3.4).
//!
//! The national IIZ cannot instruct the cantons, so this is its main
//! instrument: acceptance and implementation are tracked per addressee as
//! two dimensions, every report is kept with the version it answered, and
//! the EKG flags need for action until the flag is resolved. Who may take a
//! step is decided in `app`; overdue and long-outstanding items are
//! judgements about a date, made by the read models.

mod command;
mod content;
mod decide;
mod error;
mod stage;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tracking;
mod tracking;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use command::{RecommendationCommand, RecommendationEvent};
pub use content::{
    Basis, FocusArea, MAX_BASIS_ENTRIES, RecommendationContent, RecommendationSource,
    ReportingRhythm, Schedule, Translation,
};
pub use error::RecommendationError;
pub use stage::{RecommendationAction, RecommendationStage, allowed_actions};
pub use tracking::{
    Acceptance, FlagTarget, ImplementationReport, ImplementationStatus, MAX_EVIDENCE,
    ReportingPeriod,
};

use crate::Aggregate;
use crate::ids::RecommendationId;
use crate::partner::Party;

/// State of a recommendation stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recommendation {
    drafted: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: RecommendationId,
    content: RecommendationContent,
    addressees: BTreeSet<Party>,
    schedule: Schedule,
    stage: RecommendationStage,
    /// 1 until the first amendment.
    version: u32,
    published_on: Option<NaiveDate>,
    /// One per addressee, from publication on.
    items: BTreeMap<Party, Item>,
    flags: BTreeMap<u32, Flag>,
}

/// An addressee's tracking item, as far as the rules need it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Item {
    acceptance: Option<(Acceptance, crate::text::FreeText)>,
    last_period_end: Option<NaiveDate>,
    shareable: bool,
    priority: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Flag {
    target: FlagTarget,
    open: bool,
}

impl Recommendation {
    pub fn exists(&self) -> bool {
        self.drafted.is_some()
    }

    pub fn id(&self) -> Option<RecommendationId> {
        self.drafted.as_ref().map(|state| state.id)
    }

    pub fn stage(&self) -> Option<RecommendationStage> {
        self.drafted.as_ref().map(|state| state.stage)
    }

    pub fn content(&self) -> Option<&RecommendationContent> {
        self.drafted.as_ref().map(|state| &state.content)
    }

    pub fn version(&self) -> u32 {
        self.drafted.as_ref().map_or(0, |state| state.version)
    }

    pub fn addressees(&self) -> BTreeSet<Party> {
        self.drafted
            .as_ref()
            .map(|state| state.addressees.clone())
            .unwrap_or_default()
    }

    pub fn schedule(&self) -> Option<Schedule> {
        self.drafted.as_ref().map(|state| state.schedule)
    }

    /// The addressee's current answer, once published and answered.
    pub fn acceptance(&self, addressee: Party) -> Option<Acceptance> {
        let item = self.drafted.as_ref()?.items.get(&addressee)?;
        item.acceptance.as_ref().map(|(acceptance, _)| *acceptance)
    }

    /// The flags still open, with what they point at.
    pub fn open_flags(&self) -> Vec<(u32, FlagTarget)> {
        self.drafted.as_ref().map_or_else(Vec::new, |state| {
            state
                .flags
                .iter()
                .filter(|(_, flag)| flag.open)
                .map(|(number, flag)| (*number, flag.target))
                .collect()
        })
    }

    /// The actions the workflow allows now (whoever the caller is).
    pub fn allowed_actions(&self) -> Vec<RecommendationAction> {
        self.drafted
            .as_ref()
            .map_or_else(Vec::new, |state| allowed_actions(state.stage))
    }
}

impl Aggregate for Recommendation {
    const STREAM_TYPE: &'static str = "recommendation";
    type Command = RecommendationCommand;
    type Event = RecommendationEvent;
    type Error = RecommendationError;

    fn decide(
        &self,
        command: RecommendationCommand,
    ) -> Result<Vec<RecommendationEvent>, RecommendationError> {
        match (command, &self.drafted) {
            (
                RecommendationCommand::Draft {
                    id,
                    content,
                    addressees,
                    schedule,
                },
                None,
            ) => {
                decide::check_content(&content)?;
                decide::check_addressees(&addressees)?;
                Ok(vec![RecommendationEvent::Drafted {
                    id,
                    content,
                    addressees,
                    schedule,
                }])
            }
            (RecommendationCommand::Draft { .. }, Some(_)) => {
                Err(RecommendationError::AlreadyDrafted)
            }
            (_, None) => Err(RecommendationError::NotDrafted),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &RecommendationEvent) -> Self {
        if let RecommendationEvent::Drafted {
            id,
            content,
            addressees,
            schedule,
        } = event
        {
            self.drafted = Some(State {
                id: *id,
                content: content.clone(),
                addressees: addressees.clone(),
                schedule: *schedule,
                stage: RecommendationStage::Draft,
                version: 1,
                published_on: None,
                items: BTreeMap::new(),
                flags: BTreeMap::new(),
            });
        } else if let Some(state) = self.drafted.as_mut() {
            state.evolve(event);
        }
        self
    }
}
