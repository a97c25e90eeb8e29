//! Sign-in throttling and session lifecycle on SQLite: one writer, so a
//! `BEGIN IMMEDIATE` transaction makes each attempt see the previous one.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use uuid::Uuid;

use super::{AttemptCount, Decide, Purged, SignInLock, failures_from, sorted};
use crate::SessionRecord;
use crate::error::StoreError;

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

fn count_from(row: &SqliteRow) -> Result<AttemptCount, StoreError> {
    Ok(AttemptCount {
        failures: failures_from(row.try_get("failures")?),
        last_attempt_at: time(row.try_get("last_attempt_at")?)?,
        locked_until: row
            .try_get::<Option<&str>, _>("locked_until")?
            .map(time)
            .transpose()?,
    })
}

pub(super) async fn count_attempt<T: Send>(
    pool: &SqlitePool,
    keys: &[String],
    decide: Decide<'_, T>,
) -> Result<T, StoreError> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut counts = vec![None; keys.len()];
    for (index, key) in sorted(keys) {
        let row = sqlx::query(
            "SELECT failures, last_attempt_at, locked_until FROM signin_attempts \
             WHERE throttle_key = ?",
        )
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        counts[index] = row.as_ref().map(count_from).transpose()?;
    }
    let (write, answer) = decide(counts.as_slice());
    for (key, count) in &write.counts {
        sqlx::query(
            "INSERT INTO signin_attempts (throttle_key, failures, last_attempt_at, locked_until) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (throttle_key) DO UPDATE \
             SET failures = ?2, last_attempt_at = ?3, locked_until = ?4",
        )
        .bind(key)
        .bind(i64::from(count.failures))
        .bind(text(count.last_attempt_at))
        .bind(count.locked_until.map(text))
        .execute(&mut *tx)
        .await?;
    }
    if let Some(lock) = &write.lock {
        sqlx::query(
            "INSERT INTO signin_locks (id, person_id, locked_at, locked_until) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(lock.id.to_string())
        .bind(lock.person.to_string())
        .bind(text(lock.locked_at))
        .bind(text(lock.locked_until))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(answer)
}

pub(super) async fn attempts(
    pool: &SqlitePool,
    key: &str,
) -> Result<Option<AttemptCount>, StoreError> {
    let row = sqlx::query(
        "SELECT failures, last_attempt_at, locked_until FROM signin_attempts \
         WHERE throttle_key = ?",
    )
    .bind(key)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(count_from).transpose()
}

pub(super) async fn clear_attempts(pool: &SqlitePool, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM signin_attempts WHERE throttle_key = ?")
        .bind(key)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn untold_locks(
    pool: &SqlitePool,
    limit: u32,
) -> Result<Vec<SignInLock>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, person_id, locked_at, locked_until FROM signin_locks \
         WHERE notified_at IS NULL ORDER BY locked_at, id LIMIT ?",
    )
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(SignInLock {
                id: uuid(row.try_get("id")?)?,
                person: uuid(row.try_get("person_id")?)?,
                locked_at: time(row.try_get("locked_at")?)?,
                locked_until: time(row.try_get("locked_until")?)?,
            })
        })
        .collect()
}

pub(super) async fn mark_told(
    pool: &SqlitePool,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE signin_locks SET notified_at = ? WHERE id = ?")
        .bind(text(now))
        .bind(id.to_string())
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn session_seen(
    pool: &SqlitePool,
    token_hash: &str,
) -> Result<Option<(SessionRecord, DateTime<Utc>)>, StoreError> {
    let row = sqlx::query(
        "SELECT person_id, csrf_token, expires_at, COALESCE(last_seen_at, created_at) AS seen \
         FROM sessions WHERE token_hash = ?",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok((
            SessionRecord {
                person: uuid(row.try_get("person_id")?)?,
                csrf_token: row.try_get("csrf_token")?,
                expires_at: time(row.try_get("expires_at")?)?,
            },
            time(row.try_get("seen")?)?,
        ))
    })
    .transpose()
}

pub(super) async fn touch(
    pool: &SqlitePool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
        .bind(text(now))
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn delete_sessions_of(
    pool: &SqlitePool,
    person: Uuid,
    keep: Option<&str>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE person_id = ?1 AND (?2 IS NULL OR token_hash <> ?2)",
    )
    .bind(person.to_string())
    .bind(keep)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub(super) async fn purge(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
    attempts_before: DateTime<Utc>,
) -> Result<Purged, StoreError> {
    // Times are stored in one fixed-width UTC format, so text compares in
    // time order.
    let sessions = sqlx::query(
        "DELETE FROM sessions \
         WHERE expires_at <= ?1 OR COALESCE(last_seen_at, created_at) <= ?2",
    )
    .bind(text(now))
    .bind(text(idle_cutoff))
    .execute(pool)
    .await?
    .rows_affected();
    let attempts = sqlx::query(
        "DELETE FROM signin_attempts \
         WHERE last_attempt_at < ?2 AND (locked_until IS NULL OR locked_until <= ?1)",
    )
    .bind(text(now))
    .bind(text(attempts_before))
    .execute(pool)
    .await?
    .rows_affected();
    let locks =
        sqlx::query("DELETE FROM signin_locks WHERE notified_at IS NOT NULL AND locked_until < ?")
            .bind(text(attempts_before))
            .execute(pool)
            .await?
            .rows_affected();
    // A used or expired link opens nothing; the address it went to goes.
    let links =
        sqlx::query("DELETE FROM account_links WHERE expires_at <= ? OR used_at IS NOT NULL")
            .bind(text(now))
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
