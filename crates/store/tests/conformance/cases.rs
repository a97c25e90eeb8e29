//! The behaviour both backends must show.

use std::collections::HashSet;
use std::time::Duration;

use iiz_store::{
    Checkpoint, DocKey, DocQuery, DocWrite, EventMetadata, EventStore, ExpectedVersion, LogCursor,
    NewEvent, NoProjection, Store, StoreError, Subscription,
};
use serde_json::json;

use crate::support::{CountingProjector, event, outbox_with, read_everything, request, stream};

pub async fn appended_events_are_read_back_with_their_envelope(store: &Store) {
    let zh = stream("ZH", "a");
    let mut req = request(
        &zh,
        ExpectedVersion::NoStream,
        vec![event("Added", 1), event("Added", 2)],
    );
    req.metadata.causation_id = Some(uuid::Uuid::now_v7());
    let outcome = store.append(req.clone(), &NoProjection).await.unwrap();
    assert_eq!(outcome.stream_version, 2);
    assert!(!outcome.deduplicated);
    let read = store.read_stream(&zh, 0).await.unwrap();
    assert_eq!(read.len(), 2);
    for (index, (written, stored)) in outcome.events.iter().zip(&read).enumerate() {
        assert_eq!(stored.event_id, req.events[index].event_id);
        assert_eq!(stored.stream, zh);
        assert_eq!(stored.stream_version, index as u64 + 1);
        assert_eq!(stored.event_type, "Added");
        assert_eq!(stored.schema_version, 1);
        assert_eq!(stored.payload, json!({ "n": index as i64 + 1 }));
        assert_eq!(stored.metadata, req.metadata);
        assert_eq!(stored.position, written.position);
        assert_eq!(stored.cursor, written.cursor);
        assert_eq!(
            stored.recorded_at.timestamp_micros(),
            written.recorded_at.timestamp_micros()
        );
    }
    assert!(read[0].position < read[1].position);
    assert_eq!(
        read[0].event_id.get_version_num(),
        7,
        "event ids are UUIDv7"
    );
    let tail = store.read_stream(&zh, 1).await.unwrap();
    assert_eq!(tail.len(), 1);
    assert_eq!(tail[0].stream_version, 2);
    assert!(
        store
            .read_stream(&stream("ZH", "missing"), 0)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn a_stale_expected_version_conflicts_and_writes_nothing(store: &Store) {
    let s = stream("GE", "b");
    store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![event("Added", 1)]),
            &NoProjection,
        )
        .await
        .unwrap();
    store
        .append(
            request(&s, ExpectedVersion::Exact(1), vec![event("Added", 2)]),
            &NoProjection,
        )
        .await
        .unwrap();
    let error = store
        .append(
            request(
                &s,
                ExpectedVersion::Exact(1),
                vec![event("Added", 3), event("Added", 4)],
            ),
            &NoProjection,
        )
        .await
        .unwrap_err();
    match error {
        StoreError::Conflict {
            actual, expected, ..
        } => {
            assert_eq!(actual, 2);
            assert_eq!(expected, ExpectedVersion::Exact(1));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(error_is_retryable(store, &s).await);
    assert_eq!(store.read_stream(&s, 0).await.unwrap().len(), 2);
    assert_eq!(read_everything(store).await.len(), 2);
    assert_eq!(outbox_with(store, 2).await.len(), 2);
}

async fn error_is_retryable(store: &Store, s: &iiz_store::StreamRef) -> bool {
    store
        .append(
            request(s, ExpectedVersion::NoStream, vec![event("Added", 0)]),
            &NoProjection,
        )
        .await
        .unwrap_err()
        .is_retryable()
}

pub async fn expected_versions_never_leave_gaps(store: &Store) {
    let s = stream("BE", "c");
    let error = store
        .append(
            request(&s, ExpectedVersion::Exact(3), vec![event("Added", 1)]),
            &NoProjection,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(error, StoreError::Conflict { actual: 0, .. }),
        "{error:?}"
    );
    store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![event("Added", 1)]),
            &NoProjection,
        )
        .await
        .unwrap();
    let error = store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![event("Added", 2)]),
            &NoProjection,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(error, StoreError::Conflict { actual: 1, .. }),
        "{error:?}"
    );
    let versions: Vec<u64> = store
        .read_stream(&s, 0)
        .await
        .unwrap()
        .iter()
        .map(|e| e.stream_version)
        .collect();
    assert_eq!(versions, vec![1]);
}

pub async fn any_version_appends_at_the_end(store: &Store) {
    let s = stream("TI", "d");
    for n in 0..3 {
        let outcome = store
            .append(
                request(&s, ExpectedVersion::Any, vec![event("Added", n)]),
                &NoProjection,
            )
            .await
            .unwrap();
        assert_eq!(outcome.stream_version, n as u64 + 1);
    }
}

