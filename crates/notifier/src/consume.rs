//! The notifier's input: every published event, at least once.
//!
//! With JetStream, a durable pull consumer shared by every instance (each
//! message goes to one of them); in process, the log itself followed from
//! the `notifier` checkpoint. Either way an event is acknowledged only after
//! its handler succeeded, so the handler must be idempotent (the store's
//! unique keys make notifications so).

use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use async_nats::HeaderMap;
use async_nats::jetstream;
use async_nats::jetstream::AckKind;
use async_nats::jetstream::consumer::{AckPolicy, DeliverPolicy, pull};
use futures::StreamExt;
use iiz_app::App;
use iiz_store::{Checkpoint, EventStore, LogCursor, StoreError, Subscription};

use crate::NotifierError;
use crate::bus::{Backoff, Bus, JetStreamBus};
use crate::contract::PublishedEvent;

/// The in-process consumer's checkpoint.
pub const CHECKPOINT: &str = "notifier";

/// Version stored with [`CHECKPOINT`]; the consumer is never rebuilt.
const CHECKPOINT_VERSION: i32 = 1;

/// Messages pulled at once. Small, so that instances sharing the consumer
/// share the work and a pulled batch is handled well within the ack wait.
const PULL_BATCH: usize = 16;

/// How long a pull request waits for messages before it is renewed.
const PULL_WAIT: Duration = Duration::from_secs(2);

/// Headers of a dead letter.
pub const ORIGINAL_SUBJECT_HEADER: &str = "Iiz-Original-Subject";
pub const ERROR_HEADER: &str = "Iiz-Error";
pub const DELIVERIES_HEADER: &str = "Iiz-Deliveries";

/// What the notifier does with each published event. An error means "try
/// again later": the event is delivered again.
pub trait EventHandler: Send + Sync + 'static {
    fn handle(
        &self,
        event: &PublishedEvent,
    ) -> impl Future<Output = Result<(), NotifierError>> + Send;
}

/// Feeds every published event to `handler` until `shutdown` resolves.
/// Faults are logged and retried with backoff; nothing here panics.
pub async fn run<H: EventHandler>(
    app: App,
    bus: Bus,
    handler: H,
    shutdown: impl Future<Output = ()> + Send,
) {
    match bus {
        Bus::InProcess(_) => follow_log(&app, &handler, shutdown).await,
        Bus::JetStream(bus) => consume_stream(&bus, &handler, shutdown).await,
    }
}

async fn follow_log<H: EventHandler>(
    app: &App,
    handler: &H,
    shutdown: impl Future<Output = ()> + Send,
) {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut faults = Backoff::for_faults();
    loop {
        let error = match follow_from_checkpoint(app, handler, shutdown.as_mut()).await {
            Ok(()) => return,
            Err(error) => error,
        };
        tracing::warn!(%error, "following the log failed; resuming from the checkpoint");
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(faults.next_delay()) => {}
        }
    }
}

/// Handles the log after the checkpoint, batch by batch, moving the
/// checkpoint after each batch. Returns on shutdown (after moving the
/// checkpoint past every event handled so far) or on a store fault.
async fn follow_from_checkpoint<H: EventHandler>(
    app: &App,
    handler: &H,
    mut shutdown: std::pin::Pin<&mut (impl Future<Output = ()> + Send)>,
) -> Result<(), StoreError> {
    let store = app.store();
    let start = store
        .checkpoint(CHECKPOINT)
        .await?
        .map_or(LogCursor::START, |checkpoint| checkpoint.cursor);
    let mut subscription = Subscription::new(store.clone(), start)
        .with_poll_interval(Duration::from_millis(200))
        .with_batch_size(100);
    loop {
        let batch = tokio::select! {
            () = &mut shutdown => return Ok(()),
            batch = subscription.next_batch() => batch?,
        };
        let mut handled = None;
        let mut stopping = false;
        for event in &batch {
            // Withheld events are not published, so not handled either.
            if let Some(published) = PublishedEvent::of(event) {
                tokio::select! {
                    () = &mut shutdown => {
                        stopping = true;
                        break;
                    }
                    () = handle_until_done(handler, &published) => {}
                }
            }
            handled = Some(event.cursor);
        }
        if let Some(through) = handled {
            let checkpoint = Checkpoint {
                cursor: through,
                version: CHECKPOINT_VERSION,
            };
            let committed = store
                .commit_projection(Vec::new(), &[(CHECKPOINT, checkpoint)])
                .await;
            // Once shutdown has fired the caller must not wait on it again,
            // so stopping never returns an error: a checkpoint not moved
            // only means these events are handled again after the restart,
            // which the handlers' idempotence allows.
            match committed {
                Err(error) if stopping => {
                    tracing::warn!(%error, "the notifier's last checkpoint was not saved");
                }
                other => other?,
            }
        }
        if stopping {
            return Ok(());
        }
    }
}

/// Retries a failing event until it succeeds: the log has no dead-letter
/// place, and skipping would lose the notification.
async fn handle_until_done<H: EventHandler>(handler: &H, event: &PublishedEvent) {
    let mut faults = Backoff::new(Duration::from_millis(100), Duration::from_secs(30));
    let mut attempts: u32 = 0;
    while let Err(error) = handler.handle(event).await {
        attempts = attempts.saturating_add(1);
        tracing::error!(%error, event = %event.id, attempts, "handling an event failed; retrying");
        tokio::time::sleep(faults.next_delay()).await;
    }
}

