//! The platform operators' repairs: the steps the Fachstelle used to take
//! alone, kept for operators who correct the registry (and which stored
//! logs hold). They check the registry's invariants, not the cantons'
//! agreement.

use super::{Delegation, NetworkError, NetworkEvent, NetworkRegistry};
use crate::ids::{CantonCode, NetworkId};
use crate::text::LocalizedName;

impl NetworkRegistry {
    /// Sorts the cantons and checks they are distinct and free.
    pub(super) fn founding_cantons(
        &self,
        mut cantons: Vec<CantonCode>,
    ) -> Result<Vec<CantonCode>, NetworkError> {
        if cantons.is_empty() {
            return Err(NetworkError::NoCantons);
        }
        cantons.sort();
        let duplicate = cantons.windows(2).find_map(|pair| match pair {
            [a, b] if a == b => Some(*a),
            _ => None,
        });
        if let Some(canton) = duplicate {
            return Err(NetworkError::DuplicateCanton(canton));
        }
        self.all_free(&cantons)?;
        Ok(cantons)
    }

    pub(super) fn all_free(&self, cantons: &[CantonCode]) -> Result<(), NetworkError> {
        match cantons
            .iter()
            .find_map(|canton| Some((*canton, self.network_of(*canton)?)))
        {
            Some((canton, network)) => Err(NetworkError::CantonTaken { canton, network }),
            None => Ok(()),
        }
    }

    pub(super) fn id_is_free(&self, id: NetworkId) -> Result<(), NetworkError> {
        if self.networks.contains_key(&id) || self.proposals.contains_key(&id) {
            return Err(NetworkError::NetworkExists(id));
        }
        Ok(())
    }

    pub(super) fn form(
        &self,
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        self.id_is_free(id)?;
        let cantons = self.founding_cantons(cantons)?;
        Ok(vec![NetworkEvent::Formed { id, names, cantons }])
    }

    pub(super) fn rename(
        &self,
        id: NetworkId,
        names: LocalizedName,
        by: Option<CantonCode>,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        if let Some(canton) = by
            && !network.cantons.contains(&canton)
        {
            return Err(NetworkError::CantonNotInNetwork {
                canton,
                network: id,
            });
        }
        if network.names == names {
            return Ok(vec![]);
        }
        Ok(vec![NetworkEvent::Renamed { id, names }])
    }

    pub(super) fn assign(
        &self,
        id: NetworkId,
        canton: CantonCode,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        self.existing(id)?;
        match self.network_of(canton) {
            Some(network) if network == id => Ok(vec![]),
            Some(network) => Err(NetworkError::CantonTaken { canton, network }),
            None => Ok(vec![NetworkEvent::CantonAssigned { id, canton }]),
        }
    }

    pub(super) fn release_canton(
        &self,
        id: NetworkId,
        canton: CantonCode,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        if !network.cantons.contains(&canton) {
            return Err(NetworkError::CantonNotInNetwork {
                canton,
                network: id,
            });
        }
        if network.cantons.len() == 1 {
            return Err(NetworkError::NoCantons);
        }
        Ok(vec![NetworkEvent::CantonReleased { id, canton }])
    }

    /// Whether `delegation` may follow the network's current one: the
    /// same person is no change; a new one starts no earlier.
    pub(super) fn follows_current(
        &self,
        id: NetworkId,
        delegation: Delegation,
    ) -> Result<bool, NetworkError> {
        match self.existing(id)?.coordinator {
            Some(current) if current.person == delegation.person => Ok(false),
            Some(current) if delegation.from < current.from => {
                Err(NetworkError::DelegationBeforeCurrent {
                    current_from: current.from,
                    from: delegation.from,
                })
            }
            _ => Ok(true),
        }
    }

    pub(super) fn delegate(
        &self,
        id: NetworkId,
        delegation: Delegation,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        if !self.follows_current(id, delegation)? {
            return Ok(vec![]);
        }
        Ok(vec![delegated(id, delegation)])
    }
}

pub(super) fn delegated(id: NetworkId, delegation: Delegation) -> NetworkEvent {
    NetworkEvent::CoordinatorDelegated {
        id,
        person: delegation.person,
        from: delegation.from,
    }
}
