//! Read-model documents and the contract of inline projections.
//!
//! Read models are JSON documents in one table, keyed by `(collection, id)`,
//! with a tenant and a sort key for listing. Projections are plain Rust over
//! these documents, so the same projection code runs on both backends, and
//! the IO stays in the store: a projection names the documents it needs, the
//! store loads (and on PostgreSQL locks) them, the projection changes them in
//! memory, the store writes the changes.

use std::fmt;

use serde_json::Value;

use crate::event::RecordedEvent;
use crate::search::SearchText;

mod set;

pub use set::{DocSet, View};

/// Address of a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    pub collection: String,
    pub id: String,
}

impl DocKey {
    pub fn new(collection: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            collection: collection.into(),
            id: id.into(),
        }
    }
}

impl fmt::Display for DocKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.collection, self.id)
    }
}

/// A read-model document whose body was read straight into `T`: a reader
/// of many documents of one type skips the `Value` in between, which was
/// most of the time of reading 14 000 monitoring rows (issue 18).
#[derive(Debug, Clone, PartialEq)]
pub struct TypedDoc<T> {
    pub key: DocKey,
    pub tenant: Option<String>,
    pub sort_key: String,
    pub body: T,
}

impl TypedDoc<Value> {
    /// The document with its search text.
    pub(crate) fn with_search(self, search: Option<SearchText>) -> Doc {
        Doc {
            key: self.key,
            tenant: self.tenant,
            sort_key: self.sort_key,
            body: self.body,
            search,
        }
    }
}

/// A read-model document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub key: DocKey,
    /// The tenant the document belongs to; `None` for cross-tenant documents.
    pub tenant: Option<String>,
    /// Listing order within a collection (ties broken by id).
    pub sort_key: String,
    pub body: Value,
    /// The text the document is found by in text searches, if any.
    pub search: Option<SearchText>,
}

impl Doc {
    /// A document without search text.
    pub fn new(
        key: DocKey,
        tenant: Option<String>,
        sort_key: impl Into<String>,
        body: Value,
    ) -> Self {
        Self {
            key,
            tenant,
            sort_key: sort_key.into(),
            body,
            search: None,
        }
    }

    /// The document with a search text.
    #[must_use]
    pub fn with_search(mut self, search: SearchText) -> Self {
        self.search = Some(search);
        self
    }
}

/// A change to write.
#[derive(Debug, Clone, PartialEq)]
pub enum DocWrite {
    Put(Doc),
    Delete(DocKey),
}

/// Why a projection could not apply an event. Aborts the append it runs in.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProjectionError {
    #[error("event {event_type} of {stream_type} cannot be decoded: {reason}")]
    Decode {
        stream_type: String,
        event_type: String,
        reason: String,
    },
    #[error("document {0} was used but not named in keys()")]
    Undeclared(DocKey),
    #[error("document {key} is malformed: {reason}")]
    Malformed { key: DocKey, reason: String },
}

/// The inline projections an append runs inside its transaction.
pub trait InlineProjector: Send + Sync {
    /// Whether any inline projection reacts to events of this stream type.
    /// Appends to other streams take a faster path without document IO.
    fn handles(&self, stream_type: &str) -> bool;

    /// The documents the events will read or write.
    fn keys(&self, events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError>;

    /// Applies the events to the loaded documents.
    fn apply(&self, docs: &mut DocSet, events: &[RecordedEvent]) -> Result<(), ProjectionError>;
}

/// Appends without read models (tests, benchmarks of the bare log).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProjection;

impl InlineProjector for NoProjection {
    fn handles(&self, _stream_type: &str) -> bool {
        false
    }

    fn keys(&self, _events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(Vec::new())
    }

    fn apply(&self, _docs: &mut DocSet, _events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        Ok(())
    }
}
