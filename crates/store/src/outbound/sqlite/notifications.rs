//! Notifications, the inbox and preferences on SQLite.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use uuid::Uuid;

use super::{email, id_list, optional_time, text, time, uuid};
use crate::error::StoreError;
use crate::outbound::columns::{count, new_email_status, preference, row_limit};
use crate::outbound::{InboxItem, NotificationBatch, Preference};

macro_rules! inbox_columns {
    () => {
        "id, sequence, event_id, recipient, kind, subject_type, subject_id, title, body, link, \
         created_at, read_at"
    };
}

fn inbox_item(row: &SqliteRow) -> Result<InboxItem, StoreError> {
    Ok(InboxItem {
        id: uuid(row.try_get("id")?)?,
        sequence: row.try_get("sequence")?,
        event_id: uuid(row.try_get("event_id")?)?,
        recipient: row.try_get("recipient")?,
        kind: row.try_get("kind")?,
        subject_type: row.try_get("subject_type")?,
        subject_id: row.try_get("subject_id")?,
        title: row.try_get("title")?,
        body: row.try_get("body")?,
        link: row.try_get("link")?,
        created_at: time(row.try_get("created_at")?)?,
        read_at: optional_time(row.try_get("read_at")?)?,
    })
}

pub(in crate::outbound) async fn record_notifications(
    pool: &SqlitePool,
    batch: &NotificationBatch,
    now: DateTime<Utc>,
) -> Result<Vec<InboxItem>, StoreError> {
    const INSERT: &str = concat!(
        "INSERT INTO notifications (id, event_id, recipient, tenant_id, kind, subject_type, \
         subject_id, title, body, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT DO NOTHING RETURNING ",
        inbox_columns!()
    );
    let mut tx = pool.begin().await?;
    if let Some(key) = &batch.reminder {
        let recorded = sqlx::query(
            "INSERT INTO reminders (key, recorded_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(key)
        .bind(text(now))
        .execute(&mut *tx)
        .await?;
        if recorded.rows_affected() == 0 {
            return Ok(Vec::new());
        }
    }
    let mut written = Vec::new();
    for item in &batch.items {
        let id = item.id();
        let row = sqlx::query(INSERT)
            .bind(id.to_string())
            .bind(item.event_id.to_string())
            .bind(&item.recipient)
            .bind(&item.tenant)
            .bind(&item.kind)
            .bind(&item.subject_type)
            .bind(&item.subject_id)
            .bind(&item.title)
            .bind(&item.body)
            .bind(&item.link)
            .bind(text(now))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else { continue };
        written.push(inbox_item(&row)?);
        if let Some(mail) = &item.email {
            let status = new_email_status(mail.delivery);
            email::insert(
                &mut tx,
                id,
                &item.recipient,
                &item.tenant,
                mail,
                status,
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(written)
}

pub(in crate::outbound) async fn inbox(
    pool: &SqlitePool,
    recipient: &str,
    unread_only: bool,
    first: usize,
    before_sequence: Option<i64>,
) -> Result<Vec<InboxItem>, StoreError> {
    // Two statements rather than `(? OR read_at IS NULL)`: only a literal
    // `read_at IS NULL` lets SQLite walk the partial index of unread items.
    const ALL: &str = concat!(
        "SELECT ",
        inbox_columns!(),
        " FROM notifications WHERE recipient = ? AND sequence < ? ORDER BY sequence DESC LIMIT ?"
    );
    const UNREAD: &str = concat!(
        "SELECT ",
        inbox_columns!(),
        " FROM notifications WHERE recipient = ? AND sequence < ? AND read_at IS NULL \
         ORDER BY sequence DESC LIMIT ?"
    );
    let rows = sqlx::query(if unread_only { UNREAD } else { ALL })
        .bind(recipient)
        .bind(before_sequence.unwrap_or(i64::MAX))
        .bind(row_limit(first))
        .fetch_all(pool)
        .await?;
    rows.iter().map(inbox_item).collect()
}

pub(in crate::outbound) async fn inbox_unread(
    pool: &SqlitePool,
    recipient: &str,
) -> Result<u64, StoreError> {
    let unread: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE recipient = ? AND read_at IS NULL",
    )
    .bind(recipient)
    .fetch_one(pool)
    .await?;
    count(unread)
}

pub(in crate::outbound) async fn mark_read(
    pool: &SqlitePool,
    recipient: &str,
    ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE notifications SET read_at = ?3 WHERE recipient = ?1 AND read_at IS NULL \
         AND id IN (SELECT value FROM json_each(?2))",
    )
    .bind(recipient)
    .bind(id_list(ids))
    .bind(text(at))
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub(in crate::outbound) async fn mark_all_read(
    pool: &SqlitePool,
    recipient: &str,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE notifications SET read_at = ?2 WHERE recipient = ?1 AND read_at IS NULL",
    )
    .bind(recipient)
    .bind(text(at))
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub(in crate::outbound) async fn preferences(
    pool: &SqlitePool,
    person: &str,
) -> Result<Vec<(String, Preference)>, StoreError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT kind, preference FROM notification_preferences WHERE person = ? ORDER BY kind",
    )
    .bind(person)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(kind, stored)| Ok((kind, preference(&stored)?)))
        .collect()
}

pub(in crate::outbound) async fn set_preference(
    pool: &SqlitePool,
    person: &str,
    kind: &str,
    preference: Preference,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO notification_preferences (person, kind, preference) VALUES (?, ?, ?) \
         ON CONFLICT (person, kind) DO UPDATE SET preference = excluded.preference",
    )
    .bind(person)
    .bind(kind)
    .bind(preference.as_str())
    .execute(pool)
    .await?;
    Ok(())
}
