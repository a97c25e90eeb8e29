//! The rules of each step on a scheduled meeting, and how its events change
//! the state.

use super::agenda::{AgendaItem, ItemPurpose, MAX_ITEM_DOCUMENTS};
use super::command::{MeetingCommand, MeetingEvent, Slot};
use super::error::MeetingError;
use super::minutes::{Approval, Decision, Propagation, Resolution};
use super::{Item, State};
use crate::decision::ItemSubject;
use crate::text::FreeText;

pub(super) fn check_slot(slot: &Slot) -> Result<(), MeetingError> {
    if slot.ends_at < slot.starts_at {
        return Err(MeetingError::EndsBeforeStart);
    }
    Ok(())
}

fn require(text: &FreeText, what: &'static str) -> Result<(), MeetingError> {
    if text.is_empty() {
        return Err(MeetingError::Required(what));
    }
    Ok(())
}

fn check_item(item: &AgendaItem) -> Result<(), MeetingError> {
    if item.documents.len() > MAX_ITEM_DOCUMENTS {
        return Err(MeetingError::TooManyDocuments {
            max: MAX_ITEM_DOCUMENTS,
        });
    }
    Ok(())
}

fn check_decision(decision: &Decision, subject: &ItemSubject) -> Result<(), MeetingError> {
    require(&decision.outcome, "decision outcome")?;
    if let Some(effect) = &decision.effect
        && !effect.fits(subject)
    {
        return Err(MeetingError::EffectDoesNotFit {
            effect: effect.as_str(),
            subject: subject.as_str(),
        });
    }
    if decision.present.is_empty() {
        return Err(MeetingError::NobodyPresent);
    }
    if let Resolution::Vote { yes, no, abstain } = decision.resolution {
        let votes = yes.saturating_add(no).saturating_add(abstain);
        if usize::try_from(votes).map_or(true, |votes| votes > decision.present.len()) {
            return Err(MeetingError::MoreVotesThanPresent {
                votes,
                present: decision.present.len(),
            });
        }
    }
    Ok(())
}

impl State {
    fn open_item(&self, number: u32) -> Result<&Item, MeetingError> {
        self.items
            .get(&number)
            .filter(|item| !item.withdrawn)
            .ok_or(MeetingError::UnknownItem(number))
    }

    /// Once the agenda went out, a change is a revision and says why.
    fn revision(&self, reason: FreeText) -> Result<Option<FreeText>, MeetingError> {
        if self.sent_version == 0 {
            return Ok(None);
        }
        require(&reason, "reason for revising the sent agenda")?;
        Ok(Some(reason))
    }

    fn held(&self) -> bool {
        self.items.values().any(|item| item.minutes.is_some())
    }

    pub(super) fn decide(
        &self,
        command: MeetingCommand,
    ) -> Result<Vec<MeetingEvent>, MeetingError> {
        if self.cancelled {
            return Err(MeetingError::Cancelled);
        }
        let propagating = matches!(command, MeetingCommand::RecordPropagation { .. });
        if self.approved && !propagating {
            return Err(MeetingError::MinutesApproved);
        }
        match command {
            MeetingCommand::Schedule { .. } => Err(MeetingError::AlreadyScheduled),
            MeetingCommand::Reschedule { slot, reason } => {
                if self.held() {
                    return Err(MeetingError::AlreadyHeld);
                }
                check_slot(&slot)?;
                require(&reason, "reason")?;
                if slot == self.slot {
                    return Ok(vec![]);
                }
                Ok(vec![MeetingEvent::Rescheduled { slot, reason }])
            }
            MeetingCommand::Cancel { reason } => {
                if self.held() {
                    return Err(MeetingError::AlreadyHeld);
                }
                require(&reason, "reason")?;
                Ok(vec![MeetingEvent::Cancelled { reason }])
            }
            MeetingCommand::AddItem { item, reason } => {
                check_item(&item)?;
                let number = self.items.keys().next_back().map_or(1, |last| last + 1);
                Ok(vec![MeetingEvent::ItemAdded {
                    number,
                    item,
                    revision: self.revision(reason)?,
                }])
            }
            MeetingCommand::ChangeItem {
                number,
                item,
                reason,
            } => {
                check_item(&item)?;
                if self.open_item(number)?.item == item {
                    return Ok(vec![]);
                }
                Ok(vec![MeetingEvent::ItemChanged {
                    number,
                    item,
                    revision: self.revision(reason)?,
                }])
            }
            MeetingCommand::WithdrawItem { number, reason } => {
                if self.open_item(number)?.minutes.is_some() {
                    return Err(MeetingError::AlreadyHeld);
                }
                Ok(vec![MeetingEvent::ItemWithdrawn {
                    number,
                    revision: self.revision(reason)?,
                }])
            }
            MeetingCommand::SendAgenda => {
                if !self.items.values().any(|item| !item.withdrawn) {
                    return Err(MeetingError::EmptyAgenda);
                }
                if self.sent_version > 0 && !self.revised {
                    return Ok(vec![]);
                }
                Ok(vec![MeetingEvent::AgendaSent {
                    version: self.sent_version + 1,
                }])
            }
            MeetingCommand::RecordMinutes {
                number,
                note,
                decision,
            } => self.record_minutes(number, note, decision),
            MeetingCommand::ApproveMinutes { approval } => {
                if approval == Approval::AtMeeting(self.id) {
                    return Err(MeetingError::SelfApproval);
                }
                if !self.held() {
                    return Err(MeetingError::Required("minutes"));
                }
                let missing = self.items.iter().find(|(_, item)| {
                    !item.withdrawn
                        && item.item.purpose == ItemPurpose::Decision
                        && item
                            .minutes
                            .as_ref()
                            .is_none_or(|(_, decision)| decision.is_none())
                });
                if let Some((number, _)) = missing {
                    return Err(MeetingError::DecisionMissing(*number));
                }
                Ok(vec![MeetingEvent::MinutesApproved { approval }])
            }
            MeetingCommand::RecordPropagation {
                number,
                propagation,
            } => {
                let item = self.open_item(number)?;
                if item
                    .minutes
                    .as_ref()
                    .is_none_or(|(_, decision)| decision.is_none())
                {
                    return Err(MeetingError::NothingToPropagate(number));
                }
                if item.propagation.as_ref() == Some(&propagation) {
                    return Ok(vec![]);
                }
                if item.propagation == Some(Propagation::Applied) {
                    return Err(MeetingError::AlreadyCarriedOut(number));
                }
                Ok(vec![MeetingEvent::PropagationRecorded {
                    number,
                    propagation,
                }])
            }
        }
    }

