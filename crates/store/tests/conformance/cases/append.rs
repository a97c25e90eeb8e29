//! Appending: expected versions, idempotency, concurrent writers.

use iiz_store::{
    DocKey, EventMetadata, EventStore, ExpectedVersion, LogCursor, NoProjection, Store, StoreError,
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