pub async fn an_empty_append_is_refused(store: &Store) {
    let s = stream("VD", "e");
    let error = store
        .append(request(&s, ExpectedVersion::Any, vec![]), &NoProjection)
        .await
        .unwrap_err();
    assert!(matches!(error, StoreError::InvalidRequest(_)), "{error:?}");
    assert!(
        store
            .read_all(LogCursor::START, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn a_repeated_idempotency_key_returns_the_original_outcome(store: &Store) {
    let s = stream("ZH", "f");
    let mut first = request(
        &s,
        ExpectedVersion::NoStream,
        vec![event("Added", 1), event("Added", 2)],
    );
    first.metadata = EventMetadata::new("person:a").with_idempotency_key("submit-42");
    let original = store
        .append(first.clone(), &CountingProjector)
        .await
        .unwrap();
    // The retry carries new event ids and a now stale expected version: the
    // key alone decides.
    let mut retry = request(
        &s,
        ExpectedVersion::NoStream,
        vec![event("Added", 1), event("Added", 2)],
    );
    retry.metadata = first.metadata.clone();
    let repeated = store.append(retry, &CountingProjector).await.unwrap();
    assert!(repeated.deduplicated);
    assert_eq!(repeated.stream_version, original.stream_version);
    let ids = |outcome: &iiz_store::AppendOutcome| {
        outcome
            .events
            .iter()
            .map(|e| e.event_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&repeated), ids(&original));
    assert_eq!(read_everything(store).await.len(), 2);
    let counts = store
        .doc(&DocKey::new("counts", "f"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(counts.body["count"], 2, "the projection ran once");
    let found = store
        .idempotent_outcome("ZH", "submit-42")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ids(&found), ids(&original));
    assert!(
        store
            .idempotent_outcome("ZH", "never-used")
            .await
            .unwrap()
            .is_none()
    );
    // The same key in another tenant is another key.
    let mut other = request(
        &stream("GE", "f2"),
        ExpectedVersion::NoStream,
        vec![event("Added", 1)],
    );
    other.metadata = EventMetadata::new("person:b").with_idempotency_key("submit-42");
    assert!(
        !store
            .append(other, &NoProjection)
            .await
            .unwrap()
            .deduplicated
    );
}

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
    assert!(store.outbox_pending(10).await.unwrap().is_empty());
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

pub async fn documents_are_listed_by_tenant_field_and_page(store: &Store) {
    let docs: Vec<DocWrite> = (0..10)
        .map(|n| {
            DocWrite::Put(iiz_store::Doc {
                key: DocKey::new("bodies", format!("b{n:02}")),
                tenant: Some(if n % 2 == 0 { "ZH" } else { "GE" }.to_owned()),
                sort_key: format!("name {}", 9 - n),
                body: json!({ "kind": if n < 4 { "steering" } else { "office" }, "active": n != 8, "n": n }),
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
            .map(|(f, v)| (f.to_owned(), v))
            .collect(),
        after,
        limit,
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

pub async fn projection_commits_and_resets_move_the_checkpoint(store: &Store) {
    assert_eq!(store.checkpoint("p").await.unwrap(), None);
    let doc = |id: &str| iiz_store::Doc {
        key: DocKey::new("things", id),
        tenant: None,
        sort_key: id.to_owned(),
        body: json!({}),
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
    store.reset_projection("p", &["things"]).await.unwrap();
    assert_eq!(store.checkpoint("p").await.unwrap(), None);
    assert!(
        store
            .doc(&DocKey::new("things", "b"))
            .await
            .unwrap()
            .is_none()
    );
}

pub async fn concurrent_writers_to_one_stream_never_both_win(store: &Store) {
    let s = stream("AG", "k");
    store
        .append(
            request(&s, ExpectedVersion::NoStream, vec![event("Added", 0)]),
            &CountingProjector,
        )
        .await
        .unwrap();
    for round in 1..=5u64 {
        let attempts = (0..6).map(|n| {
            let store = store.clone();
            let s = s.clone();
            tokio::spawn(async move {
                store
                    .append(
                        request(&s, ExpectedVersion::Exact(round), vec![event("Added", n)]),
                        &CountingProjector,
                    )
                    .await
            })
        });
        let results = futures::future::join_all(attempts).await;
        let wins = results
            .iter()
            .filter(|r| r.as_ref().unwrap().is_ok())
            .count();
        assert_eq!(wins, 1, "round {round}");
        for result in results {
            if let Err(error) = result.unwrap() {
                assert!(error.is_retryable(), "{error:?}");
            }
        }
    }
    let versions: Vec<u64> = store
        .read_stream(&s, 0)
        .await
        .unwrap()
        .iter()
        .map(|e| e.stream_version)
        .collect();
    assert_eq!(versions, vec![1, 2, 3, 4, 5, 6]);
    let counts = store
        .doc(&DocKey::new("counts", "k"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(counts.body["count"], 6);
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
