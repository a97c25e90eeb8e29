//! The STG's decisions on a recommendation: adopting, amending,
//! superseding and closing it (IIZ 3.0, 2.1 and 3.3). The STG takes them as
//! a body; the Fachstelle records them as its secretariat, naming the
//! meeting item or circular resolution, which is checked on every path.

use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;
use iiz_domain::{RecommendationCommand, RecommendationId};

use crate::{AppError, Caller, Executed};

pub(super) const STG_DECISION: &str = "the STG's decision on a recommendation";

impl Caller<'_> {
    /// Records an STG decision on a recommendation as decided in `basis`:
    /// `step` builds the command (adopt, amend, supersede or close) with
    /// the checked reference.
    pub async fn record_recommendation_decision(
        &self,
        id: RecommendationId,
        basis: DecisionSource,
        step: impl FnOnce(DecisionReference) -> RecommendationCommand,
    ) -> Result<Executed, AppError> {
        // A draft is NOT_FOUND outside the national bodies, before anything.
        self.recommendation(id).await?;
        let decided_by = self
            .national_body_decision(
                basis,
                BodyKind::Steering,
                &ItemSubject::Recommendation(id),
                STG_DECISION,
            )
            .await?;
        self.recommendation_command(id, step(decided_by)).await
    }

    /// The command with its decision reference checked again against the
    /// minutes or resolution it names (and cited as they cite it).
    pub(super) async fn recommendation_with_checked_basis(
        &self,
        id: RecommendationId,
        mut command: RecommendationCommand,
    ) -> Result<RecommendationCommand, AppError> {
        let subject = ItemSubject::Recommendation(id);
        if let RecommendationCommand::Adopt { decided_by, .. }
        | RecommendationCommand::Amend { decided_by, .. }
        | RecommendationCommand::Supersede { decided_by, .. }
        | RecommendationCommand::Close { decided_by, .. } = &mut command
        {
            *decided_by = self
                .app()
                .verify_basis(decided_by.source, BodyKind::Steering, &subject)
                .await?;
        }
        Ok(command)
    }
}
