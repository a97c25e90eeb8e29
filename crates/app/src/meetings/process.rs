//! The process that carries out a meeting's decisions: recording minutes
//! with a decision that has an effect takes the step on the concern or
//! recommendation the item refers to (the EKG examines, the STG decides or
//! adopts), with the referenced aggregate's own rules, and records on the
//! meeting whether it was applied or refused (and why).
//!
//! Crash safety: the minutes are appended first; the view then shows the
//! decision as awaiting propagation until `PropagationRecorded`. The
//! downstream command carries an idempotency key derived from the meeting,
//! the item and the stream version of the minutes, so running the step
//! again after a crash (at the next command on the item, or in
//! [`App::resume_propagations`] at start) returns the first outcome instead
//! of taking the step twice; a corrected decision has a new version and is
//! carried out afresh.

use iiz_domain::basis::DecisionReference;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{DecisionEffect, Meeting, MeetingCommand, Propagation};
use iiz_projections::{MEETINGS, MeetingView};
use iiz_store::{DocFilter, EventMetadata};

use super::{is_national, meeting_stream};
use crate::decisions::{BodyDecision, deciding_body, meeting_label};
use crate::{App, AppError};

/// The key of the downstream command of one recorded decision.
pub fn propagation_key(meeting: MeetingId, number: u32, minutes_version: u64) -> String {
    format!("meeting:{meeting}:item:{number}:minutes:{minutes_version}")
}

impl App {
    /// Whether the meeting's bodies may take the step: the national EKG
    /// examines concerns, the national STG decides them and adopts
    /// recommendations; a joint meeting takes the steps of both bodies.
    pub(crate) async fn body_may_take(
        &self,
        view: &MeetingView,
        effect: &DecisionEffect,
    ) -> Result<Result<(), String>, AppError> {
        let bodies = self.meeting_bodies(view).await?;
        let (kind, who) = deciding_body(effect);
        if bodies.iter().any(|body| is_national(body, kind)) {
            Ok(Ok(()))
        } else {
            Ok(Err(format!(
                "a decision to {} is taken in a meeting of {who}, which «{}» is not",
                effect.as_str(),
                view.title
            )))
        }
    }

    /// Carries out the decision on item `number` if it awaits it; returns
    /// what became of it. Refusals of the referenced aggregate are recorded
    /// on the item; faults of the platform are returned (and the decision
    /// stays pending for the resume step).
    pub(crate) async fn propagate(
        &self,
        meeting: MeetingId,
        number: u32,
    ) -> Result<Option<Propagation>, AppError> {
        let Some(view) = self.meeting_view(meeting).await? else {
            return Ok(None);
        };
        let Some(item) = view.item(number) else {
            return Ok(None);
        };
        if !item.awaits_propagation() {
            return Ok(item.propagation.clone());
        }
        let Some(minutes) = &item.minutes else {
            return Ok(None);
        };
        let Some((decision, effect)) = minutes
            .decision
            .as_ref()
            .and_then(|decision| decision.effect.as_ref().map(|effect| (decision, effect)))
        else {
            return Ok(None);
        };
        let reference = DecisionReference::meeting(meeting, number, meeting_label(&view, number)?);
        let metadata = EventMetadata::new(minutes.actor.clone())
            .with_idempotency_key(propagation_key(meeting, number, minutes.version));
        let outcome = match self.body_may_take(&view, effect).await? {
            Err(reason) => Err(AppError::invalid(reason)),
            Ok(()) => {
                let decision = BodyDecision {
                    subject: &item.item.subject,
                    effect,
                    outcome: &decision.outcome,
                    rationale: &decision.rationale,
                    on: view.slot.starts_at.date(),
                    reference,
                };
                self.carry_out(decision, metadata).await
            }
        };
        let propagation = match outcome {
            Ok(()) => Propagation::Applied,
            Err(AppError::Domain { message, .. } | AppError::Validation { message, .. }) => {
                Propagation::Refused { reason: message }
            }
            Err(error) => return Err(error),
        };
        tracing::info!(%meeting, number, ?propagation, "meeting decision carried out");
        let record = MeetingCommand::RecordPropagation {
            number,
            propagation: propagation.clone(),
        };
        self.execute::<Meeting>(
            meeting_stream(view.tenant, meeting),
            record,
            EventMetadata::new(minutes.actor.clone()),
        )
        .await?;
        Ok(Some(propagation))
    }

    /// Completes every decision that was minuted but not carried out (a
    /// crash between the minutes and the step). `iiz serve` runs it at
    /// start; it is safe to run at any time. Returns how many decisions it
    /// completed.
    pub async fn resume_propagations(&self) -> Result<usize, AppError> {
        let pending: Vec<MeetingView> = self
            .all_docs(
                MEETINGS,
                vec![DocFilter::Eq(
                    "pending_propagation".to_owned(),
                    serde_json::Value::Bool(true),
                )],
            )
            .await?;
        let mut completed = 0;
        for view in pending {
            let numbers: Vec<u32> = view
                .items
                .iter()
                .filter(|item| item.awaits_propagation())
                .map(|item| item.number)
                .collect();
            for number in numbers {
                if self.propagate(view.id, number).await?.is_some() {
                    completed += 1;
                }
            }
        }
        Ok(completed)
    }
}
