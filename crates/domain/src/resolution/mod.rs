//! A circular resolution (Zirkularbeschluss): between its meetings a body
//! decides in writing. The secretariat or the chair proposes a decision
//! with a deadline; each voting member answers yes, no or abstain; at the
//! deadline (or once every voter answered) it closes, carried or not by
//! the body's own rules, which the concept leaves open and each body sets
//! (`body::ResolutionRules`). Every answer is recorded, so the decision is
//! as traceable as minutes (IIZ 3.0, 1.2: transparent decision processes).
//!
//! Who proposes, closes and withdraws is the app's to check; the domain
//! checks who answers against the voters named at the proposal (those with
//! a voting seat then), and the deadlines against the time the app gives.

mod command;
mod error;
mod tally;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tally;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, Utc};

pub use command::{Outcome, Proposal, ResolutionCommand, ResolutionEvent, Tally, Vote};
pub use error::ResolutionError;
pub use tally::{evaluate, tally};

use crate::Aggregate;
use crate::body::ResolutionRules;
use crate::decision::DecisionEffect;
use crate::ids::{BodyId, PersonId, ResolutionId};
use crate::meeting::Propagation;

/// State of a resolution stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    proposed: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: ResolutionId,
    body: BodyId,
    effect: Option<DecisionEffect>,
    deadline: DateTime<Utc>,
    rules: ResolutionRules,
    voters: BTreeSet<PersonId>,
    proposed_by: PersonId,
    /// The last answer of each voter.
    answers: BTreeMap<PersonId, Vote>,
    outcome: Option<Outcome>,
    withdrawn: bool,
    propagation: Option<Propagation>,
}

impl Resolution {
    pub fn exists(&self) -> bool {
        self.proposed.is_some()
    }

    pub fn id(&self) -> Option<ResolutionId> {
        self.proposed.as_ref().map(|state| state.id)
    }

    pub fn body(&self) -> Option<BodyId> {
        self.proposed.as_ref().map(|state| state.body)
    }

    pub fn proposed_by(&self) -> Option<PersonId> {
        self.proposed.as_ref().map(|state| state.proposed_by)
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.proposed.as_ref()?.outcome.as_ref()
    }

    /// Carried with an effect that was not carried out yet.
    pub fn awaits_propagation(&self) -> bool {
        self.proposed.as_ref().is_some_and(|state| {
            state.effect.is_some()
                && state.outcome.as_ref().is_some_and(Outcome::carried)
                && state.propagation.is_none()
        })
    }
}

fn propose(proposal: Proposal) -> Result<Vec<ResolutionEvent>, ResolutionError> {
    let Proposal {
        id,
        body,
        label,
        subject,
        effect,
        title,
        decision,
        rationale,
        deadline,
        rules,
        voters,
        proposed_by,
        now,
    } = proposal;
    if !rules.allowed {
        return Err(ResolutionError::NotAllowed);
    }
    if decision.is_empty() {
        return Err(ResolutionError::Required("decision text"));
    }
    if let Some(effect) = &effect
        && !effect.fits(&subject)
    {
        return Err(ResolutionError::EffectDoesNotFit {
            effect: effect.as_str(),
            subject: subject.as_str(),
        });
    }
    if voters.is_empty() {
        return Err(ResolutionError::NoVoters);
    }
    let earliest = now
        .checked_add_days(Days::new(u64::from(rules.minimum_days)))
        .unwrap_or(now);
    // A deadline must lie ahead even when the body asks for no minimum.
    if deadline < earliest || deadline <= now {
        return Err(ResolutionError::DeadlineTooSoon {
            minimum_days: rules.minimum_days,
            earliest,
        });
    }
    Ok(vec![ResolutionEvent::Proposed {
        id,
        body,
        label,
        subject,
        effect,
        title,
        decision,
        rationale,
        deadline,
        rules,
        voters,
        proposed_by,
        proposed_at: now,
    }])
}

