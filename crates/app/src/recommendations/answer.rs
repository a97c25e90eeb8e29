//! Publishing a recommendation answers the Seismograf concerns it carries
//! out: every concern of its basis that the STG decided on with "a
//! recommendation" gets its official answer, naming the recommendation, in
//! the concern's language.
//!
//! The recommendation is published first (its own transaction); each answer
//! follows as a command on the concern. A concern that was answered in the
//! meantime refuses, which is logged and skipped: it already has its answer.
//! A failure of the store is returned, and the concern stays in the
//! Fachstelle's answer queue, where it can be answered by hand.

use iiz_domain::concern::{ConcernStage, StgOutcome};
use iiz_domain::text::FreeText;
use iiz_domain::{Concern, ConcernCommand, Language, RecommendationId};
use iiz_projections::{ConcernView, RecommendationView};

use crate::concerns::concern_stream;
use crate::{AppError, Caller};

/// The answer's text in the concern's language.
fn answer_text(concern: &ConcernView, recommendation: &RecommendationView) -> String {
    let title = recommendation.title.as_str();
    let decision = recommendation
        .adoption
        .as_ref()
        .map_or("", |adoption| adoption.decision.as_str());
    let count = recommendation.addressees.len();
    match concern.language {
        Language::Fr => format!(
            "Le comité de pilotage (STG) a adopté la recommandation «{title}» ({decision}). \
             Elle a été publiée à l'intention de {count} destinataires, qui rendront compte \
             de sa mise en œuvre."
        ),
        Language::It => format!(
            "Il comitato direttivo (STG) ha adottato la raccomandazione «{title}» ({decision}). \
             È stata pubblicata per {count} destinatari, che riferiranno sulla sua attuazione."
        ),
        Language::De | Language::Rm => format!(
            "Das Steuerungsgremium (STG) hat die Empfehlung «{title}» verabschiedet \
             ({decision}). Sie wurde an {count} Adressaten veröffentlicht, die über die \
             Umsetzung berichten."
        ),
    }
}

impl Caller<'_> {
    pub(super) async fn answer_basis_concerns(&self, id: RecommendationId) -> Result<(), AppError> {
        let Some(published) = self
            .app()
            .typed_doc::<RecommendationView>(iiz_projections::RECOMMENDATIONS, &id.to_string())
            .await?
        else {
            return Ok(());
        };
        for id in &published.basis.concerns {
            let Some(concern) = self.app().concern_view(*id).await? else {
                continue;
            };
            if concern.stage != ConcernStage::Decided
                || concern.stg_decision != Some(StgOutcome::Recommendation)
            {
                continue;
            }
            let text = FreeText::parse(answer_text(&concern, &published))
                .map_err(|error| AppError::Internal(format!("answer text: {error}")))?;
            let command = ConcernCommand::Answer {
                text,
                recommendation: Some(published.id),
            };
            let result = self
                .app()
                .execute::<Concern>(
                    concern_stream(concern.origin, *id),
                    command,
                    self.event_metadata()?,
                )
                .await;
            match result {
                Ok(_) => {}
                Err(error @ AppError::Domain { .. }) => {
                    tracing::warn!(concern = %id, recommendation = %published.id, %error, "concern not answered by the publication");
                }
                Err(error) => return Err(error),
            }
        }
        Ok(())
    }
}
