//! The Fachstelle's operating budget: four years, funded equally by the
//! four federal offices (BSV, SBFI, SECO, SEM), with a yearly report of its
//! use to the STG, which takes note.
//!
//! Equal shares are exact: a total that does not divide by four is refused
//! rather than rounded, so the shares always add up to the total and no
//! office pays a franc more than another.

mod command;
mod error;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use command::{BUDGET_YEARS, BudgetCommand, BudgetEvent, FUNDING_OFFICES};
pub use error::BudgetError;

use crate::Aggregate;
use crate::ids::BudgetId;
use crate::text::FreeText;

const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// State of a budget stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Budget {
    planned: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: BudgetId,
    first_year: i32,
    last_year: i32,
    /// Year → noted.
    reports: BTreeMap<i32, bool>,
}

impl Budget {
    pub fn id(&self) -> Option<BudgetId> {
        self.planned.as_ref().map(|state| state.id)
    }

    /// The first and last year of the budget.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.planned
            .as_ref()
            .map(|state| (state.first_year, state.last_year))
    }
}

fn require(text: &FreeText, what: &'static str) -> Result<(), BudgetError> {
    if text.is_empty() {
        return Err(BudgetError::Required(what));
    }
    Ok(())
}

fn plan(
    id: BudgetId,
    first_year: i32,
    total: u64,
    purpose: FreeText,
) -> Result<Vec<BudgetEvent>, BudgetError> {
    if !PLAUSIBLE_YEARS.contains(&first_year) {
        return Err(BudgetError::ImplausibleYear(first_year));
    }
    let offices = u64::try_from(FUNDING_OFFICES.len()).unwrap_or(4);
    if total == 0 || !total.is_multiple_of(offices) {
        return Err(BudgetError::UnequalShares { total });
    }
    require(&purpose, "purpose")?;
    Ok(vec![BudgetEvent::Planned {
        id,
        first_year,
        last_year: first_year + BUDGET_YEARS - 1,
        total,
        share: total / offices,
        offices: FUNDING_OFFICES.to_vec(),
        purpose,
    }])
}

impl State {
    fn decide(&self, command: BudgetCommand) -> Result<Vec<BudgetEvent>, BudgetError> {
        match command {
            BudgetCommand::Plan { .. } => Err(BudgetError::AlreadyPlanned),
            BudgetCommand::ReportYear {
                year,
                spent,
                narrative,
            } => {
                if !(self.first_year..=self.last_year).contains(&year) {
                    return Err(BudgetError::OutsidePeriod {
                        year,
                        first: self.first_year,
                        last: self.last_year,
                    });
                }
                if self.reports.contains_key(&year) {
                    return Err(BudgetError::AlreadyReported(year));
                }
                require(&narrative, "report's narrative")?;
                Ok(vec![BudgetEvent::YearReported {
                    year,
                    spent,
                    narrative,
                }])
            }
            BudgetCommand::NoteReport { year, note } => match self.reports.get(&year) {
                None => Err(BudgetError::NotReported(year)),
                Some(true) => Err(BudgetError::AlreadyNoted(year)),
                Some(false) => {
                    require(&note, "note")?;
                    Ok(vec![BudgetEvent::ReportNoted { year, note }])
                }
            },
        }
    }
}

impl Aggregate for Budget {
    const STREAM_TYPE: &'static str = "budget";
    type Command = BudgetCommand;
    type Event = BudgetEvent;
    type Error = BudgetError;

    fn decide(&self, command: BudgetCommand) -> Result<Vec<BudgetEvent>, BudgetError> {
        match (command, &self.planned) {
            (
                BudgetCommand::Plan {
                    id,
                    first_year,
                    total,
                    purpose,
                },
                None,
            ) => plan(id, first_year, total, purpose),
            (_, None) => Err(BudgetError::NotPlanned),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &BudgetEvent) -> Self {
        match (event, self.planned.as_mut()) {
            (
                BudgetEvent::Planned {
                    id,
                    first_year,
                    last_year,
                    ..
                },
                _,
            ) => {
                self.planned = Some(State {
                    id: *id,
                    first_year: *first_year,
                    last_year: *last_year,
                    reports: BTreeMap::new(),
                });
            }
            (BudgetEvent::YearReported { year, .. }, Some(state)) => {
                state.reports.insert(*year, false);
            }
            (BudgetEvent::ReportNoted { year, .. }, Some(state)) => {
                state.reports.insert(*year, true);
            }
            (_, None) => {}
        }
        self
    }
}
