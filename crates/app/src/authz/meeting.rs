//! Who may do what with the meetings of a body (national concept 3.2, the
//! Fachstelle "runs the sessions"; Solothurn guide 6, the Geschäftsstelle
//! keeps the agenda and the minutes):
//! - the office of the body's tenant schedules, prepares and sends the
//!   agenda and records the minutes: the national Fachstelle (office or
//!   national tenant admin) for the STG and the EKG, a canton's office,
//!   coordinator or tenant admin for its bodies;
//! - the minutes are approved by the body at its next meeting (recorded by
//!   the office) or by the chair, a member of the body with the chair role,
//!   or the office on the chair's behalf;
//! - the national bodies meet in the open: their meetings, agendas, minutes
//!   and decisions are readable by everyone signed in, since transparency
//!   of decisions is a goal of the concept; a canton's meetings are read by
//!   those with a role in the canton and by the national office, which
//!   aggregates all cantons; elsewhere they are `NOT_FOUND`.
//!
//! Platform administrators run the platform: they pass [`super::authorize`]
//! as everywhere, which is what these rules are asked through.

use iiz_domain::{TenantId, TenantRole};

use super::{Denied, Principal};

/// Whether the caller may read the meetings of the bodies of `tenant`.
pub fn sees_meetings_of(principal: &Principal, tenant: TenantId) -> bool {
    tenant.is_national() || !principal.roles_in(tenant).is_empty() || principal.is_national_office()
}

/// Whether the caller is the office of the bodies of `tenant`.
pub fn runs_meetings_of(principal: &Principal, tenant: TenantId) -> bool {
    match tenant {
        TenantId::National => principal.is_national_office(),
        TenantId::Canton(_) => [
            TenantRole::Office,
            TenantRole::Coordinator,
            TenantRole::TenantAdmin,
        ]
        .iter()
        .any(|role| principal.holds(tenant, *role)),
    }
}

/// Office work on a meeting: allowed for the office, `FORBIDDEN` for other
/// readers, `NOT_FOUND` for those who may not read it.
pub(super) fn office_work(principal: &Principal, tenant: TenantId) -> Result<(), Denied> {
    if runs_meetings_of(principal, tenant) {
        Ok(())
    } else if sees_meetings_of(principal, tenant) {
        Err(Denied::Forbidden)
    } else {
        Err(Denied::NotFound)
    }
}

/// Approving the minutes by the chair: the chair of the body (`chairs`,
/// from the body's current seats) or its office.
pub fn approve_by_chair(
    principal: &Principal,
    tenant: TenantId,
    chairs: bool,
) -> Result<(), Denied> {
    if chairs || principal.acts_as_platform_admin() {
        return Ok(());
    }
    office_work(principal, tenant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::concern_tests::{person, zh};

    #[test]
    fn the_chair_or_the_office_approves_and_a_member_may_not() {
        let member = person(&[(TenantId::National, TenantRole::Member)]);
        let office = person(&[(TenantId::National, TenantRole::Office)]);
        let national = TenantId::National;
        assert_eq!(approve_by_chair(&member, national, true), Ok(()));
        assert_eq!(
            approve_by_chair(&member, national, false),
            Err(Denied::Forbidden)
        );
        assert_eq!(approve_by_chair(&office, national, false), Ok(()));
        // The Fachstelle is not the office of a canton's bodies.
        assert_eq!(
            approve_by_chair(&office, zh(), false),
            Err(Denied::Forbidden)
        );
        let stranger = person(&[]);
        assert_eq!(
            approve_by_chair(&stranger, zh(), false),
            Err(Denied::NotFound)
        );
    }
}
