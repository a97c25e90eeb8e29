//! Working groups as the application runs them: a body mandates (a
//! cantonal body below another with that body's approval), members from
//! several tenants join, the group reports and submits its result, the
//! mandating body takes note and dissolves it ([`crate::authz::working_group`]).
//!
//! A group's stream lives in the mandating body's tenant. Mandating is a
//! plain call, [`crate::Caller::mandate_working_group`], so that a process
//! (a meeting's decision, say) can mandate a group too.

mod caller;
mod note;

use chrono::NaiveDate;
use iiz_domain::body::BodyKind;
use iiz_domain::concern::EkgOutcome;
use iiz_domain::ids::WorkingGroupId;
use iiz_domain::working_group::{Mandate, WorkingGroup};
use iiz_domain::{Aggregate, BodyId, ConceptRule, ErrorKind, TenantId};
use iiz_projections::{BODIES, BodyView, WORKING_GROUPS, WorkingGroupView};
use iiz_store::StreamRef;

use crate::authz::Principal;
use crate::authz::working_group::GroupStanding;
use crate::{App, AppError};

/// A working group to mandate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWorkingGroup {
    pub mandated_by: BodyId,
    /// The body above that approved the mandate (a cantonal body that has
    /// one needs it).
    pub approved_by: Option<BodyId>,
    pub mandate: Mandate,
    pub on: NaiveDate,
}

/// Which working groups to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkingGroupFilter {
    /// The tenant of the mandating body.
    pub tenant: Option<TenantId>,
    pub active: Option<bool>,
}

/// The stream of a working group, in its mandating body's tenant.
pub fn working_group_stream(tenant: TenantId, id: WorkingGroupId) -> StreamRef {
    StreamRef::new(tenant.as_str(), WorkingGroup::STREAM_TYPE, id.to_string())
}

fn invalid(message: String) -> AppError {
    AppError::invalid(message)
}

impl App {
    /// An active body, or a validation error naming what is wrong.
    async fn active_body(&self, id: BodyId, what: &str) -> Result<BodyView, AppError> {
        match self.typed_doc::<BodyView>(BODIES, &id.to_string()).await? {
            Some(body) if body.active => Ok(body),
            Some(_) => Err(invalid(format!("the {what} {id} is dissolved"))),
            None => Err(invalid(format!("the {what} {id} does not exist"))),
        }
    }

    /// Checks the mandating and approving bodies; returns the mandating
    /// body's tenant. Offices and working groups mandate nothing; a body
    /// with a parent needs the parent's approval, and an approving body
    /// belongs to the same tenant.
    pub(crate) async fn check_mandating_bodies(
        &self,
        mandated_by: BodyId,
        approved_by: Option<BodyId>,
    ) -> Result<TenantId, AppError> {
        let body = self.active_body(mandated_by, "mandating body").await?;
        if matches!(body.kind, BodyKind::Office | BodyKind::WorkingGroup) {
            return Err(invalid(format!(
                "{} does not mandate working groups: a steering, expert or coordination body or a subcommittee does",
                body.names.best(iiz_domain::Language::De)
            )));
        }
        match (body.parent, approved_by) {
            (Some(parent), Some(approver)) if parent != approver => {
                return Err(invalid(format!(
                    "a mandate of this body is approved by the body above it ({parent}), not by {approver}"
                )));
            }
            (Some(parent), None) => {
                return Err(invalid(format!(
                    "a mandate of this body needs the approval of the body above it ({parent})"
                )));
            }
            _ => {}
        }
        if let Some(approver) = approved_by {
            let approving = self.active_body(approver, "approving body").await?;
            if approving.tenant != body.tenant {
                return Err(invalid(
                    "the approving body belongs to another tenant than the mandating body"
                        .to_owned(),
                ));
            }
        }
        Ok(body.tenant)
    }

    /// Whether `principal` holds a current seat in `body`. A token scoped
    /// to another tenant carries no seats.
    pub(crate) async fn sits_in(
        &self,
        principal: &Principal,
        body: BodyId,
        tenant: TenantId,
    ) -> Result<bool, AppError> {
        // A token sits in the body only through a role that carries seats.
        if !principal.may_use(crate::authz::seats::SeatPower::BodySeat(tenant)) {
            return Ok(false);
        }
        Ok(self.current_seat(principal.person, body).await?.is_some())
    }

    /// What the caller is for a group: seated in its mandating body, and
    /// its part in the group.
    pub(crate) async fn group_standing(
        &self,
        principal: Option<&Principal>,
        group: &WorkingGroupView,
    ) -> Result<GroupStanding, AppError> {
        let Some(principal) = principal else {
            return Ok(GroupStanding::default());
        };
        Ok(GroupStanding {
            in_mandating_body: self
                .sits_in(principal, group.mandated_by, group.tenant)
                .await?,
            group_role: group
                .members
                .iter()
                .filter(|_| {
                    principal.may_use(crate::authz::seats::SeatPower::BodySeat(group.tenant))
                })
                .find(|member| member.person == principal.person)
                .map(|member| member.role),
        })
    }

    /// The EKG gives a concern to an existing mandate by its id: the
    /// mandate must exist and still run.
    pub(crate) async fn check_mandate_named(&self, outcome: &EkgOutcome) -> Result<(), AppError> {
        let EkgOutcome::GiveToWorkingGroup {
            mandate: Some(id), ..
        } = outcome
        else {
            return Ok(());
        };
        let active = self
            .typed_doc::<WorkingGroupView>(WORKING_GROUPS, &id.to_string())
            .await?
            .is_some_and(|view| view.active);
        if active {
            Ok(())
        } else {
            Err(AppError::governance(
                ConceptRule::WorkingGroupMandate,
                ErrorKind::Validation,
                format!("working group {id} is no running mandate"),
            ))
        }
    }
}
