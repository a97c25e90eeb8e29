//! E-mails on PostgreSQL: written with their notification or digest,
//! claimed for sending under a lease, and settled.

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::{PgConnection, PgPool, Row};
use uuid::Uuid;

use crate::error::StoreError;
use crate::outbound::columns::{FailedAttempt, attempts, row_limit};
use crate::outbound::{DeliveryFailure, NewEmail, OutgoingEmail, RejectedEmail};

macro_rules! email_columns {
    () => {
        "id, recipient, tenant_id, to_address, subject, text_body, html_body, calendar, attempts, \
         created_at"
    };
}

fn outgoing(row: &PgRow) -> Result<OutgoingEmail, StoreError> {
    Ok(OutgoingEmail {
        id: row.try_get("id")?,
        recipient: row.try_get("recipient")?,
        tenant: row.try_get("tenant_id")?,
        to: row.try_get("to_address")?,
        subject: row.try_get("subject")?,
        text: row.try_get("text_body")?,
        html: row.try_get("html_body")?,
        calendar: row.try_get("calendar")?,
        attempts: attempts(row.try_get::<i32, _>("attempts")?.into())?,
        created_at: row.try_get("created_at")?,
    })
}

/// Writes an e-mail due at `now` unless its id exists; whether it was written.
pub(super) async fn insert(
    conn: &mut PgConnection,
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(recipient)
    .bind(tenant)
    .bind(&email.to)
    .bind(&email.subject)
    .bind(&email.text)
    .bind(&email.html)
    .bind(&email.calendar)
    .bind(status)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub(in crate::outbound) async fn claim_emails(
    pool: &PgPool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    // Rows another instance is claiming right now are skipped, not waited
    // for; one it claimed a moment ago is no longer due when re-checked.
    const CLAIM: &str = concat!(
        "WITH due AS (SELECT id AS due_id FROM emails WHERE status = 'pending' AND next_attempt_at <= $1 \
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
         UPDATE emails SET attempts = emails.attempts + 1, next_attempt_at = $2 \
         FROM due WHERE emails.id = due.due_id RETURNING ",
        email_columns!()
    );
    let rows = sqlx::query(CLAIM)
        .bind(now)
        .bind(lease_until)
        .bind(row_limit(limit))
        .fetch_all(pool)
        .await?;
    let mut claimed = rows.iter().map(outgoing).collect::<Result<Vec<_>, _>>()?;
    claimed.sort_by_key(|email| (email.created_at, email.id));
    Ok(claimed)
}

pub(in crate::outbound) async fn email_sent(
    pool: &PgPool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE emails SET status = 'sent', sent_at = $2 WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn email_failed(
    pool: &PgPool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let failed = FailedAttempt::of(failure, "rejected");
    sqlx::query(
        "UPDATE emails SET status = $2, next_attempt_at = coalesce($3, next_attempt_at), \
         last_error = $4, failed_at = $5 WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(failed.status)
    .bind(failed.retry_at)
    .bind(error)
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn rejected_emails(
    pool: &PgPool,
    tenant: &str,
) -> Result<Vec<RejectedEmail>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, recipient, to_address, subject, last_error, failed_at FROM emails \
         WHERE tenant_id = $1 AND status = 'rejected' ORDER BY failed_at DESC, id DESC",
    )
    .bind(tenant)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(RejectedEmail {
                id: row.try_get("id")?,
                recipient: row.try_get("recipient")?,
                to: row.try_get("to_address")?,
                subject: row.try_get("subject")?,
                error: row
                    .try_get::<Option<String>, _>("last_error")?
                    .unwrap_or_default(),
                at: row.try_get("failed_at")?,
            })
        })
        .collect()
}

pub(in crate::outbound) async fn digest_recipients(
    pool: &PgPool,
) -> Result<Vec<String>, StoreError> {
    let recipients = sqlx::query_scalar(
        "SELECT DISTINCT recipient COLLATE \"C\" FROM emails WHERE status = 'held' \
         ORDER BY 1",
    )
    .fetch_all(pool)
    .await?;
    Ok(recipients)
}

pub(in crate::outbound) async fn held_emails(
    pool: &PgPool,
    recipient: &str,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    const HELD: &str = concat!(
        "SELECT ",
        email_columns!(),
        " FROM emails WHERE recipient = $1 AND status = 'held' ORDER BY created_at, id"
    );
    let rows = sqlx::query(HELD).bind(recipient).fetch_all(pool).await?;
    rows.iter().map(outgoing).collect()
}

pub(in crate::outbound) async fn bundle_digest(
    pool: &PgPool,
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
        "UPDATE emails SET status = 'digested', digest_id = $2 \
         WHERE recipient = $1 AND status = 'held' AND id = ANY($3)",
    )
    .bind(recipient)
    .bind(digest)
    .bind(bundled)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}
