//! The regional IIZ networks, run by the cantons: each mutation is a
//! canton's step (`canton`), taken by a coordinator of that canton.

use std::collections::BTreeSet;

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use iiz_domain::{NetworkCommand, NetworkId, PersonId};

use super::localized_names::{self, LocalizedTextInput};
use crate::graphql::args::{self, caller, network_id, parse_id};
use crate::graphql::network_types::Network;

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
    /// A canton proposes a regional network with its founding cantons (its
    /// own among them; each canton in at most one network). It is formed
    /// once every other founding canton agreed.
    async fn propose_network(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"names\")"))] names: Vec<
            LocalizedTextInput,
        >,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"cantons\")"))] cantons: Vec<
            ID,
        >,
    ) -> Result<Network> {
        let id = NetworkId::new();
        let command = NetworkCommand::Propose {
            id,
            names: localized_names::names(names)?,
            cantons: cantons.iter().map(args::canton).collect::<Result<_>>()?,
            by: args::canton(&canton)?,
        };
        self.network_command(ctx, id, command).await
    }

    /// A founding canton agrees to (or declines) a proposed network.
    async fn answer_network_proposal(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
        agree: bool,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::AnswerProposal {
            id,
            canton: args::canton(&canton)?,
            agree,
        };
        self.network_command(ctx, id, command).await
    }

    /// A member canton renames its network.
    async fn rename_network(
        &self,
        ctx: &Context<'_>,
        id: ID,
        canton: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"names\")"))] names: Vec<
            LocalizedTextInput,
        >,
    ) -> Result<Network> {
        let id = network_id(&id)?;
        let command = NetworkCommand::Rename {
            id,
            names: localized_names::names(names)?,
            by: Some(args::canton(&canton)?),
        };
        self.network_command(ctx, id, command).await
    }

    /// A canton asks to join a network; it joins once every member canton
    /// agreed.
    async fn request_to_join_network(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::RequestToJoin {
            id,
            canton: args::canton(&canton)?,
        };
        self.network_command(ctx, id, command).await
    }

    /// A member canton (`canton`) agrees to (or declines) `joining`.
    async fn answer_join_request(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
        joining: ID,
        agree: bool,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::AnswerJoin {
            id,
            canton: args::canton(&joining)?,
            by: args::canton(&canton)?,
            agree,
        };
        self.network_command(ctx, id, command).await
    }

    /// A canton leaves a network by its own decision on `on`; once its
    /// cantons all left, the network has ended and its delegate's EKG seat
    /// ends.
    async fn leave_network(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
        on: NaiveDate,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::Leave {
            id,
            canton: args::canton(&canton)?,
            on,
        };
        self.network_command(ctx, id, command).await
    }

    /// A member canton proposes the coordinator the network delegates to
    /// the national EKG from `from` (a person of one of its cantons); the
    /// delegation, and the EKG seat, follow once every other member canton
    /// agreed.
    async fn propose_network_coordinator(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
        person: ID,
        from: NaiveDate,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::ProposeCoordinator {
            id,
            person: parse_id(&person, PersonId::parse)?,
            from,
            by: args::canton(&canton)?,
            person_cantons: BTreeSet::new(),
        };
        self.network_command(ctx, id, command).await
    }

    /// A member canton agrees to (or declines) the proposed coordinator.
    async fn answer_coordinator_proposal(
        &self,
        ctx: &Context<'_>,
        network: ID,
        canton: ID,
        agree: bool,
    ) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::AnswerCoordinator {
            id,
            by: args::canton(&canton)?,
            agree,
        };
        self.network_command(ctx, id, command).await
    }
}
