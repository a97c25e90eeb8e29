//! The relay publishes every event of the log to JetStream exactly once:
//! in log order, after a restart from a rewound checkpoint, across a NATS
//! outage, and with the lead moving between instances.
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a broken setup must fail the test loudly"
)]

mod support;

use std::time::{Duration, Instant};

use async_nats::jetstream::context::PublishErrorKind;
use async_nats::jetstream::message::PublishMessage;
use iiz_app::App;
use iiz_app::outbound::{BusState, LiveSignal};
use iiz_notifier::bus::Bus;
use iiz_notifier::relay;
use iiz_notifier::testing::{
    NatsServer, machine_nats_available, machine_nats_url, nats_server_installed,
};
use iiz_store::testing::{TestDatabase, services_required};
use iiz_store::{Checkpoint, EventStore, LogCursor, OUTBOX_CHECKPOINT, Store};
use support::{
    Running, append_events, assert_stored_once_in_order, delete_stream, eventually,
    isolated_settings, published_ids, relay_caught_up, sample_event, stream_ids,
};

fn start_relay(app: &App, bus: &Bus) -> Running {
    let (app, bus) = (app.clone(), bus.clone());
    Running::spawn(move |shutdown| relay::run(app, bus, shutdown))
}

async fn publishes_each_event_once(database: TestDatabase) {
    if !machine_nats_available() {
        return;
    }
    let url = machine_nats_url();
    let settings = isolated_settings(&url);
    let app = App::new(database.store.clone());
    let bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    assert_eq!(app.relay_status().bus(), BusState::Connected);
    append_events(app.store(), 120).await;
    let lag = app.store().log_lag(LogCursor::START).await.expect("lag");
    assert_eq!(lag.events, 120);
    assert!(lag.oldest.is_some());

    let relay = start_relay(&app, &bus);
    eventually(Duration::from_secs(10), "the relay caught up", || {
        relay_caught_up(app.store())
    })
    .await;
    let expected = published_ids(app.store()).await;
    assert_eq!(
        expected.len(),
        75,
        "people's records and internal comments stay inside"
    );
    assert_stored_once_in_order(&stream_ids(&url, &settings).await, &expected);
    assert!(app.relay_status().leading());
    assert_eq!(app.relay_status().published(), 75);
    eventually(
        Duration::from_secs(3),
        "the lag is measured as none",
        || async { app.relay_status().lag_events() == 0 },
    )
    .await;
    relay.stop().await;
    assert!(!app.relay_status().leading());

    // A crash between publishing and checkpointing: the checkpoint is
    // behind what the stream holds, and the relay publishes it all again.
    let rewound = Checkpoint {
        cursor: LogCursor::START,
        version: 1,
    };
    app.store()
        .commit_projection(Vec::new(), &[(OUTBOX_CHECKPOINT, rewound)])
        .await
        .expect("rewind the checkpoint");
    append_events(app.store(), 40).await;
    let relay = start_relay(&app, &bus);
    eventually(Duration::from_secs(10), "the relay caught up again", || {
        relay_caught_up(app.store())
    })
    .await;
    relay.stop().await;
    let expected = published_ids(app.store()).await;
    assert_eq!(expected.len(), 100);
    // The duplicate window dropped what was published twice.
    assert_stored_once_in_order(&stream_ids(&url, &settings).await, &expected);
    delete_stream(&url, &settings).await;
}

