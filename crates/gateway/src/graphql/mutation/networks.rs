//! The regional IIZ networks.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use iiz_domain::{NetworkCommand, NetworkId, PersonId};

use super::{LocalizedTextInput, caller, network_id};
use crate::graphql::parse_id;
use crate::graphql::types::Network;

#[derive(Debug, Default)]
pub struct NetworkMutations;

impl NetworkMutations {
    async fn network_command(
        &self,
        ctx: &Context<'_>,
        id: NetworkId,
        command: NetworkCommand,
    ) -> Result<Network> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .network_command(command)
            .await
            .map_err(|error| request.error(error))?;
        caller
            .network(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }
}

#[Object]
impl NetworkMutations {
    /// Forms a regional network of cantons (each in at most one network).
    async fn form_network(
        &self,
        ctx: &Context<'_>,
        names: Vec<LocalizedTextInput>,
        cantons: Vec<ID>,
    ) -> Result<Network> {
        let id = NetworkId::new();
        let command = NetworkCommand::Form {
            id,
            names: super::names(names)?,
            cantons: cantons.iter().map(super::canton).collect::<Result<_>>()?,
        };
        self.network_command(ctx, id, command).await
    }

    async fn rename_network(
        &self,
        ctx: &Context<'_>,
        id: ID,
        names: Vec<LocalizedTextInput>,
    ) -> Result<Network> {
        let id = network_id(&id)?;
        let command = NetworkCommand::Rename {
            id,
            names: super::names(names)?,
        };
        self.network_command(ctx, id, command).await
    }

    async fn assign_canton(&self, ctx: &Context<'_>, network: ID, canton: ID) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::AssignCanton {
            id,
            canton: super::canton(&canton)?,
        };
        self.network_command(ctx, id, command).await
    }

    async fn release_canton(&self, ctx: &Context<'_>, network: ID, canton: ID) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::ReleaseCanton {
            id,
            canton: super::canton(&canton)?,
        };
        self.network_command(ctx, id, command).await
    }

    /// Records the coordinator a network delegates to the national EKG.
    async fn delegate_coordinator(
        &self,
        ctx: &Context<'_>,
        network: ID,
        person: ID,
        from: NaiveDate,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::DelegateCoordinator {
            id,
            person: parse_id(&person, PersonId::parse)?,
            from,
        };
        self.network_command(ctx, id, command).await
    }
}
