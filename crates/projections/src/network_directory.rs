//! The regional IIZ networks: their cantons and delegated coordinator, and
//! what the cantons have proposed and agreed so far.

use chrono::NaiveDate;
use iiz_domain::network::NetworkEvent;
use iiz_domain::text::LocalizedName;
use iiz_domain::{CantonCode, NetworkId, PersonId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`NetworkView`] documents, keyed by network id.
pub const NETWORKS: &str = "networks";

/// The coordinator a network delegates to the national EKG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub person: PersonId,
    pub from: NaiveDate,
}

/// Where a network stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkStatus {
    /// Proposed by a canton; not every founding canton agreed yet.
    Proposed,
    /// A founding canton declined: never formed.
    Declined,
    /// Networks formed before proposals existed have no status stored.
    #[default]
    Formed,
    /// Its cantons all left.
    Ended,
}

/// A canton asking to join, and the members that agreed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub canton: CantonCode,
    pub agreed: Vec<CantonCode>,
}

/// A coordinator proposed by a member canton, and the members that agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorProposal {
    pub person: PersonId,
    pub from: NaiveDate,
    pub by: CantonCode,
    pub agreed: Vec<CantonCode>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub id: NetworkId,
    pub names: LocalizedName,
    /// Sorted; while proposed, the founding cantons.
    pub cantons: Vec<CantonCode>,
    pub coordinator: Option<Delegation>,
    #[serde(default)]
    pub status: NetworkStatus,
    /// The founding cantons that agreed, while proposed.
    #[serde(default)]
    pub agreed: Vec<CantonCode>,
    #[serde(default)]
    pub join_requests: Vec<JoinRequest>,
    #[serde(default)]
    pub coordinator_proposal: Option<CoordinatorProposal>,
    /// The delegate whose EKG seat is in place.
    #[serde(default)]
    pub ekg_seat: Option<PersonId>,
    /// The delegation changed and the EKG seat is not in place yet (the
    /// app's process completes it).
    #[serde(default)]
    pub seat_pending: bool,
}

impl NetworkView {
    fn settle(mut self) -> Self {
        let wanted = match self.status {
            NetworkStatus::Formed => self.coordinator.map(|delegation| delegation.person),
            _ => None,
        };
        self.seat_pending = wanted != self.ekg_seat;
        self
    }
}

fn add(cantons: &mut Vec<CantonCode>, canton: CantonCode) {
    if let Err(at) = cantons.binary_search(&canton) {
        cantons.insert(at, canton);
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct NetworkDirectory;

fn network_id(event: &NetworkEvent) -> NetworkId {
    event.network()
}

fn key(id: NetworkId) -> DocKey {
    DocKey::new(NETWORKS, id.to_string())
}

impl Projection for NetworkDirectory {
    fn name(&self) -> &'static str {
        "network_directory"
    }

    fn version(&self) -> i32 {
        2
    }

    fn collections(&self) -> &'static [&'static str] {
        &[NETWORKS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "network_registry"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(network_id(&decode::<NetworkEvent>(event)?))])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let change = decode::<NetworkEvent>(event)?;
        let key = key(network_id(&change));
        let view = match (change, get_typed::<NetworkView>(docs, &key)?) {
            (
                NetworkEvent::Proposed {
                    id,
                    names,
                    cantons,
                    by,
                },
                _,
            ) => NetworkView {
                id,
                names,
                cantons,
                coordinator: None,
                status: NetworkStatus::Proposed,
                agreed: vec![by],
                join_requests: Vec::new(),
                coordinator_proposal: None,
                ekg_seat: None,
                seat_pending: false,
            },
            (NetworkEvent::Formed { id, names, cantons }, view) => NetworkView {
                id,
                names,
                cantons,
                coordinator: None,
                status: NetworkStatus::Formed,
                agreed: Vec::new(),
                join_requests: Vec::new(),
                coordinator_proposal: None,
                ekg_seat: view.and_then(|view| view.ekg_seat),
                seat_pending: false,
            },
            (_, None) => {
                return Err(ProjectionError::Malformed {
                    key,
                    reason: "event for a network that was never proposed or formed".to_owned(),
                });
            }
            (change, Some(view)) => changed(view, change),
        };
        let view = view.settle();
        let sort = view.names.best(iiz_domain::Language::De).to_lowercase();
        put_typed(docs, key, None, sort, &view)
    }
}

/// A network after a change other than its proposal or formation.
fn changed(mut view: NetworkView, change: NetworkEvent) -> NetworkView {
    match change {
        NetworkEvent::Proposed { .. } | NetworkEvent::Formed { .. } => {}
        NetworkEvent::ProposalAnswered { canton, agree, .. } => {
            if agree {
                add(&mut view.agreed, canton);
            } else {
                view.status = NetworkStatus::Declined;
            }
        }
        NetworkEvent::Renamed { names, .. } => view.names = names,
        NetworkEvent::JoinRequested { canton, .. } => {
            view.join_requests
                .retain(|request| request.canton != canton);
            view.join_requests.push(JoinRequest {
                canton,
                agreed: Vec::new(),
            });
        }
        NetworkEvent::JoinAnswered {
            canton, by, agree, ..
        } => {
            if agree {
                for request in &mut view.join_requests {
                    if request.canton == canton {
                        add(&mut request.agreed, by);
                    }
                }
            } else {
                view.join_requests
                    .retain(|request| request.canton != canton);
            }
        }
        NetworkEvent::CantonAssigned { canton, .. } => {
            add(&mut view.cantons, canton);
            view.join_requests
                .retain(|request| request.canton != canton);
            view.status = NetworkStatus::Formed;
        }
        NetworkEvent::CantonReleased { canton, .. } | NetworkEvent::CantonLeft { canton, .. } => {
            view.cantons.retain(|held| *held != canton);
            for request in &mut view.join_requests {
                request.agreed.retain(|held| *held != canton);
            }
            if view.cantons.is_empty() {
                view.status = NetworkStatus::Ended;
            }
        }
        NetworkEvent::CoordinatorProposed {
            person, from, by, ..
        } => {
            view.coordinator_proposal = Some(CoordinatorProposal {
                person,
                from,
                by,
                agreed: vec![by],
            });
        }
        NetworkEvent::CoordinatorAnswered { by, agree, .. } => {
            match (&mut view.coordinator_proposal, agree) {
                (Some(proposal), true) => add(&mut proposal.agreed, by),
                _ => view.coordinator_proposal = None,
            }
        }
        NetworkEvent::CoordinatorDelegated { person, from, .. } => {
            view.coordinator = Some(Delegation { person, from });
            view.coordinator_proposal = None;
        }
        NetworkEvent::EkgSeatRecorded { delegate, .. } => view.ekg_seat = delegate,
    }
    view
}
