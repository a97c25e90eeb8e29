//! The rules of each step on an existing concern, and how its events change
//! the state.

use super::State;
use super::command::{ConcernCommand, ConcernEvent};
use super::content::{ConcernContent, MAX_ATTACHMENTS};
use super::error::ConcernError;
use super::outcome::{Channel, CommentVisibility, EkgOutcome, ReturnReason, StgOutcome};
use super::route::StepOutcome;
use super::stage::{ConcernAction, ConcernStage, allowed_actions};
use crate::ids::RecommendationId;
use crate::text::FreeText;

/// A draft needs a description; a concern leaving the canton (`complete`)
/// also says why the canton cannot solve it and whom it affects.
pub(super) fn check_content(content: &ConcernContent, complete: bool) -> Result<(), ConcernError> {
    if content.attachments.len() > MAX_ATTACHMENTS {
        return Err(ConcernError::TooManyAttachments {
            max: MAX_ATTACHMENTS,
        });
    }
    let checked = if complete {
        content.check_complete()
    } else {
        content.check_draft()
    };
    checked.map_err(ConcernError::Missing)
}

pub(super) fn require_rationale(
    text: &FreeText,
    action: ConcernAction,
) -> Result<(), ConcernError> {
    if text.is_empty() {
        return Err(ConcernError::RationaleRequired(action));
    }
    Ok(())
}

fn require_text(text: &FreeText) -> Result<(), ConcernError> {
    if text.is_empty() {
        return Err(ConcernError::EmptyText);
    }
    Ok(())
}

impl State {
    pub(super) fn require(&self, action: ConcernAction) -> Result<(), ConcernError> {
        let allowed = allowed_actions(self.stage, self.route.is_direct());
        if allowed.contains(&action) {
            Ok(())
        } else {
            Err(ConcernError::NotAllowed {
                action,
                stage: self.stage,
                allowed,
            })
        }
    }

    fn answered(&self, text: FreeText, recommendation: Option<RecommendationId>) -> ConcernEvent {
        ConcernEvent::Answered {
            text,
            recipients: self.submitters.union(&self.endorsers).copied().collect(),
            recommendation,
            follow_ups: self.follow_ups.clone(),
        }
    }

    /// An answer after the STG decided on a recommendation points to it;
    /// no other answer does.
    fn check_reference(
        &self,
        recommendation: Option<RecommendationId>,
    ) -> Result<(), ConcernError> {
        let expected =
            self.stage == ConcernStage::Decided && self.decided == Some(StgOutcome::Recommendation);
        match (expected, recommendation) {
            (true, None) => Err(ConcernError::RecommendationReferenceRequired),
            (false, Some(_)) => Err(ConcernError::RecommendationReferenceUnexpected),
            _ => Ok(()),
        }
    }

