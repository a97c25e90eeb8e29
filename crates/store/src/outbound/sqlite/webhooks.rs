//! Webhooks and their deliveries on SQLite.

use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqlitePool};
use uuid::Uuid;

use super::{text, time, uuid};
use crate::error::StoreError;
use crate::outbound::columns::{FailedAttempt, attempts, row_limit};
use crate::outbound::{DeliveryFailure, Webhook, WebhookDelivery, WebhookDeliveryStatus};

fn webhook(row: &SqliteRow) -> Result<Webhook, StoreError> {
    Ok(Webhook {
        id: uuid(row.try_get("id")?)?,
        tenant: row.try_get("tenant_id")?,
        url: row.try_get("url")?,
        secret: row.try_get("secret")?,
        created_by: row.try_get("created_by")?,
        created_at: time(row.try_get("created_at")?)?,
    })
}

macro_rules! delivery_columns {
    () => {
        "d.id, d.webhook_id, w.tenant_id, w.url, w.secret, d.event_id, d.body, d.status, \
         d.attempts, d.last_error, d.next_attempt_at, d.created_at \
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
    };
}

fn delivery(row: &SqliteRow) -> Result<WebhookDelivery, StoreError> {
    Ok(WebhookDelivery {
        id: uuid(row.try_get("id")?)?,
        webhook: uuid(row.try_get("webhook_id")?)?,
        tenant: row.try_get("tenant_id")?,
        url: row.try_get("url")?,
        secret: row.try_get("secret")?,
        event_id: uuid(row.try_get("event_id")?)?,
        body: row.try_get("body")?,
        status: WebhookDeliveryStatus::parse(row.try_get("status")?)?,
        attempts: attempts(row.try_get("attempts")?)?,
        last_error: row.try_get("last_error")?,
        next_attempt_at: time(row.try_get("next_attempt_at")?)?,
        created_at: time(row.try_get("created_at")?)?,
    })
}

pub(in crate::outbound) async fn add_webhook(
    pool: &SqlitePool,
    webhook: &Webhook,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO webhooks (id, tenant_id, url, secret, created_by, created_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(webhook.id.to_string())
    .bind(&webhook.tenant)
    .bind(&webhook.url)
    .bind(&webhook.secret)
    .bind(&webhook.created_by)
    .bind(text(webhook.created_at))
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn webhooks(
    pool: &SqlitePool,
    tenant: &str,
) -> Result<Vec<Webhook>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, tenant_id, url, secret, created_by, created_at FROM webhooks \
         WHERE tenant_id = ? ORDER BY created_at, id",
    )
    .bind(tenant)
    .fetch_all(pool)
    .await?;
    rows.iter().map(webhook).collect()
}

pub(in crate::outbound) async fn remove_webhook(
    pool: &SqlitePool,
    tenant: &str,
    id: Uuid,
) -> Result<bool, StoreError> {
    // Its deliveries go with it (ON DELETE CASCADE).
    let done = sqlx::query("DELETE FROM webhooks WHERE tenant_id = ? AND id = ?")
        .bind(tenant)
        .bind(id.to_string())
        .execute(pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub(in crate::outbound) async fn enqueue_webhook_deliveries(
    pool: &SqlitePool,
    tenant: &str,
    event_id: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let mut tx = pool.begin().await?;
    let hooks: Vec<String> = sqlx::query_scalar("SELECT id FROM webhooks WHERE tenant_id = ?")
        .bind(tenant)
        .fetch_all(&mut *tx)
        .await?;
    let mut queued = 0;
    for hook in hooks {
        let done = sqlx::query(
            "INSERT INTO webhook_deliveries (id, webhook_id, event_id, body, status, \
             next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5) \
             ON CONFLICT DO NOTHING",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(hook)
        .bind(event_id.to_string())
        .bind(body)
        .bind(text(now))
        .execute(&mut *tx)
        .await?;
        queued += done.rows_affected();
    }
    tx.commit().await?;
    Ok(queued)
}

pub(in crate::outbound) async fn claim_webhook_deliveries(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    const CLAIMED: &str = concat!(
        "SELECT ",
        delivery_columns!(),
        " WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.created_at, d.id"
    );
    // RETURNING cannot reach the webhook's columns, so the claimed rows are
    // read back in the same transaction.
    let mut tx = pool.begin().await?;
    let ids: Vec<String> = sqlx::query_scalar(
        "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?2 \
         WHERE id IN (SELECT id FROM webhook_deliveries \
                      WHERE status = 'pending' AND next_attempt_at <= ?1 \
                      ORDER BY next_attempt_at, id LIMIT ?3) \
         RETURNING id",
    )
    .bind(text(now))
    .bind(text(lease_until))
    .bind(row_limit(limit))
    .fetch_all(&mut *tx)
    .await?;
    let rows = sqlx::query(CLAIMED)
        .bind(serde_json::Value::from(ids).to_string())
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    rows.iter().map(delivery).collect()
}

pub(in crate::outbound) async fn webhook_delivered(
    pool: &SqlitePool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ?2 \
         WHERE id = ?1 AND status = 'pending'",
    )
    .bind(id.to_string())
    .bind(text(at))
    .execute(pool)
    .await?;
    Ok(())
}

pub(in crate::outbound) async fn webhook_failed(
    pool: &SqlitePool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let failed = FailedAttempt::of(failure, "dead");
    sqlx::query(
        "UPDATE webhook_deliveries SET status = ?2, \
         next_attempt_at = coalesce(?3, next_attempt_at), last_error = ?4, failed_at = ?5 \
         WHERE id = ?1 AND status = 'pending'",
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

pub(in crate::outbound) async fn dead_webhook_deliveries(
    pool: &SqlitePool,
    tenant: &str,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    const DEAD: &str = concat!(
        "SELECT ",
        delivery_columns!(),
        " WHERE w.tenant_id = ? AND d.status = 'dead' ORDER BY d.failed_at DESC, d.id DESC"
    );
    let rows = sqlx::query(DEAD).bind(tenant).fetch_all(pool).await?;
    rows.iter().map(delivery).collect()
}

pub(in crate::outbound) async fn replay_webhook_delivery(
    pool: &SqlitePool,
    tenant: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?3 \
         WHERE id = ?2 AND status = 'dead' \
           AND webhook_id IN (SELECT id FROM webhooks WHERE tenant_id = ?1)",
    )
    .bind(tenant)
    .bind(id.to_string())
    .bind(text(now))
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
