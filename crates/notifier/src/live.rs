//! Live updates across instances: every instance listens to what is
//! published on NATS and tells its own subscriptions, so a change made
//! through another instance reaches them without polling.

use std::future::Future;

use futures::StreamExt;
use iiz_app::App;
use iiz_app::outbound::LiveSignal;

use crate::NotifierError;
use crate::bus::{Backoff, Bus, JetStreamBus, event_signal};
use crate::contract::PublishedEvent;

/// Forwards published events and inbox changes from NATS to `app.live()`
/// until `shutdown` resolves. In process there is nothing to forward: the
/// relay tells `app.live()` itself.
pub async fn run(app: App, bus: Bus, shutdown: impl Future<Output = ()> + Send) {
    let Bus::JetStream(bus) = bus else {
        shutdown.await;
        return;
    };
    let mut shutdown = std::pin::pin!(shutdown);
    let mut faults = Backoff::for_faults();
    loop {
        let outcome = tokio::select! {
            () = &mut shutdown => return,
            outcome = forward(&app, &bus) => outcome,
        };
        match outcome {
            Ok(()) => tracing::warn!("the live subscription to NATS ended; subscribing again"),
            Err(error) => tracing::warn!(%error, "cannot subscribe to NATS for live updates"),
        }
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(faults.next_delay()) => {}
        }
    }
}

/// Subscribes and forwards until the subscriptions end (the client was
/// closed); the client renews them itself after a reconnect.
async fn forward(app: &App, bus: &JetStreamBus) -> Result<(), NotifierError> {
    let client = bus.client();
    let events = client
        .subscribe(bus.events_subjects())
        .await
        .map_err(NotifierError::nats)?;
    let inboxes = client
        .subscribe(bus.inbox_subjects())
        .await
        .map_err(NotifierError::nats)?;
    let touched = client
        .subscribe(bus.touched_subjects())
        .await
        .map_err(NotifierError::nats)?;
    let mut messages = futures::stream::select(futures::stream::select(events, inboxes), touched);
    while let Some(message) = messages.next().await {
        match signal_of(
            &bus.settings().prefix,
            message.subject.as_str(),
            &message.payload,
        ) {
            Some(signal) => app.live().publish(signal),
            None => tracing::debug!(subject = %message.subject, "not a live update"),
        }
    }
    Ok(())
}

/// The signal a message on `<prefix>.events.…`, `<prefix>.touched.…` or
/// `<prefix>.inbox.<person>` stands for.
pub fn signal_of(prefix: &str, subject: &str, payload: &[u8]) -> Option<LiveSignal> {
    let rest = subject.strip_prefix(prefix)?;
    if let Some(person) = rest.strip_prefix(".inbox.") {
        return Some(LiveSignal::Inbox {
            person: person.to_owned(),
        });
    }
    if let Some(stream) = rest.strip_prefix(".touched.") {
        let mut parts = stream.splitn(3, '.');
        let (tenant, stream_type, stream_id) = (parts.next()?, parts.next()?, parts.next()?);
        return Some(LiveSignal::Event {
            tenant: tenant.to_owned(),
            stream_type: stream_type.to_owned(),
            stream_id: stream_id.to_owned(),
            event_type: String::new(),
        });
    }
    rest.strip_prefix(".events.")?;
    PublishedEvent::from_json(payload)
        .ok()
        .map(|event| event_signal(&event))
}

#[cfg(test)]
mod tests {
    use iiz_app::outbound::LiveSignal;

    use super::signal_of;

    #[test]
    fn inbox_messages_name_the_person() {
        assert_eq!(
            signal_of("iiz", "iiz.inbox.p-1", b""),
            Some(LiveSignal::Inbox {
                person: "p-1".to_owned()
            })
        );
        assert_eq!(signal_of("other", "iiz.inbox.p-1", b""), None);
    }

    #[test]
    fn event_messages_are_read_from_their_body() {
        let body = serde_json::json!({
            "id": "0190e0a0-0000-7000-8000-000000000001",
            "type": "concern.Decided",
            "version": 1,
            "tenant": "be",
            "aggregate": {"type": "concern", "id": "c-1", "version": 3},
            "recordedAt": "2025-01-01T00:00:00Z",
            "actor": "person:p-1",
            "correlationId": "0190e0a0-0000-7000-8000-000000000002",
            "causationId": null,
            "data": {}
        });
        let payload = serde_json::to_vec(&body).expect("json");
        assert_eq!(
            signal_of("iiz", "iiz.events.be.concern.Decided", &payload),
            Some(LiveSignal::Event {
                tenant: "be".to_owned(),
                stream_type: "concern".to_owned(),
                stream_id: "c-1".to_owned(),
                event_type: "Decided".to_owned(),
            })
        );
        assert_eq!(
            signal_of("iiz", "iiz.events.be.concern.Decided", b"{"),
            None
        );
    }

    #[test]
    fn touched_streams_name_the_stream() {
        assert_eq!(
            signal_of("iiz", "iiz.touched.ZH.concern.c-1", b""),
            Some(LiveSignal::Event {
                tenant: "ZH".to_owned(),
                stream_type: "concern".to_owned(),
                stream_id: "c-1".to_owned(),
                event_type: String::new(),
            })
        );
        assert_eq!(signal_of("iiz", "iiz.touched.ZH", b""), None);
    }
}
