//! Personal data (revFADP): the per-person keys that seal names and e-mail
//! addresses in the log ([`seal`]), the erasure of everything a forgotten
//! person left outside the log, and the access log of who read whose
//! personal data.
//!
//! The keys live in their own table, never in the log: the log is
//! append-only and copied to the bus, so the only way to erase a name from
//! it is to make its ciphertext unreadable by deleting the key.

mod postgres;
pub mod seal;
mod sqlite;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

pub use seal::{Keyring, PersonKey, SealError};

/// What the platform forgets about a person, beyond their key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub person: Uuid,
    /// Every name and address the person was known by, for anonymising
    /// the texts that mention them (inbox items, e-mails to others); e-mails
    /// to the addresses are deleted. Empty strings are skipped.
    pub names: Vec<String>,
    pub emails: Vec<String>,
    /// What texts say instead of the name.
    pub replacement: String,
    /// The sign-in throttle's keys of the addresses (hashes of them), whose
    /// counts are deleted with the person.
    pub throttle_keys: Vec<String>,
}

/// What an erasure removed, for the report to the platform admin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ErasureReport {
    pub key_deleted: bool,
    pub credentials: u64,
    pub sessions: u64,
    pub api_tokens: u64,
    /// Invitation and reset links, sign-in counts and locks.
    pub account_records: u64,
    pub notifications: u64,
    pub emails: u64,
    pub anonymised: u64,
}

/// One read of personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub read_at: DateTime<Utc>,
    /// `person:<id>` of the reader.
    pub reader: String,
    /// Whose data: `person:<id>`, `tenant:<code>` (a people list),
    /// `body:<id>` (a member list), `export:<name>`.
    pub subject: String,
    /// What was read: `person`, `people`, `body_members`, `export`.
    pub what: String,
}

impl Store {
    /// The key of a person, if they have one (they were never forgotten).
    pub async fn person_key(&self, subject: &str) -> Result<Option<PersonKey>, StoreError> {
        let bytes = match self {
            Self::Postgres(store) => postgres::person_key(store.pool(), subject).await?,
            Self::Sqlite(store) => sqlite::person_key(store.reader(), subject).await?,
        };
        Ok(bytes
            .map(|bytes| PersonKey::from_bytes(&bytes))
            .transpose()?)
    }

    /// The key of a person, created on first use.
    pub async fn person_key_or_new(&self, subject: &str) -> Result<PersonKey, StoreError> {
        let fresh = PersonKey::generate()?;
        let bytes = match self {
            Self::Postgres(store) => postgres::key_or_new(store.pool(), subject, &fresh).await?,
            Self::Sqlite(store) => sqlite::key_or_new(store.writer(), subject, &fresh).await?,
        };
        Ok(PersonKey::from_bytes(&bytes)?)
    }

    /// Deletes a person's key and everything of theirs outside the log
    /// (sign-in, sessions, tokens, inbox, e-mails, preferences), and replaces
    /// their name and address in other people's inbox items and e-mails.
    /// One transaction; on SQLite the write-ahead log is then truncated so
    /// no old page with the plaintext stays in it.
    pub async fn erase_person(&self, erasure: &Erasure) -> Result<ErasureReport, StoreError> {
        match self {
            Self::Postgres(store) => postgres::erase_person(store.pool(), erasure).await,
            Self::Sqlite(store) => sqlite::erase_person(store.writer(), erasure).await,
        }
    }

    /// Makes a corrected profile address the sign-in address too (when the
    /// person has a password at all).
    pub async fn follow_sign_in_email(&self, person: Uuid, email: &str) -> Result<(), StoreError> {
        let email = email.trim().to_lowercase();
        match self {
            Self::Postgres(store) => {
                sqlx::query(
                    "UPDATE credentials SET email = $1, updated_at = now() WHERE person_id = $2",
                )
                .bind(&email)
                .bind(person)
                .execute(store.pool())
                .await?;
            }
            Self::Sqlite(store) => {
                sqlx::query("UPDATE credentials SET email = ? WHERE person_id = ?")
                    .bind(&email)
                    .bind(person.to_string())
                    .execute(store.writer())
                    .await?;
            }
        }
        Ok(())
    }

    /// Replaces the payload of one stored event. Only for the one-time
    /// sealing of personal fields recorded in the clear before sealing
    /// existed: the log is otherwise never changed.
    pub async fn reseal_payload(
        &self,
        position: i64,
        payload: &serde_json::Value,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(payload)
            .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
        match self {
            Self::Postgres(store) => {
                sqlx::query("UPDATE events SET payload = $1::json WHERE position = $2")
                    .bind(text)
                    .bind(position)
                    .execute(store.pool())
                    .await?;
            }
            Self::Sqlite(store) => {
                sqlx::query("UPDATE events SET payload = ? WHERE position = ?")
                    .bind(text)
                    .bind(position)
                    .execute(store.writer())
                    .await?;
            }
        }
        Ok(())
    }

    /// Records reads of personal data.
    pub async fn record_access(&self, entries: &[AccessEntry]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        match self {
            Self::Postgres(store) => postgres::record_access(store.pool(), entries).await,
            Self::Sqlite(store) => sqlite::record_access(store.writer(), entries).await,
        }
    }

    /// The reads recorded since `since`, newest first, at most `limit`;
    /// only those about `subject` when given.
    pub async fn access_log(
        &self,
        since: DateTime<Utc>,
        subject: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AccessEntry>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        match self {
            Self::Postgres(store) => {
                postgres::access_log(store.pool(), since, subject, limit).await
            }
            Self::Sqlite(store) => sqlite::access_log(store.reader(), since, subject, limit).await,
        }
    }

    /// Deletes the reads recorded before `before`; returns how many.
    pub async fn prune_access_log(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        match self {
            Self::Postgres(store) => postgres::prune_access_log(store.pool(), before).await,
            Self::Sqlite(store) => sqlite::prune_access_log(store.writer(), before).await,
        }
    }
}

/// Every key, for a rebuild of the read models (backend-independent entry).
pub(crate) fn keyring_of(rows: Vec<(String, Vec<u8>)>) -> Result<Keyring, StoreError> {
    let mut keys = Keyring::default();
    for (subject, bytes) in rows {
        keys.insert(subject, PersonKey::from_bytes(&bytes)?);
    }
    Ok(keys)
}

pub(crate) use postgres::all_keys as pg_all_keys;
pub(crate) use sqlite::all_keys as sqlite_all_keys;
