//! The outbound tables on SQLite. Uuids and times are text (times in
//! RFC 3339, UTC, microseconds: their text order is their time order). The
//! single writer connection serialises every write, so a claim needs no
//! row locks.

mod email;
mod notifications;
mod webhooks;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::StoreError;

pub(super) use email::{
    bundle_digest, claim_emails, digest_recipients, email_failed, email_sent, held_emails,
    rejected_emails,
};
pub(super) use notifications::{
    inbox, inbox_unread, mark_all_read, mark_read, preferences, record_notifications,
    set_preference,
};
pub(super) use webhooks::{
    add_webhook, claim_webhook_deliveries, dead_webhook_deliveries, enqueue_webhook_deliveries,
    remove_webhook, replay_webhook_delivery, webhook_delivered, webhook_failed, webhooks,
};

fn text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn time(value: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(value)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|error| StoreError::Corrupt(format!("time {value}: {error}")))
}

fn optional_time(value: Option<&str>) -> Result<Option<DateTime<Utc>>, StoreError> {
    value.map(time).transpose()
}

fn uuid(value: &str) -> Result<Uuid, StoreError> {
    Uuid::parse_str(value).map_err(|error| StoreError::Corrupt(format!("uuid {value}: {error}")))
}

/// Ids as a JSON array, for `id IN (SELECT value FROM json_each(?))`: one
/// statement whatever the number of ids.
fn id_list(ids: &[Uuid]) -> String {
    serde_json::Value::from(ids.iter().map(Uuid::to_string).collect::<Vec<_>>()).to_string()
}
