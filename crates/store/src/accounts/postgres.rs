//! Accounts on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::{ApiTokenRecord, Credential, SessionRecord, roles_from_json, roles_to_json};
use crate::error::StoreError;

pub(super) async fn set_credential(
    pool: &PgPool,
    credential: &Credential,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO credentials (person_id, email, password_hash) VALUES ($1, $2, $3) \
         ON CONFLICT (person_id) DO UPDATE \
         SET email = EXCLUDED.email, password_hash = EXCLUDED.password_hash, updated_at = now()",
    )
    .bind(credential.person)
    .bind(credential.email.trim().to_lowercase())
    .bind(&credential.password_hash)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn credential_by_email(
    pool: &PgPool,
    email: &str,
) -> Result<Option<Credential>, StoreError> {
    let row =
        sqlx::query("SELECT person_id, email, password_hash FROM credentials WHERE email = $1")
            .bind(email)
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(Credential {
            person: row.try_get("person_id")?,
            email: row.try_get("email")?,
            password_hash: row.try_get("password_hash")?,
        })
    })
    .transpose()
}

pub(super) async fn create_session(
    pool: &PgPool,
    token_hash: &str,
    session: &SessionRecord,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, expires_at) \
         VALUES ($1, $2, $3, now(), $4)",
    )
    .bind(token_hash)
    .bind(session.person)
    .bind(&session.csrf_token)
    .bind(session.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn session(
    pool: &PgPool,
    token_hash: &str,
) -> Result<Option<SessionRecord>, StoreError> {
    let row =
        sqlx::query("SELECT person_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(SessionRecord {
            person: row.try_get("person_id")?,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: row.try_get("expires_at")?,
        })
    })
    .transpose()
}

pub(super) async fn delete_session(pool: &PgPool, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn create_api_token(
    pool: &PgPool,
    token_hash: &str,
    token: &ApiTokenRecord,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO api_tokens \
         (id, token_hash, person_id, name, tenant_id, roles, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)",
    )
    .bind(token.id)
    .bind(token_hash)
    .bind(token.person)
    .bind(&token.name)
    .bind(&token.tenant)
    .bind(roles_to_json(&token.roles)?)
    .bind(token.created_at)
    .bind(token.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

macro_rules! token_columns {
    () => {
        "id, person_id, name, tenant_id, roles::text AS roles, created_at, last_used_at, revoked_at, \
         expires_at"
    };
}

fn token_from_row(row: &PgRow) -> Result<ApiTokenRecord, StoreError> {
    Ok(ApiTokenRecord {
        id: row.try_get("id")?,
        person: row.try_get("person_id")?,
        name: row.try_get("name")?,
        tenant: row.try_get("tenant_id")?,
        roles: roles_from_json(row.try_get("roles")?)?,
        created_at: row.try_get("created_at")?,
        last_used_at: row.try_get("last_used_at")?,
        revoked_at: row.try_get("revoked_at")?,
        expires_at: row.try_get("expires_at")?,
    })
}

pub(super) async fn live_api_token(
    pool: &PgPool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<ApiTokenRecord>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        token_columns!(),
        " FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > $2)"
    );
    let row = sqlx::query(SQL)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(token_from_row).transpose()
}

pub(super) async fn record_api_token_use(
    pool: &PgPool,
    id: Uuid,
    now: DateTime<Utc>,
    unless_since: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = $1 \
         WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(now)
    .bind(id)
    .bind(unless_since)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn api_tokens_of(
    pool: &PgPool,
    person: Uuid,
) -> Result<Vec<ApiTokenRecord>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        token_columns!(),
        " FROM api_tokens WHERE person_id = $1 ORDER BY created_at DESC, id"
    );
    let rows = sqlx::query(SQL).bind(person).fetch_all(pool).await?;
    rows.iter().map(token_from_row).collect()
}

pub(super) async fn revoke_api_token(
    pool: &PgPool,
    person: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $3 \
         WHERE person_id = $1 AND id = $2 AND revoked_at IS NULL",
    )
    .bind(person)
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
