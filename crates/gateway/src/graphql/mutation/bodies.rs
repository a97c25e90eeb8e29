//! Bodies and their seats.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::Caller;
use iiz_app::tenants::NewBody;
use iiz_domain::body::BodyCommand;
use iiz_domain::{BodyId, Institution, PersonId};

use super::localized_names::{self, LocalizedTextInput};
use crate::graphql::args::{caller, free_text, invalid, parse_id, parse_tenant};
use crate::graphql::context::RequestContext;
use crate::graphql::types::{Body, BodyKindValue, BodyRoleValue, Membership};

#[derive(Debug, Clone, InputObject)]
pub struct EstablishBodyInput {
    pub tenant: ID,
    pub kind: BodyKindValue,
    #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"names\")"))]
    pub names: Vec<LocalizedTextInput>,
    #[graphql(default)]
    pub mandate: String,
    pub parent: Option<ID>,
    pub active_from: NaiveDate,
}

#[derive(Debug, Default)]
pub struct BodyMutations;

impl BodyMutations {
    async fn body_command(
        &self,
        ctx: &Context<'_>,
        id: &ID,
        command: BodyCommand,
    ) -> Result<BodyId> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(id, BodyId::parse)?;
        caller
            .body_command(id, command)
            .await
            .map_err(|error| request.error(error))?;
        Ok(id)
    }
}

#[Object]
impl BodyMutations {
    async fn establish_body(&self, ctx: &Context<'_>, input: EstablishBodyInput) -> Result<Body> {
        let (caller, request, _) = caller(ctx)?;
        let body = NewBody {
            id: BodyId::new(),
            tenant: parse_tenant(&input.tenant)?,
            kind: input.kind.into(),
            names: localized_names::names(input.names)?,
            mandate: free_text(input.mandate)?,
            parent: input
                .parent
                .as_ref()
                .map(|parent| parse_id(parent, BodyId::parse))
                .transpose()?,
            active_from: input.active_from,
        };
        let id = body.id;
        caller
            .establish_body(body)
            .await
            .map_err(|error| request.error(error))?;
        body_after(&caller, request, id).await
    }

    async fn rename_body(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"names\")"))] names: Vec<
            LocalizedTextInput,
        >,
    ) -> Result<Body> {
        let command = BodyCommand::Rename {
            names: localized_names::names(names)?,
        };
        let id = self.body_command(ctx, &id, command).await?;
        let (caller, request, _) = caller(ctx)?;
        body_after(&caller, request, id).await
    }

    async fn amend_body_mandate(&self, ctx: &Context<'_>, id: ID, mandate: String) -> Result<Body> {
        let command = BodyCommand::AmendMandate {
            mandate: free_text(mandate)?,
        };
        let id = self.body_command(ctx, &id, command).await?;
        let (caller, request, _) = caller(ctx)?;
        body_after(&caller, request, id).await
    }

    async fn dissolve_body(
        &self,
        ctx: &Context<'_>,
        id: ID,
        active_to: NaiveDate,
        reason: String,
    ) -> Result<Body> {
        let command = BodyCommand::Dissolve {
            active_to,
            reason: free_text(reason)?,
        };
        let id = self.body_command(ctx, &id, command).await?;
        let (caller, request, _) = caller(ctx)?;
        body_after(&caller, request, id).await
    }

    /// Gives a registered person a seat; returns the body's current seats.
    async fn admit_member(
        &self,
        ctx: &Context<'_>,
        body: ID,
        person: ID,
        role: BodyRoleValue,
        institution: String,
        from: NaiveDate,
    ) -> Result<Vec<Membership>> {
        let command = BodyCommand::AdmitMember {
            person: parse_id(&person, PersonId::parse)?,
            role: role.into(),
            institution: Institution::parse(&institution)
                .map_err(|error| invalid(error.to_string()))?,
            from,
        };
        let id = self.body_command(ctx, &body, command).await?;
        let (caller, request, _) = caller(ctx)?;
        members_after(&caller, request, id).await
    }

    async fn change_member_role(
        &self,
        ctx: &Context<'_>,
        body: ID,
        person: ID,
        role: BodyRoleValue,
        from: NaiveDate,
    ) -> Result<Vec<Membership>> {
        let command = BodyCommand::ChangeMemberRole {
            person: parse_id(&person, PersonId::parse)?,
            role: role.into(),
            from,
        };
        let id = self.body_command(ctx, &body, command).await?;
        let (caller, request, _) = caller(ctx)?;
        members_after(&caller, request, id).await
    }

    /// The chair passes to `to` on `on`; the previous chair stays a member.
    async fn hand_over_chair(
        &self,
        ctx: &Context<'_>,
        body: ID,
        to: ID,
        on: NaiveDate,
    ) -> Result<Vec<Membership>> {
        let command = BodyCommand::HandOverChair {
            to: parse_id(&to, PersonId::parse)?,
            on,
        };
        let id = self.body_command(ctx, &body, command).await?;
        let (caller, request, _) = caller(ctx)?;
        members_after(&caller, request, id).await
    }

    async fn remove_member(
        &self,
        ctx: &Context<'_>,
        body: ID,
        person: ID,
        on: NaiveDate,
    ) -> Result<Vec<Membership>> {
        let command = BodyCommand::RemoveMember {
            person: parse_id(&person, PersonId::parse)?,
            on,
        };
        let id = self.body_command(ctx, &body, command).await?;
        let (caller, request, _) = caller(ctx)?;
        members_after(&caller, request, id).await
    }
}

async fn body_after(caller: &Caller<'_>, request: &RequestContext, id: BodyId) -> Result<Body> {
    caller
        .body(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

async fn members_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    id: BodyId,
) -> Result<Vec<Membership>> {
    let members = caller
        .body_members(id)
        .await
        .map_err(|error| request.error(error))?;
    Ok(members.current().map(Into::into).collect())
}
