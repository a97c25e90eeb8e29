//! Builders and a fixed clock for the outbound cases.

use chrono::{DateTime, Duration, Utc};
use iiz_store::{EmailDelivery, NewEmail, NewNotification, NotificationBatch, Store};
use uuid::Uuid;

/// A fixed moment plus `seconds`, so the cases never read the clock.
pub fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_750_000_000, 0).unwrap() + Duration::seconds(seconds)
}

pub fn email(to: &str, delivery: EmailDelivery) -> NewEmail {
    NewEmail {
        to: to.to_owned(),
        subject: format!("Subject for {to}"),
        text: "Plain text".to_owned(),
        html: Some("<p>Html</p>".to_owned()),
        calendar: Some("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".to_owned()),
        delivery,
    }
}

/// A notification of `event` to `recipient` of tenant ZH, with an e-mail
/// when `delivery` is given.
pub fn notification(
    event: Uuid,
    recipient: &str,
    delivery: Option<EmailDelivery>,
) -> NewNotification {
    NewNotification {
        event_id: event,
        recipient: recipient.to_owned(),
        tenant: "ZH".to_owned(),
        kind: "concern_decided".to_owned(),
        subject_type: "concern".to_owned(),
        subject_id: "c-1".to_owned(),
        title: format!("Title for {recipient}"),
        body: "Body".to_owned(),
        link: "/concerns/c-1".to_owned(),
        email: delivery.map(|delivery| email(&format!("{recipient}@example.ch"), delivery)),
    }
}

pub fn batch(items: Vec<NewNotification>) -> NotificationBatch {
    NotificationBatch {
        reminder: None,
        items,
    }
}

/// Writes one notification (with an e-mail when `delivery` is given) of a
/// new event at `now`; returns its id.
pub async fn notify(
    store: &Store,
    recipient: &str,
    delivery: Option<EmailDelivery>,
    now: DateTime<Utc>,
) -> Uuid {
    let item = notification(Uuid::now_v7(), recipient, delivery);
    let written = store
        .record_notifications(&batch(vec![item]), now)
        .await
        .unwrap();
    assert_eq!(written.len(), 1);
    written[0].id
}
