//! GraphQL types of the regional networks: the network, the cantons'
//! pending agreements and the EKG seat of its delegate.

use std::sync::Arc;

use async_graphql::{Enum, ID, Object, SimpleObject};
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

/// A network: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct Network(Arc<NetworkView>);

impl From<NetworkView> for Network {
    fn from(view: NetworkView) -> Self {
        Self(Arc::new(view))
    }
}

fn cantons(cantons: &[CantonCode]) -> Vec<ID> {
    cantons
        .iter()
        .map(|canton| ID(canton.as_str().to_owned()))
        .collect()
}

/// A regional IIZ network of cantons.
#[Object]
impl Network {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn names(&self) -> Vec<LocalizedText> {
        localized(&self.0.names)
    }

    /// The member cantons; while proposed, the founding cantons.
    async fn cantons(&self) -> Vec<ID> {
        cantons(&self.0.cantons)
    }

    async fn status(&self) -> NetworkStatusValue {
        self.0.status.into()
    }

    /// The founding cantons that agreed, while proposed.
    async fn agreed(&self) -> Vec<ID> {
        cantons(&self.0.agreed)
    }

    async fn join_requests(&self) -> Vec<NetworkJoinRequest> {
        self.0
            .join_requests
            .iter()
            .map(|request| NetworkJoinRequest {
                canton: ID(request.canton.as_str().to_owned()),
                agreed: cantons(&request.agreed),
            })
            .collect()
    }

    async fn coordinator_proposal(&self) -> Option<NetworkCoordinatorProposal> {
        self.0
            .coordinator_proposal
            .as_ref()
            .map(|proposal| NetworkCoordinatorProposal {
                person: ID(proposal.person.to_string()),
                from: proposal.from,
                by: ID(proposal.by.as_str().to_owned()),
                agreed: cantons(&proposal.agreed),
            })
    }

    /// The coordinator the network delegates to the national EKG.
    async fn coordinator(&self) -> Option<ID> {
        self.0.coordinator.map(|c| ID(c.person.to_string()))
    }

    async fn coordinator_since(&self) -> Option<NaiveDate> {
        self.0.coordinator.map(|c| c.from)
    }

    /// The delegate whose voting seat in the EKG is in place.
    async fn ekg_seat(&self) -> Option<ID> {
        self.0.ekg_seat.map(|person| ID(person.to_string()))
    }

    /// The delegation changed and the EKG seat is being put in place.
    async fn seat_pending(&self) -> bool {
        self.0.seat_pending
    }
}
