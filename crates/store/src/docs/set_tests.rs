use serde_json::json;

use super::*;
use crate::docs::{Doc, DocKey, DocWrite};

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
    let mut writes = set.take_writes().unwrap();
    writes.sort_by_key(|write| matches!(write, DocWrite::Put(_)));
    assert_eq!(
        writes,
        vec![
            DocWrite::Delete(DocKey::new("c", "a")),
            DocWrite::Put(doc("b", 2))
        ]
    );
    assert!(set.take_writes().unwrap().is_empty());
    assert_eq!(set.len(), 2);
}

#[test]
fn a_complete_set_knows_absent_documents_do_not_exist() {
    let mut set = DocSet::complete();
    assert!(set.get(&DocKey::new("c", "any")).unwrap().is_none());
    set.put(doc("any", 3)).unwrap();
    assert_eq!(set.take_writes().unwrap().len(), 1);
}

#[test]
fn a_rebuild_writes_no_delete_for_what_it_never_wrote() {
    // Given a complete set, as a rebuild uses, with one document written
    let mut set = DocSet::complete();
    set.put(doc("written", 1)).unwrap();
    assert_eq!(
        set.take_writes().unwrap(),
        vec![DocWrite::Put(doc("written", 1))]
    );
    // When that one and a document created since are deleted
    set.put(doc("passing", 2)).unwrap();
    set.delete(&DocKey::new("c", "passing")).unwrap();
    set.delete(&DocKey::new("c", "written")).unwrap();
    set.delete(&DocKey::new("c", "never")).unwrap();
    // Then only the written one is deleted, and the set forgets both
    assert_eq!(
        set.take_writes().unwrap(),
        vec![DocWrite::Delete(DocKey::new("c", "written"))]
    );
    assert!(set.is_empty());
    // And a document put again after its deletion is written again
    set.put(doc("written", 3)).unwrap();
    assert_eq!(
        set.take_writes().unwrap(),
        vec![DocWrite::Put(doc("written", 3))]
    );
}

/// A projection's view type.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Counter {
    n: i64,
}

#[test]
fn a_view_is_read_back_as_put_and_written_as_json_once() {
    // Given a complete set and a document put as a view
    let mut set = DocSet::complete();
    let key = DocKey::new("c", "a");
    set.put_view(key.clone(), None, "a".to_owned(), None, Counter { n: 1 })
        .unwrap();
    // When the view is read, changed and put again
    let mut counter: Counter = set.get_view(&key).unwrap().unwrap();
    counter.n += 1;
    set.put_view(key.clone(), None, "a".to_owned(), None, counter)
        .unwrap();
    // Then it reads back as put, as a view, as another type and raw
    assert_eq!(
        set.get_view::<Counter>(&key).unwrap(),
        Some(Counter { n: 2 })
    );
    assert_eq!(
        set.get_view::<Value>(&key).unwrap(),
        Some(json!({ "n": 2 }))
    );
    assert_eq!(set.get(&key).unwrap().unwrap().body, json!({ "n": 2 }));
    // And the write carries its JSON
    assert_eq!(set.take_writes().unwrap(), vec![DocWrite::Put(doc("a", 2))]);
    assert_eq!(
        set.get_view::<Counter>(&key).unwrap(),
        Some(Counter { n: 2 })
    );
}

#[test]
fn a_raw_put_replaces_the_view() {
    let mut set = DocSet::complete();
    let key = DocKey::new("c", "a");
    set.put_view(key.clone(), None, "a".to_owned(), None, Counter { n: 1 })
        .unwrap();
    set.put(doc("a", 5)).unwrap();
    assert_eq!(
        set.get_view::<Counter>(&key).unwrap(),
        Some(Counter { n: 5 })
    );
    assert_eq!(set.take_writes().unwrap(), vec![DocWrite::Put(doc("a", 5))]);
}
