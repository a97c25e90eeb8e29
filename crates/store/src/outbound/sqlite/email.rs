//! E-mails on SQLite: written with their notification or digest, claimed
//! for sending under a lease, and settled.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use uuid::Uuid;

use super::{id_list, text, time, uuid};
use crate::error::StoreError;
use crate::outbound::columns::{FailedAttempt, attempts, row_limit};
use crate::outbound::{DeliveryFailure, NewEmail, OutgoingEmail, RejectedEmail};

macro_rules! email_columns {
    () => {
        "id, recipient, tenant_id, to_address, subject, text_body, html_body, calendar, attempts, \
         created_at"
    };
}

fn outgoing(row: &SqliteRow) -> Result<OutgoingEmail, StoreError> {
    Ok(OutgoingEmail {
        id: uuid(row.try_get("id")?)?,
        recipient: row.try_get("recipient")?,
        tenant: row.try_get("tenant_id")?,
        to: row.try_get("to_address")?,
        subject: row.try_get("subject")?,
        text: row.try_get("text_body")?,
        html: row.try_get("html_body")?,
        calendar: row.try_get("calendar")?,
        attempts: attempts(row.try_get("attempts")?)?,
        created_at: time(row.try_get("created_at")?)?,
    })
}

/// Writes an e-mail due at `now` unless its id exists; whether it was written.
pub(super) async fn insert(
    conn: &mut SqliteConnection,
    id: Uuid,
    recipient: &str,
    tenant: &str,
    email: &NewEmail,
    status: &str,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO emails (id, recipient, tenant_id, to_address, subject, text_body, html_body, \
         calendar, status, next_attempt_at, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) ON CONFLICT DO NOTHING",
    )
    .bind(id.to_string())
    .bind(recipient)
    .bind(tenant)
    .bind(&email.to)
    .bind(&email.subject)
    .bind(&email.text)
    .bind(&email.html)
    .bind(&email.calendar)
    .bind(status)
    .bind(text(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub(in crate::outbound) async fn claim_emails(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    const CLAIM: &str = concat!(
        "UPDATE emails SET attempts = attempts + 1, next_attempt_at = ?2 \
         WHERE id IN (SELECT id FROM emails WHERE status = 'pending' AND next_attempt_at <= ?1 \
                      ORDER BY next_attempt_at, id LIMIT ?3) \
         RETURNING ",
        email_columns!()
    );
    let rows = sqlx::query(CLAIM)
        .bind(text(now))
        .bind(text(lease_until))
        .bind(row_limit(limit))
        .fetch_all(pool)
        .await?;
    let mut claimed = rows.iter().map(outgoing).collect::<Result<Vec<_>, _>>()?;
    claimed.sort_by_key(|email| (email.created_at, email.id));
    Ok(claimed)
}

pub(in crate::outbound) async fn email_sent(
    pool: &SqlitePool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE emails SET status = 'sent', sent_at = ?2 WHERE id = ?1 AND status = 'pending'",
    )
    .bind(id.to_string())
    .bind(text(at))
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn email_failed(
    pool: &SqlitePool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let failed = FailedAttempt::of(failure, "rejected");
    sqlx::query(
        "UPDATE emails SET status = ?2, next_attempt_at = coalesce(?3, next_attempt_at), \
         last_error = ?4, failed_at = ?5 WHERE id = ?1 AND status = 'pending'",
    )
    .bind(id.to_string())
    .bind(failed.status)
    .bind(failed.retry_at.map(text))
    .bind(error)
    .bind(text(at))
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn rejected_emails(
    pool: &SqlitePool,
    tenant: &str,
) -> Result<Vec<RejectedEmail>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, recipient, to_address, subject, last_error, failed_at FROM emails \
         WHERE tenant_id = ? AND status = 'rejected' ORDER BY failed_at DESC, id DESC",
    )
    .bind(tenant)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(RejectedEmail {
                id: uuid(row.try_get("id")?)?,
                recipient: row.try_get("recipient")?,
                to: row.try_get("to_address")?,
                subject: row.try_get("subject")?,
                error: row
                    .try_get::<Option<String>, _>("last_error")?
                    .unwrap_or_default(),
                at: time(row.try_get("failed_at")?)?,
            })
        })
        .collect()
}

pub(in crate::outbound) async fn digest_recipients(
    pool: &SqlitePool,
) -> Result<Vec<String>, StoreError> {
    let recipients = sqlx::query_scalar(
        "SELECT DISTINCT recipient FROM emails WHERE status = 'held' ORDER BY recipient",
    )
    .fetch_all(pool)
    .await?;
    Ok(recipients)
}

pub(in crate::outbound) async fn held_emails(
    pool: &SqlitePool,
    recipient: &str,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    const HELD: &str = concat!(
        "SELECT ",
        email_columns!(),
        " FROM emails WHERE recipient = ? AND status = 'held' ORDER BY created_at, id"
    );
    let rows = sqlx::query(HELD).bind(recipient).fetch_all(pool).await?;
    rows.iter().map(outgoing).collect()
}

pub(in crate::outbound) async fn bundle_digest(
    pool: &SqlitePool,
    digest: Uuid,
    recipient: &str,
    tenant: &str,
    email: &NewEmail,
    bundled: &[Uuid],
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut tx = pool.begin().await?;
    if !insert(&mut tx, digest, recipient, tenant, email, "pending", now).await? {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE emails SET status = 'digested', digest_id = ?2 \
         WHERE recipient = ?1 AND status = 'held' AND id IN (SELECT value FROM json_each(?3))",
    )
    .bind(recipient)
    .bind(digest.to_string())
    .bind(id_list(bundled))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}
