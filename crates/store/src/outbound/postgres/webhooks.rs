//! Webhooks and their deliveries on PostgreSQL.

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use crate::error::StoreError;
use crate::outbound::columns::{FailedAttempt, attempts, row_limit};
use crate::outbound::{DeliveryFailure, Webhook, WebhookDelivery, WebhookDeliveryStatus};

fn webhook(row: &PgRow) -> Result<Webhook, StoreError> {
    Ok(Webhook {
        id: row.try_get("id")?,
        tenant: row.try_get("tenant_id")?,
        url: row.try_get("url")?,
        secret: row.try_get("secret")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
    })
}

macro_rules! delivery_columns {
    () => {
        "d.id, d.webhook_id, w.tenant_id, w.url, w.secret, d.event_id, d.body, d.status, \
         d.attempts, d.last_error, d.next_attempt_at, d.created_at"
    };
}

fn delivery(row: &PgRow) -> Result<WebhookDelivery, StoreError> {
    Ok(WebhookDelivery {
        id: row.try_get("id")?,
        webhook: row.try_get("webhook_id")?,
        tenant: row.try_get("tenant_id")?,
        url: row.try_get("url")?,
        secret: row.try_get("secret")?,
        event_id: row.try_get("event_id")?,
        body: row.try_get("body")?,
        status: WebhookDeliveryStatus::parse(row.try_get("status")?)?,
        attempts: attempts(row.try_get::<i32, _>("attempts")?.into())?,
        last_error: row.try_get("last_error")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        created_at: row.try_get("created_at")?,
    })
}

pub(in crate::outbound) async fn add_webhook(
    pool: &PgPool,
    webhook: &Webhook,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO webhooks (id, tenant_id, url, secret, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(webhook.id)
    .bind(&webhook.tenant)
    .bind(&webhook.url)
    .bind(&webhook.secret)
    .bind(&webhook.created_by)
    .bind(webhook.created_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn webhooks(
    pool: &PgPool,
    tenant: &str,
) -> Result<Vec<Webhook>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, tenant_id, url, secret, created_by, created_at FROM webhooks \
         WHERE tenant_id = $1 ORDER BY created_at, id",
    )
    .bind(tenant)
    .fetch_all(pool)
    .await?;
    rows.iter().map(webhook).collect()
}

pub(in crate::outbound) async fn remove_webhook(
    pool: &PgPool,
    tenant: &str,
    id: Uuid,
) -> Result<bool, StoreError> {
    // Its deliveries go with it (ON DELETE CASCADE).
    let done = sqlx::query("DELETE FROM webhooks WHERE tenant_id = $1 AND id = $2")
        .bind(tenant)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(in crate::outbound) async fn enqueue_webhook_deliveries(
    pool: &PgPool,
    tenant: &str,
    event_id: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut tx = pool.begin().await?;
    let hooks: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM webhooks WHERE tenant_id = $1")
        .bind(tenant)
        .fetch_all(&mut *tx)
        .await?;
    let mut queued = 0;
    for hook in hooks {
        let done = sqlx::query(
            "INSERT INTO webhook_deliveries (id, webhook_id, event_id, body, status, \
             next_attempt_at, created_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5) \
             ON CONFLICT DO NOTHING",
        )
        .bind(Uuid::now_v7())
        .bind(hook)
        .bind(event_id)
        .bind(body)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        queued += done.rows_affected();
    }
    tx.commit().await?;
    Ok(queued)
}

pub(in crate::outbound) async fn claim_webhook_deliveries(
    pool: &PgPool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    // As for e-mails: rows being claimed elsewhere are skipped.
    const CLAIM: &str = concat!(
        "WITH due AS (SELECT id FROM webhook_deliveries \
                      WHERE status = 'pending' AND next_attempt_at <= $1 \
                      ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
         UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2 \
         FROM due, webhooks w WHERE d.id = due.id AND w.id = d.webhook_id RETURNING ",
        delivery_columns!()
    );
    let rows = sqlx::query(CLAIM)
        .bind(now)
        .bind(lease_until)
        .bind(row_limit(limit))
        .fetch_all(pool)
        .await?;
    let mut claimed = rows.iter().map(delivery).collect::<Result<Vec<_>, _>>()?;
    claimed.sort_by_key(|delivery| (delivery.created_at, delivery.id));
    Ok(claimed)
}

pub(in crate::outbound) async fn webhook_delivered(
    pool: &PgPool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $2 \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn webhook_failed(
    pool: &PgPool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let failed = FailedAttempt::of(failure, "dead");
    sqlx::query(
        "UPDATE webhook_deliveries SET status = $2, \
         next_attempt_at = coalesce($3, next_attempt_at), last_error = $4, failed_at = $5 \
         WHERE id = $1 AND status = 'pending'",
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

pub(in crate::outbound) async fn dead_webhook_deliveries(
    pool: &PgPool,
    tenant: &str,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    const DEAD: &str = concat!(
        "SELECT ",
        delivery_columns!(),
        " FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
         WHERE w.tenant_id = $1 AND d.status = 'dead' ORDER BY d.failed_at DESC, d.id DESC"
    );
    let rows = sqlx::query(DEAD).bind(tenant).fetch_all(pool).await?;
    rows.iter().map(delivery).collect()
}

pub(in crate::outbound) async fn replay_webhook_delivery(
    pool: &PgPool,
    tenant: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3 \
         WHERE id = $2 AND status = 'dead' \
           AND webhook_id IN (SELECT id FROM webhooks WHERE tenant_id = $1)",
    )
    .bind(tenant)
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
