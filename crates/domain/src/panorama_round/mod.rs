//! A panorama round: the Fachstelle opens it for a year with a question
//! set, each addressed canton confirms or updates its profile and figures,
//! the Fachstelle closes and publishes. One stream per year (`2026`).
//!
//! The round holds references to revisions, not copies: a published round
//! names for each canton the profile and figures revisions it contains,
//! so a later revision or a later round never changes an earlier
//! panorama. Cantons that did not answer stay "no answer", visible in the
//! published panorama, and none of their older data is put in its place.

mod command;
mod error;
mod questions;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use command::{AnswerContents, AnswerKind, PublishedSection, RoundCommand, RoundEvent};
pub use error::RoundError;
pub use questions::{Question, QuestionKey, QuestionSet, QuestionTopic};

use crate::Aggregate;
use crate::ids::{CantonCode, TenantId};
use crate::panorama_terms::{Actor, Year};

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundStage {
    Open,
    Closed,
    Published,
}

impl fmt::Display for RoundStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Published => "published",
        })
    }
}

/// A canton's current answer in the round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CantonAnswer {
    pub kind: AnswerKind,
    pub contents: AnswerContents,
    pub late: bool,
    pub actor: Actor,
    pub on: NaiveDate,
}

/// State of a round stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PanoramaRound {
    opened: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    year: Year,
    cantons: BTreeSet<CantonCode>,
    due: NaiveDate,
    opened_on: NaiveDate,
    stage: RoundStage,
    answers: BTreeMap<CantonCode, CantonAnswer>,
    published: Option<BTreeMap<CantonCode, PublishedSection>>,
}

impl PanoramaRound {
    /// The stream id of the round for a year.
    pub fn stream_id(year: Year) -> String {
        year.to_string()
    }

    pub fn stage(&self) -> Option<RoundStage> {
        self.opened.as_ref().map(|state| state.stage)
    }

    pub fn answer(&self, canton: CantonCode) -> Option<&CantonAnswer> {
        self.opened.as_ref()?.answers.get(&canton)
    }

    /// The addressed cantons that have not answered (yet): what the
    /// Fachstelle follows up while the round is open.
    pub fn without_answer(&self) -> BTreeSet<CantonCode> {
        self.opened.as_ref().map_or_else(BTreeSet::new, |state| {
            state
                .cantons
                .iter()
                .filter(|canton| !state.answers.contains_key(canton))
                .copied()
                .collect()
        })
    }

    /// The panorama as published, once it is.
    pub fn published(&self) -> Option<&BTreeMap<CantonCode, PublishedSection>> {
        self.opened.as_ref()?.published.as_ref()
    }
}

fn by_fachstelle(actor: Actor) -> Result<(), RoundError> {
    if actor.is_national() {
        Ok(())
    } else {
        Err(RoundError::OnlyFachstelle)
    }
}

impl State {
    fn decide(&self, command: RoundCommand) -> Result<Vec<RoundEvent>, RoundError> {
        if self.stage == RoundStage::Published {
            return Err(RoundError::Published);
        }
        match command {
            RoundCommand::Open { .. } => Err(RoundError::AlreadyOpened),
            RoundCommand::Answer {
                canton,
                kind,
                contents,
                actor,
                on,
            } => self.answer(canton, kind, contents, actor, on),
            RoundCommand::Close { actor, on } => {
                by_fachstelle(actor)?;
                self.in_stage(RoundStage::Open, on)?;
                let no_answer = self
                    .cantons
                    .iter()
                    .filter(|canton| !self.answers.contains_key(canton))
                    .copied()
                    .collect();
                Ok(vec![RoundEvent::Closed {
                    no_answer,
                    actor,
                    on,
                }])
            }
            RoundCommand::Reopen { reason, actor, on } => {
                by_fachstelle(actor)?;
                self.in_stage(RoundStage::Closed, on)?;
                if reason.is_empty() {
                    return Err(RoundError::Required("reason"));
                }
                Ok(vec![RoundEvent::Reopened { reason, actor, on }])
            }
            RoundCommand::Publish { actor, on } => {
                by_fachstelle(actor)?;
                self.in_stage(RoundStage::Closed, on)?;
                let sections = self
                    .cantons
                    .iter()
                    .map(|canton| {
                        let section = match self.answers.get(canton) {
                            Some(answer) => PublishedSection::Answered {
                                kind: answer.kind,
                                contents: answer.contents.clone(),
                                late: answer.late,
                            },
                            None => PublishedSection::NoAnswer,
                        };
                        (*canton, section)
                    })
                    .collect();
                Ok(vec![RoundEvent::Published {
                    sections,
                    actor,
                    on,
                }])
            }
        }
    }