#[tokio::test]
async fn publishes_each_event_once_on_sqlite() {
    publishes_each_event_once(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn publishes_each_event_once_on_postgres() {
    let Some(database) = TestDatabase::postgres_with(iiz_app::upcasters()).await else {
        return;
    };
    publishes_each_event_once(database).await;
}

#[tokio::test]
async fn in_process_the_relay_tells_live_subscribers() {
    let database = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(database.store.clone());
    let bus = Bus::connect(&app, None).await.expect("in process");
    assert_eq!(app.relay_status().bus(), BusState::InProcess);
    let mut live = app.live().subscribe();
    append_events(app.store(), 40).await;
    let relay = start_relay(&app, &bus);
    let mut signals = Vec::new();
    while signals.len() < 25 {
        let signal = tokio::time::timeout(Duration::from_secs(5), live.recv())
            .await
            .expect("a signal")
            .expect("not lagging");
        signals.push(signal);
    }
    eventually(Duration::from_secs(5), "the relay caught up", || {
        relay_caught_up(app.store())
    })
    .await;
    relay.stop().await;
    assert!(
        live.try_recv().is_err(),
        "withheld events are not announced"
    );
    assert!(signals.iter().all(|signal| matches!(
        signal,
        LiveSignal::Event { tenant, stream_type, .. } if tenant == "be" && stream_type != "person"
    )));
    assert_eq!(app.relay_status().bus(), BusState::InProcess);
}

#[tokio::test]
async fn catches_up_after_nats_was_down_at_start_and_in_between() {
    if !nats_server_installed() {
        return;
    }
    let mut server = NatsServer::new();
    let settings = isolated_settings(&server.url());
    let database = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(database.store.clone());

    // NATS is down when the instance starts: it serves anyway.
    let started = Instant::now();
    let bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(app.relay_status().bus(), BusState::Unreachable);
    let relay = start_relay(&app, &bus);
    append_events(app.store(), 20).await;
    server.start();
    eventually(Duration::from_secs(20), "the relay published", || {
        relay_caught_up(app.store())
    })
    .await;
    assert_eq!(app.relay_status().bus(), BusState::Connected);

    // NATS dies; what is appended meanwhile waits in the log.
    server.kill();
    append_events(app.store(), 20).await;
    eventually(
        Duration::from_secs(10),
        "the relay reports NATS unreachable",
        || async { app.relay_status().bus() == BusState::Unreachable },
    )
    .await;
    eventually(Duration::from_secs(10), "the lag is reported", || async {
        app.relay_status().lag_events() > 0
    })
    .await;
    assert!(!relay_caught_up(app.store()).await);

    server.start();
    eventually(Duration::from_secs(30), "the relay caught up", || {
        relay_caught_up(app.store())
    })
    .await;
    relay.stop().await;
    assert_eq!(app.relay_status().bus(), BusState::Connected);
    let expected = published_ids(app.store()).await;
    assert_eq!(expected.len(), 40);
    assert_stored_once_in_order(&stream_ids(&server.url(), &settings).await, &expected);
}

#[tokio::test]
async fn the_stream_stores_an_event_only_after_its_predecessor() {
    if !machine_nats_available() {
        return;
    }
    let url = machine_nats_url();
    let settings = isolated_settings(&url);
    let database = TestDatabase::sqlite().await;
    let app = App::new(database.store.clone());
    let bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    let events: Vec<_> = (0..4).map(|number| sample_event("be", number)).collect();
    bus.publish(&events[..3]).await.expect("publish");
    // Republished, the chained events are dropped as duplicates.
    bus.publish(&events).await.expect("publish again");
    let ids: Vec<_> = events.iter().map(|event| event.id).collect();
    assert_stored_once_in_order(&stream_ids(&url, &settings).await, &ids);

    // An event whose predecessor was lost in flight is refused...
    let (lost, next) = (sample_event("be", 4), sample_event("be", 5));
    let Bus::JetStream(jetstream) = &bus else {
        panic!("a JetStream bus");
    };
    let refused = jetstream
        .jetstream()
        .send_publish(
            next.subject(&settings.prefix),
            PublishMessage::build()
                .payload(next.to_json().expect("json").into())
                .message_id(next.id.to_string())
                .expected_last_message_id(lost.id.to_string()),
        )
        .await
        .expect("sent")
        .await
        .expect_err("refused");
    assert_eq!(refused.kind(), PublishErrorKind::WrongLastMessageId);
    // ... and the retried batch stores both in order.
    bus.publish(&[lost.clone(), next.clone()])
        .await
        .expect("publish");
    let ids: Vec<_> = events
        .iter()
        .chain([&lost, &next])
        .map(|event| event.id)
        .collect();
    assert_stored_once_in_order(&stream_ids(&url, &settings).await, &ids);
    delete_stream(&url, &settings).await;
}

/// Terminates the database session that holds the relay's lead, as a
/// network failure or a dead instance would; `false` when `psql` is missing.
fn terminate_lead_session(database_url: &str) -> bool {
    let sql = "SELECT pg_terminate_backend(pid) FROM pg_locks \
               WHERE locktype = 'advisory' \
                 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    match std::process::Command::new("psql")
        .args([database_url, "-qtA", "-c", sql])
        .output()
    {
        Ok(output) => {
            assert!(output.status.success(), "psql: {output:?}");
            true
        }
        Err(error) => {
            assert!(!services_required(), "psql is required: {error}");
            eprintln!("skipping the lease loss: no psql ({error})");
            false
        }
    }
}

async fn instance(database_url: &str) -> App {
    let store = Store::connect(database_url, 4, iiz_app::upcasters())
        .await
        .expect("connect a second instance");
    App::new(store)
}

#[tokio::test]
async fn one_instance_relays_and_another_takes_over() {
    if !machine_nats_available() {
        return;
    }
    let Some(database) = TestDatabase::postgres_with(iiz_app::upcasters()).await else {
        return;
    };
    let url = machine_nats_url();
    let settings = isolated_settings(&url);
    let first = instance(&database.url).await;
    let second = instance(&database.url).await;
    let first_bus = Bus::connect(&first, Some(&settings))
        .await
        .expect("connect");
    let second_bus = Bus::connect(&second, Some(&settings))
        .await
        .expect("connect");

    let first_relay = start_relay(&first, &first_bus);
    eventually(
        Duration::from_secs(5),
        "the first instance leads",
        || async { first.relay_status().leading() },
    )
    .await;
    let second_relay = start_relay(&second, &second_bus);
    // Events keep coming, appended through the instance that does not lead.
    let writer = {
        let store = second.store().clone();
        tokio::spawn(async move {
            for _ in 0..15 {
                append_events(&store, 40).await;
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert!(first.relay_status().leading());
    assert!(
        !second.relay_status().leading(),
        "exactly one instance leads"
    );

    let stopped = Instant::now();
    first_relay.stop().await;
    eventually(
        Duration::from_secs(3),
        "the second instance leads",
        || async { second.relay_status().leading() },
    )
    .await;
    eprintln!("the lead moved in {:?}", stopped.elapsed());

    let first_relay = start_relay(&first, &first_bus);
    let taken = second.relay_status().leads_taken();
    if terminate_lead_session(&database.url) {
        // The second loses the lead with its session; either instance may
        // take it again (the second often does at once).
        eventually(
            Duration::from_secs(15),
            "the lead is taken again",
            || async {
                first.relay_status().leading() || second.relay_status().leads_taken() > taken
            },
        )
        .await;
        eventually(Duration::from_secs(15), "one instance leads", || async {
            first.relay_status().leading() != second.relay_status().leading()
        })
        .await;
    }

    writer.await.expect("appends");
    eventually(Duration::from_secs(20), "the relay caught up", || {
        relay_caught_up(first.store())
    })
    .await;
    first_relay.stop().await;
    second_relay.stop().await;
    let expected = published_ids(first.store()).await;
    assert_eq!(expected.len(), 15 * 25);
    assert_stored_once_in_order(&stream_ids(&url, &settings).await, &expected);
    delete_stream(&url, &settings).await;
}
