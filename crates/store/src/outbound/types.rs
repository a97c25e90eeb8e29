//! The rows the outbound tables hold, as the rest of the platform sees them.

use chrono::{DateTime, Utc};
use uuid::Uuid;

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
