//! Why a network command was refused.

use chrono::NaiveDate;

use crate::ConceptRule;
use crate::error::{Classify, ErrorKind};
use crate::ids::{CantonCode, NetworkId, PersonId};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    #[error("network {0} already exists")]
    NetworkExists(NetworkId),
    #[error("network {0} does not exist")]
    UnknownNetwork(NetworkId),
    #[error("{canton} already belongs to network {network}")]
    CantonTaken {
        canton: CantonCode,
        network: NetworkId,
    },
    #[error("{canton} does not belong to network {network}")]
    CantonNotInNetwork {
        canton: CantonCode,
        network: NetworkId,
    },
    #[error("{0} is listed more than once")]
    DuplicateCanton(CantonCode),
    #[error("a network needs at least one canton")]
    NoCantons,
    #[error(
        "the current coordinator was delegated on {current_from}; a new delegation cannot start before, on {from}"
    )]
    DelegationBeforeCurrent {
        current_from: NaiveDate,
        from: NaiveDate,
    },
    #[error("{canton} proposes a network it is not a founding canton of")]
    ProposerNotFounding { canton: CantonCode },
    #[error("{canton} is not a founding canton of the proposed network {network}")]
    NotFounding {
        canton: CantonCode,
        network: NetworkId,
    },
    #[error("network {0} is no longer proposed: it was formed or declined")]
    ProposalClosed(NetworkId),
    #[error("network {0} is only proposed: its founding cantons have not all agreed")]
    NotFormed(NetworkId),
    #[error("network {0} has ended: its cantons all left")]
    Ended(NetworkId),
    #[error("{canton} has not asked to join network {network}")]
    NoJoinRequest {
        canton: CantonCode,
        network: NetworkId,
    },
    #[error("no coordinator is proposed for network {0}")]
    NoCoordinatorProposal(NetworkId),
    #[error(
        "{person} belongs to none of the cantons of network {network}: the network delegates a coordinator of its own cantons"
    )]
    IneligibleCoordinator {
        person: PersonId,
        network: NetworkId,
    },
    #[error("the EKG seat of network {0} changed meanwhile")]
    SeatOutdated(NetworkId),
}

impl Classify for NetworkError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::NetworkExists(_) => ErrorKind::AlreadyExists,
            Self::UnknownNetwork(_) => ErrorKind::NotFound,
            Self::CantonTaken { .. }
            | Self::CantonNotInNetwork { .. }
            | Self::NotFounding { .. }
            | Self::ProposalClosed(_)
            | Self::NotFormed(_)
            | Self::Ended(_)
            | Self::NoJoinRequest { .. }
            | Self::NoCoordinatorProposal(_)
            | Self::SeatOutdated(_) => ErrorKind::InvalidState,
            Self::DuplicateCanton(_)
            | Self::NoCantons
            | Self::DelegationBeforeCurrent { .. }
            | Self::ProposerNotFounding { .. }
            | Self::IneligibleCoordinator { .. } => ErrorKind::Validation,
        }
    }

    /// Who takes which step in a network is the cantons' rule (IIZ 3.0,
    /// chapter 5, point 3): refusals about the agreement of the cantons
    /// and the eligibility of the delegate name it.
    fn rule(&self) -> Option<ConceptRule> {
        match self {
            Self::CantonNotInNetwork { .. }
            | Self::ProposerNotFounding { .. }
            | Self::NotFounding { .. }
            | Self::ProposalClosed(_)
            | Self::NotFormed(_)
            | Self::Ended(_)
            | Self::NoJoinRequest { .. }
            | Self::NoCoordinatorProposal(_)
            | Self::IneligibleCoordinator { .. }
            | Self::CantonTaken { .. } => Some(ConceptRule::NetworksByCantons),
            Self::NetworkExists(_)
            | Self::UnknownNetwork(_)
            | Self::DuplicateCanton(_)
            | Self::NoCantons
            | Self::DelegationBeforeCurrent { .. }
            | Self::SeatOutdated(_) => None,
        }
    }
}
