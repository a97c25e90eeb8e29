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

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

pub use lease::Leadership;

/// When a person wants e-mail for one kind of notification. The inbox
/// always receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preference {
    Immediately,
    DailyDigest,
    Off,
}

impl Preference {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Immediately => "immediately",
            Self::DailyDigest => "daily_digest",
            Self::Off => "off",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "immediately" => Some(Self::Immediately),
            "daily_digest" => Some(Self::DailyDigest),
            "off" => Some(Self::Off),
            _ => None,
        }
    }
}

/// Whether an e-mail goes out at once or waits for the daily digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailDelivery {
    Immediately,
    /// Held until the recipient's digest bundles it.
    Digest,
}

/// An e-mail to write with a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEmail {
    pub to: String,
    pub subject: String,
    /// The plain-text part.
    pub text: String,
    pub html: Option<String>,
    /// An iCalendar invitation (METHOD:REQUEST) to attach.
    pub calendar: Option<String>,
    pub delivery: EmailDelivery,
}

/// One person told of one event (or reminder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    /// The event (or reminder) it is about; with `recipient`, the unique key.
    pub event_id: Uuid,
    /// The person id.
    pub recipient: String,
    /// The recipient's home tenant (its admin sees refused addresses).
    pub tenant: String,
    /// The rule that chose the recipient, e.g. `concern_decided`.
    pub kind: String,
    /// `concern`, `recommendation` or `meeting`.
    pub subject_type: String,
    pub subject_id: String,
    /// In the recipient's language.
    pub title: String,
    pub body: String,
    /// Path on the platform, e.g. `/concerns/<id>`.
    pub link: String,
    pub email: Option<NewEmail>,
}

impl NewNotification {
    /// The notification's id: the same event and recipient always give the
    /// same id, so a redelivery cannot create a second one.
    pub fn id(&self) -> Uuid {
        notification_id(self.event_id, &self.recipient)
    }
}

/// The id of the notification of `event_id` to `recipient`.
pub fn notification_id(event_id: Uuid, recipient: &str) -> Uuid {
    let mut name = event_id.as_bytes().to_vec();
    name.extend_from_slice(recipient.as_bytes());
    Uuid::new_v5(&Uuid::NAMESPACE_OID, &name)
}

/// Notifications written together. With a reminder key, the reminder is
/// recorded in the same transaction and a key already recorded writes
/// nothing, so a reminder is never sent twice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotificationBatch {
    pub reminder: Option<String>,
    pub items: Vec<NewNotification>,
}

/// An item of a person's inbox, newest first by `sequence`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    pub id: Uuid,
    /// Grows with every item written; the inbox's page cursor.
    pub sequence: i64,
    pub event_id: Uuid,
    pub recipient: String,
    pub kind: String,
    pub subject_type: String,
    pub subject_id: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// An e-mail claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// The notification's id (or the digest's): the Message-ID is made from it.
    pub id: Uuid,
    pub recipient: String,
    pub tenant: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub calendar: Option<String>,
    /// Attempts so far, this one included.
    pub attempts: u32,
    pub created_at: DateTime<Utc>,
}

/// Why a delivery (e-mail or webhook) failed and what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryFailure {
    /// Try again at this time.
    RetryAt(DateTime<Utc>),
    /// Never again: the address or receiver refused for good.
    Permanent,
}

/// An e-mail the SMTP server refused for good, shown to the tenant admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedEmail {
    pub id: Uuid,
    pub recipient: String,
    pub to: String,
    pub subject: String,
    pub error: String,
    pub at: DateTime<Utc>,
}

/// A tenant's registered webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    pub id: Uuid,
    pub tenant: String,
    pub url: String,
    /// The HMAC key; shown once at registration.
    pub secret: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// State of one event's delivery to one webhook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookDeliveryStatus {
    Pending,
    Delivered,
    /// Gave up: in the dead-letter list until replayed.
    Dead,
}

/// One event on its way to one webhook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookDelivery {
    pub id: Uuid,
    pub webhook: Uuid,
    pub tenant: String,
    pub url: String,
    pub secret: String,
    pub event_id: Uuid,
    /// The published event contract, as sent.
    pub body: String,
    pub status: WebhookDeliveryStatus,
    /// Attempts so far (when claimed: this one included).
    pub attempts: u32,
    pub last_error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

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
