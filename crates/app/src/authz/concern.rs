//! Who may take which step on a Seismograf concern. The tenant roles are
//! not enough here: the EKG and the STG act through their members, a
//! network through its delegated coordinator, a conference through its
//! delegate, and a cantonal route step through the body or role it names.
//! [`Standing`] carries those facts; the app computes it from the read
//! models, and this module decides.
//!
//! The rules (domain brief, "Roles"):
//! - the originator (the tenant's coordinator or office, or the delegate of
//!   the conference it was drafted for) drafts, edits, sends it into the
//!   route, submits, withdraws or resolves it locally;
//! - a route step is recorded by the role it names, by a member of the body
//!   it names, or by the tenant's office as its secretariat;
//! - a network's coordinator consolidates concerns of the network's cantons;
//! - a tenant endorses through its coordinator or office, a partner through
//!   its delegate in the STG or EKG;
//! - the Fachstelle triages, merges and answers; the EKG examines and the
//!   STG decides as bodies, recorded by the Fachstelle as their secretariat
//!   ([`super::body_decision`]), never by one member;
//! - the Fachstelle brings concerns and requests straight to the STG, and
//!   as the bodies' secretariat records the STG's referral to the EKG and
//!   the EKG's assessment as decided in a meeting or a resolution;
//! - anyone with an active role in a tenant may comment for it; internal
//!   comments only inside the originating tenant (the domain checks that).
//!
//! Platform administrators run the platform, not the IIZ business: they
//! hold no rights here beyond their roles.

use std::collections::{BTreeMap, BTreeSet};

use iiz_domain::concern::{CommentVisibility, RouteStep, StepActor};
use iiz_domain::{BodyId, CantonCode, NetworkId, Partner, Party, TenantId, TenantRole};

use super::{Denied, Principal};

/// What a caller is beyond tenant roles, as far as concerns go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// A current seat in the national EKG, guests included: reads what the
    /// EKG reads.
    pub ekg_member: bool,
    /// A current seat in the STG, guests included.
    pub stg_member: bool,
    /// A current seat in the national EKG that carries a vote.
    pub ekg_votes: bool,
    /// A current seat in the STG that carries a vote (not the EKG chair's
    /// or the Fachstelle head's guest seats, IIZ 3.0, 2.1).
    pub stg_votes: bool,
    /// The networks the caller coordinates, with their cantons.
    pub networks: BTreeMap<NetworkId, BTreeSet<CantonCode>>,
    /// The partners the caller represents through a voting seat in the STG
    /// or EKG.
    pub partners: BTreeSet<Partner>,
    /// The bodies the caller currently sits in.
    pub bodies: BTreeSet<BodyId>,
}

/// A step on a concern, with what the decision depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcernAct<'a> {
    /// Drafting, editing, starting the route, submitting, withdrawing or
    /// resolving locally.
    Originate,
    RecordStep(&'a RouteStep),
    Consolidate(NetworkId),
    Endorse(Party),
    /// Accepting, returning, merging, answering.
    NationalOffice,
    /// Recording the EKG's examination (a body's decision).
    Examine,
    /// Recording the STG's decision (a body's decision).
    Decide,
    Comment(TenantId, CommentVisibility),
    /// The Fachstelle brings a concern or request straight to the STG.
    BringToStg,
    /// Recording the STG's referral to the EKG, as decided in a meeting
    /// or a circular resolution.
    RecordReferral,
    /// Recording the EKG's assessment, as decided in a meeting or a
    /// circular resolution.
    RecordAssessment,
}

/// The concern an act is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConcernScope {
    pub origin: TenantId,
    pub on_behalf_of: Option<Partner>,
    /// Whether the concern is visible to all tenants.
    pub shared: bool,
}

const SPEAKS_FOR_TENANT: [TenantRole; 2] = [TenantRole::Coordinator, TenantRole::Office];
const ACTIVE_ROLES: [TenantRole; 4] = [
    TenantRole::Coordinator,
    TenantRole::Office,
    TenantRole::Member,
    TenantRole::Chair,
];

