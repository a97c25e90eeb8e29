//! Account links on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::{AccessEnded, AccountLink, LinkPurpose, purpose};
use crate::error::StoreError;

fn link_from_row(row: &PgRow) -> Result<AccountLink, StoreError> {
    Ok(AccountLink {
        person: row.try_get("person_id")?,
        email: row.try_get("email")?,
        purpose: purpose(row.try_get("purpose")?)?,
        expires_at: row.try_get("expires_at")?,
    })
}

pub(super) async fn create(
    pool: &PgPool,
    token_hash: &str,
    link: &AccountLink,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "UPDATE account_links SET used_at = $3 \
         WHERE person_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(link.person)
    .bind(link.purpose.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO account_links \
         (token_hash, purpose, person_id, email, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token_hash)
    .bind(link.purpose.as_str())
    .bind(link.person)
    .bind(&link.email)
    .bind(now)
    .bind(link.expires_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

pub(super) async fn find(
    pool: &PgPool,
    token_hash: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<Option<AccountLink>, StoreError> {
    let row = sqlx::query(
        "SELECT person_id, email, purpose, expires_at FROM account_links \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(link_from_row).transpose()
}

pub(super) async fn take(
    pool: &PgPool,
    token_hash: &str,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
) -> Result<Option<AccountLink>, StoreError> {
    let row = sqlx::query(
        "UPDATE account_links SET used_at = $3 \
         WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 \
         RETURNING person_id, email, purpose, expires_at",
    )
    .bind(token_hash)
    .bind(purpose.as_str())
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(link_from_row).transpose()
}

pub(super) async fn end_access(
    pool: &PgPool,
    person: Uuid,
    now: DateTime<Utc>,
) -> Result<AccessEnded, StoreError> {
    let mut tx = pool.begin().await?;
    let sessions = sqlx::query("DELETE FROM sessions WHERE person_id = $1")
        .bind(person)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let tokens = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $2 WHERE person_id = $1 AND revoked_at IS NULL",
    )
    .bind(person)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("UPDATE account_links SET used_at = $2 WHERE person_id = $1 AND used_at IS NULL")
        .bind(person)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(AccessEnded { sessions, tokens })
}
