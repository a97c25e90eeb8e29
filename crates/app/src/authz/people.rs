//! Whom a tenant admin may grant roles to. Holding the tenant admin role
//! of a tenant ([`super::authorize`], `GrantTenantRole`) is not enough: a
//! cantonal admin grants roles only to the people of their own tenant (its
//! people by home, or someone already holding a role there) and to people
//! a national admin has made available to the tenant. Otherwise one
//! canton's admin could pull anyone into their canton and, with the role,
//! see their data. National admins (the national tenant admin, platform
//! admins) grant to anyone: they are the ones who make people available.

use iiz_domain::{TenantId, TenantRole};

use super::{Denied, Principal};

/// The person a role is granted to, as far as the decision goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grantee<'a> {
    pub home: TenantId,
    /// The tenants where the person already holds a role.
    pub holds_roles_in: &'a [TenantId],
    /// The tenants a national admin made the person available to.
    pub available_to: &'a [TenantId],
}

/// Whether the caller, already allowed to grant roles in `tenant`, may
/// grant one to `grantee`.
pub fn may_grant(
    principal: &Principal,
    tenant: TenantId,
    grantee: Grantee<'_>,
) -> Result<(), Denied> {
    let national_admin = principal.acts_as_platform_admin()
        || principal.holds(TenantId::National, TenantRole::TenantAdmin);
    let belongs = grantee.home == tenant
        || grantee.holds_roles_in.contains(&tenant)
        || grantee.available_to.contains(&tenant);
    if national_admin || belongs {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::concern_tests::{person, zh};

    fn be() -> TenantId {
        TenantId::parse("BE").unwrap()
    }

    #[test]
    fn a_cantonal_admin_grants_only_to_their_people_and_those_made_available() {
        let admin = person(&[(zh(), TenantRole::TenantAdmin)]);
        let stranger = Grantee {
            home: be(),
            holds_roles_in: &[],
            available_to: &[],
        };
        assert_eq!(may_grant(&admin, zh(), stranger), Err(Denied::Forbidden));
        let own = Grantee {
            home: zh(),
            ..stranger
        };
        assert_eq!(may_grant(&admin, zh(), own), Ok(()));
        let available = [zh()];
        let made_available = Grantee {
            available_to: &available,
            ..stranger
        };
        assert_eq!(may_grant(&admin, zh(), made_available), Ok(()));
        let holding = Grantee {
            holds_roles_in: &available,
            ..stranger
        };
        assert_eq!(may_grant(&admin, zh(), holding), Ok(()));
    }

    #[test]
    fn national_admins_grant_to_anyone() {
        let national = person(&[
            (TenantId::National, TenantRole::TenantAdmin),
            (zh(), TenantRole::TenantAdmin),
        ]);
        let stranger = Grantee {
            home: be(),
            holds_roles_in: &[],
            available_to: &[],
        };
        assert_eq!(may_grant(&national, zh(), stranger), Ok(()));
        let mut platform = person(&[]);
        platform.platform_admin = true;
        assert_eq!(may_grant(&platform, zh(), stranger), Ok(()));
    }
}
