//! Accounts: password hashes, sessions and API tokens. Unlike the log these
//! rows change and can be deleted for good, which personal secrets require.
//! Callers pass hashes only; tokens in clear text never reach the database.

mod postgres;
mod sqlite;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

/// A person's password hash, found by e-mail at sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub person: Uuid,
    pub email: String,
    pub password_hash: String,
}

/// A signed-in browser session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub person: Uuid,
    /// Sent back with every cookie-authenticated mutation.
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

/// A personal API token as listed to its owner (never with its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiTokenRecord {
    pub id: Uuid,
    pub person: Uuid,
    pub name: String,
    pub tenant: String,
    pub roles: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the token stops working on its own, if ever.
    pub expires_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Sets (or replaces) a person's e-mail and password hash.
    pub async fn set_credential(&self, credential: &Credential) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => postgres::set_credential(store.pool(), credential).await,
            Self::Sqlite(store) => sqlite::set_credential(store.writer(), credential).await,
        }
    }

    /// The credential for an e-mail address (compared case-insensitively).
    pub async fn credential_by_email(&self, email: &str) -> Result<Option<Credential>, StoreError> {
        let email = email.trim().to_lowercase();
        match self {
            Self::Postgres(store) => postgres::credential_by_email(store.pool(), &email).await,
            Self::Sqlite(store) => sqlite::credential_by_email(store.reader(), &email).await,
        }
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        session: &SessionRecord,
    ) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => {
                postgres::create_session(store.pool(), token_hash, session).await
            }
            Self::Sqlite(store) => {
                sqlite::create_session(store.writer(), token_hash, session).await
            }
        }
    }

    /// The session with this token hash, if it has not expired by `now`.
    pub async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<SessionRecord>, StoreError> {
        let session = match self {
            Self::Postgres(store) => postgres::session(store.pool(), token_hash).await?,
            Self::Sqlite(store) => sqlite::session(store.reader(), token_hash).await?,
        };
        Ok(session.filter(|session| session.expires_at > now))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => postgres::delete_session(store.pool(), token_hash).await,
            Self::Sqlite(store) => sqlite::delete_session(store.writer(), token_hash).await,
        }
    }

    pub async fn create_api_token(
        &self,
        token_hash: &str,
        token: &ApiTokenRecord,
    ) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => {
                postgres::create_api_token(store.pool(), token_hash, token).await
            }
            Self::Sqlite(store) => {
                sqlite::create_api_token(store.writer(), token_hash, token).await
            }
        }
    }

    /// The live token with this hash: not revoked and not past its expiry
    /// at `now`. Read only: callers rate-limit before
    /// [`Store::record_api_token_use`] writes.
    pub async fn live_api_token(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ApiTokenRecord>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::live_api_token(store.pool(), token_hash, now).await,
            Self::Sqlite(store) => sqlite::live_api_token(store.reader(), token_hash, now).await,
        }
    }

    /// Records `now` as the token's last use unless it was recorded after
    /// `unless_since`: a token in steady use writes at most once per
    /// interval, not once per request.
    pub async fn record_api_token_use(
        &self,
        id: Uuid,
        now: DateTime<Utc>,
        unless_since: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => {
                postgres::record_api_token_use(store.pool(), id, now, unless_since).await
            }
            Self::Sqlite(store) => {
                sqlite::record_api_token_use(store.writer(), id, now, unless_since).await
            }
        }
    }

    /// A person's tokens, newest first, revoked ones included.
    pub async fn api_tokens_of(&self, person: Uuid) -> Result<Vec<ApiTokenRecord>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::api_tokens_of(store.pool(), person).await,
            Self::Sqlite(store) => sqlite::api_tokens_of(store.reader(), person).await,
        }
    }

    /// Revokes one of the person's tokens; false when there is no such live
    /// token of theirs.
    pub async fn revoke_api_token(
        &self,
        person: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        match self {
            Self::Postgres(store) => {
                postgres::revoke_api_token(store.pool(), person, id, now).await
            }
            Self::Sqlite(store) => sqlite::revoke_api_token(store.writer(), person, id, now).await,
        }
    }
}

fn roles_from_json(value: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(value)
        .map_err(|error| StoreError::Corrupt(format!("token roles: {error}")))
}

fn roles_to_json(roles: &[String]) -> Result<String, StoreError> {
    serde_json::to_string(roles).map_err(|error| StoreError::InvalidRequest(error.to_string()))
}