    pub(super) fn decide(
        &self,
        command: ConcernCommand,
    ) -> Result<Vec<ConcernEvent>, ConcernError> {
        if let Some(action) = command.action() {
            self.require(action)?;
        }
        match command {
            // Handled by the aggregate before a state exists.
            ConcernCommand::Draft { .. } => Err(ConcernError::AlreadyDrafted),
            ConcernCommand::Edit { content } => {
                // Once it has left the canton, it may not become incomplete.
                check_content(&content, self.stage == ConcernStage::ReturnedToOrigin)?;
                if content == self.content {
                    return Ok(vec![]);
                }
                Ok(vec![ConcernEvent::Edited { content }])
            }
            ConcernCommand::StartRoute => {
                check_content(&self.content, true)?;
                let mut events = vec![ConcernEvent::RouteStarted];
                if self.route.is_direct() {
                    events.push(ConcernEvent::Released);
                }
                Ok(events)
            }
            ConcernCommand::RecordStep {
                step,
                outcome,
                rationale,
            } => self.record_step(step, outcome, rationale),
            ConcernCommand::ResolveLocally { rationale } => {
                require_rationale(&rationale, ConcernAction::ResolveLocally)?;
                Ok(vec![ConcernEvent::ResolvedLocally { rationale }])
            }
            ConcernCommand::Withdraw { rationale } => {
                require_rationale(&rationale, ConcernAction::Withdraw)?;
                Ok(vec![ConcernEvent::Withdrawn { rationale }])
            }
            ConcernCommand::Consolidate {
                network,
                bundle,
                note,
            } => {
                if bundle.contains(&self.id) {
                    return Err(ConcernError::SelfReference);
                }
                if self.networks.contains(&network) {
                    return Err(ConcernError::AlreadyConsolidated);
                }
                Ok(vec![ConcernEvent::Consolidated {
                    network,
                    bundle,
                    note,
                }])
            }
            ConcernCommand::Endorse { by, reason } => {
                if self.submitters.contains(&by) {
                    return Err(ConcernError::OwnEndorsement(by));
                }
                if self.endorsers.contains(&by) {
                    return Err(ConcernError::AlreadyEndorsed(by));
                }
                require_rationale(&reason, ConcernAction::Endorse)?;
                Ok(vec![ConcernEvent::Endorsed { by, reason }])
            }
            ConcernCommand::Submit { channel } => {
                check_content(&self.content, true)?;
                let mut events = Vec::new();
                if self.stage == ConcernStage::Draft {
                    events.extend([ConcernEvent::RouteStarted, ConcernEvent::Released]);
                }
                events.push(ConcernEvent::Submitted { channel });
                Ok(events)
            }
            ConcernCommand::Accept { note } => Ok(vec![ConcernEvent::Accepted { note }]),
            ConcernCommand::Return {
                reason,
                rationale,
                needed,
            } => {
                require_rationale(&rationale, ConcernAction::Triage)?;
                if reason == ReturnReason::NeedsInformation && needed.is_empty() {
                    return Err(ConcernError::NeededInformationMissing);
                }
                Ok(vec![ConcernEvent::Returned {
                    reason,
                    rationale,
                    needed,
                }])
            }
            ConcernCommand::MergeInto { into, rationale } => {
                if into == self.id {
                    return Err(ConcernError::SelfReference);
                }
                require_rationale(&rationale, ConcernAction::Merge)?;
                Ok(vec![ConcernEvent::MergedInto { into, rationale }])
            }
            ConcernCommand::Absorb {
                merged,
                submitters,
                endorsers,
            } => {
                if merged == self.id {
                    return Err(ConcernError::SelfReference);
                }
                if !self.stage.is_national() {
                    return Err(ConcernError::CannotAbsorb(self.stage));
                }
                if self.absorbed.contains(&merged) {
                    return Err(ConcernError::AlreadyAbsorbed(merged));
                }
                Ok(vec![ConcernEvent::Absorbed {
                    merged,
                    submitters,
                    endorsers,
                }])
            }
            ConcernCommand::Examine {
                outcome,
                rationale,
                decided_by,
            } => {
                let answer = match &outcome {
                    EkgOutcome::CloseWithAnswer { answer } => {
                        require_text(answer)?;
                        Some(answer.clone())
                    }
                    EkgOutcome::GiveToWorkingGroup {
                        working_group,
                        mandate,
                    } => {
                        if mandate.is_none() {
                            require_text(working_group)?;
                        }
                        None
                    }
                    EkgOutcome::ProposeToStg { .. } | EkgOutcome::HandleInEkg => None,
                };
                let mut events = vec![ConcernEvent::Examined {
                    outcome,
                    rationale,
                    decided_by: Some(decided_by),
                }];
                events.extend(answer.map(|text| self.answered(text, None)));
                Ok(events)
            }
            ConcernCommand::Decide {
                outcome,
                decision,
                rationale,
                decided_by,
            } => {
                require_text(&decision)?;
                if outcome == StgOutcome::Declined {
                    require_rationale(&rationale, ConcernAction::Decide)?;
                }
                Ok(vec![ConcernEvent::Decided {
                    outcome,
                    decision,
                    rationale,
                    decided_by: Some(decided_by),
                }])
            }
            ConcernCommand::Answer {
                text,
                recommendation,
            } => {
                require_text(&text)?;
                self.check_reference(recommendation)?;
                Ok(vec![self.answered(text, recommendation)])
            }
            ConcernCommand::Comment {
                tenant,
                text,
                visibility,
            } => {
                require_text(&text)?;
                if visibility == CommentVisibility::Internal && tenant != self.origin {
                    return Err(ConcernError::InternalCommentElsewhere);
                }
                Ok(vec![ConcernEvent::Commented {
                    tenant,
                    text,
                    visibility,
                }])
            }
            command @ (ConcernCommand::BringToStg { .. }
            | ConcernCommand::ReferToEkg { .. }
            | ConcernCommand::Assess { .. }
            | ConcernCommand::LinkFollowUp { .. }) => self.decide_path(command),
        }
    }

