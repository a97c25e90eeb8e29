//! The cantons' steps: proposing and agreeing to a network, joining,
//! leaving, and delegating the network's coordinator. A step that completes
//! an agreement records the agreement and its effect together.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::repair::delegated;
use super::{Delegation, Network, NetworkError, NetworkEvent, NetworkRegistry};
use crate::ids::{CantonCode, NetworkId, PersonId};
use crate::text::LocalizedName;

/// Whether every canton of `needed` is in `agreed`.
fn all_agreed(needed: &BTreeSet<CantonCode>, agreed: &BTreeSet<CantonCode>) -> bool {
    needed.is_subset(agreed)
}

impl Network {
    fn member(&self, id: NetworkId, canton: CantonCode) -> Result<(), NetworkError> {
        if self.cantons.contains(&canton) {
            Ok(())
        } else {
            Err(NetworkError::CantonNotInNetwork {
                canton,
                network: id,
            })
        }
    }

    fn active(&self, id: NetworkId) -> Result<(), NetworkError> {
        if self.cantons.is_empty() {
            Err(NetworkError::Ended(id))
        } else {
            Ok(())
        }
    }
}

impl NetworkRegistry {
    pub(super) fn propose(
        &self,
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
        by: CantonCode,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        self.id_is_free(id)?;
        if !cantons.contains(&by) {
            return Err(NetworkError::ProposerNotFounding { canton: by });
        }
        let cantons = self.founding_cantons(cantons)?;
        let mut events = vec![NetworkEvent::Proposed {
            id,
            names: names.clone(),
            cantons: cantons.clone(),
            by,
        }];
        // A network of the proposing canton alone needs nobody else.
        if cantons == [by] {
            events.push(NetworkEvent::Formed { id, names, cantons });
        }
        Ok(events)
    }

    pub(super) fn answer_proposal(
        &self,
        id: NetworkId,
        canton: CantonCode,
        agree: bool,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let proposal = match self.proposals.get(&id) {
            Some(proposal) => proposal,
            None if self.networks.contains_key(&id) => {
                return Err(NetworkError::ProposalClosed(id));
            }
            None => return Err(NetworkError::UnknownNetwork(id)),
        };
        if proposal.closed {
            return Err(NetworkError::ProposalClosed(id));
        }
        if !proposal.cantons.contains(&canton) {
            return Err(NetworkError::NotFounding {
                canton,
                network: id,
            });
        }
        let answer = NetworkEvent::ProposalAnswered { id, canton, agree };
        if !agree {
            return Ok(vec![answer]);
        }
        let mut agreed = proposal.agreed.clone();
        let mut events = Vec::new();
        if agreed.insert(canton) {
            events.push(answer);
        }
        if all_agreed(&proposal.cantons, &agreed) {
            let cantons: Vec<CantonCode> = proposal.cantons.iter().copied().collect();
            self.all_free(&cantons)?;
            events.push(NetworkEvent::Formed {
                id,
                names: proposal.names.clone(),
                cantons,
            });
        }
        Ok(events)
    }

    pub(super) fn request_to_join(
        &self,
        id: NetworkId,
        canton: CantonCode,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        network.active(id)?;
        match self.network_of(canton) {
            Some(current) if current == id => return Ok(vec![]),
            Some(current) => {
                return Err(NetworkError::CantonTaken {
                    canton,
                    network: current,
                });
            }
            None => {}
        }
        if network.join_requests.contains_key(&canton) {
            return Ok(vec![]);
        }
        Ok(vec![NetworkEvent::JoinRequested { id, canton }])
    }

    pub(super) fn answer_join(
        &self,
        id: NetworkId,
        canton: CantonCode,
        by: CantonCode,
        agree: bool,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        network.member(id, by)?;
        let agreed = network
            .join_requests
            .get(&canton)
            .ok_or(NetworkError::NoJoinRequest {
                canton,
                network: id,
            })?;
        let answer = NetworkEvent::JoinAnswered {
            id,
            canton,
            by,
            agree,
        };
        if !agree {
            return Ok(vec![answer]);
        }
        let mut agreed = agreed.clone();
        let mut events = Vec::new();
        if agreed.insert(by) {
            events.push(answer);
        }
        if all_agreed(&network.cantons, &agreed) {
            self.all_free(&[canton])?;
            events.push(NetworkEvent::CantonAssigned { id, canton });
        }
        Ok(events)
    }

    pub(super) fn leave(
        &self,
        id: NetworkId,
        canton: CantonCode,
        on: NaiveDate,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        self.existing(id)?.member(id, canton)?;
        Ok(vec![NetworkEvent::CantonLeft { id, canton, on }])
    }

    pub(super) fn propose_coordinator(
        &self,
        id: NetworkId,
        delegation: Delegation,
        by: CantonCode,
        person_cantons: &BTreeSet<CantonCode>,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        network.member(id, by)?;
        if person_cantons.is_disjoint(&network.cantons) {
            return Err(NetworkError::IneligibleCoordinator {
                person: delegation.person,
                network: id,
            });
        }
        if !self.follows_current(id, delegation)? {
            return Ok(vec![]);
        }
        if network
            .coordinator_proposal
            .as_ref()
            .is_some_and(|proposal| proposal.delegation == delegation)
        {
            return Ok(vec![]);
        }
        let mut events = vec![NetworkEvent::CoordinatorProposed {
            id,
            person: delegation.person,
            from: delegation.from,
            by,
        }];
        if network.cantons.len() == 1 {
            events.push(delegated(id, delegation));
        }
        Ok(events)
    }

    pub(super) fn answer_coordinator(
        &self,
        id: NetworkId,
        by: CantonCode,
        agree: bool,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        network.member(id, by)?;
        let proposal = network
            .coordinator_proposal
            .as_ref()
            .ok_or(NetworkError::NoCoordinatorProposal(id))?;
        let answer = NetworkEvent::CoordinatorAnswered { id, by, agree };
        if !agree {
            return Ok(vec![answer]);
        }
        let mut agreed = proposal.agreed.clone();
        let mut events = Vec::new();
        if agreed.insert(by) {
            events.push(answer);
        }
        if all_agreed(&network.cantons, &agreed) {
            events.push(delegated(id, proposal.delegation));
        }
        Ok(events)
    }

    pub(super) fn record_ekg_seat(
        &self,
        id: NetworkId,
        delegate: Option<PersonId>,
        admitted: bool,
    ) -> Result<Vec<NetworkEvent>, NetworkError> {
        let network = self.existing(id)?;
        if network.pending_seat_change().is_none() {
            return Ok(vec![]);
        }
        if network.ekg_delegate().map(|delegation| delegation.person) != delegate {
            return Err(NetworkError::SeatOutdated(id));
        }
        Ok(vec![NetworkEvent::EkgSeatRecorded {
            id,
            delegate,
            admitted: admitted && delegate.is_some(),
        }])
    }
}
