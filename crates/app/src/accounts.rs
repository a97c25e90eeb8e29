//! Signing in: passwords (argon2id), browser sessions and personal API
//! tokens, and turning either into a [`Principal`] with the person's current
//! roles.

use std::collections::BTreeSet;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use iiz_domain::{PersonId, TenantId, TenantRole};
use iiz_store::{ApiTokenRecord, Credential, SessionRecord};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::authz::{Denied, Operation, Principal, Target, TokenScope, authorize};
use crate::{App, AppError};

/// How long a browser session lasts without signing in again.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);
/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Prefix of API tokens, so leaked ones are easy to recognise and scan for.
const TOKEN_PREFIX: &str = "iiz_";

/// A new session: the cookie value and the CSRF token the page sends back.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session_token: String,
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
    pub principal: Principal,
}

/// A session found from its cookie.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub principal: Principal,
    pub csrf_token: String,
}

/// A freshly issued API token: the secret is shown once and never stored.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub secret: String,
    pub token: ApiTokenRecord,
}

/// 32 random bytes, URL-safe.
pub(crate) fn random_secret() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| AppError::Internal(format!("no randomness: {error}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a secret.
pub(crate) fn secret_hash(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn hash_password(password: &str) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|error| AppError::Internal(format!("no randomness: {error}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|error| AppError::Internal(format!("salt: {error}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| AppError::Internal(format!("password hash: {error}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Argon2 takes tens of milliseconds of CPU on purpose: off the async
/// workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| AppError::Internal(format!("password task: {error}")))
}

impl App {
    /// Sets a person's sign-in e-mail and password.
    pub async fn set_password(
        &self,
        person: PersonId,
        email: &str,
        password: &str,
    ) -> Result<(), AppError> {
        if password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(AppError::invalid(format!(
                "a password needs at least {MIN_PASSWORD_CHARS} characters"
            )));
        }
        let password = password.to_owned();
        let password_hash = blocking(move || hash_password(&password)).await??;
        self.store
            .set_credential(&Credential {
                person: person.as_uuid(),
                email: email.to_owned(),
                password_hash,
            })
            .await
            .map_err(|error| {
                if error.is_unique_violation() {
                    crate::account_lifecycle::email_in_use()
                } else {
                    error.into()
                }
            })?;
        Ok(())
    }

    /// Changes the caller's own password after checking the old one. A
    /// wrong old password is refused like a wrong sign-in
    /// (`Unauthenticated`), with the same work whether or not a password
    /// exists, so the answer tells nothing more than a sign-in would.
    pub async fn change_password(
        &self,
        principal: &Principal,
        old_password: &str,
        new_password: &str,
    ) -> Result<(), AppError> {
        // A leaked API token must not take over the account: only the
        // person signed in with their password changes it.
        if principal.is_token() {
            return Err(AppError::Denied(Denied::Forbidden));
        }
        if new_password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(AppError::invalid_field(
                "new_password",
                format!("a password needs at least {MIN_PASSWORD_CHARS} characters"),
            ));
        }
        let profile = self
            .person_view(principal.person)
            .await?
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        let credential = self
            .store
            .credential_by_email(&profile.email.trim().to_lowercase())
            .await?
            .filter(|credential| credential.person == principal.person.as_uuid());
        let old_password = old_password.to_owned();
        let credential = match credential {
            Some(credential) => {
                let hash = credential.password_hash.clone();
                let matches = blocking(move || password_matches(&old_password, &hash)).await?;
                matches.then_some(credential)
            }
            None => {
                blocking(move || hash_password(&old_password)).await??;
                None
            }
        };
        let credential = credential.ok_or(AppError::Denied(Denied::Unauthenticated))?;
        self.set_password(principal.person, &credential.email, new_password)
            .await
    }

    /// Checks e-mail and password and opens a session. A wrong e-mail and a
    /// wrong password are refused alike, in about the same time.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<SignedIn, AppError> {
        let credential = self.store.credential_by_email(email).await?;
        let password = password.to_owned();
        let (person, matches) = match credential {
            Some(credential) => {
                let hash = credential.password_hash;
                let matches = blocking(move || password_matches(&password, &hash)).await?;
                (Some(credential.person), matches)
            }
            None => {
                // Spend the same work so timing does not tell which e-mails exist.
                blocking(move || hash_password(&password)).await??;
                (None, false)
            }
        };
        let person = match (person, matches) {
            (Some(person), true) => PersonId::from_uuid(person),
            _ => return Err(AppError::Denied(Denied::Unauthenticated)),
        };
        let principal = self
            .principal_of(person, None)
            .await?
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        let session_token = random_secret()?;
        let csrf_token = random_secret()?;
        let expires_at = Utc::now() + SESSION_LIFETIME;
        self.store
            .create_session(
                &secret_hash(&session_token),
                &SessionRecord {
                    person: person.as_uuid(),
                    csrf_token: csrf_token.clone(),
                    expires_at,
                },
            )
            .await?;
        Ok(SignedIn {
            session_token,
            csrf_token,
            expires_at,
            principal,
        })
    }

    /// The principal behind a session cookie, if the session is alive.
    pub async fn session(&self, session_token: &str) -> Result<Option<ActiveSession>, AppError> {
        let Some(session) = self
            .store
            .session(&secret_hash(session_token), Utc::now())
            .await?
        else {
            return Ok(None);
        };
        let principal = self
            .principal_of(PersonId::from_uuid(session.person), None)
            .await?;
        Ok(principal.map(|principal| ActiveSession {
            principal,
            csrf_token: session.csrf_token,
        }))
    }

    pub async fn sign_out(&self, session_token: &str) -> Result<(), AppError> {
        self.store
            .delete_session(&secret_hash(session_token))
            .await?;
        Ok(())
    }

    /// The principal behind an `Authorization: Bearer` token: the owner's
    /// current roles, narrowed to the token's tenant and roles.
    pub async fn bearer(&self, secret: &str) -> Result<Option<Principal>, AppError> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let Some(token) = self
            .store
            .use_api_token(&secret_hash(secret), Utc::now())
            .await?
        else {
            return Ok(None);
        };
        let tenant = TenantId::parse(&token.tenant)
            .map_err(|error| AppError::Internal(format!("stored token tenant: {error}")))?;
        let roles = token
            .roles
            .iter()
            .map(|role| TenantRole::parse(role))
            .collect::<Result<BTreeSet<_>, _>>()
            .map_err(|error| AppError::Internal(format!("stored token role: {error}")))?;
        self.principal_of(
            PersonId::from_uuid(token.person),
            Some(TokenScope { tenant, roles }),
        )
        .await
    }

    /// Issues a token for the caller, scoped to `tenant` and `roles`, which
    /// must be roles the caller holds there.
    pub async fn issue_api_token(
        &self,
        principal: &Principal,
        name: &str,
        tenant: TenantId,
        roles: &[TenantRole],
    ) -> Result<IssuedToken, AppError> {
        authorize(
            Some(principal),
            Operation::CreateApiToken,
            &Target::platform(),
        )?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AppError::invalid(
                "a token needs a name of 1 to 100 characters".to_owned(),
            ));
        }
        if roles.is_empty() {
            return Err(AppError::invalid(
                "a token needs at least one role".to_owned(),
            ));
        }
        if let Some(role) = roles.iter().find(|role| !principal.holds(tenant, **role)) {
            return Err(AppError::invalid(format!(
                "you do not hold the role {role} in {tenant}"
            )));
        }
        let secret = format!("{TOKEN_PREFIX}{}", random_secret()?);
        let token = ApiTokenRecord {
            id: Uuid::now_v7(),
            person: principal.person.as_uuid(),
            name: name.to_owned(),
            tenant: tenant.as_str().to_owned(),
            roles: roles.iter().map(|role| role.as_str().to_owned()).collect(),
            created_at: Utc::now(),
            last_used_at: None,
            revoked_at: None,
        };
        self.store
            .create_api_token(&secret_hash(&secret), &token)
            .await?;
        Ok(IssuedToken { secret, token })
    }

    /// The caller's own tokens.
    pub async fn api_tokens(&self, principal: &Principal) -> Result<Vec<ApiTokenRecord>, AppError> {
        authorize(
            Some(principal),
            Operation::ListApiTokens,
            &Target::platform(),
        )?;
        Ok(self.store.api_tokens_of(principal.person.as_uuid()).await?)
    }

    /// Revokes one of the caller's tokens.
    pub async fn revoke_api_token(&self, principal: &Principal, id: Uuid) -> Result<(), AppError> {
        authorize(
            Some(principal),
            Operation::RevokeApiToken,
            &Target::platform(),
        )?;
        if self
            .store
            .revoke_api_token(principal.person.as_uuid(), id, Utc::now())
            .await?
        {
            Ok(())
        } else {
            Err(AppError::Denied(Denied::NotFound))
        }
    }
}

#[cfg(test)]
#[path = "accounts_tests.rs"]
mod tests;