async fn consume_stream<H: EventHandler>(
    bus: &JetStreamBus,
    handler: &H,
    shutdown: impl Future<Output = ()> + Send,
) {
    let mut shutdown = std::pin::pin!(shutdown);
    let mut faults = Backoff::for_faults();
    loop {
        let outcome = tokio::select! {
            () = &mut shutdown => return,
            outcome = pull_and_handle(bus, handler, &mut faults) => outcome,
        };
        let Err(error) = outcome;
        tracing::warn!(%error, "consuming from JetStream failed; retrying");
        tokio::select! {
            () = &mut shutdown => return,
            () = tokio::time::sleep(faults.next_delay()) => {}
        }
    }
}

/// The durable consumer's configuration: explicit, every setting from the
/// notifier's settings.
fn consumer_config(bus: &JetStreamBus) -> pull::Config {
    let settings = bus.settings();
    pull::Config {
        durable_name: Some(settings.consumer.clone()),
        description: Some("The IIZ notifier".to_owned()),
        deliver_policy: DeliverPolicy::All,
        ack_policy: AckPolicy::Explicit,
        ack_wait: settings.ack_wait,
        max_deliver: settings.max_deliver,
        filter_subject: bus.events_subjects(),
        ..pull::Config::default()
    }
}

/// Pulls batch after batch. Returns only on a fault.
async fn pull_and_handle<H: EventHandler>(
    bus: &JetStreamBus,
    handler: &H,
    faults: &mut Backoff,
) -> Result<Infallible, NotifierError> {
    bus.ensure_stream().await?;
    let consumer: jetstream::consumer::PullConsumer = bus
        .jetstream()
        .create_consumer_on_stream(consumer_config(bus), &bus.settings().stream)
        .await
        .map_err(NotifierError::nats)?;
    loop {
        let mut messages = consumer
            .batch()
            .max_messages(PULL_BATCH)
            .expires(PULL_WAIT)
            .messages()
            .await
            .map_err(NotifierError::nats)?;
        while let Some(message) = messages.next().await {
            let message = message.map_err(NotifierError::nats)?;
            settle(bus, handler, &message).await?;
            faults.reset();
        }
    }
}

/// Handles one message and acknowledges it, asks for it again later, or
/// gives up on it.
async fn settle<H: EventHandler>(
    bus: &JetStreamBus,
    handler: &H,
    message: &jetstream::Message,
) -> Result<(), NotifierError> {
    let deliveries = message.info().map_or(1, |info| info.delivered);
    let max_deliver = bus.settings().max_deliver;
    // A message that is no event cannot succeed on another delivery.
    let (error, hopeless) = match PublishedEvent::from_json(&message.payload) {
        Ok(event) => match handler.handle(&event).await {
            Ok(()) => return message.ack().await.map_err(NotifierError::nats),
            Err(error) => (error, max_deliver > 0 && deliveries >= max_deliver),
        },
        Err(error) => (error, true),
    };
    if hopeless {
        dead_letter(bus, message, &error, deliveries).await?;
        return message.ack().await.map_err(NotifierError::nats);
    }
    tracing::warn!(%error, subject = %message.subject, deliveries, "handling a message failed; it will be delivered again");
    message
        .ack_with(AckKind::Nak(Some(redelivery_delay(deliveries))))
        .await
        .map_err(NotifierError::nats)
}

/// Half a second, doubling with each delivery, at most a minute.
pub fn redelivery_delay(deliveries: i64) -> Duration {
    let doublings = u32::try_from(deliveries.saturating_sub(1).clamp(0, 7)).unwrap_or(7);
    (Duration::from_millis(500) * 2_u32.pow(doublings)).min(Duration::from_secs(60))
}

/// Sends the message to `<prefix>.deadletter.<consumer>` with why, so an
/// operator can look at it and publish it again.
async fn dead_letter(
    bus: &JetStreamBus,
    message: &jetstream::Message,
    error: &NotifierError,
    deliveries: i64,
) -> Result<(), NotifierError> {
    let mut headers = HeaderMap::new();
    headers.insert(ORIGINAL_SUBJECT_HEADER, message.subject.as_str());
    headers.insert(ERROR_HEADER, error.to_string());
    headers.insert(DELIVERIES_HEADER, deliveries.to_string());
    if let Some(id) = message
        .headers
        .as_ref()
        .and_then(|headers| headers.get(async_nats::header::NATS_MESSAGE_ID))
    {
        headers.insert(async_nats::header::NATS_MESSAGE_ID, id.as_str());
    }
    let client = bus.client();
    client
        .publish_with_headers(bus.deadletter_subject(), headers, message.payload.clone())
        .await
        .map_err(NotifierError::nats)?;
    client.flush().await.map_err(NotifierError::nats)?;
    tracing::error!(
        %error,
        subject = %message.subject,
        deliveries,
        deadletter = %bus.deadletter_subject(),
        "gave up on a message and sent it to the dead-letter subject"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::redelivery_delay;

    #[test]
    fn redeliveries_wait_longer_each_time_up_to_a_minute() {
        assert_eq!(redelivery_delay(1), Duration::from_millis(500));
        assert_eq!(redelivery_delay(2), Duration::from_secs(1));
        assert_eq!(redelivery_delay(4), Duration::from_secs(4));
        assert_eq!(redelivery_delay(50), Duration::from_secs(60));
        assert_eq!(redelivery_delay(0), Duration::from_millis(500));
    }
}
