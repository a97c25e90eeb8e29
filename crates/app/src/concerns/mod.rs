//! The Seismograf as the application runs it: concerns are drafted, moved
//! along their workflow and read, each step authorized against the caller's
//! roles and seats ([`crate::authz::concern`]).

mod body_steps;
mod caller;
mod filter;
mod merge;
mod paths;
mod steps;

use std::collections::BTreeSet;

use iiz_domain::concern::ConcernContent;
use iiz_domain::{Aggregate, Concern, ConcernId, Partner, TenantId};
use iiz_projections::{
    BODY_MEMBERS, BodyMembersView, CONCERNS, ConcernView, NETWORKS, NetworkView,
};
use iiz_store::{DocQuery, EventStore, StreamRef};

use crate::authz::Principal;
use crate::authz::concern::{ConcernScope, Standing};
use crate::authz::seats::SeatPower;
use crate::tenants::seeded_body_id;
use crate::{App, AppError};

pub use filter::{ConcernFilter, ConcernQueue, SimilarConcern};

/// A concern to draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConcern {
    pub origin: TenantId,
    /// A conference drafting through its delegate (national tenant only).
    pub on_behalf_of: Option<Partner>,
    pub content: ConcernContent,
}

/// The stream of a concern, in its originating tenant.
pub fn concern_stream(origin: TenantId, id: ConcernId) -> StreamRef {
    StreamRef::new(origin.as_str(), Concern::STREAM_TYPE, id.to_string())
}

fn scope_of(view: &ConcernView) -> ConcernScope {
    ConcernScope {
        origin: view.origin,
        on_behalf_of: view.on_behalf_of,
        shared: view.shared,
    }
}

impl App {
    pub(crate) async fn concern_view(
        &self,
        id: ConcernId,
    ) -> Result<Option<ConcernView>, AppError> {
        self.typed_doc(CONCERNS, &id.to_string()).await
    }

    /// The caller's seats in the national bodies, the networks they
    /// coordinate and the partners they represent. A token carries a seat
    /// or a delegation only through a role that goes with it
    /// ([`SeatPower`]): a token for a canton sits in no national body.
    ///
    /// Any current seat makes the caller sit in the body (reading what the
    /// body reads); only a seat whose role votes counts for the body's
    /// decisions and for speaking for a partner as its delegate: the EKG
    /// chair and the head of the Fachstelle attend the STG "ohne
    /// Stimmrecht" (IIZ 3.0, 2.1).
    pub(crate) async fn standing(
        &self,
        principal: Option<&Principal>,
    ) -> Result<Standing, AppError> {
        let Some(principal) = principal else {
            return Ok(Standing::default());
        };
        self.standing_loads.count();
        let mut standing = Standing::default();
        let seated = principal.may_use(SeatPower::BodySeat(TenantId::National));
        for name in ["EKG", "STG"].into_iter().filter(|_| seated) {
            let body = seeded_body_id(TenantId::National, name);
            let Some(members) = self
                .typed_doc::<BodyMembersView>(BODY_MEMBERS, &body.to_string())
                .await?
            else {
                continue;
            };
            for seat in members
                .current()
                .filter(|seat| seat.person == principal.person)
            {
                let votes = seat.role.votes();
                let (member, voting) = match name {
                    "EKG" => (&mut standing.ekg_member, &mut standing.ekg_votes),
                    _ => (&mut standing.stg_member, &mut standing.stg_votes),
                };
                *member = true;
                *voting |= votes;
                standing.bodies.insert(body);
                if votes {
                    standing
                        .partners
                        .extend(Partner::represented_by(&seat.institution));
                }
            }
        }
        if !principal.may_use(SeatPower::NetworkCoordination) {
            return Ok(standing);
        }
        let networks = self
            .store
            .docs(&DocQuery {
                collection: NETWORKS.to_owned(),
                limit: 1_000,
                ..DocQuery::default()
            })
            .await?;
        for doc in networks {
            let network: NetworkView = serde_json::from_value(doc.body)
                .map_err(|error| AppError::Internal(format!("network document: {error}")))?;
            if network
                .coordinator
                .as_ref()
                .is_some_and(|delegation| delegation.person == principal.person)
            {
                standing
                    .networks
                    .insert(network.id, network.cantons.iter().copied().collect());
            }
        }
        Ok(standing)
    }

    /// Adds the seat in one body of `tenant` to the standing, if the
    /// caller holds one and may use it (route steps name bodies of the
    /// concern's tenant).
    pub(crate) async fn with_body_seat(
        &self,
        principal: &Principal,
        mut standing: Standing,
        body: iiz_domain::BodyId,
        tenant: TenantId,
    ) -> Result<Standing, AppError> {
        if principal.may_use(SeatPower::BodySeat(tenant))
            && self.current_seat(principal.person, body).await?.is_some()
        {
            standing.bodies.insert(body);
        }
        Ok(standing)
    }
}

/// The parties of a concern that may not endorse it again.
fn involved(view: &ConcernView) -> BTreeSet<iiz_domain::Party> {
    view.submitters
        .iter()
        .copied()
        .chain(view.endorsements.iter().map(|endorsement| endorsement.by))
        .collect()
}
