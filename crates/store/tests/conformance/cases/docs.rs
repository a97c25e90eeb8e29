//! Listing documents: tenants, filters, order and pages.

use std::collections::HashSet;

use iiz_store::{
    Checkpoint, Doc, DocFilter, DocKey, DocQuery, DocWrite, EventStore, LogCursor, Store,
    StoreError,
};
use serde_json::json;

use crate::support::{ids, listed, put_docs};

pub async fn documents_are_listed_by_tenant_field_and_page(store: &Store) {
    let docs: Vec<DocWrite> = (0..10)
        .map(|n| {
            DocWrite::Put(Doc {
                key: DocKey::new("bodies", format!("b{n:02}")),
                tenant: Some(if n % 2 == 0 { "ZH" } else { "GE" }.to_owned()),
                sort_key: format!("name {}", 9 - n),
                body: json!({ "kind": if n < 4 { "steering" } else { "office" }, "active": n != 8, "n": n }),
                search: None,
            })
        })
        .collect();
    let checkpoint = Checkpoint {
        cursor: LogCursor::START,
        version: 1,
    };
    store
        .commit_projection(docs, &[("bodies", checkpoint)])
        .await
        .unwrap();
    let query = |tenant: Option<&str>,
                 filters: Vec<(&str, serde_json::Value)>,
                 after: Option<(String, String)>,
                 limit| DocQuery {
        collection: "bodies".to_owned(),
        tenant: tenant.map(str::to_owned),
        filters: filters
            .into_iter()
            .map(|(f, v)| DocFilter::Eq(f.to_owned(), v))
            .collect(),
        after,
        limit,
        ..DocQuery::default()
    };
    let zh = store
        .docs(&query(Some("ZH"), vec![], None, 100))
        .await
        .unwrap();
    let ns: Vec<i64> = zh.iter().map(|d| d.body["n"].as_i64().unwrap()).collect();
    assert_eq!(ns, vec![8, 6, 4, 2, 0], "ordered by sort key");
    let offices = store
        .docs(&query(
            None,
            vec![("kind", json!("office")), ("active", json!(true))],
            None,
            100,
        ))
        .await
        .unwrap();
    let ns: Vec<i64> = offices
        .iter()
        .map(|d| d.body["n"].as_i64().unwrap())
        .collect();
    assert_eq!(ns, vec![9, 7, 6, 5, 4]);
    let first = store.docs(&query(None, vec![], None, 4)).await.unwrap();
    let last = first.last().unwrap();
    let after = Some((last.sort_key.clone(), last.key.id.clone()));
    let second = store.docs(&query(None, vec![], after, 100)).await.unwrap();
    assert_eq!(first.len() + second.len(), 10);
    let ids: HashSet<String> = first
        .iter()
        .chain(&second)
        .map(|d| d.key.id.clone())
        .collect();
    assert_eq!(ids.len(), 10);
    let bad = store
        .docs(&query(None, vec![("kind'--", json!("x"))], None, 1))
        .await
        .unwrap_err();
    assert!(matches!(bad, StoreError::InvalidRequest(_)));
    assert!(
        store
            .doc(&DocKey::new("bodies", "nope"))
            .await
            .unwrap()
            .is_none()
    );
}

/// Ten concerns `c0`…`c9` in id order: even ones of ZH, odd ones of GE,
/// `c4` and `c7` shared (no tenant). `tags` is an array but for `c9` (a
/// string); `submitted` an ISO timestamp but for `c5` (a number).
async fn concerns(store: &Store) {
    let docs = (0..10)
        .map(|n: usize| {
            let tenant = match n {
                4 | 7 => None,
                n if n % 2 == 0 => Some("ZH".to_owned()),
                _ => Some("GE".to_owned()),
            };
            let tags = match n {
                9 => json!("velo"),
                n if n % 3 == 0 => json!(["velo", "schule"]),
                n if n % 3 == 1 => json!(["velo"]),
                _ => json!([]),
            };
            let submitted = if n == 5 {
                json!(20_240_106)
            } else {
                json!(format!("2024-01-{:02}T08:00:00Z", n + 1))
            };
            Doc::new(
                DocKey::new("concerns", format!("c{n}")),
                tenant,
                format!("2024-01-{:02}", n + 1),
                json!({ "tags": tags, "submitted": submitted, "n": n }),
            )
        })
        .collect();
    put_docs(store, docs).await;
}

fn concerns_query(filters: Vec<DocFilter>) -> DocQuery {
    DocQuery {
        collection: "concerns".to_owned(),
        filters,
        limit: 100,
        ..DocQuery::default()
    }
}

