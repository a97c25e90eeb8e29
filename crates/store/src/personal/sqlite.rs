//! Personal data on SQLite: uuids and times as text. The connection runs
//! with `secure_delete`, so deleted rows are overwritten, not left in free
//! pages of the file.

use chrono::{DateTime, Utc};
use sqlx::{Row, SqlitePool};

use super::{AccessEntry, Erasure, ErasureReport, PersonKey};
use crate::error::StoreError;

fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub(super) async fn person_key(
    pool: &SqlitePool,
    subject: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT key FROM person_keys WHERE person_id = ?")
            .bind(subject)
            .fetch_optional(pool)
            .await?,
    )
}

pub(super) async fn key_or_new(
    pool: &SqlitePool,
    subject: &str,
    fresh: &PersonKey,
) -> Result<Vec<u8>, StoreError> {
    sqlx::query(
        "INSERT INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?) \
         ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(subject)
    .bind(fresh.as_bytes())
    .bind(text(Utc::now()))
    .execute(pool)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT key FROM person_keys WHERE person_id = ?")
            .bind(subject)
            .fetch_one(pool)
            .await?,
    )
}

pub(crate) async fn all_keys<'e>(
    executor: impl sqlx::SqliteExecutor<'e>,
) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    Ok(sqlx::query_as("SELECT person_id, key FROM person_keys")
        .fetch_all(executor)
        .await?)
}

pub(super) async fn erase_person(
    pool: &SqlitePool,
    erasure: &Erasure,
) -> Result<ErasureReport, StoreError> {
    let person = erasure.person.to_string();
    let mut tx = pool.begin().await?;
    let mut report = ErasureReport::default();
    let mut delete = async |sql: &'static str, value: &str| -> Result<u64, StoreError> {
        Ok(sqlx::query(sql)
            .bind(value)
            .execute(&mut *tx)
            .await?
            .rows_affected())
    };
    report.key_deleted = delete("DELETE FROM person_keys WHERE person_id = ?", &person).await? > 0;
    report.credentials = delete("DELETE FROM credentials WHERE person_id = ?", &person).await?;
    report.sessions = delete("DELETE FROM sessions WHERE person_id = ?", &person).await?;
    report.api_tokens = delete("DELETE FROM api_tokens WHERE person_id = ?", &person).await?;
    report.account_records = delete("DELETE FROM account_links WHERE person_id = ?", &person)
        .await?
        + delete("DELETE FROM signin_locks WHERE person_id = ?", &person).await?;
    for key in &erasure.throttle_keys {
        report.account_records +=
            delete("DELETE FROM signin_attempts WHERE throttle_key = ?", key).await?;
    }
    report.notifications = delete("DELETE FROM notifications WHERE recipient = ?", &person).await?;
    report.emails = delete("DELETE FROM emails WHERE recipient = ?", &person).await?;
    delete(
        "DELETE FROM notification_preferences WHERE person = ?",
        &person,
    )
    .await?;
    for email in erasure.emails.iter().filter(|email| !email.is_empty()) {
        report.emails += delete(
            "DELETE FROM emails WHERE lower(to_address) = lower(?)",
            email,
        )
        .await?;
    }
    for mention in erasure.names.iter().chain(&erasure.emails) {
        if mention.is_empty() {
            continue;
        }
        let notifications = sqlx::query(
            "UPDATE notifications SET title = replace(title, ?1, ?2), body = replace(body, ?1, ?2) \
             WHERE instr(title, ?1) > 0 OR instr(body, ?1) > 0",
        )
        .bind(mention)
        .bind(&erasure.replacement)
        .execute(&mut *tx)
        .await?;
        let emails = sqlx::query(
            "UPDATE emails SET subject = replace(subject, ?1, ?2), \
             text_body = replace(text_body, ?1, ?2), html_body = replace(html_body, ?1, ?2), \
             calendar = replace(calendar, ?1, ?2) \
             WHERE instr(subject, ?1) > 0 OR instr(text_body, ?1) > 0 \
                OR instr(COALESCE(html_body, ''), ?1) > 0 OR instr(COALESCE(calendar, ''), ?1) > 0",
        )
        .bind(mention)
        .bind(&erasure.replacement)
        .execute(&mut *tx)
        .await?;
        report.anonymised += notifications.rows_affected() + emails.rows_affected();
    }
    tx.commit().await?;
    // Old page images with the plaintext may still sit in the write-ahead
    // log: copy it back into the (securely deleted) file and empty it.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await?;
    Ok(report)
}

pub(super) async fn record_access(
    pool: &SqlitePool,
    entries: &[AccessEntry],
) -> Result<(), StoreError> {
    let mut tx = pool.begin().await?;
    for entry in entries {
        sqlx::query(
            "INSERT INTO personal_data_access (read_at, reader, subject, what) VALUES (?, ?, ?, ?)",
        )
        .bind(text(entry.read_at))
        .bind(&entry.reader)
        .bind(&entry.subject)
        .bind(&entry.what)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn access_log(
    pool: &SqlitePool,
    since: DateTime<Utc>,
    subject: Option<&str>,
    limit: i64,
) -> Result<Vec<AccessEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT read_at, reader, subject, what FROM personal_data_access \
         WHERE read_at >= ? AND (? IS NULL OR subject = ?) ORDER BY id DESC LIMIT ?",
    )
    .bind(text(since))
    .bind(subject)
    .bind(subject)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            let read_at: String = row.try_get("read_at")?;
            Ok(AccessEntry {
                read_at: DateTime::parse_from_rfc3339(&read_at)
                    .map_err(|error| StoreError::Corrupt(format!("time {read_at}: {error}")))?
                    .with_timezone(&Utc),
                reader: row.try_get("reader")?,
                subject: row.try_get("subject")?,
                what: row.try_get("what")?,
            })
        })
        .collect()
}

pub(super) async fn prune_access_log(
    pool: &SqlitePool,
    before: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("DELETE FROM personal_data_access WHERE read_at < ?")
            .bind(text(before))
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
