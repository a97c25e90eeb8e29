//! The account lifecycle around the password: e-mail addresses that sign
//! in one person only, single-use links (shared by invitations and
//! resets), password reset by e-mail, and ending all of a person's access
//! when they are deactivated.
//!
//! A link's secret is 32 random bytes in the e-mail; the database keeps its
//! SHA-256 only, the link works once and until it expires, and a newer
//! link of the same kind replaces an older one.

use chrono::{DateTime, Duration, Utc};
use iiz_domain::error::ErrorKind;
use iiz_domain::{Email, PersonId};
use iiz_projections::{PEOPLE, PersonView};
use iiz_store::{AccountLink, DocFilter, DocQuery, EventStore, LinkPurpose};
use uuid::Uuid;

use crate::account_mail::{AccountLetter, LetterKind};
use crate::accounts::{MIN_PASSWORD_CHARS, random_secret, secret_hash};
use crate::{App, AppError};

/// How long a password reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(2);

/// The refusal of an e-mail address another person already uses.
pub(crate) fn email_in_use() -> AppError {
    AppError::Domain {
        kind: ErrorKind::AlreadyExists,
        message: "the e-mail address is already in use".to_owned(),
        details: None,
        rule: None,
        field: Some("email"),
        refusal: None,
    }
}

/// The one answer to a link that is unknown, used, expired or whose
/// person was deactivated: which of these it is, nobody learns.
pub(crate) fn link_unusable() -> AppError {
    AppError::Domain {
        kind: ErrorKind::NotFound,
        message: "the link is unknown, used or expired".to_owned(),
        details: None,
        rule: None,
        field: Some("token"),
        refusal: None,
    }
}

