//! The regional IIZ networks: groups of cantons that consolidate their
//! concerns before they go national, each delegating one coordinator to the
//! national EKG.
//!
//! The cantons run them (IIZ 3.0, chapter 5, point 3: "Den Kantonen wird
//! empfohlen, regionale IIZ-Netzwerke zu installieren … Die Kantone
//! delegieren pro IIZ-Netzwerk eine IIZ-Koordinatorin oder einen
//! Koordinator"): a canton proposes a network and it is formed once its
//! other founding cantons agreed; a canton joins with the agreement of every
//! member canton and leaves by its own decision; the delegate is proposed
//! by a member canton and delegated once every other member canton agreed.
//! The concept does not say how the cantons agree; unanimity of the cantons
//! concerned is the rule here because a network is a voluntary association.
//!
//! All networks share one registry stream: "a canton belongs to at most one
//! network" spans every network, and only a single aggregate can check it
//! without a race between two streams.

mod agreement;
#[cfg(test)]
mod agreement_tests;
mod command;
mod error;
mod repair;
mod seat;
#[cfg(test)]
mod seat_tests;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

pub use command::{NetworkCommand, NetworkEvent};
pub use error::NetworkError;
pub use seat::SeatChange;

use seat::SeatRecord;

use crate::Aggregate;
use crate::ids::{CantonCode, NetworkId, PersonId};
use crate::text::LocalizedName;

/// Who represents a network in the national EKG, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delegation {
    pub person: PersonId,
    pub from: NaiveDate,
}

/// A network proposed by a canton, awaiting its founding cantons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    names: LocalizedName,
    cantons: BTreeSet<CantonCode>,
    agreed: BTreeSet<CantonCode>,
    /// Formed or declined: the id is used.
    closed: bool,
}

impl Proposal {
    pub fn is_open(&self) -> bool {
        !self.closed
    }
}

/// A coordinator proposed by a member canton, awaiting the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoordinatorProposal {
    pub delegation: Delegation,
    pub agreed: BTreeSet<CantonCode>,
}

/// One regional network as the registry knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    names: LocalizedName,
    cantons: BTreeSet<CantonCode>,
    coordinator: Option<Delegation>,
    /// Joining cantons and the members that agreed so far.
    join_requests: BTreeMap<CantonCode, BTreeSet<CantonCode>>,
    coordinator_proposal: Option<CoordinatorProposal>,
    seat: SeatRecord,
    /// The day the last canton left.
    ended_on: Option<NaiveDate>,
}

impl Network {
    fn new(names: LocalizedName, cantons: impl IntoIterator<Item = CantonCode>) -> Self {
        Self {
            names,
            cantons: cantons.into_iter().collect(),
            coordinator: None,
            join_requests: BTreeMap::new(),
            coordinator_proposal: None,
            seat: SeatRecord::default(),
            ended_on: None,
        }
    }

    pub fn names(&self) -> &LocalizedName {
        &self.names
    }

    /// The member cantons in alphabetical order; empty once the network
    /// ended.
    pub fn cantons(&self) -> impl Iterator<Item = CantonCode> + '_ {
        self.cantons.iter().copied()
    }

    pub fn coordinator(&self) -> Option<Delegation> {
        self.coordinator
    }

    pub fn coordinator_proposal(&self) -> Option<&CoordinatorProposal> {
        self.coordinator_proposal.as_ref()
    }

    /// The cantons asking to join.
    pub fn join_requests(&self) -> impl Iterator<Item = CantonCode> + '_ {
        self.join_requests.keys().copied()
    }

    /// The delegate who should sit in the EKG: none once the network ended.
    pub fn ekg_delegate(&self) -> Option<Delegation> {
        if self.cantons.is_empty() {
            None
        } else {
            self.coordinator
        }
    }
}

/// State of the one stream holding every regional network.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkRegistry {
    networks: BTreeMap<NetworkId, Network>,
    proposals: BTreeMap<NetworkId, Proposal>,
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

    pub fn proposal(&self, id: NetworkId) -> Option<&Proposal> {
        self.proposals.get(&id)
    }

    /// The network the canton belongs to, if any.
    pub fn network_of(&self, canton: CantonCode) -> Option<NetworkId> {
        self.owners.get(&canton).copied()
    }

    fn existing(&self, id: NetworkId) -> Result<&Network, NetworkError> {
        match self.networks.get(&id) {
            Some(network) => Ok(network),
            None if self.proposals.contains_key(&id) => Err(NetworkError::NotFormed(id)),
            None => Err(NetworkError::UnknownNetwork(id)),
        }
    }

    fn network_mut(&mut self, id: NetworkId) -> Option<&mut Network> {
        self.networks.get_mut(&id)
    }

    fn form_network(&mut self, id: NetworkId, names: &LocalizedName, cantons: &[CantonCode]) {
        for canton in cantons {
            self.owners.insert(*canton, id);
        }
        if let Some(proposal) = self.proposals.get_mut(&id) {
            proposal.closed = true;
        }
        self.networks
            .insert(id, Network::new(names.clone(), cantons.iter().copied()));
    }

    fn release(&mut self, id: NetworkId, canton: CantonCode) {
        if let Some(network) = self.networks.get_mut(&id) {
            network.cantons.remove(&canton);
            network.join_requests.values_mut().for_each(|agreed| {
                agreed.remove(&canton);
            });
            self.owners.remove(&canton);
        }
    }
}

