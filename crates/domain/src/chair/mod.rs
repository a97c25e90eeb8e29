//! Who chairs a body, term by term, under the body's rule: the STG's chair
//! rotates every two years among BSV, SBFI, SECO and SEM; the EKG chooses
//! its chair's office freely for a term with dates.
//!
//! Its own aggregate, one stream per body (`chair/<body id>`), rather than
//! part of the body: the body's chair *seat* is a person and changes with
//! `HandOverChair`, while the rotation is about *offices* and fixed terms,
//! with the person optional and often named later. Keeping the terms in
//! their own stream lets the rule (which office is next, how long a term
//! is) be checked against the whole history of terms in one place, without
//! changing the body's events or loading its memberships.

mod command;
mod error;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use command::{ChairCommand, ChairEvent, ChairRule, term_end};
pub use error::ChairError;

use crate::Aggregate;
use crate::ids::BodyId;
use crate::partner::Party;

/// State of a chair stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chair {
    established: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    body: BodyId,
    rule: ChairRule,
    /// Office and last day of each term, oldest first.
    terms: Vec<(Party, NaiveDate)>,
}

impl Chair {
    pub fn body(&self) -> Option<BodyId> {
        self.established.as_ref().map(|state| state.body)
    }

    pub fn rule(&self) -> Option<&ChairRule> {
        self.established.as_ref().map(|state| &state.rule)
    }
}

fn check_rule(rule: &ChairRule) -> Result<(), ChairError> {
    match rule {
        ChairRule::Rotation { offices, years } => {
            let mut unique = offices.clone();
            unique.sort();
            unique.dedup();
            if offices.is_empty() || unique.len() != offices.len() || *years == 0 {
                return Err(ChairError::InvalidRule);
            }
        }
        ChairRule::Free { max_years } => {
            if *max_years == Some(0) {
                return Err(ChairError::InvalidRule);
            }
        }
    }
    Ok(())
}

impl State {
    /// Checks a new term against the rule and the terms before it.
    fn check_term(
        &self,
        office: Party,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<(), ChairError> {
        if until < from {
            return Err(ChairError::EndsBeforeStart);
        }
        let previous = self.terms.last();
        match &self.rule {
            ChairRule::Rotation { offices, years } => {
                let position = offices
                    .iter()
                    .position(|candidate| *candidate == office)
                    .ok_or(ChairError::NotInRotation(office))?;
                if let Some((last_office, last_until)) = previous {
                    let expected_from = last_until.succ_opt().unwrap_or(*last_until);
                    if from != expected_from {
                        return Err(ChairError::NotContiguous {
                            expected: expected_from,
                        });
                    }
                    let last = offices
                        .iter()
                        .position(|candidate| candidate == last_office)
                        .unwrap_or(offices.len() - 1);
                    let next = (last + 1) % offices.len();
                    if position != next {
                        return Err(ChairError::OutOfTurn {
                            expected: offices[next],
                            got: office,
                        });
                    }
                }
                let expected = term_end(from, *years).ok_or(ChairError::InvalidRule)?;
                if until != expected {
                    return Err(ChairError::TermLength {
                        expected,
                        got: until,
                    });
                }
            }
            ChairRule::Free { max_years } => {
                if let Some((_, last_until)) = previous
                    && from <= *last_until
                {
                    return Err(ChairError::Overlaps {
                        previous_until: *last_until,
                    });
                }
                if let Some(years) = max_years {
                    let longest = term_end(from, *years).ok_or(ChairError::InvalidRule)?;
                    if until > longest {
                        return Err(ChairError::TermLength {
                            expected: longest,
                            got: until,
                        });
                    }
                }
            }
        }
        Ok(())
    }

    fn decide(&self, command: ChairCommand) -> Result<Vec<ChairEvent>, ChairError> {
        match command {
            ChairCommand::Establish { .. } => Err(ChairError::AlreadyEstablished),
            ChairCommand::RecordTerm {
                office,
                person,
                from,
                until,
            } => {
                self.check_term(office, from, until)?;
                let number = u32::try_from(self.terms.len()).map_or(u32::MAX, |n| n + 1);
                Ok(vec![ChairEvent::TermRecorded {
                    number,
                    office,
                    person,
                    from,
                    until,
                }])
            }
            ChairCommand::NamePerson { number, person } => {
                let known = usize::try_from(number)
                    .is_ok_and(|number| number >= 1 && number <= self.terms.len());
                if !known {
                    return Err(ChairError::UnknownTerm(number));
                }
                Ok(vec![ChairEvent::PersonNamed { number, person }])
            }
        }
    }
}

impl Aggregate for Chair {
    const STREAM_TYPE: &'static str = "chair";
    type Command = ChairCommand;
    type Event = ChairEvent;
    type Error = ChairError;

    fn decide(&self, command: ChairCommand) -> Result<Vec<ChairEvent>, ChairError> {
        match (command, &self.established) {
            (ChairCommand::Establish { body, rule }, None) => {
                check_rule(&rule)?;
                Ok(vec![ChairEvent::Established { body, rule }])
            }
            (_, None) => Err(ChairError::NotEstablished),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &ChairEvent) -> Self {
        match (event, self.established.as_mut()) {
            (ChairEvent::Established { body, rule }, _) => {
                self.established = Some(State {
                    body: *body,
                    rule: rule.clone(),
                    terms: Vec::new(),
                });
            }
            (ChairEvent::TermRecorded { office, until, .. }, Some(state)) => {
                state.terms.push((*office, *until));
            }
            (ChairEvent::TermRecorded { .. } | ChairEvent::PersonNamed { .. }, _) => {}
        }
        self
    }
}
