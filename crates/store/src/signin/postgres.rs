//! Sign-in throttling and session lifecycle on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use super::{AttemptCount, Decide, Purged, SignInLock, failures_from, sorted};
use crate::SessionRecord;
use crate::error::StoreError;

fn count_from(row: &PgRow) -> Result<AttemptCount, StoreError> {
    Ok(AttemptCount {
        failures: failures_from(i64::from(row.try_get::<i32, _>("failures")?)),
        last_attempt_at: row.try_get("last_attempt_at")?,
        locked_until: row.try_get("locked_until")?,
    })
}

pub(super) async fn count_attempt<T: Send>(
    pool: &PgPool,
    keys: &[String],
    decide: Decide<'_, T>,
) -> Result<T, StoreError> {
    let mut tx = pool.begin().await?;
    let mut counts = vec![None; keys.len()];
    for (index, key) in sorted(keys) {
        // A row to lock even for a key's first attempt: two first attempts
        // then wait for each other instead of both counting from nothing.
        sqlx::query(
            "INSERT INTO signin_attempts (throttle_key, failures, last_attempt_at) \
             VALUES ($1, 0, now()) ON CONFLICT (throttle_key) DO NOTHING",
        )
        .bind(key)
        .execute(&mut *tx)
        .await?;
        let row = sqlx::query(
            "SELECT failures, last_attempt_at, locked_until FROM signin_attempts \
             WHERE throttle_key = $1 FOR UPDATE",
        )
        .bind(key)
        .fetch_one(&mut *tx)
        .await?;
        let count = count_from(&row)?;
        counts[index] = (count.failures > 0 || count.locked_until.is_some()).then_some(count);
    }
    let (write, answer) = decide(counts.as_slice());
    for (key, count) in &write.counts {
        sqlx::query(
            "UPDATE signin_attempts \
             SET failures = $2, last_attempt_at = $3, locked_until = $4 WHERE throttle_key = $1",
        )
        .bind(key)
        .bind(i32::try_from(count.failures).unwrap_or(i32::MAX))
        .bind(count.last_attempt_at)
        .bind(count.locked_until)
        .execute(&mut *tx)
        .await?;
    }
    if let Some(lock) = &write.lock {
        sqlx::query(
            "INSERT INTO signin_locks (id, person_id, locked_at, locked_until) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(lock.id)
        .bind(lock.person)
        .bind(lock.locked_at)
        .bind(lock.locked_until)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(answer)
}

pub(super) async fn attempts(pool: &PgPool, key: &str) -> Result<Option<AttemptCount>, StoreError> {
    let row = sqlx::query(
        "SELECT failures, last_attempt_at, locked_until FROM signin_attempts \
         WHERE throttle_key = $1",
    )
    .bind(key)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(count_from).transpose()
}

pub(super) async fn clear_attempts(pool: &PgPool, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM signin_attempts WHERE throttle_key = $1")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn untold_locks(pool: &PgPool, limit: u32) -> Result<Vec<SignInLock>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, person_id, locked_at, locked_until FROM signin_locks \
         WHERE notified_at IS NULL ORDER BY locked_at, id LIMIT $1",
    )
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SignInLock {
                id: row.try_get("id")?,
                person: row.try_get("person_id")?,
                locked_at: row.try_get("locked_at")?,
                locked_until: row.try_get("locked_until")?,
            })
        })
        .collect()
}

pub(super) async fn mark_told(
    pool: &PgPool,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE signin_locks SET notified_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn session_seen(
    pool: &PgPool,
    token_hash: &str,
) -> Result<Option<(SessionRecord, DateTime<Utc>)>, StoreError> {
    let row = sqlx::query(
        "SELECT person_id, csrf_token, expires_at, COALESCE(last_seen_at, created_at) AS seen \
         FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok((
            SessionRecord {
                person: row.try_get("person_id")?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at: row.try_get("expires_at")?,
            },
            row.try_get("seen")?,
        ))
    })
    .transpose()
}

pub(super) async fn touch(
    pool: &PgPool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1")
        .bind(token_hash)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn delete_sessions_of(
    pool: &PgPool,
    person: Uuid,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE person_id = $1 AND ($2::text IS NULL OR token_hash <> $2)",
    )
    .bind(person)
    .bind(keep)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub(super) async fn purge(
    pool: &PgPool,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
    attempts_before: DateTime<Utc>,
) -> Result<Purged, StoreError> {
    let sessions = sqlx::query(
        "DELETE FROM sessions \
         WHERE expires_at <= $1 OR COALESCE(last_seen_at, created_at) <= $2",
    )
    .bind(now)
    .bind(idle_cutoff)
    .execute(pool)
    .await?
    .rows_affected();
    let attempts = sqlx::query(
        "DELETE FROM signin_attempts \
         WHERE last_attempt_at < $2 AND (locked_until IS NULL OR locked_until <= $1)",
    )
    .bind(now)
    .bind(attempts_before)
    .execute(pool)
    .await?
    .rows_affected();
    let locks =
        sqlx::query("DELETE FROM signin_locks WHERE notified_at IS NOT NULL AND locked_until < $1")
            .bind(attempts_before)
            .execute(pool)
            .await?
            .rows_affected();
    // A used or expired link opens nothing; the address it went to goes.
    let links =
        sqlx::query("DELETE FROM account_links WHERE expires_at <= $1 OR used_at IS NOT NULL")
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
    Ok(Purged {
        sessions,
        attempts,
        locks,
        links,
    })
}
