//! What the platform sends out: inbox items, e-mails waiting for the SMTP
//! server, webhook deliveries, notification preferences, and the leases that
//! let exactly one instance run a singleton task (the relay).
//!
//! These rows are derived from the log (the notifier writes them) or are
//! personal settings; unlike the log they change and can be erased. Every
//! insert is idempotent by a unique key, so a redelivered event never
//! notifies anyone twice.

mod columns;
mod lease;
mod postgres;
mod sqlite;
mod types;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

pub use lease::Leadership;
pub use types::*;

/// The most items one page of an inbox holds, whatever was asked for.
const INBOX_PAGE_LIMIT: usize = 100;
macro_rules! dispatch {
    ($self:ident, $function:ident ( $($arg:expr),* ), write) => {
        match $self {
            Store::Postgres(store) => postgres::$function(store.pool(), $($arg),*).await,
            Store::Sqlite(store) => sqlite::$function(store.writer(), $($arg),*).await,
        }
    };
    ($self:ident, $function:ident ( $($arg:expr),* ), read) => {
        match $self {
            Store::Postgres(store) => postgres::$function(store.pool(), $($arg),*).await,
            Store::Sqlite(store) => sqlite::$function(store.reader(), $($arg),*).await,
        }
    };
}

impl Store {
    // --- notifications and the inbox ---------------------------------------

    /// Writes a batch of notifications (and their e-mails) in one
    /// transaction. A notification whose (event, recipient) exists already
    /// is skipped with its e-mail; with a reminder key already recorded the
    /// whole batch is. Returns the inbox items written now.
    pub async fn record_notifications(
        &self,
        batch: &NotificationBatch,
        now: DateTime<Utc>,
    ) -> Result<Vec<InboxItem>, StoreError> {
        dispatch!(self, record_notifications(batch, now), write)
    }

    /// A person's inbox, newest first, after the `sequence` cursor: the
    /// `first` (at most 100) items older than
    /// `before_sequence`.
    pub async fn inbox(
        &self,
        recipient: &str,
        unread_only: bool,
        first: usize,
        before_sequence: Option<i64>,
    ) -> Result<Vec<InboxItem>, StoreError> {
        let first = first.min(INBOX_PAGE_LIMIT);
        dispatch!(
            self,
            inbox(recipient, unread_only, first, before_sequence),
            read
        )
    }

    /// How many of a person's inbox items are unread.
    pub async fn inbox_unread(&self, recipient: &str) -> Result<u64, StoreError> {
        dispatch!(self, inbox_unread(recipient), read)
    }

    /// Marks the person's items among `ids` read; returns how many changed.
    pub async fn mark_read(
        &self,
        recipient: &str,
        ids: &[Uuid],
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        dispatch!(self, mark_read(recipient, ids, at), write)
    }

    /// Marks every unread item of the person read; returns how many changed.
    pub async fn mark_all_read(
        &self,
        recipient: &str,
        at: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        dispatch!(self, mark_all_read(recipient, at), write)
    }

    // --- e-mail ----------------------------------------------------------

