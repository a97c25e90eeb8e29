//! Powers that come from a seat or a delegation rather than from a tenant
//! role: sitting (and voting, chairing) in a body — the STG, the EKG, a
//! canton's bodies, a working group — and coordinating a network.
//!
//! A browser session acts with all of them. An API token is narrowed to one
//! tenant and some roles ([`super::TokenScope`]); a seat is no role, so the
//! token uses a seat power only when it carries a role that goes with it:
//!
//! | power                                   | carried by (in the token's tenant)  |
//! |-----------------------------------------|-------------------------------------|
//! | a seat in a body of tenant T, chair too | `member` or `chair`, token for T    |
//! | coordinating a network                  | `coordinator`                       |
//!
//! So a token for reading ("observer") never votes in the STG, approves
//! minutes as chair or consolidates a network's concerns, even when its
//! owner could.

use iiz_domain::{TenantId, TenantRole};

use super::Principal;

/// A power from a seat or a delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatPower {
    /// A seat (of any role, chair included) in a body of this tenant, or a
    /// part in one of its working groups.
    BodySeat(TenantId),
    /// Being the delegated coordinator of a regional network.
    NetworkCoordination,
}

impl SeatPower {
    /// The roles that carry the power.
    pub fn carried_by(self) -> &'static [TenantRole] {
        match self {
            Self::BodySeat(_) => &[TenantRole::Member, TenantRole::Chair],
            Self::NetworkCoordination => &[TenantRole::Coordinator],
        }
    }
}

impl Principal {
    /// Whether the caller may use a power its seats or delegations give:
    /// always with a session, with a token only through a role of the
    /// token that carries it.
    pub fn may_use(&self, power: SeatPower) -> bool {
        let Some(scope) = &self.scope else {
            return true;
        };
        let tenant = match power {
            SeatPower::BodySeat(tenant) => tenant,
            SeatPower::NetworkCoordination => scope.tenant,
        };
        power
            .carried_by()
            .iter()
            .any(|role| self.holds(tenant, *role))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::authz::TokenScope;
    use crate::authz::concern_tests::{person, zh};

    fn token(principal: &Principal, tenant: TenantId, roles: &[TenantRole]) -> Principal {
        let mut token = principal.clone();
        token.scope = Some(TokenScope {
            tenant,
            roles: roles.iter().copied().collect::<BTreeSet<_>>(),
        });
        token
    }

    #[test]
    fn a_session_uses_every_seat_power() {
        let seated = person(&[(TenantId::National, TenantRole::Observer)]);
        assert!(seated.may_use(SeatPower::BodySeat(TenantId::National)));
        assert!(seated.may_use(SeatPower::NetworkCoordination));
    }

    #[test]
    fn a_token_uses_a_seat_only_through_a_role_that_carries_it() {
        use TenantRole::*;
        let national = TenantId::National;
        let stg = person(&[(national, Member), (national, Observer)]);
        let seat = SeatPower::BodySeat(national);
        assert!(token(&stg, national, &[Member]).may_use(seat));
        assert!(!token(&stg, national, &[Observer]).may_use(seat));
        // A token for another tenant does not sit in the national bodies.
        let both = person(&[(national, Member), (zh(), Member)]);
        assert!(!token(&both, zh(), &[Member]).may_use(seat));
        assert!(token(&both, zh(), &[Member]).may_use(SeatPower::BodySeat(zh())));
    }

    #[test]
    fn a_token_coordinates_a_network_only_with_the_coordinator_role() {
        use TenantRole::*;
        let delegate = person(&[(zh(), Coordinator), (zh(), Observer)]);
        let power = SeatPower::NetworkCoordination;
        assert!(token(&delegate, zh(), &[Coordinator]).may_use(power));
        assert!(!token(&delegate, zh(), &[Observer]).may_use(power));
    }
}
