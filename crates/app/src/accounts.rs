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
use iiz_store::{ApiTokenRecord, Credential};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::authz::{Denied, Operation, Principal, Target, TokenScope, authorize};
use crate::outbound::LiveSignal;
use crate::password_work;
use crate::{App, AppError};

/// How long a browser session lasts by default without signing in again
/// ([`crate::sessions::SessionSettings`] holds the configured one).
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

/// A live API token found by its secret, before anything was written
/// about its use (callers rate-limit first, then record the use).
#[derive(Debug, Clone)]
pub struct BearerToken {
    pub principal: Principal,
    id: Uuid,
}

/// A token's last use is written at most this often.
const TOKEN_USE_PRECISION: Duration = Duration::minutes(1);

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
        let password_hash = password_work::run(move || hash_password(&password)).await??;
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
                let matches =
                    password_work::run(move || password_matches(&old_password, &hash)).await?;
                matches.then_some(credential)
            }
            None => {
                password_work::run(move || hash_password(&old_password)).await??;
                None
            }
        };
        let credential = credential.ok_or(AppError::Denied(Denied::Unauthenticated))?;
        self.set_password(principal.person, &credential.email, new_password)
            .await
    }

    /// Checks e-mail and password and opens a session. A wrong e-mail and a
    /// wrong password are refused alike, in about the same time; attempts
    /// are throttled ([`App::sign_in_attempt`], which protocols call with
    /// the client's address).
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<SignedIn, AppError> {
        self.sign_in_attempt(crate::sessions::SignInAttempt {
            email,
            password,
            address: None,
            replaces: None,
        })
        .await
    }

    /// The principal behind a session cookie, if the session is alive
    /// (within its lifetime and idle timeout).
    pub async fn session(&self, session_token: &str) -> Result<Option<ActiveSession>, AppError> {
        self.live_session(session_token).await
    }

    pub async fn sign_out(&self, session_token: &str) -> Result<(), AppError> {
        let hash = secret_hash(session_token);
        let session = self.store.session(&hash, Utc::now()).await?;
        self.store.delete_session(&hash).await?;
        // Live connections of this session end at once.
        if let Some(session) = session {
            self.live.publish(LiveSignal::Access {
                person: session.person.to_string(),
            });
        }
        Ok(())
    }

    /// The principal behind an `Authorization: Bearer` token, with its use
    /// recorded.
    pub async fn bearer(&self, secret: &str) -> Result<Option<Principal>, AppError> {
        let Some(token) = self.bearer_token(secret).await? else {
            return Ok(None);
        };
        self.record_token_use(&token).await?;
        Ok(Some(token.principal))
    }

    /// Records the use of a token found by [`App::bearer_token`] (at most
    /// once a minute per token).
    pub async fn record_token_use(&self, token: &BearerToken) -> Result<(), AppError> {
        let now = Utc::now();
        self.store
            .record_api_token_use(token.id, now, now - TOKEN_USE_PRECISION)
            .await?;
        Ok(())
    }

    /// The live token behind an `Authorization: Bearer` secret, read
    /// without writing: the owner's current roles, narrowed to the token's
    /// tenant and roles.
    pub async fn bearer_token(&self, secret: &str) -> Result<Option<BearerToken>, AppError> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        // A revoked token, or one past its expiry, opens nothing.
        let Some(token) = self
            .store
            .live_api_token(&secret_hash(secret), Utc::now())
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
        let principal = self
            .principal_of(
                PersonId::from_uuid(token.person),
                Some(TokenScope { tenant, roles }),
            )
            .await?;
        Ok(principal.map(|principal| BearerToken {
            principal,
            id: token.id,
        }))
    }

    /// Issues a token for the caller, scoped to `tenant` and `roles`, which
    /// must be roles the caller holds there, working until `expires_at`
    /// when one is given.
    pub async fn issue_api_token(
        &self,
        principal: &Principal,
        name: &str,
        tenant: TenantId,
        roles: &[TenantRole],
        expires_at: Option<DateTime<Utc>>,
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
        if expires_at.is_some_and(|expires_at| expires_at <= Utc::now()) {
            return Err(AppError::invalid_field(
                "expires_at",
                "a token's expiry must lie in the future",
            ));
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
            expires_at,
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
            // Live connections on the token end at once.
            self.live.publish(LiveSignal::Access {
                person: principal.person.to_string(),
            });
            Ok(())
        } else {
            Err(AppError::Denied(Denied::NotFound))
        }
    }
}

#[cfg(test)]
#[path = "accounts_tests.rs"]
mod tests;
