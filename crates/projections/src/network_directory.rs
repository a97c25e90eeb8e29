//! The regional IIZ networks: their cantons and delegated coordinator.

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkView {
    pub id: NetworkId,
    pub names: LocalizedName,
    /// Sorted.
    pub cantons: Vec<CantonCode>,
    pub coordinator: Option<Delegation>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct NetworkDirectory;

fn network_id(event: &NetworkEvent) -> NetworkId {
    match event {
        NetworkEvent::Formed { id, .. }
        | NetworkEvent::Renamed { id, .. }
        | NetworkEvent::CantonAssigned { id, .. }
        | NetworkEvent::CantonReleased { id, .. }
        | NetworkEvent::CoordinatorDelegated { id, .. } => *id,
    }
}

fn key(id: NetworkId) -> DocKey {
    DocKey::new(NETWORKS, id.to_string())
}

impl Projection for NetworkDirectory {
    fn name(&self) -> &'static str {
        "network_directory"
    }

    fn version(&self) -> i32 {
        1
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
            (NetworkEvent::Formed { id, names, cantons }, _) => NetworkView {
                id,
                names,
                cantons,
                coordinator: None,
            },
            (_, None) => {
                return Err(ProjectionError::Malformed {
                    key,
                    reason: "event for a network that was never formed".to_owned(),
                });
            }
            (NetworkEvent::Renamed { names, .. }, Some(view)) => NetworkView { names, ..view },
            (NetworkEvent::CantonAssigned { canton, .. }, Some(mut view)) => {
                if let Err(at) = view.cantons.binary_search(&canton) {
                    view.cantons.insert(at, canton);
                }
                view
            }
            (NetworkEvent::CantonReleased { canton, .. }, Some(mut view)) => {
                view.cantons.retain(|held| *held != canton);
                view
            }
            (NetworkEvent::CoordinatorDelegated { person, from, .. }, Some(view)) => NetworkView {
                coordinator: Some(Delegation { person, from }),
                ..view
            },
        };
        let sort = view.names.best(iiz_domain::Language::De).to_lowercase();
        put_typed(docs, key, None, sort, &view)
    }
}
