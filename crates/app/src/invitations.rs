//! Inviting a person: a tenant admin registers them (or picks someone
//! registered who has no password yet) and a single-use, expiring link goes
//! to their e-mail address; through it the person sets their password.

use chrono::{DateTime, Duration, Utc};
use iiz_domain::PersonId;
use iiz_domain::error::ErrorKind;
use iiz_projections::PersonView;
use iiz_store::LinkPurpose;

use crate::authz::{Denied, Operation, Target};
use crate::people::NewPerson;
use crate::{App, AppError, Caller};

/// How long an invitation link works.
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// An invitation sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invited {
    pub person: PersonId,
    pub expires_at: DateTime<Utc>,
}

impl Caller<'_> {
    /// Registers a person and invites them (the register step is the same
    /// as [`Caller::register_person`], an address in use is `CONFLICT`).
    pub async fn invite_person(&self, person: NewPerson) -> Result<Invited, AppError> {
        let id = person.id;
        self.register_person(person).await?;
        self.send_invitation(id).await
    }

    /// Sends a (new) invitation to a registered person who cannot sign in
    /// yet; an earlier invitation's link stops working.
    pub async fn send_invitation(&self, id: PersonId) -> Result<Invited, AppError> {
        let person = self
            .app()
            .person_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        self.check_operation(Operation::RegisterPerson, Target::person(person.home, id))?;
        invitable(self.app(), &person).await?;
        let expires_at = self
            .app()
            .send_link(&person, LinkPurpose::Invitation, INVITATION_LIFETIME)
            .await?;
        tracing::info!(person = %id, %expires_at, "invitation sent");
        Ok(Invited {
            person: id,
            expires_at,
        })
    }
}

/// A person is invited only while active and without a password: someone
/// who signs in already resets their password themselves.
async fn invitable(app: &App, person: &PersonView) -> Result<(), AppError> {
    if person.deactivated {
        return Err(AppError::refused(
            ErrorKind::InvalidState,
            "the person is deactivated",
        ));
    }
    let email = person.email.trim().to_lowercase();
    let signs_in = app
        .store()
        .credential_by_email(&email)
        .await?
        .is_some_and(|credential| credential.person == person.id.as_uuid());
    if signs_in {
        return Err(AppError::refused(
            ErrorKind::InvalidState,
            "the person signs in already",
        ));
    }
    Ok(())
}

impl App {
    /// The person an invitation link is for, while it can be used.
    pub async fn invitation(&self, secret: &str) -> Result<Option<PersonView>, AppError> {
        self.link_holder(secret, LinkPurpose::Invitation).await
    }

    /// Accepts an invitation: sets the person's first password.
    pub async fn accept_invitation(
        &self,
        secret: &str,
        password: &str,
    ) -> Result<PersonId, AppError> {
        self.use_link(secret, LinkPurpose::Invitation, password)
            .await
    }
}