    fn record_minutes(
        &self,
        number: u32,
        note: FreeText,
        decision: Option<Decision>,
    ) -> Result<Vec<MeetingEvent>, MeetingError> {
        if self.sent_version == 0 {
            return Err(MeetingError::AgendaNotSent);
        }
        let item = self.open_item(number)?;
        match &decision {
            Some(_) if item.item.purpose != ItemPurpose::Decision => {
                return Err(MeetingError::NotADecisionItem(number));
            }
            Some(decision) => check_decision(decision, &item.item.subject)?,
            None => require(&note, "note")?,
        }
        let minuted = item
            .minutes
            .as_ref()
            .and_then(|(_, decision)| decision.as_ref());
        if item.propagation == Some(Propagation::Applied) && minuted != decision.as_ref() {
            return Err(MeetingError::AlreadyCarriedOut(number));
        }
        if item.minutes.as_ref() == Some(&(note.clone(), decision.clone())) {
            return Ok(vec![]);
        }
        Ok(vec![MeetingEvent::MinutesRecorded {
            number,
            note,
            decision,
        }])
    }

    pub(super) fn evolve(&mut self, event: &MeetingEvent) {
        match event {
            MeetingEvent::Scheduled { .. } => {}
            MeetingEvent::Rescheduled { slot, .. } => self.slot = slot.clone(),
            MeetingEvent::Cancelled { .. } => self.cancelled = true,
            MeetingEvent::ItemAdded { number, item, .. } => {
                self.items.insert(
                    *number,
                    Item {
                        item: item.clone(),
                        withdrawn: false,
                        minutes: None,
                        propagation: None,
                    },
                );
                self.revised = true;
            }
            MeetingEvent::ItemChanged { number, item, .. } => {
                if let Some(found) = self.items.get_mut(number) {
                    found.item = item.clone();
                }
                self.revised = true;
            }
            MeetingEvent::ItemWithdrawn { number, .. } => {
                if let Some(found) = self.items.get_mut(number) {
                    found.withdrawn = true;
                }
                self.revised = true;
            }
            MeetingEvent::AgendaSent { version } => {
                self.sent_version = *version;
                self.revised = false;
            }
            MeetingEvent::MinutesRecorded {
                number,
                note,
                decision,
            } => {
                if let Some(found) = self.items.get_mut(number) {
                    let changed = found
                        .minutes
                        .as_ref()
                        .is_none_or(|(_, minuted)| minuted != decision);
                    if changed {
                        // A corrected decision is carried out afresh.
                        found.propagation = None;
                    }
                    found.minutes = Some((note.clone(), decision.clone()));
                }
            }
            MeetingEvent::MinutesApproved { .. } => self.approved = true,
            MeetingEvent::PropagationRecorded {
                number,
                propagation,
            } => {
                if let Some(found) = self.items.get_mut(number) {
                    found.propagation = Some(propagation.clone());
                }
            }
        }
    }
}
