//! The steps on a concern that are a body's decision: the EKG's
//! examination and the STG's decision (IIZ 3.0, 2.1 and 2.2). The
//! Fachstelle records them as the bodies' secretariat, naming the meeting
//! item or circular resolution in which the body decided; the basis is
//! checked on every path, so no reference is taken on trust.

use iiz_domain::basis::DecisionSource;
use iiz_domain::body::BodyKind;
use iiz_domain::concern::{EkgOutcome, StgOutcome};
use iiz_domain::decision::ItemSubject;
use iiz_domain::text::FreeText;
use iiz_domain::{ConcernCommand, ConcernId};

use crate::{AppError, Caller, Executed};

pub(super) const EXAMINE: &str = "the EKG's examination of a concern";
pub(super) const DECIDE: &str = "the STG's decision on a concern";

impl Caller<'_> {
    /// Records the EKG's examination of a concern as decided in `basis`.
    pub async fn examine_concern(
        &self,
        id: ConcernId,
        outcome: EkgOutcome,
        rationale: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        // A concern the caller may not see is NOT_FOUND, before anything.
        self.concern(id).await?;
        let decided_by = self
            .national_body_decision(
                basis,
                BodyKind::ExpertCoordination,
                &ItemSubject::Concern(id),
                EXAMINE,
            )
            .await?;
        let command = ConcernCommand::Examine {
            outcome,
            rationale,
            decided_by,
        };
        self.concern_command(id, command).await
    }

    /// Records the STG's decision on a concern as decided in `basis`.
    pub async fn decide_concern(
        &self,
        id: ConcernId,
        outcome: StgOutcome,
        decision: FreeText,
        rationale: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        // A concern the caller may not see is NOT_FOUND, before anything.
        self.concern(id).await?;
        let decided_by = self
            .national_body_decision(basis, BodyKind::Steering, &ItemSubject::Concern(id), DECIDE)
            .await?;
        let command = ConcernCommand::Decide {
            outcome,
            decision,
            rationale,
            decided_by,
        };
        self.concern_command(id, command).await
    }

    /// The command with its decision reference checked again against the
    /// minutes or resolution it names (and cited as they cite it).
    pub(super) async fn concern_with_checked_basis(
        &self,
        id: ConcernId,
        command: ConcernCommand,
    ) -> Result<ConcernCommand, AppError> {
        let subject = ItemSubject::Concern(id);
        Ok(match command {
            ConcernCommand::Examine {
                outcome,
                rationale,
                decided_by,
            } => ConcernCommand::Examine {
                outcome,
                rationale,
                decided_by: self
                    .app()
                    .verify_basis(decided_by.source, BodyKind::ExpertCoordination, &subject)
                    .await?,
            },
            ConcernCommand::Decide {
                outcome,
                decision,
                rationale,
                decided_by,
            } => ConcernCommand::Decide {
                outcome,
                decision,
                rationale,
                decided_by: self
                    .app()
                    .verify_basis(decided_by.source, BodyKind::Steering, &subject)
                    .await?,
            },
            ConcernCommand::ReferToEkg {
                question,
                decided_by,
            } => ConcernCommand::ReferToEkg {
                question,
                decided_by: self
                    .app()
                    .verify_basis(decided_by.source, BodyKind::Steering, &subject)
                    .await?,
            },
            ConcernCommand::Assess {
                assessment,
                decided_by,
            } => ConcernCommand::Assess {
                assessment,
                decided_by: self
                    .app()
                    .verify_basis(decided_by.source, BodyKind::ExpertCoordination, &subject)
                    .await?,
            },
            other => other,
        })
    }
}
