//! Log marks: whether anything was committed since a mark, by stream type,
//! also when transactions commit out of position order.

use iiz_store::{EventStore, ExpectedVersion, NoProjection, Store};

use crate::support::{event, request, stream};

pub async fn a_mark_tells_what_was_committed_since(store: &Store) {
    let mark = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&mark, &[]).await.unwrap());
    let appended = request(
        &stream("ZH", "a"),
        ExpectedVersion::Any,
        vec![event("Added", 1)],
    );
    store.append(appended, &NoProjection).await.unwrap();
    assert!(store.committed_since(&mark, &[]).await.unwrap());
    assert!(store.committed_since(&mark, &["counter"]).await.unwrap());
    assert!(
        store
            .committed_since(&mark, &["other", "counter"])
            .await
            .unwrap()
    );
    assert!(!store.committed_since(&mark, &["other"]).await.unwrap());
    let appended = request(
        &stream("ZH", "b"),
        ExpectedVersion::Any,
        vec![event("Added", 2), event("Added", 3)],
    );
    store.append(appended, &NoProjection).await.unwrap();
    let mut changed = store.streams_changed_since(&mark, "counter").await.unwrap();
    changed.sort();
    assert_eq!(changed, ["a", "b"]);
    assert!(
        store
            .streams_changed_since(&mark, "other")
            .await
            .unwrap()
            .is_empty()
    );
    let later = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&later, &[]).await.unwrap());
    assert!(!store.committed_since(&later, &["counter"]).await.unwrap());
    assert!(
        store
            .streams_changed_since(&later, "counter")
            .await
            .unwrap()
            .is_empty()
    );
}

/// A transaction that got its position first but commits last must still
/// count as committed after a mark taken while it was open, although a later
/// position committed before the mark. Only PostgreSQL runs writers side by
/// side; SQLite has one writer, so there position order is commit order.
pub async fn a_late_commit_counts_after_the_mark(store: &Store) {
    let Store::Postgres(postgres) = store else {
        return;
    };
    // The early writer: its row gets a position, its commit waits.
    let mut early = postgres.pool().begin().await.unwrap();
    sqlx::query(
        "INSERT INTO events (event_id, tenant_id, stream_type, stream_id, stream_version, \
         event_type, schema_version, payload, actor, correlation_id) \
         VALUES ($1, 'ZH', 'counter', 'early', 1, 'Added', 1, '{}', 'person:test', $2)",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(uuid::Uuid::now_v7())
    .execute(&mut *early)
    .await
    .unwrap();
    let later = request(
        &stream("ZH", "later"),
        ExpectedVersion::Any,
        vec![event("Added", 2)],
    );
    store.append(later, &NoProjection).await.unwrap();
    let mark = store.log_mark().await.unwrap();
    assert!(!store.committed_since(&mark, &[]).await.unwrap());
    early.commit().await.unwrap();
    assert!(store.committed_since(&mark, &["counter"]).await.unwrap());
    assert_eq!(
        store.streams_changed_since(&mark, "counter").await.unwrap(),
        ["early"],
        "the late commit, not the one the mark saw"
    );
    assert!(!store.committed_since(&mark, &["other"]).await.unwrap());
}
