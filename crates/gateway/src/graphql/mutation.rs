//! Mutations: parse the input into domain values (bad input is a
//! `VALIDATION` error and changes nothing), then hand the command to a
//! [`iiz_app::Caller`], which authorizes and executes it.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::NaiveDate;
use iiz_app::people::NewPerson;
use iiz_app::tenants::NewBody;
use iiz_app::{App, AppError, Caller};
use iiz_domain::body::BodyCommand;
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{
    BodyId, CantonCode, Email, Institution, NetworkCommand, NetworkId, PersonCommand, PersonId,
    PersonName, TenantRole,
};

use super::context::RequestContext;
use super::query::parse_tenant;
use super::types::{
    ApiToken, Body, BodyKindValue, BodyRoleValue, Language, Membership, Network, Person,
    TenantRoleValue,
};
use super::{invalid, parse_id, session};

/// A name in one language.
#[derive(Debug, Clone, InputObject)]
pub struct LocalizedTextInput {
    pub language: Language,
    pub text: String,
}

fn names(input: Vec<LocalizedTextInput>) -> Result<LocalizedName> {
    LocalizedName::parse(
        input
            .into_iter()
            .map(|entry| (entry.language.into(), entry.text)),
    )
    .map_err(|error| invalid(error.to_string()))
}

fn free_text(text: String) -> Result<FreeText> {
    FreeText::parse(text).map_err(|error| invalid(error.to_string()))
}

#[derive(Debug, Clone, InputObject)]
pub struct EstablishBodyInput {
    pub tenant: ID,
    pub kind: BodyKindValue,
    pub names: Vec<LocalizedTextInput>,
    #[graphql(default)]
    pub mandate: String,
    pub parent: Option<ID>,
    pub active_from: NaiveDate,
}

#[derive(Debug, Clone, InputObject)]
pub struct RegisterPersonInput {
    pub home: ID,
    pub name: String,
    pub email: String,
    pub language: Language,
    /// Lets the person sign in with this password (at least 12 characters).
    pub password: Option<String>,
}

/// The answer to a successful sign-in; the session itself is a cookie.
#[derive(Debug, Clone, SimpleObject)]
pub struct SignedIn {
    /// Send as `X-CSRF-Token` with every mutation made with the cookie.
    pub csrf_token: String,
    pub person: Person,
}

/// A new API token. The secret is shown this once.
#[derive(Debug, Clone, SimpleObject)]
pub struct CreatedApiToken {
    pub secret: String,
    pub token: ApiToken,
}

#[derive(Debug)]
pub struct Mutation;

/// The caller and what errors are reported with.
fn caller<'a>(ctx: &Context<'a>) -> Result<(Caller<'a>, &'a RequestContext, &'a App)> {
    let request = RequestContext::of(ctx)?;
    let app = ctx.data::<App>()?;
    Ok((app.caller(request.principal.as_ref()), request, app))
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

async fn person_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    id: PersonId,
) -> Result<Person> {
    caller
        .person(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

fn network_id(id: &ID) -> Result<NetworkId> {
    parse_id(id, NetworkId::parse)
}

fn canton(id: &ID) -> Result<CantonCode> {
    CantonCode::parse(id.as_str()).map_err(|error| invalid(error.to_string()))
}

impl Mutation {
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

    async fn person_command(
        &self,
        ctx: &Context<'_>,
        id: &ID,
        command: PersonCommand,
    ) -> Result<Person> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(id, PersonId::parse)?;
        caller
            .person_command(id, command)
            .await
            .map_err(|error| request.error(error))?;
        person_after(&caller, request, id).await
    }

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
        let page = caller
            .networks(iiz_app::MAX_PAGE, None)
            .await
            .map_err(|error| request.error(error))?;
        page.items
            .into_iter()
            .find(|network| network.id == id)
            .map(Into::into)
            .ok_or_else(|| request.error(AppError::Internal(format!("network {id} vanished"))))
    }
}

#[Object]
impl Mutation {
    /// Signs in with e-mail and password; sets the session cookie.
    async fn sign_in(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> Result<SignedIn> {
        let (_, request, app) = caller(ctx)?;
        let signed_in = app
            .sign_in(&email, &password)
            .await
            .map_err(|error| request.error(error))?;
        ctx.append_http_header(
            "Set-Cookie",
            session::cookie(ctx, &signed_in.session_token, signed_in.expires_at),
        );
        let person = app
            .caller(Some(&signed_in.principal))
            .person(signed_in.principal.person)
            .await
            .map_err(|error| request.error(error))?;
        Ok(SignedIn {
            csrf_token: signed_in.csrf_token,
            person: person.into(),
        })
    }

    /// Ends the session of the cookie this request came with.
    async fn sign_out(&self, ctx: &Context<'_>) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        request.principal()?;
        if let Some(token) = session::token(ctx) {
            app.sign_out(token)
                .await
                .map_err(|error| request.error(error))?;
        }
        ctx.append_http_header("Set-Cookie", session::expired_cookie(ctx));
        Ok(true)
    }

    /// Issues a personal API token scoped to one tenant and some of one's
    /// roles there.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        name: String,
        tenant: ID,
        roles: Vec<TenantRoleValue>,
    ) -> Result<CreatedApiToken> {
        let (_, request, app) = caller(ctx)?;
        let tenant = parse_tenant(&tenant)?;
        let roles: Vec<TenantRole> = roles.into_iter().map(Into::into).collect();
        let issued = app
            .issue_api_token(request.principal()?, &name, tenant, &roles)
            .await
            .map_err(|error| request.error(error))?;
        Ok(CreatedApiToken {
            secret: issued.secret,
            token: issued.token.into(),
        })
    }

    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        let id = uuid::Uuid::parse_str(id.as_str())
            .map_err(|error| invalid(format!("'{}' is not a token id: {error}", id.as_str())))?;
        app.revoke_api_token(request.principal()?, id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }

    async fn establish_body(&self, ctx: &Context<'_>, input: EstablishBodyInput) -> Result<Body> {
        let (caller, request, _) = caller(ctx)?;
        let body = NewBody {
            id: BodyId::new(),
            tenant: parse_tenant(&input.tenant)?,
            kind: input.kind.into(),
            names: names(input.names)?,
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
        names: Vec<LocalizedTextInput>,
    ) -> Result<Body> {
        let command = BodyCommand::Rename {
            names: self::names(names)?,
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

    async fn register_person(
        &self,
        ctx: &Context<'_>,
        input: RegisterPersonInput,
    ) -> Result<Person> {
        let (caller, request, app) = caller(ctx)?;
        let email = Email::parse(&input.email).map_err(|error| invalid(error.to_string()))?;
        if let Some(password) = &input.password
            && password.chars().count() < iiz_app::accounts::MIN_PASSWORD_CHARS
        {
            return Err(invalid(format!(
                "a password needs at least {} characters",
                iiz_app::accounts::MIN_PASSWORD_CHARS
            )));
        }
        let person = NewPerson {
            id: PersonId::new(),
            home: parse_tenant(&input.home)?,
            name: PersonName::parse(&input.name).map_err(|error| invalid(error.to_string()))?,
            email: email.clone(),
            language: input.language.into(),
        };
        let id = person.id;
        caller
            .register_person(person)
            .await
            .map_err(|error| request.error(error))?;
        if let Some(password) = input.password {
            app.set_password(id, email.as_str(), &password)
                .await
                .map_err(|error| request.error(error))?;
        }
        person_after(&caller, request, id).await
    }

    async fn change_person_profile(
        &self,
        ctx: &Context<'_>,
        id: ID,
        name: String,
        email: String,
        language: Language,
    ) -> Result<Person> {
        let command = PersonCommand::ChangeProfile {
            name: PersonName::parse(&name).map_err(|error| invalid(error.to_string()))?,
            email: Email::parse(&email).map_err(|error| invalid(error.to_string()))?,
            language: language.into(),
        };
        self.person_command(ctx, &id, command).await
    }

    async fn grant_tenant_role(
        &self,
        ctx: &Context<'_>,
        person: ID,
        tenant: ID,
        role: TenantRoleValue,
    ) -> Result<Person> {
        let command = PersonCommand::GrantTenantRole {
            tenant: parse_tenant(&tenant)?,
            role: role.into(),
        };
        self.person_command(ctx, &person, command).await
    }

    async fn revoke_tenant_role(
        &self,
        ctx: &Context<'_>,
        person: ID,
        tenant: ID,
        role: TenantRoleValue,
    ) -> Result<Person> {
        let command = PersonCommand::RevokeTenantRole {
            tenant: parse_tenant(&tenant)?,
            role: role.into(),
        };
        self.person_command(ctx, &person, command).await
    }

    async fn grant_platform_admin(&self, ctx: &Context<'_>, person: ID) -> Result<Person> {
        self.person_command(ctx, &person, PersonCommand::GrantPlatformAdmin)
            .await
    }

    async fn revoke_platform_admin(&self, ctx: &Context<'_>, person: ID) -> Result<Person> {
        self.person_command(ctx, &person, PersonCommand::RevokePlatformAdmin)
            .await
    }

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
            names: self::names(names)?,
            cantons: cantons.iter().map(canton).collect::<Result<_>>()?,
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
            names: self::names(names)?,
        };
        self.network_command(ctx, id, command).await
    }

    async fn assign_canton(&self, ctx: &Context<'_>, network: ID, canton: ID) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::AssignCanton {
            id,
            canton: self::canton(&canton)?,
        };
        self.network_command(ctx, id, command).await
    }

    async fn release_canton(&self, ctx: &Context<'_>, network: ID, canton: ID) -> Result<Network> {
        let id = network_id(&network)?;
        let command = NetworkCommand::ReleaseCanton {
            id,
            canton: self::canton(&canton)?,
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
