//! NATS JetStream: one stream holds every published event, deduplicated by
//! event id; inbox changes go out as plain NATS messages.

use std::future::IntoFuture;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_nats::jetstream::context::PublishErrorKind;
use async_nats::jetstream::message::PublishMessage;
use async_nats::jetstream::stream::{Config as StreamConfig, StorageType};
use async_nats::{ConnectOptions, Event, ServerAddr};
use iiz_app::outbound::{BusState, RelayStatus};

use crate::contract::PublishedEvent;
use crate::{NatsSettings, NotifierError};

/// How long JetStream may take to answer a request or acknowledge a publish
/// before the attempt counts as failed (and is retried).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// How long starting up waits for the stream before serving without it.
const STARTUP_WAIT: Duration = Duration::from_secs(3);

/// A connection to NATS with JetStream and the settings it was made with.
#[derive(Debug, Clone)]
pub struct JetStreamBus {
    client: async_nats::Client,
    jetstream: async_nats::jetstream::Context,
    settings: Arc<NatsSettings>,
    /// Whether the stream is known to exist with our configuration; cleared
    /// when a publish finds no stream (a NATS server that lost its data).
    stream_ready: Arc<AtomicBool>,
}

impl JetStreamBus {
    /// Connects in the background and, if NATS answers within a few
    /// seconds, creates or updates the stream. The connection state is
    /// reported to `status` as it changes.
    pub async fn connect(
        settings: &NatsSettings,
        status: Arc<RelayStatus>,
    ) -> Result<Self, NotifierError> {
        let addresses = server_addresses(&settings.url)?;
        status.set_bus(BusState::Unreachable);
        let events_status = status.clone();
        let client = ConnectOptions::new()
            .name("iiz")
            .retry_on_initial_connect()
            .max_reconnects(None)
            .connection_timeout(Duration::from_secs(2))
            .request_timeout(Some(REQUEST_TIMEOUT))
            .event_callback(move |event| {
                let status = events_status.clone();
                async move { report(&status, &event) }
            })
            .connect(addresses)
            .await
            .map_err(NotifierError::nats)?;
        let mut jetstream = async_nats::jetstream::new(client.clone());
        jetstream.set_timeout(REQUEST_TIMEOUT);
        let bus = Self {
            client,
            jetstream,
            settings: Arc::new(settings.clone()),
            stream_ready: Arc::new(AtomicBool::new(false)),
        };
        match tokio::time::timeout(STARTUP_WAIT, bus.ensure_stream()).await {
            Ok(Ok(())) => status.set_bus(BusState::Connected),
            Ok(Err(error)) => {
                tracing::warn!(%error, "NATS JetStream is not ready; serving without it for now");
            }
            Err(_) => tracing::warn!(
                url = %settings.url,
                "NATS does not answer; serving without it and retrying in the background"
            ),
        }
        Ok(bus)
    }

    pub fn settings(&self) -> &NatsSettings {
        &self.settings
    }

    pub fn client(&self) -> &async_nats::Client {
        &self.client
    }

    pub fn jetstream(&self) -> &async_nats::jetstream::Context {
        &self.jetstream
    }

    /// `<prefix>.events.>`: every published event.
    pub fn events_subjects(&self) -> String {
        format!("{}.events.>", self.settings.prefix)
    }

    /// `<prefix>.inbox.>`: every inbox change.
    pub fn inbox_subjects(&self) -> String {
        format!("{}.inbox.>", self.settings.prefix)
    }

    /// `<prefix>.touched.>`: streams changed by events that are not published.
    pub fn touched_subjects(&self) -> String {
        format!("{}.touched.>", self.settings.prefix)
    }

    /// A plain message that a stream changed by an event that stays inside
    /// (an internal comment), so subscriptions on other instances re-read
    /// it. Subject only, no content; the stream does not capture it.
    pub async fn announce_touched(
        &self,
        tenant: &str,
        stream_type: &str,
        stream_id: &str,
    ) -> Result<(), NotifierError> {
        let subject = format!(
            "{}.touched.{tenant}.{stream_type}.{stream_id}",
            self.settings.prefix
        );
        self.client
            .publish(subject, Vec::new().into())
            .await
            .map_err(NotifierError::nats)
    }

    /// `<prefix>.inbox.<person>`.
    pub fn inbox_subject(&self, person: &str) -> String {
        format!("{}.inbox.{person}", self.settings.prefix)
    }

