//! Recording a body's decision by its secretariat: the caller must be the
//! secretariat of the deciding body ([`crate::authz::body_decision`]) and
//! name the meeting item or circular resolution in which the body decided.

use iiz_domain::TenantId;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;

use crate::authz::body_decision::{as_body, authorize_body_decision};
use crate::{AppError, Caller};

impl Caller<'_> {
    /// Checks that the caller records the national body's decisions and
    /// that `basis` is that body's decision on `subject`; returns how the
    /// decision is cited. `step` names the step for the refusal.
    pub(crate) async fn national_body_decision(
        &self,
        basis: DecisionSource,
        kind: BodyKind,
        subject: &ItemSubject,
        step: &str,
    ) -> Result<DecisionReference, AppError> {
        as_body(
            authorize_body_decision(self.principal(), TenantId::National),
            step,
        )?;
        self.app().verify_basis(basis, kind, subject).await
    }
}
