//! People and their roles.

use async_graphql::{Context, ID, InputObject, Object, Result};
use iiz_app::Caller;
use iiz_app::people::NewPerson;
use iiz_domain::{Email, PersonCommand, PersonId, PersonName};

use crate::graphql::args::{caller, invalid, parse_id, parse_tenant};
use crate::graphql::context::RequestContext;
use crate::graphql::types::{Language, Person, TenantRoleValue};

#[derive(Debug, Clone, InputObject)]
pub struct RegisterPersonInput {
    pub home: ID,
    pub name: String,
    pub email: String,
    pub language: Language,
    /// Lets the person sign in with this password (at least 12 characters).
    pub password: Option<String>,
}

#[derive(Debug, Default)]
pub struct PeopleMutations;

impl PeopleMutations {
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
}

#[Object]
impl PeopleMutations {
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
