//! The outbound tables on sqlite (placeholder until implemented).

#![allow(unused_variables)]

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;
use uuid::Uuid;

use super::*;
use crate::error::StoreError;

pub(super) async fn record_notifications(
    pool: &SqlitePool,
    batch: &NotificationBatch,
    now: DateTime<Utc>,
) -> Result<Vec<InboxItem>, StoreError> {
    Err(StoreError::InvalidRequest(
        "record_notifications is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn inbox(
    pool: &SqlitePool,
    recipient: &str,
    unread_only: bool,
    first: usize,
    before_sequence: Option<i64>,
) -> Result<Vec<InboxItem>, StoreError> {
    Err(StoreError::InvalidRequest(
        "inbox is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn inbox_unread(pool: &SqlitePool, recipient: &str) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "inbox_unread is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn mark_read(
    pool: &SqlitePool,
    recipient: &str,
    ids: &[Uuid],
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "mark_read is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn mark_all_read(
    pool: &SqlitePool,
    recipient: &str,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "mark_all_read is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn claim_emails(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "claim_emails is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn email_sent(
    pool: &SqlitePool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "email_sent is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn email_failed(
    pool: &SqlitePool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "email_failed is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn rejected_emails(
    pool: &SqlitePool,
    tenant: &str,
) -> Result<Vec<RejectedEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "rejected_emails is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn digest_recipients(pool: &SqlitePool) -> Result<Vec<String>, StoreError> {
    Err(StoreError::InvalidRequest(
        "digest_recipients is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn held_emails(
    pool: &SqlitePool,
    recipient: &str,
) -> Result<Vec<OutgoingEmail>, StoreError> {
    Err(StoreError::InvalidRequest(
        "held_emails is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn bundle_digest(
    pool: &SqlitePool,
    digest: Uuid,
    recipient: &str,
    tenant: &str,
    email: &NewEmail,
    bundled: &[Uuid],
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "bundle_digest is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn preferences(
    pool: &SqlitePool,
    person: &str,
) -> Result<Vec<(String, Preference)>, StoreError> {
    Err(StoreError::InvalidRequest(
        "preferences is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn set_preference(
    pool: &SqlitePool,
    person: &str,
    kind: &str,
    preference: Preference,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "set_preference is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn add_webhook(pool: &SqlitePool, webhook: &Webhook) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "add_webhook is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn webhooks(pool: &SqlitePool, tenant: &str) -> Result<Vec<Webhook>, StoreError> {
    Err(StoreError::InvalidRequest(
        "webhooks is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn remove_webhook(
    pool: &SqlitePool,
    tenant: &str,
    id: Uuid,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "remove_webhook is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn enqueue_webhook_deliveries(
    pool: &SqlitePool,
    tenant: &str,
    event_id: Uuid,
    body: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Err(StoreError::InvalidRequest(
        "enqueue_webhook_deliveries is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn claim_webhook_deliveries(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    Err(StoreError::InvalidRequest(
        "claim_webhook_deliveries is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn webhook_delivered(
    pool: &SqlitePool,
    id: Uuid,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "webhook_delivered is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn webhook_failed(
    pool: &SqlitePool,
    id: Uuid,
    error: &str,
    failure: DeliveryFailure,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    Err(StoreError::InvalidRequest(
        "webhook_failed is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn dead_webhook_deliveries(
    pool: &SqlitePool,
    tenant: &str,
) -> Result<Vec<WebhookDelivery>, StoreError> {
    Err(StoreError::InvalidRequest(
        "dead_webhook_deliveries is not implemented on sqlite yet".to_owned(),
    ))
}

pub(super) async fn replay_webhook_delivery(
    pool: &SqlitePool,
    tenant: &str,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    Err(StoreError::InvalidRequest(
        "replay_webhook_delivery is not implemented on sqlite yet".to_owned(),
    ))
}