impl Aggregate for NetworkRegistry {
    const STREAM_TYPE: &'static str = "network_registry";
    type Command = NetworkCommand;
    type Event = NetworkEvent;
    type Error = NetworkError;

    fn decide(&self, command: NetworkCommand) -> Result<Vec<NetworkEvent>, NetworkError> {
        match command {
            NetworkCommand::Propose {
                id,
                names,
                cantons,
                by,
            } => self.propose(id, names, cantons, by),
            NetworkCommand::AnswerProposal { id, canton, agree } => {
                self.answer_proposal(id, canton, agree)
            }
            NetworkCommand::Rename { id, names, by } => self.rename(id, names, by),
            NetworkCommand::RequestToJoin { id, canton } => self.request_to_join(id, canton),
            NetworkCommand::AnswerJoin {
                id,
                canton,
                by,
                agree,
            } => self.answer_join(id, canton, by, agree),
            NetworkCommand::Leave { id, canton, on } => self.leave(id, canton, on),
            NetworkCommand::ProposeCoordinator {
                id,
                person,
                from,
                by,
                person_cantons,
            } => self.propose_coordinator(id, Delegation { person, from }, by, &person_cantons),
            NetworkCommand::AnswerCoordinator { id, by, agree } => {
                self.answer_coordinator(id, by, agree)
            }
            NetworkCommand::RecordEkgSeat {
                id,
                delegate,
                admitted,
            } => self.record_ekg_seat(id, delegate, admitted),
            NetworkCommand::Form { id, names, cantons } => self.form(id, names, cantons),
            NetworkCommand::AssignCanton { id, canton } => self.assign(id, canton),
            NetworkCommand::ReleaseCanton { id, canton } => self.release_canton(id, canton),
            NetworkCommand::DelegateCoordinator { id, person, from } => {
                self.delegate(id, Delegation { person, from })
            }
        }
    }

    fn evolve(mut self, event: &NetworkEvent) -> Self {
        match event {
            NetworkEvent::Formed { id, names, cantons } => self.form_network(*id, names, cantons),
            NetworkEvent::Proposed {
                id,
                names,
                cantons,
                by,
            } => {
                self.proposals.insert(
                    *id,
                    Proposal {
                        names: names.clone(),
                        cantons: cantons.iter().copied().collect(),
                        agreed: BTreeSet::from([*by]),
                        closed: false,
                    },
                );
            }
            NetworkEvent::ProposalAnswered { id, canton, agree } => {
                if let Some(proposal) = self.proposals.get_mut(id) {
                    if *agree {
                        proposal.agreed.insert(*canton);
                    } else {
                        proposal.closed = true;
                    }
                }
            }
            NetworkEvent::Renamed { id, names } => {
                if let Some(network) = self.network_mut(*id) {
                    network.names = names.clone();
                }
            }
            NetworkEvent::JoinRequested { id, canton } => {
                if let Some(network) = self.network_mut(*id) {
                    network.join_requests.insert(*canton, BTreeSet::new());
                }
            }
            NetworkEvent::JoinAnswered {
                id,
                canton,
                by,
                agree,
            } => {
                if let Some(network) = self.network_mut(*id) {
                    if *agree {
                        if let Some(agreed) = network.join_requests.get_mut(canton) {
                            agreed.insert(*by);
                        }
                    } else {
                        network.join_requests.remove(canton);
                    }
                }
            }
            NetworkEvent::CantonAssigned { id, canton } => {
                if let Some(network) = self.networks.get_mut(id) {
                    network.cantons.insert(*canton);
                    network.join_requests.remove(canton);
                    network.ended_on = None;
                    self.owners.insert(*canton, *id);
                }
            }
            NetworkEvent::CantonReleased { id, canton } => self.release(*id, *canton),
            NetworkEvent::CantonLeft { id, canton, on } => {
                self.release(*id, *canton);
                if let Some(network) = self.network_mut(*id)
                    && network.cantons.is_empty()
                {
                    network.ended_on = Some(*on);
                }
            }
            NetworkEvent::CoordinatorProposed {
                id,
                person,
                from,
                by,
            } => {
                if let Some(network) = self.network_mut(*id) {
                    network.coordinator_proposal = Some(CoordinatorProposal {
                        delegation: Delegation {
                            person: *person,
                            from: *from,
                        },
                        agreed: BTreeSet::from([*by]),
                    });
                }
            }
            NetworkEvent::CoordinatorAnswered { id, by, agree } => {
                if let Some(network) = self.network_mut(*id) {
                    match (&mut network.coordinator_proposal, agree) {
                        (Some(proposal), true) => {
                            proposal.agreed.insert(*by);
                        }
                        _ => network.coordinator_proposal = None,
                    }
                }
            }
            NetworkEvent::CoordinatorDelegated { id, person, from } => {
                if let Some(network) = self.network_mut(*id) {
                    network.coordinator = Some(Delegation {
                        person: *person,
                        from: *from,
                    });
                    network.coordinator_proposal = None;
                }
            }
            NetworkEvent::EkgSeatRecorded {
                id,
                delegate,
                admitted,
            } => {
                if let Some(network) = self.network_mut(*id) {
                    network.seat = SeatRecord {
                        delegate: *delegate,
                        admitted: *admitted,
                        since: network.coordinator.map(|delegation| delegation.from),
                        changes: network.seat.changes.saturating_add(1),
                    };
                }
            }
        }
        self
    }
}
