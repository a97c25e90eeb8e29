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
use crate::search::SearchText;

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

#[derive(Debug, Clone)]
struct Slot {
    doc: Option<Doc>,
    dirty: bool,
    /// Whether the store may hold the document: loaded from it, or written
    /// to it by an earlier [`DocSet::take_writes`]. A document created and
    /// deleted in between needs no write.
    stored: bool,
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
                        stored: true,
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
                    stored: true,
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
        match self.slots.get_mut(&doc.key) {
            Some(slot) => {
                slot.doc = Some(doc);
                slot.dirty = true;
            }
            None => {
                let key = doc.key.clone();
                let slot = Slot {
                    doc: Some(doc),
                    dirty: true,
                    // Only a complete set may hold an undeclared key, and
                    // the store has none of its documents.
                    stored: false,
                };
                self.slots.insert(key, slot);
            }
        }
        Ok(())
    }

    pub fn delete(&mut self, key: &DocKey) -> Result<(), ProjectionError> {
        self.check(key)?;
        // A key a complete set does not hold is known not to exist.
        if let Some(slot) = self.slots.get_mut(key) {
            slot.doc = None;
            slot.dirty = true;
        }
        Ok(())
    }

    fn check(&self, key: &DocKey) -> Result<(), ProjectionError> {
        if self.complete || self.slots.contains_key(key) {
            Ok(())
        } else {
            Err(ProjectionError::Undeclared(key.clone()))
        }
    }

    /// Takes the pending changes, leaving the documents in place and clean.
    /// A document created and deleted since the last call is not written;
    /// a complete set forgets deleted documents, absent ones being known
    /// not to exist.
    pub fn take_writes(&mut self) -> Vec<DocWrite> {
        let mut writes = Vec::new();
        let complete = self.complete;
        self.slots.retain(|key, slot| {
            if slot.dirty {
                slot.dirty = false;
                match &slot.doc {
                    Some(doc) => {
                        writes.push(DocWrite::Put(doc.clone()));
                        slot.stored = true;
                    }
                    None if slot.stored => {
                        writes.push(DocWrite::Delete(key.clone()));
                        slot.stored = false;
                    }
                    None => {}
                }
            }
            !(complete && slot.doc.is_none())
        });
        writes
    }

    /// Number of documents held (loaded, created or deleted).
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn doc(id: &str, n: i64) -> Doc {
        Doc {
            key: DocKey::new("c", id),
            tenant: None,
            sort_key: id.to_owned(),
            body: json!({ "n": n }),
            search: None,
        }
    }

    #[test]
    fn a_loaded_set_refuses_documents_it_was_not_given() {
        let mut set = DocSet::loaded(
            [DocKey::new("c", "a"), DocKey::new("c", "b")],
            [doc("a", 1)],
        );
        assert_eq!(
            set.get(&DocKey::new("c", "a")).unwrap().unwrap().body["n"],
            1
        );
        assert!(set.get(&DocKey::new("c", "b")).unwrap().is_none());
        let undeclared = DocKey::new("c", "z");
        assert_eq!(
            set.get(&undeclared),
            Err(ProjectionError::Undeclared(undeclared.clone()))
        );
        assert!(set.put(doc("z", 1)).is_err());
        assert!(set.delete(&undeclared).is_err());
    }

    #[test]
    fn writes_are_taken_once() {
        let mut set = DocSet::loaded(
            [DocKey::new("c", "a"), DocKey::new("c", "b")],
            [doc("a", 1)],
        );
        set.put(doc("b", 2)).unwrap();
        set.delete(&DocKey::new("c", "a")).unwrap();
        let mut writes = set.take_writes();
        writes.sort_by_key(|write| matches!(write, DocWrite::Put(_)));
        assert_eq!(
            writes,
            vec![
                DocWrite::Delete(DocKey::new("c", "a")),
                DocWrite::Put(doc("b", 2))
            ]
        );
        assert!(set.take_writes().is_empty());
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn a_complete_set_knows_absent_documents_do_not_exist() {
        let mut set = DocSet::complete();
        assert!(set.get(&DocKey::new("c", "any")).unwrap().is_none());
        set.put(doc("any", 3)).unwrap();
        assert_eq!(set.take_writes().len(), 1);
    }

    #[test]
    fn a_rebuild_writes_no_delete_for_what_it_never_wrote() {
        // Given a complete set, as a rebuild uses, with one document written
        let mut set = DocSet::complete();
        set.put(doc("written", 1)).unwrap();
        assert_eq!(set.take_writes(), vec![DocWrite::Put(doc("written", 1))]);
        // When that one and a document created since are deleted
        set.put(doc("passing", 2)).unwrap();
        set.delete(&DocKey::new("c", "passing")).unwrap();
        set.delete(&DocKey::new("c", "written")).unwrap();
        set.delete(&DocKey::new("c", "never")).unwrap();
        // Then only the written one is deleted, and the set forgets both
        assert_eq!(
            set.take_writes(),
            vec![DocWrite::Delete(DocKey::new("c", "written"))]
        );
        assert!(set.is_empty());
        // And a document put again after its deletion is written again
        set.put(doc("written", 3)).unwrap();
        assert_eq!(set.take_writes(), vec![DocWrite::Put(doc("written", 3))]);
    }
}
