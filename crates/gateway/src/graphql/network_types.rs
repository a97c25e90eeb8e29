//! GraphQL types of the regional networks: the network, the cantons'
//! pending agreements and the EKG seat of its delegate.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::CantonCode;
use iiz_projections::{NetworkStatus, NetworkView};

use super::types::{LocalizedText, localized};

/// Where a network stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "NetworkStatus")]
pub enum NetworkStatusValue {
    /// Proposed by a canton; not every founding canton agreed yet.
    Proposed,
    /// A founding canton declined: never formed.
    Declined,
    Formed,
    /// Its cantons all left.
    Ended,
}

/// A canton asking to join, and the member cantons that agreed so far.
#[derive(Debug, Clone, SimpleObject)]
pub struct NetworkJoinRequest {
    pub canton: ID,
    pub agreed: Vec<ID>,
}

/// A coordinator proposed by a member canton, and the member cantons that
/// agreed so far.
#[derive(Debug, Clone, SimpleObject)]
pub struct NetworkCoordinatorProposal {
    pub person: ID,
    pub from: NaiveDate,
    pub by: ID,
    pub agreed: Vec<ID>,
}

/// A regional IIZ network of cantons.
#[derive(Debug, Clone, SimpleObject)]
pub struct Network {
    pub id: ID,
    pub names: Vec<LocalizedText>,
    /// The member cantons; while proposed, the founding cantons.
    pub cantons: Vec<ID>,
    pub status: NetworkStatusValue,
    /// The founding cantons that agreed, while proposed.
    pub agreed: Vec<ID>,
    pub join_requests: Vec<NetworkJoinRequest>,
    pub coordinator_proposal: Option<NetworkCoordinatorProposal>,
    /// The coordinator the network delegates to the national EKG.
    pub coordinator: Option<ID>,
    pub coordinator_since: Option<NaiveDate>,
    /// The delegate whose voting seat in the EKG is in place.
    pub ekg_seat: Option<ID>,
    /// The delegation changed and the EKG seat is being put in place.
    pub seat_pending: bool,
}

fn cantons(cantons: &[CantonCode]) -> Vec<ID> {
    cantons
        .iter()
        .map(|canton| ID(canton.as_str().to_owned()))
        .collect()
}

impl From<NetworkView> for Network {
    fn from(view: NetworkView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            names: localized(&view.names),
            cantons: cantons(&view.cantons),
            status: view.status.into(),
            agreed: cantons(&view.agreed),
            join_requests: view
                .join_requests
                .iter()
                .map(|request| NetworkJoinRequest {
                    canton: ID(request.canton.as_str().to_owned()),
                    agreed: cantons(&request.agreed),
                })
                .collect(),
            coordinator_proposal: view.coordinator_proposal.as_ref().map(|proposal| {
                NetworkCoordinatorProposal {
                    person: ID(proposal.person.to_string()),
                    from: proposal.from,
                    by: ID(proposal.by.as_str().to_owned()),
                    agreed: cantons(&proposal.agreed),
                }
            }),
            coordinator: view.coordinator.map(|c| ID(c.person.to_string())),
            coordinator_since: view.coordinator.map(|c| c.from),
            ekg_seat: view.ekg_seat.map(|person| ID(person.to_string())),
            seat_pending: view.seat_pending,
        }
    }
}
