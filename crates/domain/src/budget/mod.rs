//! The Fachstelle's operating budget: four years, funded equally by the
//! four federal offices (BSV, SBFI, SECO, SEM), with a yearly report of its
//! use to the STG, which takes note.
//!
//! Equal shares are exact: a total that does not divide by four is refused
//! rather than rounded, so the shares always add up to the total and no
//! office pays a franc more than another.
//!
//! Every budget lives in one register stream, as the work programmes do:
//! budgets follow each other, and only one stream sees them all, so two
//! overlapping plans cannot both pass, however close together they come.

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

/// State of the budget register: every budget, by its first year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Budget {
    planned: BTreeMap<i32, State>,
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
    /// Every budget's id with its first and last year, oldest first.
    pub fn periods(&self) -> Vec<(BudgetId, i32, i32)> {
        self.planned
            .values()
            .map(|state| (state.id, state.first_year, state.last_year))
            .collect()
    }

    fn find(&self, id: BudgetId) -> Result<&State, BudgetError> {
        self.planned
            .values()
            .find(|state| state.id == id)
            .ok_or(BudgetError::NotPlanned)
    }

    fn plan(
        &self,
        id: BudgetId,
        first_year: i32,
        total: u64,
        purpose: FreeText,
    ) -> Result<Vec<BudgetEvent>, BudgetError> {
        if self.find(id).is_ok() {
            return Err(BudgetError::AlreadyPlanned);
        }
        let last_year = first_year.saturating_add(BUDGET_YEARS - 1);
        if let Some(other) = self
            .planned
            .values()
            .find(|other| other.first_year <= last_year && first_year <= other.last_year)
        {
            return Err(BudgetError::Overlaps {
                first: other.first_year,
                last: other.last_year,
            });
        }
        plan(id, first_year, total, purpose)
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
                budget,
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
                    budget,
                    year,
                    spent,
                    narrative,
                }])
            }
            BudgetCommand::NoteReport { budget, year, note } => match self.reports.get(&year) {
                None => Err(BudgetError::NotReported(year)),
                Some(true) => Err(BudgetError::AlreadyNoted(year)),
                Some(false) => {
                    require(&note, "note")?;
                    Ok(vec![BudgetEvent::ReportNoted { budget, year, note }])
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
        match command {
            BudgetCommand::Plan {
                id,
                first_year,
                total,
                purpose,
            } => self.plan(id, first_year, total, purpose),
            BudgetCommand::ReportYear { budget, .. } | BudgetCommand::NoteReport { budget, .. } => {
                self.find(budget)?.decide(command)
            }
        }
    }

    fn evolve(mut self, event: &BudgetEvent) -> Self {
        match event {
            BudgetEvent::Planned {
                id,
                first_year,
                last_year,
                ..
            } => {
                self.planned.insert(
                    *first_year,
                    State {
                        id: *id,
                        first_year: *first_year,
                        last_year: *last_year,
                        reports: BTreeMap::new(),
                    },
                );
            }
            BudgetEvent::YearReported { budget, year, .. } => {
                if let Some(state) = self.planned.values_mut().find(|state| state.id == *budget) {
                    state.reports.insert(*year, false);
                }
            }
            BudgetEvent::ReportNoted { budget, year, .. } => {
                if let Some(state) = self.planned.values_mut().find(|state| state.id == *budget) {
                    state.reports.insert(*year, true);
                }
            }
        }
        self
    }
}
