//! Where published events go: NATS JetStream when configured, otherwise the
//! in-process bus of the embedded default, where "publishing" tells this
//! instance's live subscriptions.

mod backoff;
mod jetstream;

use std::sync::Arc;

use iiz_app::App;
use iiz_app::outbound::{BusState, LiveFeed, LiveSignal};

use crate::contract::PublishedEvent;
use crate::{NatsSettings, NotifierError};

pub use backoff::Backoff;
pub use jetstream::JetStreamBus;

/// The bus the relay publishes to and the notifier consumes from. Cheap to
/// clone; every clone shares one connection.
#[derive(Debug, Clone)]
pub enum Bus {
    /// No NATS: events reach this instance's live feed and nothing else.
    InProcess(LiveFeed),
    JetStream(Arc<JetStreamBus>),
}

impl Bus {
    /// The in-process bus without NATS settings, else JetStream.
    ///
    /// NATS that does not answer is no error: the instance serves anyway,
    /// `app.relay_status()` says `Unreachable`, the client keeps trying in
    /// the background and the stream is created once NATS answers. Only
    /// settings that cannot work (an unparsable URL) fail.
    pub async fn connect(app: &App, settings: Option<&NatsSettings>) -> Result<Bus, NotifierError> {
        match settings {
            None => {
                app.relay_status().set_bus(BusState::InProcess);
                Ok(Bus::InProcess(app.live().clone()))
            }
            Some(settings) => Ok(Bus::JetStream(Arc::new(
                JetStreamBus::connect(settings, app.relay_status().clone()).await?,
            ))),
        }
    }

    /// Publishes the events in order. Ok only once the bus has stored every
    /// one of them (JetStream acknowledged each, a republished one as a
    /// duplicate).
    pub async fn publish(&self, events: &[PublishedEvent]) -> Result<(), NotifierError> {
        match self {
            Bus::InProcess(live) => {
                for event in events {
                    live.publish(event_signal(event));
                }
                Ok(())
            }
            Bus::JetStream(bus) => bus.publish(events).await,
        }
    }

    /// Tells every instance's live subscriptions that a person's inbox changed.
    pub async fn announce_inbox(&self, person: &str) -> Result<(), NotifierError> {
        match self {
            Bus::InProcess(live) => {
                live.publish(LiveSignal::Inbox {
                    person: person.to_owned(),
                });
                Ok(())
            }
            Bus::JetStream(bus) => bus.announce_inbox(person).await,
        }
    }

    /// Tells other instances that a stream changed by an event that is not
    /// published. In process the log notifier already wakes the only
    /// instance's subscriptions.
    pub async fn announce_withheld(
        &self,
        event: &iiz_store::RecordedEvent,
    ) -> Result<(), NotifierError> {
        match self {
            Bus::InProcess(_) => Ok(()),
            Bus::JetStream(bus) => {
                bus.announce_touched(
                    &event.stream.tenant,
                    &event.stream.stream_type,
                    &event.stream.stream_id,
                )
                .await
            }
        }
    }

    /// The state to report while the bus works.
    pub fn working_state(&self) -> BusState {
        match self {
            Bus::InProcess(_) => BusState::InProcess,
            Bus::JetStream(_) => BusState::Connected,
        }
    }
}

/// What a live subscriber hears of a published event. `event_type` is the
/// domain's name of the type (`Decided`), as in the log.
pub fn event_signal(event: &PublishedEvent) -> LiveSignal {
    LiveSignal::Event {
        tenant: event.tenant.clone(),
        stream_type: event.aggregate.stream_type.clone(),
        stream_id: event.aggregate.id.clone(),
        event_type: event.domain_event_type().to_owned(),
    }
}
