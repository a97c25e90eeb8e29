//! Inline projections and projection checkpoints.

use iiz_store::{
    Checkpoint, DocKey, DocWrite, EventStore, ExpectedVersion, LogCursor, Store, StoreError,
};
use serde_json::json;

use crate::support::{CountingProjector, event, outbox_with, request, stream};

pub async fn inline_projections_commit_with_the_append(store: &Store) {
    for (tenant, id, n) in [("ZH", "i1", 3), ("ZH", "i2", 2), ("GE", "i3", 1)] {
        let s = stream(tenant, id);
        let events = (0..n).map(|k| event("Added", k)).collect();
        store
            .append(
                request(&s, ExpectedVersion::NoStream, events),
                &CountingProjector,
            )
            .await
            .unwrap();
    }
    let count = |id: &'static str| async move {
        store
            .doc(&DocKey::new("counts", id))
            .await
            .unwrap()
            .unwrap()
            .body["count"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(count("i1").await, 3);
    assert_eq!(count("i2").await, 2);
    let zh = store
        .doc(&DocKey::new("tenant_totals", "ZH"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(zh.body["count"], 5);
    assert_eq!(zh.tenant.as_deref(), Some("ZH"));
}

pub async fn a_failing_inline_projection_writes_nothing(store: &Store) {
    let s = stream("LU", "j");
    store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![event("Added", 1)]),
            &CountingProjector,
        )
        .await
        .unwrap();
    let error = store
        .append(
            request(
                &s,
                ExpectedVersion::Exact(1),
                vec![event("Added", 2), event("Poison", 3)],
            ),
            &CountingProjector,
        )
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::Projection(_)), "{error:?}");
    assert_eq!(store.read_stream(&s, 0).await.unwrap().len(), 1);
    assert_eq!(outbox_with(store, 1).await.len(), 1);
    let counts = store
        .doc(&DocKey::new("counts", "j"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(counts.body["count"], 1);
    // The stream is still usable at the version it had.
    store
        .append(
            request(&s, ExpectedVersion::Exact(1), vec![event("Added", 2)]),
            &CountingProjector,
        )
        .await
        .unwrap();
}

pub async fn projection_commits_move_the_checkpoint(store: &Store) {
    assert_eq!(store.checkpoint("p").await.unwrap(), None);
    let doc = |id: &str| iiz_store::Doc {
        key: DocKey::new("things", id),
        tenant: None,
        sort_key: id.to_owned(),
        body: json!({}),
        search: None,
    };
    let first = Checkpoint {
        cursor: LogCursor { tx: 0, position: 5 },
        version: 3,
    };
    store
        .commit_projection(
            vec![DocWrite::Put(doc("a")), DocWrite::Put(doc("b"))],
            &[("p", first)],
        )
        .await
        .unwrap();
    assert_eq!(store.checkpoint("p").await.unwrap(), Some(first));
    let second = Checkpoint {
        cursor: LogCursor { tx: 0, position: 9 },
        version: 3,
    };
    store
        .commit_projection(
            vec![DocWrite::Delete(DocKey::new("things", "a"))],
            &[("p", second)],
        )
        .await
        .unwrap();
    assert_eq!(store.checkpoint("p").await.unwrap(), Some(second));
    assert!(
        store
            .doc(&DocKey::new("things", "a"))
            .await
            .unwrap()
            .is_none()
    );
}
