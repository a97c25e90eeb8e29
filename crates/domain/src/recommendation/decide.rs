//! The rules of each step on an existing recommendation, and how its events
//! change the state.

use std::collections::BTreeSet;

use super::command::{RecommendationCommand, RecommendationEvent};
use super::content::{MAX_BASIS_ENTRIES, RecommendationContent, Schedule};
use super::error::RecommendationError;
use super::stage::{RecommendationAction, RecommendationStage, allowed_actions};
use super::tracking::{
    Acceptance, FlagTarget, ImplementationReport, ImplementationStatus, MAX_EVIDENCE,
};
use super::{Flag, Item, State};
use crate::basis::DecisionReference;
use crate::partner::Party;
use crate::text::FreeText;

pub(super) fn check_content(content: &RecommendationContent) -> Result<(), RecommendationError> {
    if content.text.is_empty() {
        return Err(RecommendationError::Required("text"));
    }
    if content.rationale.is_empty() {
        return Err(RecommendationError::Required("rationale"));
    }
    if content.translations.contains_key(&content.language) {
        return Err(RecommendationError::TranslationInOriginalLanguage(
            content.language,
        ));
    }
    if content
        .translations
        .values()
        .any(|translation| translation.text.is_empty())
    {
        return Err(RecommendationError::Required("translated text"));
    }
    let basis = &content.basis;
    if basis.projects.len() > MAX_BASIS_ENTRIES || basis.documents.len() > MAX_BASIS_ENTRIES {
        return Err(RecommendationError::BasisTooLong {
            max: MAX_BASIS_ENTRIES,
        });
    }
    Ok(())
}

pub(super) fn check_addressees(addressees: &BTreeSet<Party>) -> Result<(), RecommendationError> {
    if addressees.is_empty() {
        return Err(RecommendationError::NoAddressees);
    }
    Ok(())
}

fn require(text: &FreeText, what: &'static str) -> Result<(), RecommendationError> {
    if text.is_empty() {
        return Err(RecommendationError::Required(what));
    }
    Ok(())
}

fn check_report(report: &ImplementationReport) -> Result<(), RecommendationError> {
    let period = report.period;
    if period.to < period.from {
        return Err(RecommendationError::PeriodReversed {
            from: period.from,
            to: period.to,
        });
    }
    require(&report.narrative, "narrative")?;
    if report.evidence.len() > MAX_EVIDENCE {
        return Err(RecommendationError::TooMuchEvidence { max: MAX_EVIDENCE });
    }
    if let Some(percent) = report.percent {
        if percent > 100 {
            return Err(RecommendationError::PercentOutOfRange(percent));
        }
        let contradicts = match report.status {
            ImplementationStatus::NotStarted => percent != 0,
            ImplementationStatus::Implemented => percent != 100,
            ImplementationStatus::Planned
            | ImplementationStatus::InProgress
            | ImplementationStatus::NotImplemented => false,
        };
        if contradicts {
            return Err(RecommendationError::PercentContradictsStatus {
                percent,
                status: report.status,
            });
        }
    }
    Ok(())
}

impl State {
    fn require(&self, action: RecommendationAction) -> Result<(), RecommendationError> {
        let allowed = allowed_actions(self.stage);
        if allowed.contains(&action) {
            Ok(())
        } else {
            Err(RecommendationError::NotAllowed {
                action,
                stage: self.stage,
                allowed,
            })
        }
    }

    fn item(&self, addressee: Party) -> Result<&Item, RecommendationError> {
        self.items
            .get(&addressee)
            .ok_or(RecommendationError::NotAnAddressee(addressee))
    }

    fn check_schedule(&self, schedule: &Schedule) -> Result<(), RecommendationError> {
        match self.published_on {
            Some(published) if schedule.answer_due <= published => {
                Err(RecommendationError::AnswerDueTooEarly {
                    due: schedule.answer_due,
                    published,
                })
            }
            _ => Ok(()),
        }
    }

