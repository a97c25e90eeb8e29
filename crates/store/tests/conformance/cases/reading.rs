//! Reading the log: pages, the outbox, upcasting, subscriptions.

use std::time::Duration;

use iiz_store::{
    EventStore, ExpectedVersion, LogCursor, NewEvent, NoProjection, Store, Subscription,
};
use serde_json::json;

use crate::support::{CountingProjector, event, outbox_with, read_everything, request, stream};

pub async fn read_all_pages_through_the_log_in_order(store: &Store) {
    for n in 0..25 {
        let s = stream("ZH", &format!("g{}", n % 5));
        store
            .append(
                request(&s, ExpectedVersion::Any, vec![event("Added", n)]),
                &NoProjection,
            )
            .await
            .unwrap();
    }
    let head = store.head().await.unwrap();
    let mut cursor = LogCursor::START;
    let mut seen = Vec::new();
    while cursor < head {
        let page = store.read_all(cursor, 7).await.unwrap();
        if page.is_empty() {
            // Older transactions elsewhere on the server still hold the horizon.
            tokio::time::sleep(Duration::from_millis(5)).await;
            continue;
        }
        assert!(page.len() <= 7);
        cursor = page.last().unwrap().cursor;
        seen.extend(page);
    }
    let numbers: Vec<i64> = seen
        .iter()
        .map(|e| e.payload["n"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, (0..25).collect::<Vec<_>>());
    assert!(seen.windows(2).all(|pair| pair[0].cursor < pair[1].cursor));
}

pub async fn every_event_waits_in_the_outbox_until_published(store: &Store) {
    let s = stream("SO", "h");
    store
        .append(
            request(
                &s,
                ExpectedVersion::NoStream,
                vec![event("Added", 1), event("Added", 2)],
            ),
            &NoProjection,
        )
        .await
        .unwrap();
    store
        .append(
            request(&s, ExpectedVersion::Exact(2), vec![event("Added", 3)]),
            &CountingProjector,
        )
        .await
        .unwrap();
    let pending = outbox_with(store, 3).await;
    let numbers: Vec<i64> = pending
        .iter()
        .map(|event| event.payload["n"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    store
        .outbox_mark_published(pending[1].cursor)
        .await
        .unwrap();
    let rest = outbox_with(store, 1).await;
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].payload["n"], 3);
    // A stale acknowledgement never moves the relay backwards.
    store
        .outbox_mark_published(pending[0].cursor)
        .await
        .unwrap();
    assert_eq!(outbox_with(store, 1).await.len(), 1);
    store.outbox_mark_published(rest[0].cursor).await.unwrap();
    let through = store.outbox_published_through().await.unwrap();
    assert_eq!(through, rest[0].cursor);
    assert!(store.read_all(through, 10).await.unwrap().is_empty());
}

pub async fn v1_payloads_are_read_back_as_the_current_version(store: &Store) {
    let s = iiz_store::StreamRef::new("ZH", "note", "n1");
    let v1 = NewEvent::new("Written", 1, json!({ "text": "Schnittstelle IV/RAV" }));
    store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![v1]),
            &NoProjection,
        )
        .await
        .unwrap();
    let v2 = NewEvent::new("Written", 2, json!({ "title": "Neu", "body": "b" }));
    store
        .append(
            request(&s, ExpectedVersion::Exact(1), vec![v2]),
            &NoProjection,
        )
        .await
        .unwrap();
    let read = store.read_stream(&s, 0).await.unwrap();
    assert_eq!(read[0].schema_version, 2);
    assert_eq!(
        read[0].payload,
        json!({ "title": "Schnittstelle IV/RAV", "body": "" })
    );
    assert_eq!(read[1].schema_version, 2);
    assert_eq!(read[1].payload, json!({ "title": "Neu", "body": "b" }));
    let all = read_everything(store).await;
    assert_eq!(all[0].payload, read[0].payload, "the log is upcast too");
}

pub async fn a_subscription_sees_appends_as_they_commit(store: &Store) {
    let mut subscription = Subscription::new(store.clone(), LogCursor::START)
        .with_poll_interval(Duration::from_secs(30));
    let s = stream("ZG", "l");
    let writer = {
        let store = store.clone();
        let s = s.clone();
        tokio::spawn(async move {
            for n in 0..3 {
                tokio::time::sleep(Duration::from_millis(20)).await;
                store
                    .append(
                        request(&s, ExpectedVersion::Any, vec![event("Added", n)]),
                        &NoProjection,
                    )
                    .await
                    .unwrap();
            }
        })
    };
    let mut seen = Vec::new();
    // The poll interval is far longer than the test: only the notification
    // can wake the reader in time (PostgreSQL may need one more round when
    // another transaction was open, which the timeout leaves room for).
    while seen.len() < 3 {
        let next = tokio::time::timeout(Duration::from_secs(10), subscription.next()).await;
        seen.push(
            next.expect("woken by the append").unwrap().payload["n"]
                .as_i64()
                .unwrap(),
        );
    }
    writer.await.unwrap();
    assert_eq!(seen, vec![0, 1, 2]);
    assert_eq!(
        subscription.cursor(),
        read_everything(store).await[2].cursor
    );
}
