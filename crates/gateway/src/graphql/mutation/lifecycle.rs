//! The account lifecycle: inviting people, accepting an invitation,
//! resetting a forgotten password, deactivating and reactivating people,
//! and making someone available to another tenant's admins.
//!
//! Accepting and resetting are anonymous: the link's secret is the
//! credential. Asking for a reset answers `true` whatever the address.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_app::people::NewPerson;
use iiz_domain::{Email, PersonCommand, PersonId, PersonName};

use crate::graphql::args::{caller, invalid, parse_id, parse_tenant};
use crate::graphql::types::{Language, Person};

/// An invitation sent: the person and until when the link works.
#[derive(Debug, Clone, SimpleObject)]
pub struct Invitation {
    pub person: Person,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Default)]
pub struct LifecycleMutations;

impl LifecycleMutations {
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
        caller
            .person(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    async fn invitation(
        &self,
        ctx: &Context<'_>,
        invited: Result<iiz_app::invitations::Invited, iiz_app::AppError>,
    ) -> Result<Invitation> {
        let (caller, request, _) = caller(ctx)?;
        let invited = invited.map_err(|error| request.error(error))?;
        let person = caller
            .person(invited.person)
            .await
            .map_err(|error| request.error(error))?;
        Ok(Invitation {
            person: person.into(),
            expires_at: invited.expires_at,
        })
    }
}

#[Object]
impl LifecycleMutations {
    /// Registers a person in a tenant and e-mails them a single-use link
    /// (valid 7 days) to set their password. An address in use is
    /// `CONFLICT`.
    async fn invite_person(
        &self,
        ctx: &Context<'_>,
        home: ID,
        name: String,
        email: String,
        language: Language,
    ) -> Result<Invitation> {
        let (caller, _, _) = caller(ctx)?;
        let person = NewPerson {
            id: PersonId::new(),
            home: parse_tenant(&home)?,
            name: PersonName::parse(&name).map_err(|error| invalid(error.to_string()))?,
            email: Email::parse(&email).map_err(|error| invalid(error.to_string()))?,
            language: language.into(),
        };
        let invited = caller.invite_person(person).await;
        self.invitation(ctx, invited).await
    }

    /// Sends a new invitation to someone who cannot sign in yet; the
    /// earlier link stops working.
    async fn resend_invitation(&self, ctx: &Context<'_>, person: ID) -> Result<Invitation> {
        let (caller, _, _) = caller(ctx)?;
        let id = parse_id(&person, PersonId::parse)?;
        let invited = caller.send_invitation(id).await;
        self.invitation(ctx, invited).await
    }

    /// Sets the first password with an invitation's secret (the last part
    /// of the link); the link is used up.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        app.accept_invitation(&token, &password)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }

    /// Asks for a password reset link. The answer is `true` whether or not
    /// the address signs in anyone.
    async fn request_password_reset(&self, ctx: &Context<'_>, email: String) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        app.request_password_reset(&email)
            .map_err(|error| request.error(error))?;
        Ok(true)
    }

    /// Sets a new password with a reset link's secret; the link is used up.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
    ) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        app.reset_password(&token, &password)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }

    /// Deactivates a person: every session and API token of theirs ends at
    /// once and they cannot sign in until reactivated.
    async fn deactivate_person(&self, ctx: &Context<'_>, person: ID) -> Result<Person> {
        self.person_command(ctx, &person, PersonCommand::Deactivate)
            .await
    }

    async fn reactivate_person(&self, ctx: &Context<'_>, person: ID) -> Result<Person> {
        self.person_command(ctx, &person, PersonCommand::Reactivate)
            .await
    }

    /// A national admin lets the admins of `tenant` grant the person roles.
    async fn make_person_available(
        &self,
        ctx: &Context<'_>,
        person: ID,
        tenant: ID,
    ) -> Result<Person> {
        let tenant = parse_tenant(&tenant)?;
        self.person_command(ctx, &person, PersonCommand::MakeAvailable { tenant })
            .await
    }

    async fn withdraw_person_availability(
        &self,
        ctx: &Context<'_>,
        person: ID,
        tenant: ID,
    ) -> Result<Person> {
        let tenant = parse_tenant(&tenant)?;
        self.person_command(ctx, &person, PersonCommand::WithdrawAvailability { tenant })
            .await
    }
}