    /// Claims up to `limit` e-mails due by `now` for sending: each counts an
    /// attempt and is not due again before `lease_until`, so another
    /// instance does not send it meanwhile, and a crash only delays it.
    pub async fn claim_emails(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutgoingEmail>, StoreError> {
        dispatch!(self, claim_emails(now, lease_until, limit), write)
    }

    /// The SMTP server accepted the e-mail.
    pub async fn email_sent(&self, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
        dispatch!(self, email_sent(id, at), write)
    }

    /// The e-mail was not accepted: retried later, or refused for good.
    pub async fn email_failed(
        &self,
        id: Uuid,
        error: &str,
        failure: DeliveryFailure,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        dispatch!(self, email_failed(id, error, failure, at), write)
    }

    /// E-mails to people of `tenant` refused for good, newest first.
    pub async fn rejected_emails(&self, tenant: &str) -> Result<Vec<RejectedEmail>, StoreError> {
        dispatch!(self, rejected_emails(tenant), read)
    }

    /// Recipients with e-mails held for their digest.
    pub async fn digest_recipients(&self) -> Result<Vec<String>, StoreError> {
        dispatch!(self, digest_recipients(), read)
    }

    /// The e-mails held for a person's digest, oldest first.
    pub async fn held_emails(&self, recipient: &str) -> Result<Vec<OutgoingEmail>, StoreError> {
        dispatch!(self, held_emails(recipient), read)
    }

    /// Writes a digest e-mail with id `digest` (immediately due) and marks the
    /// `bundled` held e-mails as sent in it, in one transaction. A digest id
    /// already written changes nothing and returns false.
    pub async fn bundle_digest(
        &self,
        digest: Uuid,
        recipient: &str,
        tenant: &str,
        email: &NewEmail,
        bundled: &[Uuid],
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        dispatch!(
            self,
            bundle_digest(digest, recipient, tenant, email, bundled, now),
            write
        )
    }

    // --- preferences -----------------------------------------------------

    /// A person's choices per kind of notification (kinds not listed use
    /// the default, immediately).
    pub async fn preferences(&self, person: &str) -> Result<Vec<(String, Preference)>, StoreError> {
        dispatch!(self, preferences(person), read)
    }

    pub async fn set_preference(
        &self,
        person: &str,
        kind: &str,
        preference: Preference,
    ) -> Result<(), StoreError> {
        dispatch!(self, set_preference(person, kind, preference), write)
    }

    // --- webhooks --------------------------------------------------------

    pub async fn add_webhook(&self, webhook: &Webhook) -> Result<(), StoreError> {
        dispatch!(self, add_webhook(webhook), write)
    }

    /// The tenant's webhooks, oldest first.
    pub async fn webhooks(&self, tenant: &str) -> Result<Vec<Webhook>, StoreError> {
        dispatch!(self, webhooks(tenant), read)
    }

    /// Removes a webhook of the tenant and its pending deliveries; false when
    /// the tenant has no such webhook.
    pub async fn remove_webhook(&self, tenant: &str, id: Uuid) -> Result<bool, StoreError> {
        dispatch!(self, remove_webhook(tenant, id), write)
    }

    /// Queues one event for every webhook of `tenant` (once per webhook and
    /// event, however often called); returns how many were queued now.
    pub async fn enqueue_webhook_deliveries(
        &self,
        tenant: &str,
        event_id: Uuid,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        dispatch!(
            self,
            enqueue_webhook_deliveries(tenant, event_id, body, now),
            write
        )
    }

    /// Claims deliveries due by `now`, as [`Store::claim_emails`] does.
    pub async fn claim_webhook_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<WebhookDelivery>, StoreError> {
        dispatch!(
            self,
            claim_webhook_deliveries(now, lease_until, limit),
            write
        )
    }

    pub async fn webhook_delivered(&self, id: Uuid, at: DateTime<Utc>) -> Result<(), StoreError> {
        dispatch!(self, webhook_delivered(id, at), write)
    }

    /// A failed attempt: retried later, or (permanent) moved to the dead letters.
    pub async fn webhook_failed(
        &self,
        id: Uuid,
        error: &str,
        failure: DeliveryFailure,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        dispatch!(self, webhook_failed(id, error, failure, at), write)
    }

    /// The tenant's dead-lettered deliveries, newest first.
    pub async fn dead_webhook_deliveries(
        &self,
        tenant: &str,
    ) -> Result<Vec<WebhookDelivery>, StoreError> {
        dispatch!(self, dead_webhook_deliveries(tenant), read)
    }

    /// Puts a dead-lettered delivery of the tenant back in the queue, due
    /// now, with its attempts reset; false when there is no such dead letter.
    pub async fn replay_webhook_delivery(
        &self,
        tenant: &str,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        dispatch!(self, replay_webhook_delivery(tenant, id, now), write)
    }

    // --- singleton tasks -------------------------------------------------

    /// Tries to become the one instance that runs the task `name` (the
    /// relay). On PostgreSQL a session advisory lock held on a dedicated
    /// connection: it ends when the connection does, so a killed instance
    /// frees it at once. SQLite serves one instance: it always leads.
    pub async fn try_lead(&self, name: &str) -> Result<Option<Leadership>, StoreError> {
        match self {
            Store::Postgres(store) => lease::try_lead_postgres(store.pool(), name).await,
            Store::Sqlite(_) => Ok(Some(Leadership::embedded())),
        }
    }
}
