//! Generations of the read models: the rebuild's lock, the next generation
//! beside the live one, and the switch that catches up and swaps them.

use std::time::Duration;

use iiz_store::{
    Doc, DocKey, DocQuery, DocWrite, EventStore, ExpectedVersion, LogCursor, ProjectionError,
    SearchLanguage, SearchText, Store,
};
use serde_json::json;
use sqlx::Row;

use crate::support::{CountingProjector, event, read_everything, request, stream};

/// What a generation's schema is made of, quotes left out (SQLite quotes
/// a renamed table's name in its statement).
async fn read_model_schema(store: &Store) -> Vec<String> {
    let rows: Vec<String> = match store {
        Store::Postgres(store) => {
            let columns = sqlx::query(
                "SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' ' \
                        || coalesce(generation_expression, '') AS line \
                 FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name LIKE 'read_models%' \
                 ORDER BY table_name, ordinal_position",
            )
            .fetch_all(store.pool())
            .await
            .unwrap();
            let indexes = sqlx::query(
                "SELECT tablename || ' ' || indexdef AS line FROM pg_indexes \
                 WHERE schemaname = current_schema() AND tablename LIKE 'read_models%' \
                 UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint \
                 WHERE conrelid IN (SELECT oid FROM pg_class WHERE relname LIKE 'read_models%') \
                 ORDER BY 1",
            )
            .fetch_all(store.pool())
            .await
            .unwrap();
            columns
                .iter()
                .chain(&indexes)
                .map(|row| row.get("line"))
                .collect()
        }
        Store::Sqlite(store) => sqlx::query(
            "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce(sql, '') AS line \
             FROM sqlite_schema WHERE name LIKE 'read_models%' OR tbl_name LIKE 'read_models%' \
             ORDER BY name",
        )
        .fetch_all(store.writer())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get("line"))
        .collect(),
    };
    rows.into_iter()
        .map(|line: String| line.replace(['"', '\''], ""))
        .collect()
}

fn counted(id: &str, count: usize) -> Doc {
    Doc::new(
        DocKey::new("counts", id),
        Some("ZH".to_owned()),
        id,
        json!({ "count": count }),
    )
    .with_search(SearchText::new(SearchLanguage::De, "Bahnhof Winterthur"))
}

async fn count_of(store: &Store, id: &str) -> Option<i64> {
    store
        .doc(&DocKey::new("counts", id))
        .await
        .unwrap()
        .map(|doc| doc.body["count"].as_i64().unwrap())
}

async fn found(store: &Store, text: &str) -> Vec<String> {
    let query = DocQuery {
        collection: "counts".to_owned(),
        text: Some(text.to_owned()),
        limit: 10,
        ..DocQuery::default()
    };
    store
        .docs(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|doc| doc.key.id)
        .collect()
}

async fn append_counted(store: &Store, id: &str, events: i64) {
    store
        .append(
            request(
                &stream("ZH", id),
                ExpectedVersion::Any,
                (0..events).map(|n| event("Counted", n)).collect(),
            ),
            &CountingProjector,
        )
        .await
        .unwrap();
}

pub async fn one_rebuild_lock_is_held_at_a_time(store: &Store) {
    let first = store.try_lock_rebuild().await.unwrap().expect("free");
    assert!(store.try_lock_rebuild().await.unwrap().is_none());
    let waiter = {
        let store = store.clone();
        tokio::spawn(async move { store.lock_rebuild().await.unwrap() })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        !waiter.is_finished(),
        "a second holder while the first holds"
    );
    first.release().await;
    let second = tokio::time::timeout(Duration::from_secs(10), waiter)
        .await
        .expect("the waiter gets the lock once it is released")
        .unwrap();
    assert!(store.try_lock_rebuild().await.unwrap().is_none());
    second.release().await;
    let third = store.try_lock_rebuild().await.unwrap();
    assert!(third.is_some(), "free again");
}

