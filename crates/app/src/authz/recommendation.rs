//! Who may do what with a recommendation (national concept 3.3 and 3.4):
//! - the Fachstelle drafts, edits, discards and publishes; it records the
//!   STG's decisions (adoption, amendment, superseding, closing) as the
//!   STG's secretariat, with the meeting or resolution they were taken in
//!   ([`super::body_decision`]); no STG member records them alone;
//! - priorities for an addressee are set by the Fachstelle or a voting STG
//!   member;
//! - the EKG flags need for action through its voting members (or the
//!   Fachstelle);
//! - an addressee answers, reports and shares only for itself: a canton
//!   through its coordinators or office, a partner through its delegate in
//!   the STG or EKG;
//! - the national bodies (Fachstelle, STG and EKG members) see everything,
//!   drafts included; everyone else signed in sees the published texts, the
//!   aggregate figures and the items of addressees they speak for or that
//!   were marked shareable.
//!
//! Platform administrators run the platform, not the IIZ business: they
//! hold no rights here beyond their roles.

use iiz_domain::recommendation::RecommendationStage;
use iiz_domain::{Party, TenantRole};

use super::concern::Standing;
use super::{Denied, Principal};

/// A step on a recommendation, with what the decision depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecommendationAct {
    /// Drafting, editing, discarding, publishing.
    Prepare,
    /// Recording an STG decision: adopting, amending, superseding, closing.
    RecordStgDecision,
    /// Setting an addressee's priority.
    Prioritize,
    /// Flagging need for action, resolving flags.
    Flag,
    /// Answering, reporting or sharing for an addressee.
    Respond(Party),
}

/// Whether the caller sits in (or is the office of) a national body, which
/// sees every recommendation and every item.
pub fn monitors_nationally(principal: &Principal, standing: &Standing) -> bool {
    principal.is_national_office() || standing.stg_member || standing.ekg_member
}

/// Whether the caller speaks for `party` as an addressee.
pub fn speaks_for(principal: &Principal, standing: &Standing, party: Party) -> bool {
    match party {
        Party::Tenant(tenant) => [TenantRole::Coordinator, TenantRole::Office]
            .iter()
            .any(|role| principal.holds(tenant, *role)),
        Party::Partner(partner) => standing.partners.contains(&partner),
    }
}

/// Whether the caller may read an addressee's answers and narratives: the
/// national bodies, anyone with a role where the addressee is a tenant, a
/// partner's delegate, and everyone once the addressee shared them.
pub fn sees_item(
    principal: &Principal,
    standing: &Standing,
    party: Party,
    shareable: bool,
) -> bool {
    shareable
        || monitors_nationally(principal, standing)
        || match party {
            Party::Tenant(tenant) => !principal.roles_in(tenant).is_empty(),
            Party::Partner(partner) => standing.partners.contains(&partner),
        }
}

/// Whether the caller may know the recommendation exists: once published
/// (or closed or superseded) everyone signed in; before, the national
/// bodies only.
pub fn sees_recommendation(
    principal: Option<&Principal>,
    standing: &Standing,
    stage: RecommendationStage,
) -> bool {
    principal
        .is_some_and(|principal| stage.was_published() || monitors_nationally(principal, standing))
}

/// Decides whether `principal` may perform `act`.
pub fn authorize_recommendation(
    principal: Option<&Principal>,
    standing: &Standing,
    act: RecommendationAct,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    let office = principal.is_national_office();
    let allowed = match act {
        RecommendationAct::Prepare => office,
        RecommendationAct::RecordStgDecision => {
            super::body_decision::is_secretariat(principal, iiz_domain::TenantId::National)
        }
        RecommendationAct::Prioritize => office || standing.stg_votes,
        RecommendationAct::Flag => office || standing.ekg_votes,
        RecommendationAct::Respond(party) => speaks_for(principal, standing, party),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}