    fn record_step(
        &self,
        step: usize,
        outcome: StepOutcome,
        rationale: FreeText,
    ) -> Result<Vec<ConcernEvent>, ConcernError> {
        if step != self.step {
            return Err(ConcernError::WrongStep {
                current: self.step,
                given: step,
            });
        }
        let Some(route_step) = self.route.step(step) else {
            // The stage says "in the route" only while a step remains.
            return Err(ConcernError::WrongStep {
                current: self.step,
                given: step,
            });
        };
        let allowed = route_step.kind.outcomes();
        if !allowed.contains(&outcome) {
            return Err(ConcernError::OutcomeNotForStep {
                kind: route_step.kind,
                outcome,
                allowed,
            });
        }
        if outcome == StepOutcome::Returned {
            require_rationale(&rationale, ConcernAction::RecordStep)?;
        }
        let mut events = vec![ConcernEvent::StepRecorded {
            step,
            outcome,
            rationale,
        }];
        if outcome != StepOutcome::Returned && step + 1 == self.route.steps.len() {
            events.push(ConcernEvent::Released);
        }
        Ok(events)
    }

    pub(super) fn evolve(&mut self, event: &ConcernEvent) {
        match event {
            ConcernEvent::Drafted { .. } | ConcernEvent::Commented { .. } => {}
            ConcernEvent::Edited { content } => self.content = content.clone(),
            ConcernEvent::RouteStarted => {
                self.stage = ConcernStage::InCantonalRoute;
                self.step = 0;
            }
            ConcernEvent::StepRecorded { outcome, .. } => {
                if *outcome == StepOutcome::Returned {
                    self.stage = ConcernStage::Draft;
                    self.step = 0;
                } else {
                    self.step += 1;
                }
            }
            ConcernEvent::Released => self.stage = ConcernStage::Released,
            ConcernEvent::ResolvedLocally { .. } => self.stage = ConcernStage::ResolvedLocally,
            ConcernEvent::Withdrawn { .. } => self.stage = ConcernStage::Withdrawn,
            ConcernEvent::Consolidated { network, .. } => {
                self.networks.insert(*network);
            }
            ConcernEvent::Endorsed { by, .. } => {
                self.endorsers.insert(*by);
            }
            ConcernEvent::Submitted { channel } => {
                self.stage = match channel {
                    Channel::ViaFachstelle => ConcernStage::AwaitingTriage,
                    Channel::DirectToEkg => ConcernStage::AtEkg,
                };
            }
            ConcernEvent::Accepted { .. } => self.stage = ConcernStage::AtEkg,
            ConcernEvent::Returned { .. } => self.stage = ConcernStage::ReturnedToOrigin,
            ConcernEvent::MergedInto { into, .. } => {
                self.stage = ConcernStage::Merged;
                self.merged_into = Some(*into);
            }
            ConcernEvent::Absorbed {
                merged,
                submitters,
                endorsers,
            } => {
                self.absorbed.insert(*merged);
                self.submitters.extend(submitters.iter().copied());
                self.endorsers.extend(endorsers.iter().copied());
                let submitters = &self.submitters;
                self.endorsers.retain(|party| !submitters.contains(party));
            }
            ConcernEvent::Examined { outcome, .. } => match outcome {
                EkgOutcome::HandleInEkg => self.stage = ConcernStage::HandledInEkg,
                EkgOutcome::GiveToWorkingGroup { .. } => {
                    self.stage = ConcernStage::WithWorkingGroup;
                }
                EkgOutcome::ProposeToStg { .. } => self.stage = ConcernStage::AtStg,
                // The answer follows in the same decision.
                EkgOutcome::CloseWithAnswer { .. } => {}
            },
            ConcernEvent::Decided { outcome, .. } => {
                self.stage = ConcernStage::Decided;
                self.decided = Some(*outcome);
            }
            ConcernEvent::Answered { recipients, .. } => {
                self.stage = ConcernStage::Answered;
                self.recipients = recipients.clone();
            }
            ConcernEvent::BroughtToStg { .. }
            | ConcernEvent::ReferredToEkg { .. }
            | ConcernEvent::Assessed { .. }
            | ConcernEvent::FollowUpLinked { .. } => self.evolve_path(event),
        }
    }
}