    fn in_stage(&self, wanted: RoundStage, on: NaiveDate) -> Result<(), RoundError> {
        if self.stage != wanted {
            return Err(match wanted {
                RoundStage::Closed => RoundError::NotClosed(self.stage),
                _ => RoundError::NotOpen(self.stage),
            });
        }
        if on < self.opened_on {
            return Err(RoundError::DateBeforeOpening {
                opened: self.opened_on,
                date: on,
            });
        }
        Ok(())
    }

    fn answer(
        &self,
        canton: CantonCode,
        kind: AnswerKind,
        contents: AnswerContents,
        actor: Actor,
        on: NaiveDate,
    ) -> Result<Vec<RoundEvent>, RoundError> {
        match actor.tenant {
            TenantId::Canton(code) if code == canton => {}
            TenantId::National => return Err(RoundError::CantonAnswers(canton)),
            TenantId::Canton(_) => return Err(RoundError::NotTheCanton(canton)),
        }
        self.in_stage(RoundStage::Open, on)?;
        if !self.cantons.contains(&canton) {
            return Err(RoundError::NotAddressed(canton));
        }
        // A round shows the year it is for: data valid from a later year
        // would put the future into an earlier panorama.
        if contents.profile.year > self.year {
            return Err(RoundError::LaterProfile {
                profile: contents.profile.year,
                round: self.year,
            });
        }
        let mut years = BTreeSet::new();
        for figures in &contents.figures {
            if figures.year > self.year {
                return Err(RoundError::LaterFigures {
                    figures: figures.year,
                    round: self.year,
                });
            }
            if !years.insert(figures.year) {
                return Err(RoundError::FiguresTwice(figures.year));
            }
        }
        if let Some(previous) = self.answers.get(&canton)
            && previous.kind == kind
            && previous.contents == contents
        {
            return Ok(vec![]);
        }
        Ok(vec![RoundEvent::Answered {
            canton,
            kind,
            contents,
            late: on > self.due,
            actor,
            on,
        }])
    }

    fn evolve(&mut self, event: &RoundEvent) {
        match event {
            RoundEvent::Opened { .. } => {}
            RoundEvent::Answered {
                canton,
                kind,
                contents,
                late,
                actor,
                on,
            } => {
                self.answers.insert(
                    *canton,
                    CantonAnswer {
                        kind: *kind,
                        contents: contents.clone(),
                        late: *late,
                        actor: *actor,
                        on: *on,
                    },
                );
            }
            RoundEvent::Closed { .. } => self.stage = RoundStage::Closed,
            RoundEvent::Reopened { .. } => self.stage = RoundStage::Open,
            RoundEvent::Published { sections, .. } => {
                self.stage = RoundStage::Published;
                self.published = Some(sections.clone());
            }
        }
    }
}

impl Aggregate for PanoramaRound {
    const STREAM_TYPE: &'static str = "panorama_round";
    type Command = RoundCommand;
    type Event = RoundEvent;
    type Error = RoundError;

    fn decide(&self, command: RoundCommand) -> Result<Vec<RoundEvent>, RoundError> {
        match (command, &self.opened) {
            (
                RoundCommand::Open {
                    year,
                    questions,
                    cantons,
                    due,
                    actor,
                    on,
                },
                None,
            ) => {
                by_fachstelle(actor)?;
                questions.check()?;
                if cantons.is_empty() {
                    return Err(RoundError::NoCantons);
                }
                if due <= on {
                    return Err(RoundError::DueBeforeOpening { due, opened: on });
                }
                Ok(vec![RoundEvent::Opened {
                    year,
                    questions,
                    cantons,
                    due,
                    actor,
                    on,
                }])
            }
            (_, None) => Err(RoundError::NotOpened),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &RoundEvent) -> Self {
        if let RoundEvent::Opened {
            year,
            cantons,
            due,
            on,
            ..
        } = event
        {
            self.opened = Some(State {
                year: *year,
                cantons: cantons.clone(),
                due: *due,
                opened_on: *on,
                stage: RoundStage::Open,
                answers: BTreeMap::new(),
                published: None,
            });
        } else if let Some(state) = self.opened.as_mut() {
            state.evolve(event);
        }
        self
    }
}