impl State {
    fn open(&self) -> Result<(), ResolutionError> {
        if self.withdrawn {
            return Err(ResolutionError::Withdrawn);
        }
        if self.outcome.is_some() {
            return Err(ResolutionError::Closed);
        }
        Ok(())
    }

    fn decide(&self, command: ResolutionCommand) -> Result<Vec<ResolutionEvent>, ResolutionError> {
        match command {
            ResolutionCommand::Propose(_) => Err(ResolutionError::AlreadyProposed),
            ResolutionCommand::Answer {
                voter,
                vote,
                comment,
                now,
            } => {
                self.open()?;
                if !self.voters.contains(&voter) {
                    return Err(ResolutionError::NotAVoter(voter));
                }
                if now >= self.deadline {
                    return Err(ResolutionError::DeadlinePassed(self.deadline));
                }
                Ok(vec![ResolutionEvent::Answered {
                    voter,
                    vote,
                    comment: comment.filter(|comment| !comment.is_empty()),
                    answered_at: now,
                }])
            }
            ResolutionCommand::Close { now } => {
                self.open()?;
                let tally = tally(&self.voters, &self.answers);
                if now < self.deadline && tally.missing > 0 {
                    return Err(ResolutionError::StillOpen {
                        missing: tally.missing,
                        deadline: self.deadline,
                    });
                }
                Ok(vec![ResolutionEvent::Closed {
                    outcome: evaluate(&self.rules, tally),
                    tally,
                    closed_at: now,
                }])
            }
            ResolutionCommand::Withdraw { reason, now } => {
                self.open()?;
                if reason.is_empty() {
                    return Err(ResolutionError::Required("reason"));
                }
                Ok(vec![ResolutionEvent::Withdrawn {
                    reason,
                    withdrawn_at: now,
                }])
            }
            ResolutionCommand::RecordPropagation { propagation } => {
                let carried = self.outcome.as_ref().is_some_and(Outcome::carried);
                if !carried || self.effect.is_none() {
                    return Err(ResolutionError::NothingToPropagate);
                }
                match &self.propagation {
                    Some(recorded) if *recorded == propagation => Ok(vec![]),
                    Some(_) => Err(ResolutionError::AlreadyCarriedOut),
                    None => Ok(vec![ResolutionEvent::PropagationRecorded { propagation }]),
                }
            }
        }
    }

    fn evolve(&mut self, event: &ResolutionEvent) {
        match event {
            ResolutionEvent::Proposed { .. } => {}
            ResolutionEvent::Answered { voter, vote, .. } => {
                self.answers.insert(*voter, *vote);
            }
            ResolutionEvent::Closed { outcome, .. } => self.outcome = Some(outcome.clone()),
            ResolutionEvent::Withdrawn { .. } => self.withdrawn = true,
            ResolutionEvent::PropagationRecorded { propagation } => {
                self.propagation = Some(propagation.clone());
            }
        }
    }
}

impl Aggregate for Resolution {
    const STREAM_TYPE: &'static str = "resolution";
    type Command = ResolutionCommand;
    type Event = ResolutionEvent;
    type Error = ResolutionError;

    fn decide(&self, command: ResolutionCommand) -> Result<Vec<ResolutionEvent>, ResolutionError> {
        match (command, &self.proposed) {
            (ResolutionCommand::Propose(proposal), None) => propose(*proposal),
            (_, None) => Err(ResolutionError::NotProposed),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &ResolutionEvent) -> Self {
        if let ResolutionEvent::Proposed {
            id,
            body,
            effect,
            deadline,
            rules,
            voters,
            proposed_by,
            ..
        } = event
        {
            self.proposed = Some(State {
                id: *id,
                body: *body,
                effect: effect.clone(),
                deadline: *deadline,
                rules: *rules,
                voters: voters.clone(),
                proposed_by: *proposed_by,
                answers: BTreeMap::new(),
                outcome: None,
                withdrawn: false,
                propagation: None,
            });
        } else if let Some(state) = self.proposed.as_mut() {
            state.evolve(event);
        }
        self
    }
}