pub async fn a_switch_makes_the_next_generation_live(store: &Store) {
    append_counted(store, "a", 3).await;
    store
        .commit_projection(
            vec![DocWrite::Put(Doc::new(
                DocKey::new("retired", "x"),
                None,
                "x",
                json!({}),
            ))],
            &[],
        )
        .await
        .unwrap();
    let live_schema = read_model_schema(store).await;
    let rebuilt_through = read_everything(store).await.last().unwrap().cursor;

    let lock = store.lock_rebuild().await.unwrap();
    store.create_next_read_models(&lock).await.unwrap();
    store
        .write_next_read_models(&lock, vec![DocWrite::Put(counted("a", 3))])
        .await
        .unwrap();
    store.index_next_read_models(&lock).await.unwrap();
    // The live generation serves meanwhile, and appends project into it.
    append_counted(store, "a", 2).await;
    assert_eq!(count_of(store, "a").await, Some(5));
    assert!(found(store, "winterthur").await.is_empty());
    let appended: Vec<_> = read_everything(store)
        .await
        .into_iter()
        .filter(|event| event.cursor > rebuilt_through)
        .map(|event| event.event_id)
        .collect();
    assert_eq!(appended.len(), 2);

    let mut handed = Vec::new();
    let switched = store
        .switch_read_models(
            &lock,
            rebuilt_through,
            &mut |events| {
                handed.extend(events.iter().map(|event| event.event_id));
                Ok(vec![DocWrite::Put(counted("a", 3 + events.len()))])
            },
            &[("counting", 7)],
        )
        .await
        .unwrap();
    lock.release().await;

    assert_eq!(handed, appended, "the events appended during the rebuild");
    assert_eq!(switched.events, 2);
    let checkpoint = store.checkpoint("counting").await.unwrap().unwrap();
    assert_eq!(checkpoint.version, 7);
    assert_eq!(checkpoint.cursor, switched.through);
    assert_eq!(count_of(store, "a").await, Some(5));
    assert!(
        store
            .doc(&DocKey::new("retired", "x"))
            .await
            .unwrap()
            .is_none(),
        "the old generation is gone"
    );
    assert_eq!(found(store, "winterthur").await, ["a"]);
    assert_eq!(
        read_model_schema(store).await,
        live_schema,
        "the live generation has the migrated schema and names"
    );
    // Appends after the switch project into the new generation.
    append_counted(store, "a", 1).await;
    assert_eq!(count_of(store, "a").await, Some(6));
}

pub async fn a_failed_switch_leaves_the_live_generation(store: &Store) {
    append_counted(store, "a", 2).await;
    let lock = store.lock_rebuild().await.unwrap();
    store.create_next_read_models(&lock).await.unwrap();
    store
        .write_next_read_models(&lock, vec![DocWrite::Put(counted("a", 99))])
        .await
        .unwrap();
    let refused = store
        .switch_read_models(
            &lock,
            LogCursor::START,
            &mut |_| Err(ProjectionError::Undeclared(DocKey::new("counts", "b"))),
            &[("counting", 8)],
        )
        .await;
    assert!(refused.is_err());
    assert_eq!(count_of(store, "a").await, Some(2));
    assert_eq!(store.checkpoint("counting").await.unwrap(), None);
    // A new attempt starts from an empty next generation.
    store.create_next_read_models(&lock).await.unwrap();
    let head = store.head().await.unwrap();
    store
        .switch_read_models(&lock, head, &mut |_| Ok(Vec::new()), &[])
        .await
        .unwrap();
    lock.release().await;
    assert_eq!(count_of(store, "a").await, None, "the empty generation");
    append_counted(store, "a", 1).await;
    assert_eq!(count_of(store, "a").await, Some(1));
}

/// On SQLite a second process (`iiz replay` beside `iiz serve`) opens the
/// file on its own: the lock holds across the two openings.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sqlite_rebuild_lock_holds_across_processes() {
    let db = crate::support::sqlite().await;
    let other = Store::connect(&db.url, 2, crate::support::upcaster())
        .await
        .unwrap();
    let held = db.store.try_lock_rebuild().await.unwrap().expect("free");
    assert!(other.try_lock_rebuild().await.unwrap().is_none());
    held.release().await;
    let taken = other.try_lock_rebuild().await.unwrap();
    assert!(taken.is_some(), "free once released");
    assert!(db.store.try_lock_rebuild().await.unwrap().is_none());
}
