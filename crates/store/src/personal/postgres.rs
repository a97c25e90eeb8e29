//! Personal data on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};

use super::{AccessEntry, Erasure, ErasureReport, PersonKey};
use crate::error::StoreError;

pub(super) async fn person_key(
    pool: &PgPool,
    subject: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT key FROM person_keys WHERE person_id = $1")
            .bind(subject)
            .fetch_optional(pool)
            .await?,
    )
}

pub(super) async fn key_or_new(
    pool: &PgPool,
    subject: &str,
    fresh: &PersonKey,
) -> Result<Vec<u8>, StoreError> {
    // The insert returns nothing when a concurrent command created the key
    // first; the select then reads theirs.
    sqlx::query(
        "INSERT INTO person_keys (person_id, key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(subject)
    .bind(fresh.as_bytes())
    .execute(pool)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT key FROM person_keys WHERE person_id = $1")
            .bind(subject)
            .fetch_one(pool)
            .await?,
    )
}

pub(crate) async fn all_keys<'e>(
    executor: impl sqlx::PgExecutor<'e>,
) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
    Ok(sqlx::query_as("SELECT person_id, key FROM person_keys")
        .fetch_all(executor)
        .await?)
}

pub(super) async fn erase_person(
    pool: &PgPool,
    erasure: &Erasure,
) -> Result<ErasureReport, StoreError> {
    let person = erasure.person;
    let text_id = person.to_string();
    let mut tx = pool.begin().await?;
    let key_deleted = sqlx::query("DELETE FROM person_keys WHERE person_id = $1")
        .bind(&text_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        > 0;
    let mut report = ErasureReport {
        key_deleted,
        ..ErasureReport::default()
    };
    // Accounts key the person by uuid, the outbound tables by text.
    for (sql, counter) in [
        (
            "DELETE FROM credentials WHERE person_id = $1",
            &mut report.credentials,
        ),
        (
            "DELETE FROM sessions WHERE person_id = $1",
            &mut report.sessions,
        ),
        (
            "DELETE FROM api_tokens WHERE person_id = $1",
            &mut report.api_tokens,
        ),
        (
            "DELETE FROM account_links WHERE person_id = $1",
            &mut report.account_records,
        ),
    ] {
        *counter = sqlx::query(sql)
            .bind(person)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    report.account_records += sqlx::query("DELETE FROM signin_locks WHERE person_id = $1")
        .bind(person)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    report.account_records +=
        sqlx::query("DELETE FROM signin_attempts WHERE throttle_key = ANY($1)")
            .bind(&erasure.throttle_keys)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    report.notifications = sqlx::query("DELETE FROM notifications WHERE recipient = $1")
        .bind(&text_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let addresses: Vec<String> = erasure
        .emails
        .iter()
        .filter(|email| !email.is_empty())
        .map(|email| email.to_lowercase())
        .collect();
    report.emails =
        sqlx::query("DELETE FROM emails WHERE recipient = $1 OR lower(to_address) = ANY($2)")
            .bind(&text_id)
            .bind(&addresses)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    sqlx::query("DELETE FROM notification_preferences WHERE person = $1")
        .bind(&text_id)
        .execute(&mut *tx)
        .await?;
    for mention in erasure.names.iter().chain(&erasure.emails) {
        if mention.is_empty() {
            continue;
        }
        let notifications = sqlx::query(
            "UPDATE notifications SET title = replace(title, $1, $2), body = replace(body, $1, $2) \
             WHERE strpos(title, $1) > 0 OR strpos(body, $1) > 0",
        )
        .bind(mention)
        .bind(&erasure.replacement)
        .execute(&mut *tx)
        .await?;
        let emails = sqlx::query(
            "UPDATE emails SET subject = replace(subject, $1, $2), \
             text_body = replace(text_body, $1, $2), html_body = replace(html_body, $1, $2), \
             calendar = replace(calendar, $1, $2) \
             WHERE strpos(subject, $1) > 0 OR strpos(text_body, $1) > 0 \
                OR strpos(COALESCE(html_body, ''), $1) > 0 OR strpos(COALESCE(calendar, ''), $1) > 0",
        )
        .bind(mention)
        .bind(&erasure.replacement)
        .execute(&mut *tx)
        .await?;
        report.anonymised += notifications.rows_affected() + emails.rows_affected();
    }
    tx.commit().await?;
    Ok(report)
}

pub(super) async fn record_access(
    pool: &PgPool,
    entries: &[AccessEntry],
) -> Result<(), StoreError> {
    let (mut at, mut readers, mut subjects, mut whats) = (vec![], vec![], vec![], vec![]);
    for entry in entries {
        at.push(entry.read_at);
        readers.push(entry.reader.clone());
        subjects.push(entry.subject.clone());
        whats.push(entry.what.clone());
    }
    sqlx::query(
        "INSERT INTO personal_data_access (read_at, reader, subject, what) \
         SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[])",
    )
    .bind(at)
    .bind(readers)
    .bind(subjects)
    .bind(whats)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn access_log(
    pool: &PgPool,
    since: DateTime<Utc>,
    subject: Option<&str>,
    limit: i64,
) -> Result<Vec<AccessEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT read_at, reader, subject, what FROM personal_data_access \
         WHERE read_at >= $1 AND ($2::text IS NULL OR subject = $2) ORDER BY id DESC LIMIT $3",
    )
    .bind(since)
    .bind(subject)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(AccessEntry {
                read_at: row.try_get("read_at")?,
                reader: row.try_get("reader")?,
                subject: row.try_get("subject")?,
                what: row.try_get("what")?,
            })
        })
        .collect()
}

pub(super) async fn prune_access_log(
    pool: &PgPool,
    before: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("DELETE FROM personal_data_access WHERE read_at < $1")
            .bind(before)
            .execute(pool)
            .await?
            .rows_affected(),
    )
}
