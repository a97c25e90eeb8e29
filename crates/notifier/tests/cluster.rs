//! A three-node JetStream cluster with three replicas of the stream: a node
//! killed while the relay publishes loses nothing that was acknowledged,
//! and nothing is stored twice.
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a broken setup must fail the test loudly"
)]

mod support;

use std::time::{Duration, Instant};

use iiz_app::App;
use iiz_notifier::bus::Bus;
use iiz_notifier::relay;
use iiz_notifier::testing::{NatsCluster, nats_server_installed};
use iiz_store::testing::TestDatabase;
use support::{
    Running, append_events, assert_stored_once_in_order, eventually, isolated_settings,
    published_ids, relay_caught_up, stream_ids,
};

const EVENTS: usize = 4_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_dies_while_the_relay_publishes() {
    if !nats_server_installed() {
        return;
    }
    let started = Instant::now();
    let mut cluster = NatsCluster::start();
    cluster.wait_until_ready().await;
    let ready = started.elapsed();
    let mut settings = isolated_settings(&cluster.url());
    settings.replicas = 3;
    let database = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(database.store.clone());
    append_events(app.store(), EVENTS).await;
    let expected = published_ids(app.store()).await;

    let bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    let relay = {
        let (app, bus) = (app.clone(), bus.clone());
        Running::spawn(move |shutdown| relay::run(app, bus, shutdown))
    };
    eventually(Duration::from_secs(20), "a third is published", || async {
        app.relay_status().published() >= u64::try_from(expected.len() / 3).unwrap_or(0)
    })
    .await;
    // Not necessarily the stream's leader: whichever it is, two of three
    // replicas remain, a quorum.
    let first_third = started.elapsed();
    cluster.nodes[1].kill();
    let killed_at = app.relay_status().published();
    eventually(Duration::from_secs(30), "the relay caught up", || {
        relay_caught_up(app.store())
    })
    .await;
    let caught_up = started.elapsed();
    relay.stop().await;
    assert!(
        killed_at < u64::try_from(expected.len()).unwrap_or(0),
        "the node died while publishing"
    );

    let survivor = cluster.nodes[2].url();
    let stored = stream_ids(&survivor, &settings).await;
    assert_stored_once_in_order(&stored, &expected);
    eprintln!(
        "{} events through a three-node cluster (ready at {ready:?}), one node killed \
         after {killed_at} at {first_third:?}, all published at {caught_up:?}",
        expected.len(),
    );
}
