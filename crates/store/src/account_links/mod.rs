//! Single-use links of the account lifecycle (an invitation to set a first
//! password, a password reset) and ending all of a person's access at once.
//! Like sessions, a link is known here by the SHA-256 of its secret only.
//!
//! Kept apart from `accounts` (sessions, tokens, credentials) because these
//! rows are written by other flows; both live in the same mutable, erasable
//! tables outside the log.

mod postgres;
mod sqlite;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

/// What a link is for. A link of one purpose never serves the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Sent by a tenant admin: the invited person sets a first password.
    Invitation,
    /// Asked for by the person: sets a new password.
    Reset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::Reset => "reset",
        }
    }
}

/// An unused link as stored (without its secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLink {
    pub person: Uuid,
    /// The address the link was sent to: the credential's e-mail.
    pub email: String,
    pub purpose: LinkPurpose,
    pub expires_at: DateTime<Utc>,
}

/// What ending a person's access removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AccessEnded {
    pub sessions: u64,
    pub tokens: u64,
}

impl Store {
    /// Stores a new link; the person's older unused links of the same
    /// purpose stop working (only the newest e-mail's link opens).
    pub async fn create_account_link(
        &self,
        token_hash: &str,
        link: &AccountLink,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => postgres::create(store.pool(), token_hash, link, now).await,
            Self::Sqlite(store) => sqlite::create(store.writer(), token_hash, link, now).await,
        }
    }

    /// The unused, unexpired link of `purpose` with this hash, left usable.
    pub async fn account_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountLink>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::find(store.pool(), token_hash, purpose, now).await,
            Self::Sqlite(store) => sqlite::find(store.reader(), token_hash, purpose, now).await,
        }
    }

    /// Uses the link up: of two concurrent uses exactly one gets it.
    pub async fn take_account_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: DateTime<Utc>,
    ) -> Result<Option<AccountLink>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::take(store.pool(), token_hash, purpose, now).await,
            Self::Sqlite(store) => sqlite::take(store.writer(), token_hash, purpose, now).await,
        }
    }

    /// Ends every session of the person, revokes every API token and uses
    /// up every open link, in one transaction.
    pub async fn end_access(
        &self,
        person: Uuid,
        now: DateTime<Utc>,
    ) -> Result<AccessEnded, StoreError> {
        match self {
            Self::Postgres(store) => postgres::end_access(store.pool(), person, now).await,
            Self::Sqlite(store) => sqlite::end_access(store.writer(), person, now).await,
        }
    }
}

impl StoreError {
    /// Whether a unique constraint refused the write (an e-mail address
    /// already used by another credential, say).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(error)) if error.is_unique_violation())
    }
}

fn purpose(value: &str) -> Result<LinkPurpose, StoreError> {
    match value {
        "invitation" => Ok(LinkPurpose::Invitation),
        "reset" => Ok(LinkPurpose::Reset),
        other => Err(StoreError::Corrupt(format!("link purpose {other}"))),
    }
}
