//! Who may do what with a working group (national concept 3.2, domain brief
//! "Working groups"):
//! - a body mandates and dissolves the group through its members, or
//!   through the office that prepares its business (the Fachstelle for the
//!   STG and EKG, a canton's Geschäftsstelle or coordinator for the
//!   cantonal bodies);
//! - taking note of the result is the body's decision: its secretariat
//!   records it with the meeting or resolution it was taken in
//!   ([`super::body_decision`]), no single member;
//! - the group's lead manages its members and submits its result, with the
//!   mandating body's side; any member reports progress;
//! - everyone signed in reads the groups: who works on what on whose
//!   mandate is part of the transparency the national concept asks for.
//!
//! That a cantonal mandate carries the approval of the body above is a
//! fact about the mandate, checked by the app against the bodies.
//! Platform administrators run the platform, not the IIZ business: they
//! hold no rights here beyond their roles.

use iiz_domain::working_group::GroupRole;
use iiz_domain::{TenantId, TenantRole};

use super::{Denied, Principal};

/// What the caller is for one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupStanding {
    /// A current seat in the mandating body.
    pub in_mandating_body: bool,
    /// The caller's part in the group.
    pub group_role: Option<GroupRole>,
}

/// A step on a working group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkingGroupAct {
    Mandate,
    ManageMembers,
    ReportProgress,
    SubmitResult,
    TakeNote,
    Dissolve,
}

/// Whether the caller prepares the business of `tenant`'s bodies: the
/// national office, or a canton's office and coordinator.
pub fn prepares_for(principal: &Principal, tenant: TenantId) -> bool {
    match tenant {
        TenantId::National => principal.is_national_office(),
        TenantId::Canton(_) => [TenantRole::Office, TenantRole::Coordinator]
            .iter()
            .any(|role| principal.holds(tenant, *role)),
    }
}

/// Decides whether `principal` may perform `act` on a group mandated by a
/// body of `tenant`.
pub fn authorize_working_group(
    principal: Option<&Principal>,
    tenant: TenantId,
    standing: GroupStanding,
    act: WorkingGroupAct,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    let body_side = prepares_for(principal, tenant) || standing.in_mandating_body;
    let lead = standing.group_role == Some(GroupRole::Lead);
    let allowed = match act {
        WorkingGroupAct::Mandate | WorkingGroupAct::Dissolve => body_side,
        WorkingGroupAct::TakeNote => super::body_decision::is_secretariat(principal, tenant),
        WorkingGroupAct::ManageMembers | WorkingGroupAct::SubmitResult => body_side || lead,
        WorkingGroupAct::ReportProgress => body_side || standing.group_role.is_some(),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}
