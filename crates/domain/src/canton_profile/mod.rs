//! A canton's IIZ profile for one year of validity: its structure (type,
//! bodies and their placement, office, where the coordinator sits), its
//! practice (documented process, case definition, legal bases) and its
//! challenges. One stream per canton and year (`ZH-2026`).
//!
//! The canton keeps its profile; the national IIZ has no power to instruct
//! cantons (IIZ 3.0, 1.3), so the Fachstelle only proposes corrections,
//! which stay pending until the canton confirms or rejects them. Every
//! change is a numbered revision with its actor and date, so a panorama
//! round can refer to the exact revision it contains.

mod command;
mod error;
mod practice;
#[cfg(test)]
mod proposal_tests;
mod structure;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use command::{ProfileCommand, ProfileContent, ProfileEvent, Section, SectionChange};
pub use error::ProfileError;
pub use practice::{
    CaseCriterion, CaseDefinition, Challenge, ChallengeCategory, Challenges, Documented,
    LegalBasis, LegalBasisKind, Practice, ProcessDocumentation, ProcessForm,
};
pub use structure::{BodyLevel, BodyLink, ImplementationType, Office, OfficeKind, Structure};

use crate::Aggregate;
use crate::ids::{CantonCode, TenantId};
use crate::panorama_terms::{Actor, Year};
use crate::text::FreeText;

/// At most this many corrections wait for the canton at once: more would
/// mean the Fachstelle rewrites the profile instead of the canton.
pub const MAX_PENDING_CORRECTIONS: usize = 10;

/// State of a canton profile stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CantonProfile {
    opened: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    canton: CantonCode,
    year: Year,
    content: ProfileContent,
    revision: u32,
    /// The revision that last changed each part, to tell whether a
    /// proposal was made on what the profile still says.
    changed_in: BTreeMap<Section, u32>,
    last_change: NaiveDate,
    proposals_made: u32,
    pending: BTreeMap<u32, PendingCorrection>,
}

/// A correction the Fachstelle proposed that the canton has not answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingCorrection {
    pub change: SectionChange,
    pub based_on: u32,
    pub reason: FreeText,
    pub actor: Actor,
    pub on: NaiveDate,
}

impl CantonProfile {
    /// The stream id of a canton's profile for a year.
    pub fn stream_id(canton: CantonCode, year: Year) -> String {
        format!("{canton}-{year}")
    }

    pub fn canton(&self) -> Option<CantonCode> {
        self.opened.as_ref().map(|state| state.canton)
    }

    pub fn year(&self) -> Option<Year> {
        self.opened.as_ref().map(|state| state.year)
    }

    pub fn content(&self) -> Option<&ProfileContent> {
        self.opened.as_ref().map(|state| &state.content)
    }

    /// 0 before the profile is opened.
    pub fn revision(&self) -> u32 {
        self.opened.as_ref().map_or(0, |state| state.revision)
    }

    pub fn pending_corrections(&self) -> Vec<(u32, &PendingCorrection)> {
        self.opened.as_ref().map_or_else(Vec::new, |state| {
            state.pending.iter().map(|(id, p)| (*id, p)).collect()
        })
    }
}

fn check_change(change: &SectionChange, canton: CantonCode) -> Result<(), ProfileError> {
    match change {
        SectionChange::Structure(structure) => structure.check(canton),
        SectionChange::Practice(practice) => practice.check(),
        SectionChange::Challenges(challenges) => challenges.check(),
    }
}

fn check_content(content: &ProfileContent, canton: CantonCode) -> Result<(), ProfileError> {
    content.structure.check(canton)?;
    content.practice.check()?;
    content.challenges.check()
}

impl State {
    fn says(&self, change: &SectionChange) -> bool {
        match change {
            SectionChange::Structure(s) => self.content.structure == *s,
            SectionChange::Practice(p) => self.content.practice == *p,
            SectionChange::Challenges(c) => self.content.challenges == *c,
        }
    }

    /// The canton itself, or a refusal that says who may act instead.
    fn by_canton(&self, actor: Actor) -> Result<(), ProfileError> {
        match actor.tenant {
            TenantId::Canton(code) if code == self.canton => Ok(()),
            TenantId::National => Err(ProfileError::FachstelleProposes),
            TenantId::Canton(_) => Err(ProfileError::NotTheCanton(self.canton)),
        }
    }

    fn not_before_last_change(&self, date: NaiveDate) -> Result<(), ProfileError> {
        if date < self.last_change {
            return Err(ProfileError::DateBeforeLastChange {
                last: self.last_change,
                date,
            });
        }
        Ok(())
    }

    fn pending(&self, proposal: u32) -> Result<&PendingCorrection, ProfileError> {
        self.pending
            .get(&proposal)
            .ok_or(ProfileError::UnknownProposal(proposal))
    }

