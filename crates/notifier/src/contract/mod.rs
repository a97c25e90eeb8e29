//! The public event contract: what leaves the platform for NATS, webhooks
//! and anyone downstream. One versioned JSON document per event, described
//! by a JSON Schema per event type in `schema/events/`.
//!
//! Not everything in the log leaves it: see [`withheld`].

mod schemas;

pub use schemas::{EventSchema, EventType, event_types, schema_for, schemas};

use chrono::{DateTime, Utc};
use iiz_domain::{Aggregate, Person};
use iiz_store::RecordedEvent;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::NotifierError;

/// The default subject prefix: events go to `iiz.events.<tenant>.<aggregate>.<EventType>`.
/// Configurable ([`crate::NatsSettings::prefix`]) so test runs and
/// installations sharing one NATS server stay apart.
pub const DEFAULT_PREFIX: &str = "iiz";

/// The stream an event belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(inline)]
pub struct AggregateRef {
    /// The aggregate's stream type.
    #[serde(rename = "type")]
    pub stream_type: String,
    /// The stream's id: the aggregate's UUID, or the tenant's key.
    pub id: String,
    /// The stream's version after this event (1 for the first).
    #[schemars(range(min = 1))]
    pub version: u64,
}

/// One published event. Field names are camelCase in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublishedEvent {
    /// The event id (UUIDv7): JetStream's `Nats-Msg-Id`, so a republished
    /// event is dropped.
    pub id: Uuid,
    /// `<aggregate>.<EventType>`, e.g. `concern.Decided`: the schema's name.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The version of `data`'s schema.
    pub version: u32,
    /// The tenant whose log recorded the event.
    #[schemars(with = "iiz_domain::TenantId")]
    pub tenant: String,
    pub aggregate: AggregateRef,
    /// When the platform recorded the event.
    pub recorded_at: DateTime<Utc>,
    /// `person:<id>` or `system:<process>`.
    #[schemars(regex(pattern = r"^(person|system):.+$"))]
    pub actor: String,
    /// Shared by every event that one request caused.
    pub correlation_id: Uuid,
    /// The event whose handling caused this one, if any.
    pub causation_id: Option<Uuid>,
    /// The event's own fields.
    pub data: Value,
}

/// Why an event stays inside the platform, if it does.
pub fn withheld(event: &RecordedEvent) -> Option<&'static str> {
    match (event.stream.stream_type.as_str(), event.event_type.as_str()) {
        ("concern", "Commented")
            if event.payload.get("visibility").and_then(Value::as_str) == Some("internal") =>
        {
            Some("internal comment")
        }
        // People's records hold names and e-mail addresses: personal data
        // that must stay erasable, so it never leaves the platform.
        (stream_type, _) if is_personal(stream_type) => Some("personal data"),
        _ => None,
    }
}

/// Whether a whole stream type holds personal data, so that none of its
/// events is published (nor has a contract).
pub(crate) fn is_personal(stream_type: &str) -> bool {
    stream_type == <Person as Aggregate>::STREAM_TYPE
}

impl PublishedEvent {
    /// The published form of a logged event; `None` when it is withheld.
    pub fn of(event: &RecordedEvent) -> Option<Self> {
        if withheld(event).is_some() {
            return None;
        }
        Some(Self::from_logged(event.clone()))
    }

    /// [`PublishedEvent::of`] taking the logged event, so its payload is
    /// moved rather than copied (the relay publishes every event of the log).
    pub fn of_owned(event: RecordedEvent) -> Option<Self> {
        if withheld(&event).is_some() {
            return None;
        }
        Some(Self::from_logged(event))
    }

    fn from_logged(event: RecordedEvent) -> Self {
        Self {
            id: event.event_id,
            event_type: format!("{}.{}", event.stream.stream_type, event.event_type),
            version: event.schema_version,
            tenant: event.stream.tenant,
            aggregate: AggregateRef {
                stream_type: event.stream.stream_type,
                id: event.stream.stream_id,
                version: event.stream_version,
            },
            recorded_at: event.recorded_at,
            actor: event.metadata.actor,
            correlation_id: event.metadata.correlation_id,
            causation_id: event.metadata.causation_id,
            data: event.payload,
        }
    }

    /// The domain's name of the event type (`Decided` of `concern.Decided`).
    pub fn domain_event_type(&self) -> &str {
        self.event_type
            .split_once('.')
            .map_or(self.event_type.as_str(), |(_, name)| name)
    }

    /// `<prefix>.events.<tenant>.<aggregate>.<EventType>`.
    pub fn subject(&self, prefix: &str) -> String {
        format!(
            "{prefix}.events.{}.{}.{}",
            self.tenant,
            self.aggregate.stream_type,
            self.domain_event_type()
        )
    }

    pub fn to_json(&self) -> Result<Vec<u8>, NotifierError> {
        serde_json::to_vec(self).map_err(|error| NotifierError::Contract(error.to_string()))
    }

    pub fn from_json(bytes: &[u8]) -> Result<Self, NotifierError> {
        serde_json::from_slice(bytes).map_err(|error| NotifierError::Contract(error.to_string()))
    }
}
