//! How the outbound values are stored, the same on both backends: the status
//! words of the e-mail and delivery rows and the conversions of counters.

use chrono::{DateTime, Utc};

use super::{DeliveryFailure, EmailDelivery, Preference, WebhookDeliveryStatus};
use crate::error::StoreError;

/// The status an e-mail is written with.
pub(super) fn new_email_status(delivery: EmailDelivery) -> &'static str {
    match delivery {
        EmailDelivery::Immediately => "pending",
        EmailDelivery::Digest => "held",
    }
}

/// What a failed attempt changes: the status the row moves to (`pending`
/// again, or `gave_up` for good) and, for a retry, when it is due.
#[derive(Debug)]
pub(super) struct FailedAttempt {
    pub status: &'static str,
    pub retry_at: Option<DateTime<Utc>>,
}

impl FailedAttempt {
    pub fn of(failure: DeliveryFailure, gave_up: &'static str) -> Self {
        match failure {
            DeliveryFailure::RetryAt(at) => Self {
                status: "pending",
                retry_at: Some(at),
            },
            DeliveryFailure::Permanent => Self {
                status: gave_up,
                retry_at: None,
            },
        }
    }
}

impl WebhookDeliveryStatus {
    pub(super) fn parse(stored: &str) -> Result<Self, StoreError> {
        match stored {
            "pending" => Ok(Self::Pending),
            "delivered" => Ok(Self::Delivered),
            "dead" => Ok(Self::Dead),
            other => Err(StoreError::Corrupt(format!(
                "webhook delivery status {other}"
            ))),
        }
    }
}

pub(super) fn preference(stored: &str) -> Result<Preference, StoreError> {
    Preference::parse(stored)
        .ok_or_else(|| StoreError::Corrupt(format!("notification preference {stored}")))
}

pub(super) fn attempts(stored: i64) -> Result<u32, StoreError> {
    u32::try_from(stored).map_err(|_| StoreError::Corrupt(format!("attempts {stored}")))
}

pub(super) fn count(stored: i64) -> Result<u64, StoreError> {
    u64::try_from(stored).map_err(|_| StoreError::Corrupt(format!("count {stored}")))
}

/// A `LIMIT` for SQL: both databases take a signed 64-bit integer.
pub(super) fn row_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}
