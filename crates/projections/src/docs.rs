//! Typed access to documents and events for projection code.

use iiz_domain::DomainEvent;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent, SearchText, View};
use serde::de::DeserializeOwned;

/// The domain event inside a recorded event.
pub fn decode<E: DomainEvent>(event: &RecordedEvent) -> Result<E, ProjectionError> {
    E::decode_ref(&event.event_type, &event.payload).map_err(|error| ProjectionError::Decode {
        stream_type: event.stream.stream_type.clone(),
        event_type: event.event_type.clone(),
        reason: error.to_string(),
    })
}

/// A document's body as a view type.
pub fn get_typed<T: DeserializeOwned + Clone + 'static>(
    docs: &DocSet,
    key: &DocKey,
) -> Result<Option<T>, ProjectionError> {
    docs.get_view(key)
}

/// Stores a view type as a document's body (made into JSON when written).
pub fn put_typed<T: View + Clone>(
    docs: &mut DocSet,
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    view: &T,
) -> Result<(), ProjectionError> {
    docs.put_view(key, tenant, sort_key, None, view.clone())
}

/// Stores a view type with the text full-text search finds it by.
pub fn put_searchable<T: View + Clone>(
    docs: &mut DocSet,
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    view: &T,
    search: SearchText,
) -> Result<(), ProjectionError> {
    docs.put_view(key, tenant, sort_key, Some(search), view.clone())
}
