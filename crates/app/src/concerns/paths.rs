//! The paths of IIZ 3.0, 2.1 beside the regular one, as a caller takes
//! them: the Fachstelle brings a concern or request straight to the STG;
//! as the secretariat of the bodies it records the STG's referral to the
//! EKG and the EKG's assessment, each as decided in a meeting or a
//! circular resolution it names (a meeting's minutes with the effect take
//! the same steps by themselves, see [`crate::decisions`]).
//!
//! A request (Antrag) to the STG is a concern drafted in the national
//! tenant, by the Fachstelle or by a partner through its delegate, and
//! submitted via the Fachstelle like any other.

use iiz_domain::basis::DecisionSource;
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;
use iiz_domain::text::FreeText;
use iiz_domain::{ConcernCommand, ConcernId};

use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// The Fachstelle brings a submitted concern or request straight to
    /// the STG, with its reason.
    pub async fn bring_concern_to_stg(
        &self,
        id: ConcernId,
        reason: FreeText,
    ) -> Result<Executed, AppError> {
        self.concern_command(id, ConcernCommand::BringToStg { reason })
            .await
    }

    /// Records the STG's referral of a concern to the EKG, with its
    /// question, as decided in `basis`.
    pub async fn record_concern_referral(
        &self,
        id: ConcernId,
        question: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        let decided_by = self
            .app()
            .verify_basis(basis, BodyKind::Steering, &ItemSubject::Concern(id))
            .await?;
        let command = ConcernCommand::ReferToEkg {
            question,
            decided_by,
        };
        self.concern_command(id, command).await
    }

    /// Records the EKG's assessment of the STG's question, as decided in
    /// `basis`; the concern goes back to the STG.
    pub async fn record_ekg_assessment(
        &self,
        id: ConcernId,
        assessment: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        let decided_by = self
            .app()
            .verify_basis(
                basis,
                BodyKind::ExpertCoordination,
                &ItemSubject::Concern(id),
            )
            .await?;
        let command = ConcernCommand::Assess {
            assessment,
            decided_by,
        };
        self.concern_command(id, command).await
    }
}
