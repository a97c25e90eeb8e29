//! Read-model documents and the contract of inline projections.
//!
//! Read models are JSON documents in one table, keyed by `(collection, id)`,
//! with a tenant and a sort key for listing. Projections are plain Rust over
//! these documents, so the same projection code runs on both backends, and
//! the IO stays in the store: a projection names the documents it needs, the
//! store loads (and on PostgreSQL locks) them, the projection changes them in
//! memory, the store writes the changes.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use crate::event::RecordedEvent;

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

/// A read-model document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub key: DocKey,
    /// The tenant the document belongs to; `None` for cross-tenant documents.
    pub tenant: Option<String>,
    /// Listing order within a collection (ties broken by id).
    pub sort_key: String,
    pub body: Value,
}

/// A change to write.
#[derive(Debug, Clone, PartialEq)]
pub enum DocWrite {
    Put(Doc),
    Delete(DocKey),
}

/// A page of a collection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocQuery {
    pub collection: String,
    /// Only documents of this tenant.
    pub tenant: Option<String>,
    /// Only documents whose top-level field equals the value (string, number
    /// or boolean).
    pub filters: Vec<(String, Value)>,
    /// Start after this `(sort_key, id)`.
    pub after: Option<(String, String)>,
    pub limit: usize,
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

#[derive(Debug, Clone)]
struct Slot {
    doc: Option<Doc>,
    dirty: bool,
}

/// The documents a projection works on, with their pending changes.
#[derive(Debug, Clone, Default)]
pub struct DocSet {
    slots: HashMap<DocKey, Slot>,
    /// When true every document not in the set is known not to exist (a
    /// rebuild from an empty read model), so any key may be read.
    complete: bool,
}

impl DocSet {
    /// An empty set for a rebuild: documents not in it do not exist.
    pub fn complete() -> Self {
        Self {
            slots: HashMap::new(),
            complete: true,
        }
    }

    /// A set holding what the store loaded for the named keys.
    pub fn loaded(
        keys: impl IntoIterator<Item = DocKey>,
        docs: impl IntoIterator<Item = Doc>,
    ) -> Self {
        let mut slots: HashMap<DocKey, Slot> = keys
            .into_iter()
            .map(|key| {
                (
                    key,
                    Slot {
                        doc: None,
                        dirty: false,
                    },
                )
            })
            .collect();
        for doc in docs {
            slots.insert(
                doc.key.clone(),
                Slot {
                    doc: Some(doc),
                    dirty: false,
                },
            );
        }
        Self {
            slots,
            complete: false,
        }
    }

    pub fn get(&self, key: &DocKey) -> Result<Option<&Doc>, ProjectionError> {
        match self.slots.get(key) {
            Some(slot) => Ok(slot.doc.as_ref()),
            None if self.complete => Ok(None),
            None => Err(ProjectionError::Undeclared(key.clone())),
        }
    }

    pub fn put(&mut self, doc: Doc) -> Result<(), ProjectionError> {
        self.check(&doc.key)?;
        self.slots.insert(
            doc.key.clone(),
            Slot {
                doc: Some(doc),
                dirty: true,
            },
        );
        Ok(())
    }

    pub fn delete(&mut self, key: &DocKey) -> Result<(), ProjectionError> {
        self.check(key)?;
        self.slots.insert(
            key.clone(),
            Slot {
                doc: None,
                dirty: true,
            },
        );
        Ok(())
    }

    fn check(&self, key: &DocKey) -> Result<(), ProjectionError> {
        if self.complete || self.slots.contains_key(key) {
            Ok(())
        } else {
            Err(ProjectionError::Undeclared(key.clone()))
        }
    }

    /// Number of documents with pending changes.
    pub fn dirty_count(&self) -> usize {
        self.slots.values().filter(|slot| slot.dirty).count()
    }

    /// Takes the pending changes, leaving the documents in place and clean.
    pub fn take_writes(&mut self) -> Vec<DocWrite> {
        let mut writes = Vec::new();
        for (key, slot) in &mut self.slots {
            if slot.dirty {
                slot.dirty = false;
                writes.push(match &slot.doc {
                    Some(doc) => DocWrite::Put(doc.clone()),
                    None => DocWrite::Delete(key.clone()),
                });
            }
        }
        writes
    }

    /// Drops every clean document (a rebuild keeps memory bounded this way
    /// only for sets that are not `complete`).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
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
