//! The demo's circular resolution: between its meetings the STG refers a
//! request to the EKG in writing. The Fachstelle proposes it, every voting
//! member answers, and it is closed as soon as all have answered, which
//! carries out its effect on the concern like a meeting's minutes do. So
//! the demo shows both ways a body decides (issue 17).

use chrono::Duration;
use iiz_domain::decision::{DecisionEffect, ItemSubject};
use iiz_domain::resolution::{Outcome, Vote};
use iiz_domain::text::FreeText;
use iiz_domain::{ConcernId, ResolutionId, TenantId, Title};

use crate::demo_cast::{Cast, PETRA};
use crate::resolutions::NewResolution;
use crate::tenants::seeded_body_id;
use crate::{App, AppError};

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(|error| AppError::invalid(error.to_string()))
}

impl App {
    /// The STG refers `concern` to the EKG with `question` by circular
    /// resolution; returns the resolution once carried.
    pub(crate) async fn demo_referral_by_resolution(
        &self,
        cast: &Cast,
        concern: ConcernId,
        name: &str,
        question: &str,
    ) -> Result<ResolutionId, AppError> {
        let petra = cast.caller(self, PETRA)?;
        let cut: String = format!("Rückfrage an das EKG: {name}")
            .chars()
            .take(Title::MAX_CHARS)
            .collect();
        let new = NewResolution {
            body: seeded_body_id(TenantId::National, "STG"),
            subject: ItemSubject::Concern(concern),
            effect: Some(DecisionEffect::ReferToEkg {
                question: text(question)?,
            }),
            title: Title::parse(cut.trim())
                .map_err(|error| AppError::invalid(error.to_string()))?,
            decision: text(&format!(
                "Das STG richtet das Anliegen an das EKG: {question}"
            ))?,
            rationale: text(
                "Das STG berücksichtigt die Einschätzung des EKG, bevor es entscheidet (IIZ 3.0, 2.1).",
            )?,
            deadline: self.clock().now() + Duration::days(14),
        };
        let (id, _) = petra.propose_resolution(new).await?;
        let view = petra.resolution(id).await?;
        for voter in &view.voters {
            let Some(principal) = self.principal_of(*voter, None).await? else {
                return Err(AppError::Internal(format!("demo voter {voter} is unknown")));
            };
            self.caller(Some(&principal))
                .answer_resolution(id, Vote::Yes, None)
                .await?;
        }
        petra.close_resolution(id).await?;
        let closed = petra.resolution(id).await?;
        match closed.outcome {
            Some(Outcome::Carried) => Ok(id),
            other => Err(AppError::Internal(format!(
                "the demo's circular resolution was not carried: {other:?}"
            ))),
        }
    }
}
