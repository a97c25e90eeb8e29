//! Account links on SQLite: uuids and times as text.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use uuid::Uuid;

use super::{AccessEnded, AccountLink, LinkPurpose, purpose};
use crate::error::StoreError;

fn link_from_row(row: &SqliteRow) -> Result<AccountLink, StoreError> {
    Ok(AccountLink {
        person: Uuid::parse_str(row.try_get("person_id")?)
            .map_err(|error| StoreError::Corrupt(format!("link person: {error}")))?,
        email: row.try_get("email")?,
        purpose: purpose(row.try_get("purpose")?)?,
        expires_at: DateTime::parse_from_rfc3339(row.try_get("expires_at")?)
            .map(|time| time.with_timezone(&Utc))
            .map_err(|error| StoreError::Corrupt(format!("link expiry: {error}")))?,
    })
}

pub(super) async fn create(
    pool: &SqlitePool,
    token_hash: &str,
    link: &AccountLink,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "UPDATE account_links SET used_at = ?3 \
         WHERE person_id = ?1 AND purpose = ?2 AND used_at IS NULL",
    )
    .bind(link.person.to_string())
    .bind(link.purpose.as_str())
    .bind(text(now))
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO account_links \
         (token_hash, purpose, person_id, email, created_at, expires_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .bind(token_hash)
    .bind(link.purpose.as_str())
    .bind(link.person.to_string())
    .bind(&link.email)
    .bind(text(now))
    .bind(text(link.expires_at))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn find(
    pool: &SqlitePool,
    token_hash: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<Option<AccountLink>, StoreError> {
    let row = sqlx::query(
        "SELECT person_id, email, purpose, expires_at FROM account_links \
         WHERE token_hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(text(now))
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(link_from_row).transpose()
}

pub(super) async fn take(
    pool: &SqlitePool,
    token_hash: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<Option<AccountLink>, StoreError> {
    let row = sqlx::query(
        "UPDATE account_links SET used_at = ?3 \
         WHERE token_hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3 \
         RETURNING person_id, email, purpose, expires_at",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(text(now))
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(link_from_row).transpose()
}

pub(super) async fn end_access(
    pool: &SqlitePool,
    person: Uuid,
    now: DateTime<Utc>,
) -> Result<AccessEnded, StoreError> {
    let mut tx = pool.begin().await?;
    let sessions = sqlx::query("DELETE FROM sessions WHERE person_id = ?1")
        .bind(person.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let tokens = sqlx::query(
        "UPDATE api_tokens SET revoked_at = ?2 WHERE person_id = ?1 AND revoked_at IS NULL",
    )
    .bind(person.to_string())
    .bind(text(now))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("UPDATE account_links SET used_at = ?2 WHERE person_id = ?1 AND used_at IS NULL")
        .bind(person.to_string())
        .bind(text(now))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(AccessEnded { sessions, tokens })
}

/// Times as the accounts tables keep them: RFC 3339 with microseconds in
/// UTC, so text order is time order.
fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}
