//! The contract every aggregate fulfils.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// An aggregate: a consistency boundary whose state is the fold of its events.
///
/// `decide` has no technical errors on purpose: everything it needs is in the
/// state and the command, so a refusal is always a business refusal.
pub trait Aggregate: Default + Clone + Send + Sync + 'static {
    /// Name of the stream type in the event store (`tenant`, `body`, …).
    const STREAM_TYPE: &'static str;
    /// What a caller asks for.
    type Command;
    /// What happened.
    type Event: DomainEvent;
    /// Why a command was refused.
    type Error: std::error::Error + crate::error::Classify + Send + Sync + 'static;

    /// Decides which events a command produces given the current state.
    /// An empty vector means the command is already satisfied (idempotent).
    fn decide(&self, command: Self::Command) -> Result<Vec<Self::Event>, Self::Error>;

    /// Applies one event to the state.
    #[must_use]
    fn evolve(self, event: &Self::Event) -> Self;

    /// Folds a history into a state.
    fn replay<'a>(events: impl IntoIterator<Item = &'a Self::Event>) -> Self {
        events.into_iter().fold(Self::default(), Self::evolve)
    }
}

/// Why an event could not be turned into or out of its stored form.
#[derive(Debug, thiserror::Error)]
pub enum EventCodecError {
    #[error("event is not encoded as an adjacently tagged enum")]
    NotTagged,
    #[error("event payload does not match {event_type}: {source}")]
    Payload {
        event_type: String,
        #[source]
        source: serde_json::Error,
    },
}

/// An event of an aggregate. Stored as `event_type` + JSON payload.
///
/// Implementors are enums serialised with `#[serde(tag = "type", content = "data")]`,
/// so the variant name is the event type and the variant's fields the payload.
pub trait DomainEvent:
    Serialize + DeserializeOwned + Clone + std::fmt::Debug + Send + Sync
{
    /// The variant's name, as stored in the `event_type` column.
    fn event_type(&self) -> &'static str;

    /// The current schema version of an event type's payload. Stored payloads
    /// with a lower version are upcast on read before they reach `decode`.
    fn schema_version(_event_type: &str) -> u32 {
        1
    }

    /// The top-level payload fields that are personal data of the stream's
    /// subject (a person's name, e-mail address). The application stores
    /// them sealed with that person's key, so deleting the key erases them
    /// from the log without rewriting it (crypto-shredding). Decoded after
    /// the key is gone, such a field reads `null`, so its type must accept
    /// that (`Option`).
    fn personal_fields(&self) -> &'static [&'static str] {
        &[]
    }

    /// Splits the event into its stored form.
    fn encode(&self) -> Result<(&'static str, Value), EventCodecError> {
        let event_type = self.event_type();
        let value = serde_json::to_value(self).map_err(|source| EventCodecError::Payload {
            event_type: event_type.to_owned(),
            source,
        })?;
        match value {
            Value::Object(mut map) => Ok((event_type, map.remove("data").unwrap_or(Value::Null))),
            _ => Err(EventCodecError::NotTagged),
        }
    }

    /// Rebuilds the event from its stored form.
    fn decode(event_type: &str, payload: Value) -> Result<Self, EventCodecError> {
        Self::decode_ref(event_type, &payload)
    }

    /// [`DomainEvent::decode`] without taking the payload: replays decode
    /// every event of the log, and copying each payload first would double
    /// the work.
    fn decode_ref(event_type: &str, payload: &Value) -> Result<Self, EventCodecError> {
        let tag = Value::String(event_type.to_owned());
        let mut fields = vec![("type", &tag)];
        if !payload.is_null() {
            fields.push(("data", payload));
        }
        let tagged =
            serde::de::value::MapDeserializer::<_, serde_json::Error>::new(fields.into_iter());
        Self::deserialize(tagged).map_err(|source| EventCodecError::Payload {
            event_type: event_type.to_owned(),
            source,
        })
    }
}