pub async fn documents_are_filtered_by_array_members_and_string_ranges(store: &Store) {
    concerns(store).await;
    let velo = DocFilter::Contains("tags".to_owned(), json!("velo"));
    let schule = DocFilter::Contains("tags".to_owned(), json!("schule"));
    assert_eq!(
        listed(store, &concerns_query(vec![velo.clone()])).await,
        ["c0", "c1", "c3", "c4", "c6", "c7"],
        "a string field is no array, even when it equals the value"
    );
    assert_eq!(
        listed(store, &concerns_query(vec![velo, schule])).await,
        ["c0", "c3", "c6"]
    );
    let n_is_no_array = DocFilter::Contains("n".to_owned(), json!(1));
    assert!(
        listed(store, &concerns_query(vec![n_is_no_array]))
            .await
            .is_empty()
    );
    let range = vec![
        DocFilter::AtLeast("submitted".to_owned(), "2024-01-03".to_owned()),
        DocFilter::Below("submitted".to_owned(), "2024-01-07".to_owned()),
    ];
    assert_eq!(
        listed(store, &concerns_query(range)).await,
        ["c2", "c3", "c4"],
        "a number is no string, whatever its digits"
    );
    let exact = vec![
        DocFilter::AtLeast("submitted".to_owned(), "2024-01-03T08:00:00Z".to_owned()),
        DocFilter::Below("submitted".to_owned(), "2024-01-03T08:00:01Z".to_owned()),
        DocFilter::Eq("n".to_owned(), json!(2)),
    ];
    assert_eq!(listed(store, &concerns_query(exact)).await, ["c2"]);
    let missing = DocFilter::AtLeast("nope".to_owned(), String::new());
    assert!(
        listed(store, &concerns_query(vec![missing]))
            .await
            .is_empty()
    );
    for bad in [
        DocFilter::Contains("tags".to_owned(), json!(["velo"])),
        DocFilter::Contains("tags".to_owned(), json!({ "a": 1 })),
        DocFilter::Below("tags[0]".to_owned(), "x".to_owned()),
        DocFilter::AtLeast("$.n".to_owned(), "x".to_owned()),
    ] {
        let error = store.docs(&concerns_query(vec![bad])).await.unwrap_err();
        assert!(matches!(error, StoreError::InvalidRequest(_)), "{error:?}");
    }
}

/// Every page of a query, following the cursor of each page's last item.
async fn pages(store: &Store, mut query: DocQuery) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    loop {
        let docs = store.docs(&query).await.unwrap();
        let Some(last) = docs.last() else {
            return pages;
        };
        query.after = Some((last.sort_key.clone(), last.key.id.clone()));
        pages.push(ids(&docs).into_iter().map(str::to_owned).collect());
    }
}

pub async fn shared_documents_are_listed_with_a_tenant(store: &Store) {
    concerns(store).await;
    let scoped = |tenant: Option<&str>, include_shared: bool| DocQuery {
        tenant: tenant.map(str::to_owned),
        include_shared,
        ..concerns_query(vec![])
    };
    assert_eq!(
        listed(store, &scoped(Some("ZH"), false)).await,
        ["c0", "c2", "c6", "c8"]
    );
    assert_eq!(
        listed(store, &scoped(Some("ZH"), true)).await,
        ["c0", "c2", "c4", "c6", "c7", "c8"]
    );
    assert_eq!(
        listed(store, &scoped(Some("GE"), true)).await,
        ["c1", "c3", "c4", "c5", "c7", "c9"]
    );
    assert_eq!(listed(store, &scoped(None, true)).await.len(), 10);
    assert_eq!(listed(store, &scoped(Some("BE"), true)).await, ["c4", "c7"]);
    let paged = DocQuery {
        limit: 2,
        ..scoped(Some("ZH"), true)
    };
    assert_eq!(
        pages(store, paged).await,
        [["c0", "c2"], ["c4", "c6"], ["c7", "c8"]]
    );
    let velo = DocQuery {
        filters: vec![DocFilter::Contains("tags".to_owned(), json!("velo"))],
        ..scoped(Some("ZH"), true)
    };
    assert_eq!(listed(store, &velo).await, ["c0", "c4", "c6", "c7"]);
}

pub async fn descending_pages_walk_backwards(store: &Store) {
    concerns(store).await;
    let descending = DocQuery {
        descending: true,
        limit: 3,
        ..concerns_query(vec![])
    };
    assert_eq!(
        pages(store, descending.clone()).await,
        vec![
            vec!["c9", "c8", "c7"],
            vec!["c6", "c5", "c4"],
            vec!["c3", "c2", "c1"],
            vec!["c0"],
        ]
    );
    let shared = DocQuery {
        tenant: Some("ZH".to_owned()),
        include_shared: true,
        limit: 4,
        ..descending.clone()
    };
    assert_eq!(
        pages(store, shared).await,
        vec![vec!["c8", "c7", "c6", "c4"], vec!["c2", "c0"]]
    );
    let filtered = DocQuery {
        filters: vec![DocFilter::Below(
            "submitted".to_owned(),
            "2024-01-05".to_owned(),
        )],
        ..descending
    };
    assert_eq!(
        pages(store, filtered).await,
        vec![vec!["c3", "c2", "c1"], vec!["c0"]]
    );
}

/// A typed read gives the same page as `docs`, each body as the type; a
/// body of another shape is `Corrupt`, not a half-read page.
pub async fn typed_reads_give_the_page_of_docs_as_types(store: &Store) {
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Concern {
        submitted: String,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Other {
        missing: u32,
    }
    concerns(store).await;
    let query = DocQuery {
        descending: true,
        limit: 4,
        tenant: Some("ZH".to_owned()),
        include_shared: true,
        ..concerns_query(vec![])
    };
    let plain = store.docs(&query).await.unwrap();
    let typed = store.typed_docs::<Concern>(&query).await.unwrap();
    assert_eq!(typed.len(), 4);
    for (doc, typed) in plain.iter().zip(&typed) {
        assert_eq!(typed.key, doc.key);
        assert_eq!(typed.tenant, doc.tenant);
        assert_eq!(typed.sort_key, doc.sort_key);
        assert_eq!(
            typed.body,
            Concern {
                submitted: doc.body["submitted"].as_str().unwrap().to_owned()
            }
        );
    }
    assert!(matches!(
        store.typed_docs::<Other>(&query).await,
        Err(StoreError::Corrupt(_))
    ));
}