    pub(super) fn decide(
        &self,
        command: RecommendationCommand,
    ) -> Result<Vec<RecommendationEvent>, RecommendationError> {
        if let Some(action) = command.action() {
            self.require(action)?;
        }
        match command {
            // Handled by the aggregate before a state exists.
            RecommendationCommand::Draft { .. } => Err(RecommendationError::AlreadyDrafted),
            RecommendationCommand::Edit {
                content,
                addressees,
                schedule,
            } => {
                check_content(&content)?;
                check_addressees(&addressees)?;
                if content == self.content
                    && addressees == self.addressees
                    && schedule == self.schedule
                {
                    return Ok(vec![]);
                }
                Ok(vec![RecommendationEvent::Edited {
                    content,
                    addressees,
                    schedule,
                }])
            }
            RecommendationCommand::Discard { rationale } => {
                require(&rationale, "rationale")?;
                Ok(vec![RecommendationEvent::Discarded { rationale }])
            }
            RecommendationCommand::Adopt {
                decision,
                on,
                decided_by,
            } => {
                require(&decision, "decision reference")?;
                Ok(vec![RecommendationEvent::Adopted {
                    decision,
                    on,
                    decided_by: Some(decided_by),
                }])
            }
            RecommendationCommand::Publish { on } => {
                if self.schedule.answer_due <= on {
                    return Err(RecommendationError::AnswerDueTooEarly {
                        due: self.schedule.answer_due,
                        published: on,
                    });
                }
                Ok(vec![RecommendationEvent::Published {
                    on,
                    addressees: self.addressees.clone(),
                }])
            }
            RecommendationCommand::Amend {
                content,
                addressees,
                schedule,
                decision,
                summary,
                decided_by,
            } => self.amend(
                content,
                &addressees,
                schedule,
                (decision, summary),
                decided_by,
            ),
            RecommendationCommand::Supersede {
                by,
                rationale,
                decided_by,
            } => {
                if by == self.id {
                    return Err(RecommendationError::SelfReference);
                }
                require(&rationale, "rationale")?;
                Ok(vec![RecommendationEvent::Superseded {
                    by,
                    rationale,
                    decided_by: Some(decided_by),
                }])
            }
            RecommendationCommand::Close {
                assessment,
                decided_by,
            } => {
                require(&assessment, "final assessment")?;
                Ok(vec![RecommendationEvent::Closed {
                    assessment,
                    decided_by: Some(decided_by),
                }])
            }
            RecommendationCommand::Answer {
                addressee,
                acceptance,
                justification,
            } => {
                let item = self.item(addressee)?;
                if acceptance != Acceptance::Accepted && justification.is_empty() {
                    return Err(RecommendationError::JustificationRequired(acceptance));
                }
                if item.acceptance.as_ref() == Some(&(acceptance, justification.clone())) {
                    return Ok(vec![]);
                }
                Ok(vec![RecommendationEvent::Answered {
                    addressee,
                    acceptance,
                    justification,
                    version: self.version,
                }])
            }
            RecommendationCommand::Report { addressee, report } => self.report(addressee, report),
            RecommendationCommand::Share {
                addressee,
                shareable,
            } => {
                if self.item(addressee)?.shareable == shareable {
                    return Ok(vec![]);
                }
                Ok(vec![RecommendationEvent::SharingChanged {
                    addressee,
                    shareable,
                }])
            }
            RecommendationCommand::Prioritize {
                addressee,
                priority,
                note,
            } => {
                if self.item(addressee)?.priority == priority {
                    return Ok(vec![]);
                }
                Ok(vec![RecommendationEvent::PriorityChanged {
                    addressee,
                    priority,
                    note,
                }])
            }
            RecommendationCommand::Flag { target, note } => {
                if let FlagTarget::Addressee(party) = target {
                    self.item(party)?;
                }
                require(&note, "note")?;
                if self
                    .flags
                    .values()
                    .any(|flag| flag.open && flag.target == target)
                {
                    return Err(RecommendationError::AlreadyFlagged);
                }
                let flag = u32::try_from(self.flags.len()).unwrap_or(u32::MAX - 1) + 1;
                Ok(vec![RecommendationEvent::Flagged { flag, target, note }])
            }
            RecommendationCommand::ResolveFlag { flag, note } => {
                let Some(found) = self.flags.get(&flag) else {
                    return Err(RecommendationError::UnknownFlag(flag));
                };
                if !found.open {
                    return Err(RecommendationError::FlagAlreadyResolved(flag));
                }
                require(&note, "note")?;
                Ok(vec![RecommendationEvent::FlagResolved {
                    flag,
                    target: found.target,
                    note,
                }])
            }
        }
    }

