//! Accounts on SQLite: uuids and times are stored as text.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use uuid::Uuid;

use super::{ApiTokenRecord, Credential, SessionRecord, roles_from_json, roles_to_json};
use crate::error::StoreError;

pub(super) async fn set_credential(
    pool: &SqlitePool,
    credential: &Credential,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO credentials (person_id, email, password_hash, updated_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (person_id) DO UPDATE \
         SET email = excluded.email, password_hash = excluded.password_hash, \
             updated_at = excluded.updated_at",
    )
    .bind(credential.person.to_string())
    .bind(credential.email.trim().to_lowercase())
    .bind(&credential.password_hash)
    .bind(text(Utc::now()))
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn credential_by_email(
    pool: &SqlitePool,
    email: &str,
) -> Result<Option<Credential>, StoreError> {
    let row =
        sqlx::query("SELECT person_id, email, password_hash FROM credentials WHERE email = ?")
            .bind(email)
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(Credential {
            person: uuid(row.try_get("person_id")?)?,
            email: row.try_get("email")?,
            password_hash: row.try_get("password_hash")?,
        })
    })
    .transpose()
}

pub(super) async fn create_session(
    pool: &SqlitePool,
    token_hash: &str,
    session: &SessionRecord,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token_hash)
    .bind(session.person.to_string())
    .bind(&session.csrf_token)
    .bind(text(Utc::now()))
    .bind(text(session.expires_at))
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn session(
    pool: &SqlitePool,
    token_hash: &str,
) -> Result<Option<SessionRecord>, StoreError> {
    let row =
        sqlx::query("SELECT person_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(SessionRecord {
            person: uuid(row.try_get("person_id")?)?,
            csrf_token: row.try_get("csrf_token")?,
            expires_at: time(row.try_get("expires_at")?)?,
        })
    })
    .transpose()
}

pub(super) async fn delete_session(pool: &SqlitePool, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn create_api_token(
    pool: &SqlitePool,
    token_hash: &str,
    token: &ApiTokenRecord,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO api_tokens \
         (id, token_hash, person_id, name, tenant_id, roles, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(token.id.to_string())
    .bind(token_hash)
    .bind(token.person.to_string())
    .bind(&token.name)
    .bind(&token.tenant)
    .bind(roles_to_json(&token.roles)?)
    .bind(text(token.created_at))
    .bind(token.expires_at.map(text))
    .execute(pool)
    .await?;
    Ok(())
}

macro_rules! token_columns {
    () => {
        "id, person_id, name, tenant_id, roles, created_at, last_used_at, revoked_at, expires_at"
    };
}

fn token_from_row(row: &SqliteRow) -> Result<ApiTokenRecord, StoreError> {
    Ok(ApiTokenRecord {
        id: uuid(row.try_get("id")?)?,
        person: uuid(row.try_get("person_id")?)?,
        name: row.try_get("name")?,
        tenant: row.try_get("tenant_id")?,
        roles: roles_from_json(row.try_get("roles")?)?,
        created_at: time(row.try_get("created_at")?)?,
        last_used_at: row
            .try_get::<Option<&str>, _>("last_used_at")?
            .map(time)
            .transpose()?,
        revoked_at: row
            .try_get::<Option<&str>, _>("revoked_at")?
            .map(time)
            .transpose()?,
        expires_at: row
            .try_get::<Option<&str>, _>("expires_at")?
            .map(time)
            .transpose()?,
    })
}

pub(super) async fn live_api_token(
    pool: &SqlitePool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<ApiTokenRecord>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        token_columns!(),
        " FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > ?2)"
    );
    let row = sqlx::query(SQL)
        .bind(token_hash)
        .bind(text(now))
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(token_from_row).transpose()
}

pub(super) async fn record_api_token_use(
    pool: &SqlitePool,
    id: Uuid,
    now: DateTime<Utc>,
    unless_since: DateTime<Utc>,
) -> Result<(), StoreError> {
    // Times are fixed-width RFC 3339 text in UTC, so text order is time order.
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = ? \
         WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
    )
    .bind(text(now))
    .bind(id.to_string())
    .bind(text(unless_since))
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn api_tokens_of(
    pool: &SqlitePool,
    person: Uuid,
) -> Result<Vec<ApiTokenRecord>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        token_columns!(),
        " FROM api_tokens WHERE person_id = ? ORDER BY created_at DESC, id"
    );
    let rows = sqlx::query(SQL)
        .bind(person.to_string())
        .fetch_all(pool)
        .await?;
    rows.iter().map(token_from_row).collect()
}

pub(super) async fn revoke_api_token(
    pool: &SqlitePool,
    person: Uuid,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = ?3 \
         WHERE person_id = ?1 AND id = ?2 AND revoked_at IS NULL",
    )
    .bind(person.to_string())
    .bind(id.to_string())
    .bind(text(now))
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn time(value: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(value)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|error| StoreError::Corrupt(format!("time {value}: {error}")))
}

fn uuid(value: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(value).map_err(|error| StoreError::Corrupt(format!("uuid {value}: {error}")))
}