/// Checked before a link is used, so a short password does not use it up.
pub(crate) fn check_new_password(password: &str) -> Result<(), AppError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid_field(
            "password",
            format!("a password needs at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    Ok(())
}

/// The path of a link's page (the public address goes in front).
pub fn link_path(purpose: LinkPurpose, secret: &str) -> String {
    match purpose {
        LinkPurpose::Invitation => format!("/account/invitation/{secret}"),
        LinkPurpose::Reset => format!("/account/reset/{secret}"),
    }
}

impl App {
    /// The person whose sign-in or profile uses `email`, if any.
    pub async fn email_owner(&self, email: &Email) -> Result<Option<PersonId>, AppError> {
        if let Some(credential) = self.store.credential_by_email(email.as_str()).await? {
            return Ok(Some(PersonId::from_uuid(credential.person)));
        }
        let people: Vec<PersonView> = self
            .store
            .docs(&DocQuery {
                collection: PEOPLE.to_owned(),
                filters: vec![DocFilter::Eq(
                    "email".to_owned(),
                    serde_json::Value::String(email.as_str().to_owned()),
                )],
                limit: 1,
                ..DocQuery::default()
            })
            .await?
            .into_iter()
            .map(|doc| serde_json::from_value(doc.body))
            .collect::<Result<_, _>>()
            .map_err(|error| AppError::Internal(format!("person document: {error}")))?;
        Ok(people.first().map(|person| person.id))
    }

    /// Refuses (`CONFLICT` on `email`) an address someone other than
    /// `except` already uses.
    pub async fn ensure_email_free(
        &self,
        email: &Email,
        except: Option<PersonId>,
    ) -> Result<(), AppError> {
        match self.email_owner(email).await? {
            Some(owner) if Some(owner) != except => Err(email_in_use()),
            _ => Ok(()),
        }
    }

    /// Ends every session and API token of the person and every open link.
    pub async fn end_access(&self, person: PersonId) -> Result<(), AppError> {
        let ended = self.store.end_access(person.as_uuid(), Utc::now()).await?;
        tracing::info!(
            %person,
            sessions = ended.sessions,
            tokens = ended.tokens,
            "access ended"
        );
        Ok(())
    }

    /// Stores a new link for the person and sends it.
    pub(crate) async fn send_link(
        &self,
        person: &PersonView,
        purpose: LinkPurpose,
        lifetime: Duration,
    ) -> Result<DateTime<Utc>, AppError> {
        let secret = random_secret()?;
        let now = Utc::now();
        let expires_at = now + lifetime;
        let email = person.email.trim().to_lowercase();
        self.store
            .create_account_link(
                &secret_hash(&secret),
                &AccountLink {
                    person: person.id.as_uuid(),
                    email: email.clone(),
                    purpose,
                    expires_at,
                },
                now,
            )
            .await?;
        let letter = AccountLetter {
            id: Uuid::now_v7(),
            kind: match purpose {
                LinkPurpose::Invitation => LetterKind::Invitation,
                LinkPurpose::Reset => LetterKind::PasswordReset,
            },
            person: person.id,
            to: email,
            name: person.name.clone(),
            language: person.language,
            path: link_path(purpose, &secret),
            expires_at,
        };
        self.account_mail
            .send(&letter)
            .await
            .map_err(|error| AppError::Internal(format!("account e-mail not sent: {error}")))?;
        Ok(expires_at)
    }

    /// The active person a usable link of `purpose` belongs to.
    pub async fn link_holder(
        &self,
        secret: &str,
        purpose: LinkPurpose,
    ) -> Result<Option<PersonView>, AppError> {
        let Some(link) = self
            .store
            .account_link(&secret_hash(secret), purpose, Utc::now())
            .await?
        else {
            return Ok(None);
        };
        Ok(self
            .person_view(PersonId::from_uuid(link.person))
            .await?
            .filter(|person| !person.deactivated))
    }

    /// Uses a link up and sets the password it was sent for; returns the
    /// person, who may now sign in.
    pub(crate) async fn use_link(
        &self,
        secret: &str,
        purpose: LinkPurpose,
        password: &str,
    ) -> Result<PersonId, AppError> {
        check_new_password(password)?;
        let person = self
            .link_holder(secret, purpose)
            .await?
            .ok_or_else(link_unusable)?;
        let link = self
            .store
            .take_account_link(&secret_hash(secret), purpose, Utc::now())
            .await?
            .ok_or_else(link_unusable)?;
        self.set_password(person.id, &link.email, password).await?;
        tracing::info!(person = %person.id, purpose = purpose.as_str(), "password set by link");
        Ok(person.id)
    }

    /// Asks for a password reset: when an active person signs in (or was
    /// invited) with `email`, a link goes to that address. The answer is
    /// the same whether or not anyone does, and comes before the e-mail is
    /// sent, so neither its content nor its time tells.
    pub fn request_password_reset(&self, email: &str) -> Result<(), AppError> {
        let email = Email::parse(email)
            .map_err(|error| AppError::invalid_field("email", error.to_string()))?;
        let app = self.clone();
        tokio::spawn(async move {
            if let Err(error) = app.send_reset(&email).await {
                tracing::error!(%error, "password reset not sent");
            }
        });
        Ok(())
    }

    async fn send_reset(&self, email: &Email) -> Result<(), AppError> {
        let Some(owner) = self.email_owner(email).await? else {
            return Ok(());
        };
        let Some(person) = self
            .person_view(owner)
            .await?
            .filter(|person| !person.deactivated)
        else {
            return Ok(());
        };
        self.send_link(&person, LinkPurpose::Reset, RESET_LINK_LIFETIME)
            .await?;
        Ok(())
    }

    /// Sets a new password with a reset link.
    pub async fn reset_password(&self, secret: &str, password: &str) -> Result<PersonId, AppError> {
        self.use_link(secret, LinkPurpose::Reset, password).await
    }
}

impl crate::Caller<'_> {
    /// Granting a role needs the person to belong to the tenant or to have
    /// been made available to it ([`crate::authz::people::may_grant`]).
    pub(crate) fn check_grantee(
        &self,
        person: &PersonView,
        tenant: iiz_domain::TenantId,
    ) -> Result<(), AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(crate::authz::Denied::Unauthenticated))?;
        let holds: Vec<_> = person.roles.iter().map(|grant| grant.tenant).collect();
        let grantee = crate::authz::people::Grantee {
            home: person.home,
            holds_roles_in: &holds,
            available_to: &person.available_to,
        };
        crate::authz::people::may_grant(principal, tenant, grantee).map_err(AppError::Denied)
    }

    /// Nobody deactivates themselves (no admin locks the tenant out by a
    /// slip), and only a platform admin deactivates a platform admin.
    pub(crate) fn check_deactivation(&self, person: &PersonView) -> Result<(), AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(crate::authz::Denied::Unauthenticated))?;
        if principal.person == person.id {
            return Err(AppError::refused(
                ErrorKind::InvalidState,
                "you cannot deactivate yourself",
            ));
        }
        if person.platform_admin && !principal.acts_as_platform_admin() {
            return Err(AppError::Denied(crate::authz::Denied::Forbidden));
        }
        Ok(())
    }
}

impl crate::Caller<'_> {
    /// Leaves out the e-mail address, the roles and the tenants a person is
    /// available to unless the caller may see them
    /// (`ShowPersonContact` in a tenant the person belongs to). The name
    /// stays: who sits where is public inside the platform.
    pub(crate) fn redact_contact(&self, mut person: PersonView) -> PersonView {
        let sees = std::iter::once(person.home)
            .chain(person.roles.iter().map(|grant| grant.tenant))
            .any(|tenant| {
                crate::authz::authorize(
                    self.principal(),
                    crate::authz::Operation::ShowPersonContact,
                    &crate::authz::Target::person(tenant, person.id),
                )
                .is_ok()
            });
        if !sees {
            person.email.clear();
            person.roles.clear();
            person.available_to.clear();
            person.platform_admin = false;
        }
        person
    }
}

#[cfg(test)]
#[path = "account_lifecycle_tests.rs"]
mod tests;