    fn decide(&self, command: ProfileCommand) -> Result<Vec<ProfileEvent>, ProfileError> {
        if matches!(command, ProfileCommand::Open { .. }) {
            return Err(ProfileError::AlreadyOpened);
        }
        self.not_before_last_change(command.on())?;
        match command {
            ProfileCommand::Open { .. } => Err(ProfileError::AlreadyOpened),
            ProfileCommand::Revise {
                change,
                note,
                actor,
                on,
            } => {
                self.by_canton(actor)?;
                check_change(&change, self.canton)?;
                if self.says(&change) {
                    return Ok(vec![]);
                }
                Ok(vec![ProfileEvent::Revised {
                    revision: self.revision + 1,
                    change,
                    note,
                    actor,
                    on,
                }])
            }
            ProfileCommand::ProposeCorrection {
                change,
                reason,
                actor,
                on,
            } => {
                if !actor.is_national() {
                    return Err(ProfileError::OnlyFachstelleProposes);
                }
                if reason.is_empty() {
                    return Err(ProfileError::Required("reason"));
                }
                check_change(&change, self.canton)?;
                if self.says(&change) {
                    return Err(ProfileError::NothingToCorrect(change.section()));
                }
                if self.pending.len() >= MAX_PENDING_CORRECTIONS {
                    return Err(ProfileError::TooManyPending {
                        max: MAX_PENDING_CORRECTIONS,
                    });
                }
                Ok(vec![ProfileEvent::CorrectionProposed {
                    proposal: self.proposals_made + 1,
                    change,
                    based_on: self.revision,
                    reason,
                    actor,
                    on,
                }])
            }
            ProfileCommand::ConfirmCorrection {
                proposal,
                actor,
                on,
            } => {
                self.by_canton(actor)?;
                let pending = self.pending(proposal)?;
                let section = pending.change.section();
                let changed_in = self.changed_in.get(&section).copied().unwrap_or(1);
                if changed_in > pending.based_on {
                    return Err(ProfileError::ProposalOutdated { proposal, section });
                }
                Ok(vec![ProfileEvent::CorrectionConfirmed {
                    proposal,
                    revision: self.revision + 1,
                    change: pending.change.clone(),
                    actor,
                    on,
                }])
            }
            ProfileCommand::RejectCorrection {
                proposal,
                reason,
                actor,
                on,
            } => {
                self.by_canton(actor)?;
                self.pending(proposal)?;
                if reason.is_empty() {
                    return Err(ProfileError::Required("reason"));
                }
                Ok(vec![ProfileEvent::CorrectionRejected {
                    proposal,
                    reason,
                    actor,
                    on,
                }])
            }
            ProfileCommand::WithdrawCorrection {
                proposal,
                actor,
                on,
            } => {
                if !actor.is_national() {
                    return Err(ProfileError::OnlyFachstelleProposes);
                }
                self.pending(proposal)?;
                Ok(vec![ProfileEvent::CorrectionWithdrawn {
                    proposal,
                    actor,
                    on,
                }])
            }
        }
    }

    fn apply(&mut self, change: &SectionChange, revision: u32, on: NaiveDate) {
        match change {
            SectionChange::Structure(s) => self.content.structure = s.clone(),
            SectionChange::Practice(p) => self.content.practice = p.clone(),
            SectionChange::Challenges(c) => self.content.challenges = c.clone(),
        }
        self.changed_in.insert(change.section(), revision);
        self.revision = revision;
        self.last_change = on;
    }

    fn evolve(&mut self, event: &ProfileEvent) {
        match event {
            ProfileEvent::Opened { .. } => {}
            ProfileEvent::Revised {
                revision,
                change,
                on,
                ..
            } => self.apply(change, *revision, *on),
            ProfileEvent::CorrectionProposed {
                proposal,
                change,
                based_on,
                reason,
                actor,
                on,
            } => {
                self.proposals_made = *proposal;
                self.last_change = *on;
                self.pending.insert(
                    *proposal,
                    PendingCorrection {
                        change: change.clone(),
                        based_on: *based_on,
                        reason: reason.clone(),
                        actor: *actor,
                        on: *on,
                    },
                );
            }
            ProfileEvent::CorrectionConfirmed {
                proposal,
                revision,
                change,
                on,
                ..
            } => {
                self.pending.remove(proposal);
                self.apply(change, *revision, *on);
            }
            ProfileEvent::CorrectionRejected { proposal, on, .. }
            | ProfileEvent::CorrectionWithdrawn { proposal, on, .. } => {
                self.pending.remove(proposal);
                self.last_change = *on;
            }
        }
    }
}

impl Aggregate for CantonProfile {
    const STREAM_TYPE: &'static str = "canton_profile";
    type Command = ProfileCommand;
    type Event = ProfileEvent;
    type Error = ProfileError;

    fn decide(&self, command: ProfileCommand) -> Result<Vec<ProfileEvent>, ProfileError> {
        match (command, &self.opened) {
            (
                ProfileCommand::Open {
                    canton,
                    year,
                    content,
                    actor,
                    on,
                },
                None,
            ) => {
                if actor.tenant != TenantId::Canton(canton) {
                    return Err(if actor.is_national() {
                        ProfileError::FachstelleProposes
                    } else {
                        ProfileError::NotTheCanton(canton)
                    });
                }
                check_content(&content, canton)?;
                Ok(vec![ProfileEvent::Opened {
                    canton,
                    year,
                    content,
                    actor,
                    on,
                }])
            }
            (_, None) => Err(ProfileError::NotOpened),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &ProfileEvent) -> Self {
        if let ProfileEvent::Opened {
            canton,
            year,
            content,
            on,
            ..
        } = event
        {
            self.opened = Some(State {
                canton: *canton,
                year: *year,
                content: content.as_ref().clone(),
                revision: 1,
                changed_in: BTreeMap::new(),
                last_change: *on,
                proposals_made: 0,
                pending: BTreeMap::new(),
            });
        } else if let Some(state) = self.opened.as_mut() {
            state.evolve(event);
        }
        self
    }
}
