//! GraphQL types of the inbox, notification preferences, webhooks and
//! refused e-mails. Each holds the store's (or app's) value and resolves
//! its fields from it.

use async_graphql::connection::{Connection, EmptyFields};
use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_app::inbox::NotificationPreference as Chosen;
use iiz_app::outbound::NotificationKind;
use iiz_store::Preference;
use serde_json::Value;

/// The kinds of notification, each with its own delivery choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "NotificationKind")]
pub enum NotificationKindValue {
    ConcernSubmitted,
    ConcernTriaged,
    ConcernExamined,
    ConcernDecided,
    ConcernAnswered,
    ConcernOutcome,
    Agenda,
    RecommendationPublished,
    DueReminder,
    OverdueEscalation,
    MinutesApproved,
    ResolutionAwaitingAnswer,
    ResolutionOutcome,
    NetworkChanged,
    SignInLocked,
}

/// How a person hears of a kind of notification by e-mail. The inbox
/// always receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Preference")]
pub enum NotificationDeliveryValue {
    /// An e-mail for each notification.
    Immediately,
    /// One e-mail a day bundling them.
    DailyDigest,
    /// No e-mail.
    Off,
}

#[derive(Debug, Clone)]
pub struct InboxItem(pub iiz_store::InboxItem);

/// One notification in the caller's inbox.
#[Object]
impl InboxItem {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The kind of notification, when it is one a preference names.
    async fn kind(&self) -> Option<NotificationKindValue> {
        NotificationKind::parse(&self.0.kind).map(Into::into)
    }

    /// In the recipient's language.
    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Path on the platform of what it is about, e.g. `/concerns/<id>`.
    async fn link(&self) -> &str {
        &self.0.link
    }

    /// `concern`, `recommendation` or `meeting`.
    async fn subject_type(&self) -> &str {
        &self.0.subject_type
    }

    async fn subject_id(&self) -> ID {
        ID(self.0.subject_id.clone())
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When it was marked read; null while unread.
    async fn read_at(&self) -> Option<DateTime<Utc>> {
        self.0.read_at
    }
}

/// What the whole inbox holds, next to the page of it.
#[derive(Debug, Clone, SimpleObject)]
pub struct InboxCounts {
    /// Unread items in the whole inbox.
    pub unread_count: u64,
}

/// A page of the inbox, newest first.
pub type InboxConnection = Connection<String, InboxItem, InboxCounts, EmptyFields>;

/// The caller's inbox after a change: its unread count and newest items.
#[derive(Debug, Clone, SimpleObject)]
pub struct InboxUpdate {
    pub unread_count: u64,
    pub items: Vec<InboxItem>,
}

#[derive(Debug, Clone)]
pub struct NotificationPreference(pub Chosen);

/// One kind of notification and how the caller hears of it.
#[Object]
impl NotificationPreference {
    async fn kind(&self) -> NotificationKindValue {
        self.0.kind.into()
    }

    async fn delivery(&self) -> NotificationDeliveryValue {
        self.0.delivery.into()
    }
}

#[derive(Debug, Clone)]
pub struct Webhook(pub iiz_store::Webhook);

/// A webhook of a tenant; its secret is shown only at registration.
#[Object]
impl Webhook {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn tenant(&self) -> ID {
        ID(self.0.tenant.clone())
    }

    /// Where the events are POSTed.
    async fn url(&self) -> &str {
        &self.0.url
    }

    /// The person who registered it.
    async fn created_by(&self) -> ID {
        ID(self.0.created_by.clone())
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Debug, Clone)]
pub struct RegisteredWebhook(pub iiz_store::Webhook);

/// A webhook just registered, with the secret its receiver verifies
/// signatures with. The secret is not shown again.
#[Object]
impl RegisteredWebhook {
    async fn webhook(&self) -> Webhook {
        let mut webhook = self.0.clone();
        webhook.secret.clear();
        Webhook(webhook)
    }

    /// The HMAC-SHA256 key (hex text, used as is): `X-IIZ-Signature` is
    /// `sha256=<hex HMAC(secret, "<X-IIZ-Timestamp>.<body>")>`.
    async fn secret(&self) -> &str {
        &self.0.secret
    }
}

#[derive(Debug, Clone)]
pub struct WebhookDelivery(pub iiz_store::WebhookDelivery);

/// A delivery of one event to a webhook that gave up (a dead letter).
#[Object]
impl WebhookDelivery {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn webhook(&self) -> ID {
        ID(self.0.webhook.to_string())
    }

    async fn url(&self) -> &str {
        &self.0.url
    }

    async fn event_id(&self) -> ID {
        ID(self.0.event_id.to_string())
    }

    /// The event's type in the published contract, e.g. `concern.Decided`.
    async fn event_type(&self) -> Option<String> {
        serde_json::from_str::<Value>(&self.0.body)
            .ok()
            .and_then(|body| body.get("type").and_then(Value::as_str).map(str::to_owned))
    }

    /// The JSON document that was sent.
    async fn body(&self) -> &str {
        &self.0.body
    }

    async fn attempts(&self) -> u32 {
        self.0.attempts
    }

    /// What the last attempt got (an HTTP status, a timeout, …).
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Debug, Clone)]
pub struct RejectedEmail(pub iiz_store::RejectedEmail);

/// An e-mail to one of the tenant's people that the SMTP server refused
/// for good.
#[Object]
impl RejectedEmail {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The person it was for.
    async fn recipient(&self) -> ID {
        ID(self.0.recipient.clone())
    }

    /// The address that was refused.
    async fn to(&self) -> &str {
        &self.0.to
    }

    async fn subject(&self) -> &str {
        &self.0.subject
    }

    /// What the SMTP server answered.
    async fn error(&self) -> &str {
        &self.0.error
    }

    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
}
