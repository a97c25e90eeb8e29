//! Who chairs a body, term by term, under the body's rule (IIZ 3.0, 2.1
//! and 2.2, "Vorsitz und Kadenz"): the STG's chair changes every two years
//! among BSV, SBFI, SECO and SEM, in any order that does not repeat the
//! current office; the EKG chooses its chair and deputy itself by its
//! decision, for two years, and its deputy comes from the STG chair's area
//! when the chair does not. Past terms are recorded as they happened.
//!
//! Its own aggregate, one stream per body (`chair/<body id>`), rather than
//! part of the body: the body's chair *seat* is a person and changes with
//! `HandOverChair`, while the rotation is about *offices* and fixed terms,
//! with the person optional and often named later. Keeping the terms in
//! their own stream lets the rule (which office is next, how long a term
//! is) be checked against the whole history of terms in one place, without
//! changing the body's events or loading its memberships.

mod command;
#[cfg(test)]
mod elected_tests;
mod error;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use command::{ChairCommand, ChairEvent, ChairRule, TermAreas, TermHolders, term_end};
pub use error::ChairError;

use crate::Aggregate;
use crate::basis::DecisionReference;
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
        ChairRule::Elected { years } => {
            if *years == 0 {
                return Err(ChairError::InvalidRule);
            }
        }
    }
    Ok(())
}

impl State {
    /// The term before a new one, and that the new one does not start
    /// before it ends.
    fn after_previous(&self, from: NaiveDate, until: NaiveDate) -> Result<(), ChairError> {
        if until < from {
            return Err(ChairError::EndsBeforeStart);
        }
        if let Some((_, last_until)) = self.terms.last()
            && from <= *last_until
        {
            return Err(ChairError::Overlaps {
                previous_until: *last_until,
            });
        }
        Ok(())
    }

    /// The day after the previous term: where the next one starts.
    fn next_start(&self) -> Option<NaiveDate> {
        self.terms
            .last()
            .map(|(_, last_until)| last_until.succ_opt().unwrap_or(*last_until))
    }

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
        match &self.rule {
            ChairRule::Rotation { offices, years } => {
                if !offices.contains(&office) {
                    return Err(ChairError::NotInRotation(office));
                }
                if let Some(expected) = self.next_start()
                    && from != expected
                {
                    return Err(ChairError::NotContiguous { expected });
                }
                if let Some((last_office, _)) = self.terms.last()
                    && *last_office == office
                {
                    return Err(ChairError::RepeatsOffice(office));
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
                self.after_previous(from, until)?;
                if let Some(years) = max_years {
                    let longest = term_end(from, *years).ok_or(ChairError::InvalidRule)?;
                    if until > longest {
                        return Err(ChairError::LongerThanAllowed {
                            longest,
                            got: until,
                        });
                    }
                }
            }
            ChairRule::Elected { .. } => return Err(ChairError::ChosenByBody),
        }
        Ok(())
    }

    /// Checks a term the body chose: two-year terms, one after the other
    /// without overlap, and the deputy rule.
    fn check_chosen(
        &self,
        holders: &TermHolders,
        from: NaiveDate,
        until: NaiveDate,
        areas: &TermAreas,
    ) -> Result<(), ChairError> {
        let ChairRule::Elected { years } = &self.rule else {
            return Err(ChairError::NotChosenByBody);
        };
        self.after_previous(from, until)?;
        let expected = term_end(from, *years).ok_or(ChairError::InvalidRule)?;
        if until != expected {
            return Err(ChairError::ChosenTermLength {
                expected,
                got: until,
            });
        }
        let stg_area = areas
            .stg_chair
            .as_ref()
            .ok_or(ChairError::StgChairUnknown { on: from })?;
        // "In Jahren, in denen es beim Vorsitz des EKG keine Analogie zum
        // Vorsitz im STG gibt, soll die Stellvertretung … aus dem gleichen
        // Bereich kommen wie der Vorsitz im STG."
        let analogous = areas.chair.as_ref() == Some(stg_area);
        if !analogous && (holders.deputy.is_none() || areas.deputy.as_ref() != Some(stg_area)) {
            return Err(ChairError::DeputyArea {
                stg_area: stg_area.clone(),
            });
        }
        Ok(())
    }

    fn next_number(&self) -> u32 {
        u32::try_from(self.terms.len()).map_or(u32::MAX, |n| n + 1)
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
                Ok(vec![ChairEvent::TermRecorded {
                    number: self.next_number(),
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
            ChairCommand::ChooseTerm {
                holders,
                from,
                until,
                decided_by,
                areas,
            } => {
                self.check_chosen(&holders, from, until, &areas)?;
                Ok(vec![chosen(
                    self.next_number(),
                    holders,
                    from,
                    until,
                    decided_by,
                )])
            }
            ChairCommand::RecordPastTerm {
                holders,
                from,
                until,
            } => {
                self.after_previous(from, until)?;
                Ok(vec![ChairEvent::PastTermRecorded {
                    number: self.next_number(),
                    holders,
                    from,
                    until,
                }])
            }
        }
    }
}

fn chosen(
    number: u32,
    holders: TermHolders,
    from: NaiveDate,
    until: NaiveDate,
    decided_by: DecisionReference,
) -> ChairEvent {
    ChairEvent::TermChosen {
        number,
        holders,
        from,
        until,
        decided_by,
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
            (
                ChairEvent::TermChosen { holders, until, .. }
                | ChairEvent::PastTermRecorded { holders, until, .. },
                Some(state),
            ) => {
                state.terms.push((holders.office, *until));
            }
            (
                ChairEvent::TermRecorded { .. }
                | ChairEvent::PersonNamed { .. }
                | ChairEvent::TermChosen { .. }
                | ChairEvent::PastTermRecorded { .. },
                _,
            ) => {}
        }
        self
    }
}
