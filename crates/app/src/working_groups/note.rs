//! Taking note of a working group's result: the mandating body's decision
//! (the STG or the EKG for national groups, IIZ 3.0, 2.4; a canton's body
//! for its own). The body's secretariat records it with the meeting item
//! or circular resolution in which the body decided.

use iiz_domain::TenantId;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::WorkingGroupId;
use iiz_domain::text::FreeText;
use iiz_domain::working_group::WorkingGroupCommand;
use iiz_projections::WorkingGroupView;

use crate::authz::body_decision::{as_body, authorize_body_decision};
use crate::decisions::no_basis;
use crate::{AppError, Caller, Executed};

pub(super) const TAKE_NOTE: &str = "taking note of a working group's result";

impl Caller<'_> {
    /// Records that the mandating body took note of the group's result as
    /// decided in `basis`.
    pub async fn note_working_group_result(
        &self,
        id: WorkingGroupId,
        decision: FreeText,
        next_steps: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        let group = self.working_group(id).await?;
        as_body(
            authorize_body_decision(self.principal(), group.tenant),
            TAKE_NOTE,
        )?;
        let decided_by = self.mandating_body_decision(&group, basis).await?;
        let command = WorkingGroupCommand::TakeNote {
            decision,
            next_steps,
            decided_by,
        };
        self.working_group_command(id, command).await
    }

    /// Checks that `basis` is the mandating body's decision on the group.
    /// A national body decides in its meetings or by circular resolution; a
    /// canton's body here in its meetings.
    pub(super) async fn mandating_body_decision(
        &self,
        group: &WorkingGroupView,
        basis: DecisionSource,
    ) -> Result<DecisionReference, AppError> {
        let subject = ItemSubject::WorkingGroup(group.id);
        let body = self
            .app()
            .body_view(group.mandated_by)
            .await?
            .ok_or_else(|| {
                no_basis(format!(
                    "the mandating body {} is unknown",
                    group.mandated_by
                ))
            })?;
        match (group.tenant, basis) {
            (TenantId::National, basis) => {
                self.app().verify_basis(basis, body.kind, &subject).await
            }
            (TenantId::Canton(_), DecisionSource::Meeting { meeting, item }) => {
                self.app()
                    .verify_minutes(meeting, item, &subject, |seated| seated.id == body.id)
                    .await
            }
            (TenantId::Canton(_), DecisionSource::Resolution { .. }) => Err(no_basis(
                "a canton's body takes note of a result in one of its meetings".to_owned(),
            )),
        }
    }
}
