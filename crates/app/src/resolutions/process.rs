//! Carrying out a carried resolution's effect on its subject, as the
//! meeting process does for minutes (`crate::meetings`): the close is
//! appended first, the view then shows the resolution as awaiting
//! propagation until `PropagationRecorded`. The downstream command carries
//! an idempotency key derived from the resolution, so running the step
//! again after a crash (at the next close, or in
//! [`App::resume_resolution_propagations`] at start) takes it once.

use chrono_tz::Europe::Zurich;
use iiz_domain::ResolutionId;
use iiz_domain::Title;
use iiz_domain::basis::DecisionReference;
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Resolution, ResolutionCommand};
use iiz_domain::text::FreeText;
use iiz_projections::{RESOLUTIONS, ResolutionView};
use iiz_store::{DocFilter, EventMetadata};

use super::resolution_stream;
use crate::decisions::BodyDecision;
use crate::{App, AppError};

/// The key of the downstream command of a carried resolution (it closes
/// once, so its id is enough).
pub fn resolution_propagation_key(resolution: ResolutionId) -> String {
    format!("resolution:{resolution}:carried")
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(|error| AppError::Internal(format!("resolution text: {error}")))
}

impl App {
    /// Carries out the effect of a carried resolution if it awaits it;
    /// returns what became of it. Refusals of the subject's aggregate are
    /// recorded on the resolution; faults of the platform are returned.
    pub(crate) async fn propagate_resolution(
        &self,
        id: ResolutionId,
    ) -> Result<Option<Propagation>, AppError> {
        let Some(view) = self.resolution_view(id).await? else {
            return Ok(None);
        };
        if !view.pending_propagation {
            return Ok(view.propagation.clone());
        }
        let (Some(effect), Some(closed_at)) = (&view.effect, view.closed_at) else {
            return Ok(None);
        };
        let actor = view
            .closed_by
            .clone()
            .unwrap_or_else(|| format!("person:{}", view.proposed_by));
        let label = Title::parse(&view.label)
            .map_err(|error| AppError::Internal(format!("resolution label: {error}")))?;
        let decision = text(&view.decision)?;
        let rationale = text(&view.rationale)?;
        let metadata =
            EventMetadata::new(actor.clone()).with_idempotency_key(resolution_propagation_key(id));
        let outcome = self
            .carry_out(
                BodyDecision {
                    subject: &view.subject,
                    effect,
                    outcome: &decision,
                    rationale: &rationale,
                    on: closed_at.with_timezone(&Zurich).date_naive(),
                    reference: DecisionReference::resolution(id, label),
                },
                metadata,
            )
            .await;
        let propagation = match outcome {
            Ok(()) => Propagation::Applied,
            Err(AppError::Domain { message, .. } | AppError::Validation { message, .. }) => {
                Propagation::Refused { reason: message }
            }
            Err(error) => return Err(error),
        };
        tracing::info!(%id, ?propagation, "circular resolution carried out");
        self.execute::<Resolution>(
            resolution_stream(view.tenant, id),
            ResolutionCommand::RecordPropagation {
                propagation: propagation.clone(),
            },
            EventMetadata::new(actor),
        )
        .await?;
        Ok(Some(propagation))
    }

    /// Completes every carried resolution whose effect was not carried out
    /// (a crash between the close and the step). `iiz serve` runs it at
    /// start; it is safe to run at any time. Returns how many it completed.
    pub async fn resume_resolution_propagations(&self) -> Result<usize, AppError> {
        let pending: Vec<ResolutionView> = self
            .all_docs(
                RESOLUTIONS,
                vec![DocFilter::Eq(
                    "pending_propagation".to_owned(),
                    serde_json::Value::Bool(true),
                )],
            )
            .await?;
        let mut completed = 0;
        for view in pending {
            if self.propagate_resolution(view.id).await?.is_some() {
                completed += 1;
            }
        }
        Ok(completed)
    }
}