fn holds_any(principal: &Principal, tenant: TenantId, roles: &[TenantRole]) -> bool {
    roles.iter().any(|role| principal.holds(tenant, *role))
}

/// Whether the caller may know the concern exists: shared concerns are
/// visible to everyone signed in, the others only inside their tenant.
pub fn sees_concern(principal: Option<&Principal>, scope: &ConcernScope) -> bool {
    let Some(principal) = principal else {
        return false;
    };
    scope.shared || !principal.roles_in(scope.origin).is_empty()
}

/// The tenants whose concerns (beyond the shared ones) the caller sees.
pub fn concern_tenants(principal: &Principal) -> Vec<TenantId> {
    let mut tenants: Vec<TenantId> = principal
        .roles
        .iter()
        .map(|(tenant, _)| *tenant)
        .filter(|tenant| !principal.roles_in(*tenant).is_empty())
        .collect();
    tenants.dedup();
    tenants
}

/// Decides whether `principal` may perform `act` on a concern.
pub fn authorize_concern(
    principal: Option<&Principal>,
    standing: &Standing,
    act: ConcernAct<'_>,
    scope: &ConcernScope,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    if !sees_concern(Some(principal), scope) {
        return Err(Denied::NotFound);
    }
    let office = principal.holds(TenantId::National, TenantRole::Office);
    let allowed = match act {
        ConcernAct::Originate => {
            holds_any(principal, scope.origin, &SPEAKS_FOR_TENANT)
                || scope
                    .on_behalf_of
                    .is_some_and(|partner| standing.partners.contains(&partner))
        }
        ConcernAct::RecordStep(step) => {
            principal.holds(scope.origin, TenantRole::Office)
                || match step.actor {
                    StepActor::Role(role) => principal.holds(scope.origin, role),
                    StepActor::Body(body) => standing.bodies.contains(&body),
                }
        }
        ConcernAct::Consolidate(network) => {
            office
                || match scope.origin {
                    TenantId::Canton(canton) => standing
                        .networks
                        .get(&network)
                        .is_some_and(|cantons| cantons.contains(&canton)),
                    TenantId::National => false,
                }
        }
        ConcernAct::Endorse(Party::Tenant(tenant)) => {
            holds_any(principal, tenant, &SPEAKS_FOR_TENANT)
        }
        ConcernAct::Endorse(Party::Partner(partner)) => standing.partners.contains(&partner),
        ConcernAct::NationalOffice => office,
        // The body's decisions: recorded by its secretariat only.
        ConcernAct::Examine | ConcernAct::Decide => {
            super::body_decision::is_secretariat(principal, TenantId::National)
        }
        ConcernAct::Comment(tenant, _) => holds_any(principal, tenant, &ACTIVE_ROLES),
        // "Anliegen oder Anträge an das STG können via die Fachstelle
        // eingereicht werden" (2.1): the Fachstelle alone.
        ConcernAct::BringToStg => office,
        // The bodies decide as bodies; their secretariat records what
        // they decided (the basis is verified by the app).
        ConcernAct::RecordReferral | ConcernAct::RecordAssessment => {
            super::body_decision::is_secretariat(principal, TenantId::National)
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// Whether the caller may draft concerns in `origin` (for `on_behalf_of`).
pub fn may_draft(
    principal: Option<&Principal>,
    standing: &Standing,
    origin: TenantId,
    on_behalf_of: Option<Partner>,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    let allowed = match on_behalf_of {
        // A conference drafts through its delegate, in the national tenant.
        Some(partner) => origin.is_national() && standing.partners.contains(&partner),
        None => holds_any(principal, origin, &SPEAKS_FOR_TENANT),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// The parties the caller may endorse for.
pub fn endorsing_parties(principal: &Principal, standing: &Standing) -> Vec<Party> {
    let mut parties: Vec<Party> = TenantId::all()
        .filter(|tenant| holds_any(principal, *tenant, &SPEAKS_FOR_TENANT))
        .map(Party::Tenant)
        .collect();
    parties.extend(standing.partners.iter().copied().map(Party::Partner));
    parties
}