    /// `<prefix>.deadletter.<consumer>`: messages the consumer gave up on.
    pub fn deadletter_subject(&self) -> String {
        format!(
            "{}.deadletter.{}",
            self.settings.prefix, self.settings.consumer
        )
    }

    /// Creates the stream or brings its configuration up to date, once.
    pub async fn ensure_stream(&self) -> Result<(), NotifierError> {
        if self.stream_ready.load(Ordering::Acquire) {
            return Ok(());
        }
        self.jetstream
            .create_or_update_stream(self.stream_config())
            .await
            .map_err(NotifierError::nats)?;
        self.stream_ready.store(true, Ordering::Release);
        Ok(())
    }

    /// Every setting that matters is explicit, so the stream does not
    /// depend on the server's defaults.
    fn stream_config(&self) -> StreamConfig {
        StreamConfig {
            name: self.settings.stream.clone(),
            description: Some("The IIZ platform's published events".to_owned()),
            subjects: vec![self.events_subjects()],
            storage: StorageType::File,
            num_replicas: self.settings.replicas,
            duplicate_window: self.settings.duplicate_window,
            ..StreamConfig::default()
        }
    }

    /// Sends the whole batch, then waits for every acknowledgement.
    ///
    /// Each event but the first is stored only right after its predecessor
    /// (`Nats-Expected-Last-Msg-Id`): if one is lost in flight, as when a
    /// cluster node dies, the rest of the batch is refused rather than
    /// stored out of order, and the retried batch fills the gap in order.
    /// The first needs no such guard: everything before it was acknowledged
    /// before the relay's checkpoint moved past it.
    pub async fn publish(&self, events: &[PublishedEvent]) -> Result<(), NotifierError> {
        if events.is_empty() {
            return Ok(());
        }
        self.ensure_stream().await?;
        let mut acks = Vec::with_capacity(events.len());
        let mut previous: Option<&PublishedEvent> = None;
        for event in events {
            let mut message = PublishMessage::build()
                .payload(event.to_json()?.into())
                .message_id(event.id.to_string())
                .expected_stream(&self.settings.stream);
            if let Some(previous) = previous {
                message = message.expected_last_message_id(previous.id.to_string());
            }
            previous = Some(event);
            let ack = self
                .jetstream
                .send_publish(event.subject(&self.settings.prefix), message)
                .await
                .map_err(|error| self.publish_failed(error))?;
            acks.push(ack.into_future());
        }
        // All at once, so a refused event ends the wait without waiting out
        // the timeout of the lost one before it.
        futures::future::try_join_all(acks)
            .await
            .map_err(|error| self.publish_failed(error))?;
        Ok(())
    }

    fn publish_failed(&self, error: async_nats::jetstream::context::PublishError) -> NotifierError {
        if error.kind() == PublishErrorKind::StreamNotFound {
            self.stream_ready.store(false, Ordering::Release);
        }
        NotifierError::nats(error)
    }

    /// A plain NATS message: live updates are a hint to re-read, so one
    /// lost while NATS is down costs nothing that a reload does not fix.
    pub async fn announce_inbox(&self, person: &str) -> Result<(), NotifierError> {
        self.client
            .publish(self.inbox_subject(person), Vec::new().into())
            .await
            .map_err(NotifierError::nats)
    }
}

/// `nats://a:4222,nats://b:4222` to addresses.
fn server_addresses(urls: &str) -> Result<Vec<ServerAddr>, NotifierError> {
    let addresses = urls
        .split(',')
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map(|url| {
            url.parse::<ServerAddr>()
                .map_err(|error| NotifierError::Settings(format!("NATS URL {url}: {error}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if addresses.is_empty() {
        return Err(NotifierError::Settings("the NATS URL is empty".to_owned()));
    }
    Ok(addresses)
}

fn report(status: &RelayStatus, event: &Event) {
    match event {
        Event::Connected => {
            tracing::info!("connected to NATS");
            status.set_bus(BusState::Connected);
        }
        Event::Disconnected | Event::Closed => {
            tracing::warn!(%event, "NATS connection lost; retrying");
            status.set_bus(BusState::Unreachable);
        }
        other => tracing::debug!(event = %other, "NATS"),
    }
}

#[cfg(test)]
mod tests {
    use super::server_addresses;

    #[test]
    fn several_servers_are_separated_by_commas() {
        let addresses = server_addresses("nats://a:4222, nats://b:4223").expect("valid URLs");
        assert_eq!(addresses.len(), 2);
        assert!(server_addresses(" , ").is_err());
        assert!(server_addresses("http://[::1").is_err());
    }
}
