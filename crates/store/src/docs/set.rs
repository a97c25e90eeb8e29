//! The documents a projection works on, kept as the typed views the
//! projection reads and writes.
//!
//! A document's JSON body is made only when it is written (or read raw):
//! between two writes, the events of a document read and put its typed
//! view, without turning it into JSON and back for each event. A rebuild
//! applies hundreds of thousands of events to documents held here, and a
//! concern's view with its timeline took longer to convert than to change.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Doc, DocKey, DocWrite, ProjectionError};
use crate::search::SearchText;

/// A typed view of a document's body.
pub trait View: Any + Send + Sync {
    /// The body as stored.
    fn to_body(&self) -> Result<Value, serde_json::Error>;
    fn as_any(&self) -> &dyn Any;
}

impl<T: Serialize + Any + Send + Sync> View for T {
    fn to_body(&self) -> Result<Value, serde_json::Error> {
        serde_json::to_value(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Clone)]
struct Slot {
    doc: Option<Doc>,
    /// The view the document was last put as. While `body_stale`, the
    /// document's body is a placeholder and the view is the document.
    view: Option<Arc<dyn View>>,
    body_stale: bool,
    dirty: bool,
    /// Whether the store may hold the document: loaded from it, or written
    /// to it by an earlier [`DocSet::take_writes`]. A document created and
    /// deleted in between needs no write.
    stored: bool,
}

impl fmt::Debug for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Slot")
            .field("doc", &self.doc)
            .field("typed", &self.view.is_some())
            .field("body_stale", &self.body_stale)
            .field("dirty", &self.dirty)
            .field("stored", &self.stored)
            .finish()
    }
}

fn malformed(key: &DocKey, error: &serde_json::Error) -> ProjectionError {
    ProjectionError::Malformed {
        key: key.clone(),
        reason: error.to_string(),
    }
}

impl Slot {
    fn empty(stored: bool) -> Self {
        Self {
            doc: None,
            view: None,
            body_stale: false,
            dirty: false,
            stored,
        }
    }

    /// The document's body, made from its view if that is newer.
    fn body(&self) -> Result<Option<Value>, ProjectionError> {
        match (&self.doc, &self.view) {
            (Some(doc), Some(view)) if self.body_stale => view
                .to_body()
                .map(Some)
                .map_err(|error| malformed(&doc.key, &error)),
            (Some(doc), _) => Ok(Some(doc.body.clone())),
            (None, _) => Ok(None),
        }
    }

    /// Makes the body current, for a raw read.
    fn materialize(&mut self) -> Result<(), ProjectionError> {
        if self.body_stale
            && let (Some(doc), Some(view)) = (&mut self.doc, &self.view)
        {
            doc.body = view
                .to_body()
                .map_err(|error| malformed(&doc.key, &error))?;
        }
        self.body_stale = false;
        Ok(())
    }
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
            .map(|key| (key, Slot::empty(true)))
            .collect();
        for doc in docs {
            let mut slot = Slot::empty(true);
            let key = doc.key.clone();
            slot.doc = Some(doc);
            slots.insert(key, slot);
        }
        Self {
            slots,
            complete: false,
        }
    }

    fn slot(&self, key: &DocKey) -> Result<Option<&Slot>, ProjectionError> {
        match self.slots.get(key) {
            Some(slot) => Ok(Some(slot)),
            None if self.complete => Ok(None),
            None => Err(ProjectionError::Undeclared(key.clone())),
        }
    }

    /// The document as stored, its body made from its view if need be.
    pub fn get(&mut self, key: &DocKey) -> Result<Option<&Doc>, ProjectionError> {
        self.check(key)?;
        match self.slots.get_mut(key) {
            Some(slot) => {
                slot.materialize()?;
                Ok(slot.doc.as_ref())
            }
            None => Ok(None),
        }
    }

    /// The document's body as a view type: a copy of the view it was put
    /// as, or read from its JSON.
    pub fn get_view<T: DeserializeOwned + Clone + 'static>(
        &self,
        key: &DocKey,
    ) -> Result<Option<T>, ProjectionError> {
        let Some(slot) = self.slot(key)? else {
            return Ok(None);
        };
        if slot.doc.is_some()
            && let Some(view) = slot
                .view
                .as_ref()
                .and_then(|view| view.as_any().downcast_ref::<T>())
        {
            return Ok(Some(view.clone()));
        }
        match slot.body()? {
            Some(body) => T::deserialize(body)
                .map(Some)
                .map_err(|error| malformed(key, &error)),
            None => Ok(None),
        }
    }

    /// Puts a document whose body is `view`, made into JSON when written.
    pub fn put_view<T: View>(
        &mut self,
        key: DocKey,
        tenant: Option<String>,
        sort_key: String,
        search: Option<SearchText>,
        view: T,
    ) -> Result<(), ProjectionError> {
        let doc = Doc {
            key,
            tenant,
            sort_key,
            body: Value::Null,
            search,
        };
        self.put_slot(doc, Some(Arc::new(view)))
    }

    pub fn put(&mut self, doc: Doc) -> Result<(), ProjectionError> {
        self.put_slot(doc, None)
    }

    fn put_slot(&mut self, doc: Doc, view: Option<Arc<dyn View>>) -> Result<(), ProjectionError> {
        self.check(&doc.key)?;
        let body_stale = view.is_some();
        let slot = match self.slots.get_mut(&doc.key) {
            Some(slot) => slot,
            // Only a complete set may hold an undeclared key, and the store
            // has none of its documents.
            None => self
                .slots
                .entry(doc.key.clone())
                .or_insert_with(|| Slot::empty(false)),
        };
        slot.doc = Some(doc);
        slot.view = view;
        slot.body_stale = body_stale;
        slot.dirty = true;
        Ok(())
    }

    pub fn delete(&mut self, key: &DocKey) -> Result<(), ProjectionError> {
        self.check(key)?;
        // A key a complete set does not hold is known not to exist.
        if let Some(slot) = self.slots.get_mut(key) {
            slot.doc = None;
            slot.view = None;
            slot.body_stale = false;
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
    /// not to exist. A document held as a view stays one: its JSON goes
    /// only into the write.
    pub fn take_writes(&mut self) -> Result<Vec<DocWrite>, ProjectionError> {
        let mut writes = Vec::new();
        let mut failure = None;
        let complete = self.complete;
        self.slots.retain(|key, slot| {
            if slot.dirty && failure.is_none() {
                match (&slot.doc, slot.body()) {
                    (Some(doc), Ok(Some(body))) => {
                        writes.push(DocWrite::Put(Doc {
                            key: doc.key.clone(),
                            tenant: doc.tenant.clone(),
                            sort_key: doc.sort_key.clone(),
                            body,
                            search: doc.search.clone(),
                        }));
                        slot.stored = true;
                        slot.dirty = false;
                    }
                    (_, Err(error)) => failure = Some(error),
                    (None, _) | (Some(_), Ok(None)) => {
                        if slot.stored {
                            writes.push(DocWrite::Delete(key.clone()));
                            slot.stored = false;
                        }
                        slot.dirty = false;
                    }
                }
            }
            !(complete && slot.doc.is_none())
        });
        match failure {
            Some(error) => Err(error),
            None => Ok(writes),
        }
    }

    /// Number of documents held (loaded, created or deleted).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

#[cfg(test)]
#[path = "set_tests.rs"]
mod tests;