    fn amend(
        &self,
        content: RecommendationContent,
        addressees: &BTreeSet<Party>,
        schedule: Schedule,
        (decision, summary): (FreeText, FreeText),
        decided_by: DecisionReference,
    ) -> Result<Vec<RecommendationEvent>, RecommendationError> {
        check_content(&content)?;
        if let Some(removed) = self.addressees.difference(addressees).next() {
            return Err(RecommendationError::AddresseeRemoved(*removed));
        }
        self.check_schedule(&schedule)?;
        let added: BTreeSet<Party> = addressees.difference(&self.addressees).copied().collect();
        if content == self.content && schedule == self.schedule && added.is_empty() {
            return Ok(vec![]);
        }
        require(&decision, "decision reference")?;
        require(&summary, "summary of the changes")?;
        Ok(vec![RecommendationEvent::Amended {
            version: self.version + 1,
            content,
            schedule,
            added,
            decision,
            summary,
            decided_by: Some(decided_by),
        }])
    }

    fn report(
        &self,
        addressee: Party,
        report: ImplementationReport,
    ) -> Result<Vec<RecommendationEvent>, RecommendationError> {
        let item = self.item(addressee)?;
        match &item.acceptance {
            None => return Err(RecommendationError::NotAnswered(addressee)),
            Some((acceptance, _)) if !acceptance.commits() => {
                return Err(RecommendationError::NotCommitted {
                    party: addressee,
                    acceptance: *acceptance,
                });
            }
            Some(_) => {}
        }
        check_report(&report)?;
        if let Some(published) = self.published_on
            && report.period.to < published
        {
            return Err(RecommendationError::PeriodBeforePublication {
                to: report.period.to,
                published,
            });
        }
        if let Some(last) = item.last_period_end
            && report.period.to < last
        {
            return Err(RecommendationError::PeriodBeforeLastReport {
                to: report.period.to,
                last,
            });
        }
        Ok(vec![RecommendationEvent::Reported {
            addressee,
            report,
            version: self.version,
        }])
    }

    pub(super) fn evolve(&mut self, event: &RecommendationEvent) {
        match event {
            RecommendationEvent::Drafted { .. } => {}
            RecommendationEvent::Edited {
                content,
                addressees,
                schedule,
            } => {
                self.content = content.clone();
                self.addressees = addressees.clone();
                self.schedule = *schedule;
            }
            RecommendationEvent::Discarded { .. } => self.stage = RecommendationStage::Discarded,
            RecommendationEvent::Adopted { .. } => self.stage = RecommendationStage::Adopted,
            RecommendationEvent::Published { on, addressees } => {
                self.stage = RecommendationStage::Published;
                self.published_on = Some(*on);
                self.addressees = addressees.clone();
                for party in addressees {
                    self.items.entry(*party).or_default();
                }
            }
            RecommendationEvent::Amended {
                version,
                content,
                schedule,
                added,
                ..
            } => {
                self.version = *version;
                self.content = content.clone();
                self.schedule = *schedule;
                for party in added {
                    self.addressees.insert(*party);
                    self.items.entry(*party).or_default();
                }
            }
            RecommendationEvent::Superseded { .. } => self.stage = RecommendationStage::Superseded,
            RecommendationEvent::Closed { .. } => self.stage = RecommendationStage::Closed,
            RecommendationEvent::Answered {
                addressee,
                acceptance,
                justification,
                ..
            } => {
                self.items.entry(*addressee).or_default().acceptance =
                    Some((*acceptance, justification.clone()));
            }
            RecommendationEvent::Reported {
                addressee, report, ..
            } => {
                self.items.entry(*addressee).or_default().last_period_end = Some(report.period.to);
            }
            RecommendationEvent::SharingChanged {
                addressee,
                shareable,
            } => self.items.entry(*addressee).or_default().shareable = *shareable,
            RecommendationEvent::PriorityChanged {
                addressee,
                priority,
                ..
            } => self.items.entry(*addressee).or_default().priority = *priority,
            RecommendationEvent::Flagged { flag, target, .. } => {
                self.flags.insert(
                    *flag,
                    Flag {
                        target: *target,
                        open: true,
                    },
                );
            }
            RecommendationEvent::FlagResolved { flag, .. } => {
                if let Some(flag) = self.flags.get_mut(flag) {
                    flag.open = false;
                }
            }
        }
    }
}
