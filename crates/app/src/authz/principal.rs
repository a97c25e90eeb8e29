//! Who is asking: a signed-in person with their roles, possibly acting
//! through an API token that narrows them.

use std::collections::BTreeSet;

use iiz_domain::{Language, PersonId, TenantId, TenantRole};

/// The narrowing of an API token: one tenant and a subset of roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenScope {
    pub tenant: TenantId,
    pub roles: BTreeSet<TenantRole>,
}

/// An authenticated caller. Built from the person's current roles at each
/// request, so a revoked role takes effect at once. External identities
/// (OIDC, a later issue) resolve to the same person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub person: PersonId,
    pub home: TenantId,
    pub roles: BTreeSet<(TenantId, TenantRole)>,
    pub platform_admin: bool,
    /// Set when the request came with an API token.
    pub scope: Option<TokenScope>,
    /// The language of the person's profile: refusals are worded in it.
    pub language: Language,
}

/// National roles that see the people of every canton: the Fachstelle
/// aggregates all cantons.
const NATIONAL_OVERSIGHT: [TenantRole; 3] = [
    TenantRole::Office,
    TenantRole::TenantAdmin,
    TenantRole::Coordinator,
];

impl Principal {
    /// Whether the caller holds `role` in `tenant`, as narrowed by its token.
    pub fn holds(&self, tenant: TenantId, role: TenantRole) -> bool {
        self.roles.contains(&(tenant, role))
            && self
                .scope
                .as_ref()
                .is_none_or(|scope| scope.tenant == tenant && scope.roles.contains(&role))
    }

    fn holds_any(&self, tenant: TenantId, roles: &[TenantRole]) -> bool {
        roles.iter().any(|role| self.holds(tenant, *role))
    }

    /// The roles the caller may act with in `tenant`.
    pub fn roles_in(&self, tenant: TenantId) -> BTreeSet<TenantRole> {
        TenantRole::ALL
            .into_iter()
            .filter(|role| self.holds(tenant, *role))
            .collect()
    }

    pub fn is_token(&self) -> bool {
        self.scope.is_some()
    }

    /// Platform administration is never delegated to a token.
    pub fn acts_as_platform_admin(&self) -> bool {
        self.platform_admin && !self.is_token()
    }

    /// The national office: Fachstelle staff and the national tenant admin.
    pub fn is_national_office(&self) -> bool {
        self.holds_any(
            TenantId::National,
            &[TenantRole::Office, TenantRole::TenantAdmin],
        )
    }

    /// Whether the people (names, roles, e-mail) of `tenant` are visible.
    pub fn sees_people_of(&self, tenant: TenantId) -> bool {
        !self.roles_in(tenant).is_empty() || self.holds_any(TenantId::National, &NATIONAL_OVERSIGHT)
    }

    /// Whether the caller establishes and runs the bodies of `tenant`.
    pub fn runs_bodies_of(&self, tenant: TenantId) -> bool {
        match tenant {
            TenantId::National => self.is_national_office(),
            TenantId::Canton(_) => {
                self.holds_any(tenant, &[TenantRole::Coordinator, TenantRole::TenantAdmin])
            }
        }
    }
}
