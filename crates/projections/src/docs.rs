//! Typed access to documents and events for projection code.

use iiz_domain::DomainEvent;
use iiz_store::{Doc, DocKey, DocSet, ProjectionError, RecordedEvent, SearchText};
use serde::Serialize;
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
pub fn get_typed<T: DeserializeOwned>(
    docs: &DocSet,
    key: &DocKey,
) -> Result<Option<T>, ProjectionError> {
    let Some(doc) = docs.get(key)? else {
        return Ok(None);
    };
    T::deserialize(&doc.body)
        .map(Some)
        .map_err(|error| ProjectionError::Malformed {
            key: key.clone(),
            reason: error.to_string(),
        })
}

/// Stores a view type as a document's body.
pub fn put_typed<T: Serialize>(
    docs: &mut DocSet,
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    view: &T,
) -> Result<(), ProjectionError> {
    put_doc(docs, key, tenant, sort_key, view, None)
}

/// Stores a view type with the text full-text search finds it by.
pub fn put_searchable<T: Serialize>(
    docs: &mut DocSet,
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    view: &T,
    search: SearchText,
) -> Result<(), ProjectionError> {
    put_doc(docs, key, tenant, sort_key, view, Some(search))
}

fn put_doc<T: Serialize>(
    docs: &mut DocSet,
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    view: &T,
    search: Option<SearchText>,
) -> Result<(), ProjectionError> {
    let body = serde_json::to_value(view).map_err(|error| ProjectionError::Malformed {
        key: key.clone(),
        reason: error.to_string(),
    })?;
    docs.put(Doc {
        key,
        tenant,
        sort_key,
        body,
        search,
    })
}
