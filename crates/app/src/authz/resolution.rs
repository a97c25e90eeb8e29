//! Who conducts a body's circular resolutions. The concept does not
//! describe circular resolutions; the platform has them run like the
//! body's meetings:
//! - the body's secretariat (the office of its tenant: the Fachstelle for
//!   the national STG and EKG, see [`super::meeting::runs_meetings_of`])
//!   or its chair proposes one and closes it;
//! - whoever proposed it, or the secretariat, withdraws it, and the
//!   proposer may also close it;
//! - only the voters named at the proposal (the members with a voting
//!   seat then) answer: the domain refuses everyone else with
//!   `ConceptRule::OnlyVotingMembersDecide`.

use iiz_domain::TenantId;

use super::meeting::office_work;
use super::{Denied, Principal};

/// What the caller is to the resolution's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    /// Holds the chair of the body now.
    pub chairs: bool,
    /// Proposed the resolution (for closing and withdrawing).
    pub proposed: bool,
}

/// A step of conducting a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conduct {
    Propose,
    Close,
    Withdraw,
}

/// Whether the caller may take `step` on a resolution of a body of
/// `tenant`.
pub fn conducts(
    principal: &Principal,
    tenant: TenantId,
    step: Conduct,
    standing: Standing,
) -> Result<(), Denied> {
    let allowed = match step {
        Conduct::Propose => standing.chairs,
        Conduct::Close => standing.chairs || standing.proposed,
        Conduct::Withdraw => standing.proposed,
    };
    if allowed || principal.acts_as_platform_admin() {
        return Ok(());
    }
    office_work(principal, tenant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::concern_tests::{person, zh};
    use iiz_domain::TenantRole;

    #[test]
    fn the_secretariat_or_the_chair_proposes_and_a_member_may_not() {
        let member = person(&[(TenantId::National, TenantRole::Member)]);
        let fachstelle = person(&[(TenantId::National, TenantRole::Office)]);
        let national = TenantId::National;
        let chair = Standing {
            chairs: true,
            proposed: false,
        };
        assert_eq!(conducts(&member, national, Conduct::Propose, chair), Ok(()));
        assert_eq!(
            conducts(&member, national, Conduct::Propose, Standing::default()),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            conducts(&fachstelle, national, Conduct::Propose, Standing::default()),
            Ok(())
        );
        // The Fachstelle is not the secretariat of a canton's bodies.
        assert_eq!(
            conducts(&fachstelle, zh(), Conduct::Propose, Standing::default()),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn the_proposer_or_the_secretariat_withdraws_and_the_chair_alone_may_not() {
        let member = person(&[(TenantId::National, TenantRole::Member)]);
        let national = TenantId::National;
        let proposer = Standing {
            chairs: false,
            proposed: true,
        };
        let chair = Standing {
            chairs: true,
            proposed: false,
        };
        assert_eq!(
            conducts(&member, national, Conduct::Withdraw, proposer),
            Ok(())
        );
        assert_eq!(
            conducts(&member, national, Conduct::Withdraw, chair),
            Err(Denied::Forbidden)
        );
        assert_eq!(conducts(&member, national, Conduct::Close, chair), Ok(()));
        assert_eq!(
            conducts(&member, national, Conduct::Close, proposer),
            Ok(())
        );
    }
}
