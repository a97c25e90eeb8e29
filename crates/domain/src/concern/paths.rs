//! The paths of IIZ 3.0, 2.1 beside the regular one (Fachstelle → EKG →
//! STG): the Fachstelle brings a concern or request straight to the STG;
//! the STG refers a concern to the EKG with a question and decides once
//! the EKG's assessment is back; and what the STG's decision created or
//! linked is recorded on the concern.
//!
//! A request (Antrag) to the STG is a concern the Fachstelle, or a partner
//! through its delegate, drafts in the national tenant: it is submitted
//! via the Fachstelle like any concern and brought to the STG from the
//! Fachstelle's intake.

use super::State;
use super::command::{ConcernCommand, ConcernEvent};
use super::decide::require_rationale;
use super::error::ConcernError;
use super::stage::{ConcernAction, ConcernStage};

impl State {
    pub(super) fn decide_path(
        &self,
        command: ConcernCommand,
    ) -> Result<Vec<ConcernEvent>, ConcernError> {
        match command {
            ConcernCommand::BringToStg { reason } => {
                require_rationale(&reason, ConcernAction::BringToStg)?;
                Ok(vec![ConcernEvent::BroughtToStg { reason }])
            }
            ConcernCommand::ReferToEkg {
                question,
                decided_by,
            } => {
                require_rationale(&question, ConcernAction::ReferToEkg)?;
                Ok(vec![ConcernEvent::ReferredToEkg {
                    question,
                    decided_by,
                }])
            }
            ConcernCommand::Assess {
                assessment,
                decided_by,
            } => {
                require_rationale(&assessment, ConcernAction::Assess)?;
                Ok(vec![ConcernEvent::Assessed {
                    assessment,
                    decided_by,
                }])
            }
            ConcernCommand::LinkFollowUp { link, title } => {
                if self.stage != ConcernStage::Decided {
                    return Err(ConcernError::FollowUpBeforeDecision(self.stage));
                }
                if self.decided != Some(link.outcome()) {
                    return Err(ConcernError::FollowUpDoesNotFit {
                        link: link.as_str(),
                        decided: self.decided,
                    });
                }
                // Carrying a decision out again links nothing twice.
                if self.follow_ups.contains(&link) {
                    return Ok(vec![]);
                }
                Ok(vec![ConcernEvent::FollowUpLinked { link, title }])
            }
            // The other commands are decided in `decide`.
            _ => Err(ConcernError::NotDrafted),
        }
    }

    pub(super) fn evolve_path(&mut self, event: &ConcernEvent) {
        match event {
            ConcernEvent::BroughtToStg { .. } | ConcernEvent::Assessed { .. } => {
                self.stage = ConcernStage::AtStg;
            }
            ConcernEvent::ReferredToEkg { .. } => self.stage = ConcernStage::ReferredToEkg,
            ConcernEvent::FollowUpLinked { link, .. } => self.follow_ups.push(*link),
            _ => {}
        }
    }
}
