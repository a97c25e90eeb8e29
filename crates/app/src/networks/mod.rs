//! The regional networks as the cantons run them (IIZ 3.0, chapter 5,
//! point 3): every step is a canton's, taken by that canton's coordinator;
//! the network's delegate gets a voting seat in the national EKG through
//! the process in [`seats`]. The Fachstelle hears of formed networks and
//! delegations (a notifier rule) and takes no step; the platform's
//! operators may repair the registry.

mod seats;

use iiz_domain::error::ErrorKind;
use iiz_domain::{
    Aggregate, CantonCode, ConceptRule, NetworkCommand, NetworkId, NetworkRegistry, TenantId,
    TenantRole,
};
use iiz_projections::{NETWORKS, NetworkView};
use iiz_store::{DocQuery, StreamRef};

use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed, Page};

/// The one stream of the regional networks (national tenant).
pub fn network_registry_stream() -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        NetworkRegistry::STREAM_TYPE,
        "regional-networks",
    )
}

/// The operation of a command and the canton that takes it (none: an
/// operator's repair).
fn operation_of(command: &NetworkCommand) -> (Operation, Option<CantonCode>) {
    match command {
        NetworkCommand::Propose { by, .. } => (Operation::ProposeNetwork, Some(*by)),
        NetworkCommand::AnswerProposal { canton, .. } => {
            (Operation::AnswerNetworkProposal, Some(*canton))
        }
        NetworkCommand::Rename { by: Some(by), .. } => (Operation::RenameNetwork, Some(*by)),
        NetworkCommand::RequestToJoin { canton, .. } => {
            (Operation::RequestToJoinNetwork, Some(*canton))
        }
        NetworkCommand::AnswerJoin { by, .. } => (Operation::AnswerJoinRequest, Some(*by)),
        NetworkCommand::Leave { canton, .. } => (Operation::LeaveNetwork, Some(*canton)),
        NetworkCommand::ProposeCoordinator { by, .. } => {
            (Operation::ProposeNetworkCoordinator, Some(*by))
        }
        NetworkCommand::AnswerCoordinator { by, .. } => {
            (Operation::AnswerCoordinatorProposal, Some(*by))
        }
        NetworkCommand::Rename { by: None, .. }
        | NetworkCommand::RecordEkgSeat { .. }
        | NetworkCommand::Form { .. }
        | NetworkCommand::AssignCanton { .. }
        | NetworkCommand::ReleaseCanton { .. }
        | NetworkCommand::DelegateCoordinator { .. } => (Operation::RepairNetwork, None),
    }
}

fn network_of(command: &NetworkCommand) -> NetworkId {
    match command {
        NetworkCommand::Propose { id, .. }
        | NetworkCommand::AnswerProposal { id, .. }
        | NetworkCommand::Rename { id, .. }
        | NetworkCommand::RequestToJoin { id, .. }
        | NetworkCommand::AnswerJoin { id, .. }
        | NetworkCommand::Leave { id, .. }
        | NetworkCommand::ProposeCoordinator { id, .. }
        | NetworkCommand::AnswerCoordinator { id, .. }
        | NetworkCommand::RecordEkgSeat { id, .. }
        | NetworkCommand::Form { id, .. }
        | NetworkCommand::AssignCanton { id, .. }
        | NetworkCommand::ReleaseCanton { id, .. }
        | NetworkCommand::DelegateCoordinator { id, .. } => *id,
    }
}

impl Caller<'_> {
    pub async fn networks(
        &self,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<NetworkView>, AppError> {
        self.check(Operation::ListNetworks, Target::platform())?;
        let query = DocQuery {
            collection: NETWORKS.to_owned(),
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// One regional network (or a proposed one).
    pub async fn network(&self, id: NetworkId) -> Result<NetworkView, AppError> {
        self.check(Operation::ListNetworks, Target::platform())?;
        self.doc::<NetworkView>(NETWORKS, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// A canton's step in a network, taken by its coordinator, or an
    /// operator's repair. A step that changes the network's delegate (or
    /// ends the network) then puts the EKG seat in place.
    pub async fn network_command(&self, command: NetworkCommand) -> Result<Executed, AppError> {
        let (operation, canton) = operation_of(&command);
        let target = canton.map_or_else(Target::platform, |canton| {
            Target::tenant(TenantId::Canton(canton))
        });
        match self.check(operation, target) {
            // The national office used to run the networks: it reads the
            // concept's rule instead of a bare refusal.
            Err(AppError::Denied(Denied::Forbidden))
                if self
                    .principal()
                    .is_some_and(|principal| principal.is_national_office()) =>
            {
                return Err(not_the_cantons_coordinator(canton));
            }
            other => other?,
        }
        let command = match command {
            NetworkCommand::ProposeCoordinator {
                id,
                person,
                from,
                by,
                person_cantons: _,
            } => NetworkCommand::ProposeCoordinator {
                id,
                person,
                from,
                by,
                person_cantons: self.cantons_of_person(person).await?,
            },
            NetworkCommand::DelegateCoordinator { person, .. } => {
                self.require_person(person).await?;
                command
            }
            command => command,
        };
        let network = network_of(&command);
        let executed = self
            .app()
            .execute::<NetworkRegistry>(network_registry_stream(), command, self.event_metadata()?)
            .await?;
        self.app().settle_ekg_seat(network, &self.actor()?).await?;
        Ok(executed)
    }

    /// The cantons `person` belongs to: their home canton and those where
    /// they hold the coordinator role. The network delegates a coordinator
    /// of its own cantons; the concept does not say more ("Die Kantone
    /// delegieren pro IIZ-Netzwerk eine IIZ-Koordinatorin oder einen
    /// Koordinator"), and a network's coordinator is often not the
    /// canton's own.
    async fn cantons_of_person(
        &self,
        person: iiz_domain::PersonId,
    ) -> Result<std::collections::BTreeSet<CantonCode>, AppError> {
        let view = self
            .app()
            .person_view(person)
            .await?
            .ok_or_else(|| AppError::invalid(format!("no person {person} is registered")))?;
        Ok(view
            .roles
            .iter()
            .filter(|grant| grant.role == TenantRole::Coordinator)
            .map(|grant| grant.tenant)
            .chain([view.home])
            .filter_map(|tenant| match tenant {
                TenantId::Canton(canton) => Some(canton),
                TenantId::National => None,
            })
            .collect())
    }
}

/// A step in a network refused to the Fachstelle: it is informed, not in
/// charge.
fn not_the_cantons_coordinator(canton: Option<CantonCode>) -> AppError {
    let message = match canton {
        Some(canton) => format!(
            "the cantons run their networks: only a coordinator of {canton} takes this step for {canton}"
        ),
        None => "the cantons run their networks: only the platform's operators repair the registry"
            .to_owned(),
    };
    AppError::governance(
        ConceptRule::NetworksByCantons,
        ErrorKind::InvalidState,
        message,
    )
}
