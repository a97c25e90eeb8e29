//! The outbound tables on postgres (placeholder until implemented).

#![allow(unused_variables)]

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use super::*;
use crate::error::StoreError;

pub(super) async fn record_notifications(
    pool: &PgPool,
    batch: &NotificationBatch,
    now: DateTime<Utc>,
) -> Result<Vec<InboxItem>, StoreError> {
    Err(StoreError::InvalidRequest(
        "record_notifications is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn inbox(
    pool: &PgPool,
    recipient: &str,
    unread_only: bool,
    first: usize,
    before_sequence: Option<i64>,
) -> Result<Vec<InboxItem>, StoreError> {
    Err(StoreError::InvalidRequest(
        "inbox is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn inbox_unread(pool: &PgPool, recipient: &str) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "inbox_unread is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn mark_read(
    pool: &PgPool,
    recipient: &str,
    ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "mark_read is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn mark_all_read(
    pool: &PgPool,
    recipient: &str,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "mark_all_read is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn claim_emails(
    pool: &PgPool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "claim_emails is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn email_sent(
    pool: &PgPool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "email_sent is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn email_failed(
    pool: &PgPool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "email_failed is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn rejected_emails(
    pool: &PgPool,
    tenant: &str,
) -> Result<Vec<RejectedEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "rejected_emails is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn digest_recipients(pool: &PgPool) -> Result<Vec<String>, StoreError> {
    Err(StoreError::InvalidRequest(
        "digest_recipients is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn held_emails(
    pool: &PgPool,
    recipient: &str,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "held_emails is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn bundle_digest(
    pool: &PgPool,
    digest: Uuid,
    recipient: &str,
    tenant: &str,
    email: &NewEmail,
    bundled: &[Uuid],
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "bundle_digest is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn preferences(
    pool: &PgPool,
    person: &str,
) -> Result<Vec<(String, Preference)>, StoreError> {
    Err(StoreError::InvalidRequest(
        "preferences is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn set_preference(
    pool: &PgPool,
    person: &str,
    kind: &str,
    preference: Preference,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "set_preference is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn add_webhook(pool: &PgPool, webhook: &Webhook) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "add_webhook is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn webhooks(pool: &PgPool, tenant: &str) -> Result<Vec<Webhook>, StoreError> {
    Err(StoreError::InvalidRequest(
        "webhooks is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn remove_webhook(
    pool: &PgPool,
    tenant: &str,
    id: Uuid,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "remove_webhook is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn enqueue_webhook_deliveries(
    pool: &PgPool,
    tenant: &str,
    event_id: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "enqueue_webhook_deliveries is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn claim_webhook_deliveries(
    pool: &PgPool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    Err(StoreError::InvalidRequest(
        "claim_webhook_deliveries is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn webhook_delivered(
    pool: &PgPool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "webhook_delivered is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn webhook_failed(
    pool: &PgPool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "webhook_failed is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn dead_webhook_deliveries(
    pool: &PgPool,
    tenant: &str,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    Err(StoreError::InvalidRequest(
        "dead_webhook_deliveries is not implemented on postgres yet".to_owned(),
    ))
}

pub(super) async fn replay_webhook_delivery(
    pool: &PgPool,
    tenant: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "replay_webhook_delivery is not implemented on postgres yet".to_owned(),
    ))
}
