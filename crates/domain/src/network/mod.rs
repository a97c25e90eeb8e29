//! The regional IIZ networks: groups of cantons that consolidate their
//! concerns before they go national, each delegating one coordinator to the
//! national EKG.
//!
//! All networks share one registry stream: "a canton belongs to at most one
//! network" spans every network, and only a single aggregate can check it
//! without a race between two streams.

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Classify, ErrorKind};
use crate::ids::{CantonCode, NetworkId, PersonId};
use crate::text::LocalizedName;
use crate::{Aggregate, DomainEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkCommand {
    Form {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
    },
    Rename {
        id: NetworkId,
        names: LocalizedName,
    },
    AssignCanton {
        id: NetworkId,
        canton: CantonCode,
    },
    ReleaseCanton {
        id: NetworkId,
        canton: CantonCode,
    },
    /// Records who represents the network in the national EKG from `from`;
    /// the EKG seat itself is a membership of that body.
    DelegateCoordinator {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum NetworkEvent {
    /// `cantons` is sorted and free of duplicates.
    Formed {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
    },
    Renamed {
        id: NetworkId,
        names: LocalizedName,
    },
    CantonAssigned {
        id: NetworkId,
        canton: CantonCode,
    },
    CantonReleased {
        id: NetworkId,
        canton: CantonCode,
    },
    CoordinatorDelegated {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
    },
}

impl DomainEvent for NetworkEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Formed { .. } => "Formed",
            Self::Renamed { .. } => "Renamed",
            Self::CantonAssigned { .. } => "CantonAssigned",
            Self::CantonReleased { .. } => "CantonReleased",
            Self::CoordinatorDelegated { .. } => "CoordinatorDelegated",
        }
    }
}

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
}

impl Classify for NetworkError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::NetworkExists(_) => ErrorKind::AlreadyExists,
            Self::UnknownNetwork(_) => ErrorKind::NotFound,
            Self::CantonTaken { .. } | Self::CantonNotInNetwork { .. } => ErrorKind::InvalidState,
            Self::DuplicateCanton(_) | Self::NoCantons | Self::DelegationBeforeCurrent { .. } => {
                ErrorKind::Validation
            }
        }
    }
}

/// Who represents a network in the national EKG, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delegation {
    pub person: PersonId,
    pub from: NaiveDate,
}

/// One regional network as the registry knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    names: LocalizedName,
    cantons: BTreeSet<CantonCode>,
    coordinator: Option<Delegation>,
}

impl Network {
    pub fn names(&self) -> &LocalizedName {
        &self.names
    }

    /// The member cantons in alphabetical order; never empty.
    pub fn cantons(&self) -> impl Iterator<Item = CantonCode> + '_ {
        self.cantons.iter().copied()
    }

    pub fn coordinator(&self) -> Option<Delegation> {
        self.coordinator
    }
}

/// State of the one stream holding every regional network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkRegistry {
    networks: BTreeMap<NetworkId, Network>,
    /// The inverse of every network's cantons, for the "at most one network"
    /// rule.
    owners: BTreeMap<CantonCode, NetworkId>,
}

impl NetworkRegistry {
    /// Every network, ordered by id.
    pub fn networks(&self) -> impl Iterator<Item = (NetworkId, &Network)> {
        self.networks.iter().map(|(id, network)| (*id, network))
    }

    pub fn network(&self, id: NetworkId) -> Option<&Network> {
        self.networks.get(&id)
    }

    /// The network the canton belongs to, if any.
    pub fn network_of(&self, canton: CantonCode) -> Option<NetworkId> {
        self.owners.get(&canton).copied()
    }

    fn existing(&self, id: NetworkId) -> Result<&Network, NetworkError> {
        self.networks
            .get(&id)
            .ok_or(NetworkError::UnknownNetwork(id))
    }

    fn form(
        &self,
        id: NetworkId,
        names: LocalizedName,
        mut cantons: Vec<CantonCode>,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        if self.networks.contains_key(&id) {
            return Err(NetworkError::NetworkExists(id));
        }
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
        if let Some((canton, network)) = cantons
            .iter()
            .find_map(|canton| Some((*canton, self.network_of(*canton)?)))
        {
            return Err(NetworkError::CantonTaken { canton, network });
        }
        Ok(vec![NetworkEvent::Formed { id, names, cantons }])
    }
}

impl Aggregate for NetworkRegistry {
    const STREAM_TYPE: &'static str = "network_registry";
    type Command = NetworkCommand;
    type Event = NetworkEvent;
    type Error = NetworkError;

    fn decide(&self, command: NetworkCommand) -> Result<Vec<NetworkEvent>, NetworkError> {
        match command {
            NetworkCommand::Form { id, names, cantons } => self.form(id, names, cantons),
            NetworkCommand::Rename { id, names } => {
                if self.existing(id)?.names == names {
                    return Ok(vec![]);
                }
                Ok(vec![NetworkEvent::Renamed { id, names }])
            }
            NetworkCommand::AssignCanton { id, canton } => {
                self.existing(id)?;
                match self.network_of(canton) {
                    Some(network) if network == id => Ok(vec![]),
                    Some(network) => Err(NetworkError::CantonTaken { canton, network }),
                    None => Ok(vec![NetworkEvent::CantonAssigned { id, canton }]),
                }
            }
            NetworkCommand::ReleaseCanton { id, canton } => {
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
            NetworkCommand::DelegateCoordinator { id, person, from } => {
                match self.existing(id)?.coordinator {
                    Some(current) if current.person == person => Ok(vec![]),
                    Some(current) if from < current.from => {
                        Err(NetworkError::DelegationBeforeCurrent {
                            current_from: current.from,
                            from,
                        })
                    }
                    _ => Ok(vec![NetworkEvent::CoordinatorDelegated {
                        id,
                        person,
                        from,
                    }]),
                }
            }
        }
    }

    fn evolve(mut self, event: &NetworkEvent) -> Self {
        match event {
            NetworkEvent::Formed { id, names, cantons } => {
                for canton in cantons {
                    self.owners.insert(*canton, *id);
                }
                self.networks.insert(
                    *id,
                    Network {
                        names: names.clone(),
                        cantons: cantons.iter().copied().collect(),
                        coordinator: None,
                    },
                );
            }
            NetworkEvent::Renamed { id, names } => {
                if let Some(network) = self.networks.get_mut(id) {
                    network.names = names.clone();
                }
            }
            NetworkEvent::CantonAssigned { id, canton } => {
                if let Some(network) = self.networks.get_mut(id) {
                    network.cantons.insert(*canton);
                    self.owners.insert(*canton, *id);
                }
            }
            NetworkEvent::CantonReleased { id, canton } => {
                if let Some(network) = self.networks.get_mut(id) {
                    network.cantons.remove(canton);
                    self.owners.remove(canton);
                }
            }
            NetworkEvent::CoordinatorDelegated { id, person, from } => {
                if let Some(network) = self.networks.get_mut(id) {
                    network.coordinator = Some(Delegation {
                        person: *person,
                        from: *from,
                    });
                }
            }
        }
        self
    }
}
