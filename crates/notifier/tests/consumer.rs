//! The notifier's input: the durable JetStream consumer shared by several
//! instances, redelivery of what failed, the dead-letter subject, and the
//! in-process consumer that follows the log from its checkpoint; and the
//! live feed, through which every instance hears what another published.
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a broken setup must fail the test loudly"
)]

mod support;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use iiz_app::App;
use iiz_app::outbound::LiveSignal;
use iiz_notifier::NotifierError;
use iiz_notifier::bus::Bus;
use iiz_notifier::consume::{self, ERROR_HEADER, EventHandler, ORIGINAL_SUBJECT_HEADER};
use iiz_notifier::contract::PublishedEvent;
use iiz_notifier::live;
use iiz_notifier::testing::{machine_nats_available, machine_nats_url};
use iiz_store::testing::TestDatabase;
use iiz_store::{EventStore, LogCursor};
use support::{
    Running, append_events, delete_stream, eventually, isolated_settings, published_ids,
    sample_event,
};
use uuid::Uuid;

/// Records what it handled; fails the events it is told to, a number of
/// times or always.
#[derive(Debug, Clone, Default)]
struct Recorder {
    instance: &'static str,
    handled: Arc<Mutex<Vec<(&'static str, Uuid)>>>,
    attempts: Arc<Mutex<HashMap<Uuid, u32>>>,
    failures: Arc<HashMap<Uuid, u32>>,
    pause: Duration,
}

impl Recorder {
    fn handled(&self) -> Vec<(&'static str, Uuid)> {
        self.handled.lock().expect("not poisoned").clone()
    }

    fn attempts(&self, id: Uuid) -> u32 {
        self.attempts
            .lock()
            .expect("not poisoned")
            .get(&id)
            .copied()
            .unwrap_or(0)
    }

    fn as_instance(&self, instance: &'static str) -> Self {
        Self {
            instance,
            ..self.clone()
        }
    }
}

impl EventHandler for Recorder {
    async fn handle(&self, event: &PublishedEvent) -> Result<(), NotifierError> {
        tokio::time::sleep(self.pause).await;
        let attempt = {
            let mut attempts = self.attempts.lock().expect("not poisoned");
            let attempt = attempts.entry(event.id).or_default();
            *attempt += 1;
            *attempt
        };
        if self
            .failures
            .get(&event.id)
            .is_some_and(|&failures| attempt <= failures)
        {
            return Err(NotifierError::Message(format!("attempt {attempt} fails")));
        }
        self.handled
            .lock()
            .expect("not poisoned")
            .push((self.instance, event.id));
        Ok(())
    }
}

fn start_consumer(app: &App, bus: &Bus, handler: Recorder) -> Running {
    let (app, bus) = (app.clone(), bus.clone());
    Running::spawn(move |shutdown| consume::run(app, bus, handler, shutdown))
}

#[tokio::test]
async fn instances_share_the_durable_consumer() {
    if !machine_nats_available() {
        return;
    }
    let url = machine_nats_url();
    let mut settings = isolated_settings(&url);
    settings.ack_wait = Duration::from_secs(10);
    let database = TestDatabase::sqlite().await;
    let app = App::new(database.store.clone());
    let first_bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    let second_bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    let events: Vec<_> = (0..80).map(|number| sample_event("be", number)).collect();
    first_bus.publish(&events).await.expect("publish");

    let recorder = Recorder {
        pause: Duration::from_millis(10),
        ..Recorder::default()
    };
    let first = start_consumer(&app, &first_bus, recorder.as_instance("first"));
    let second = start_consumer(&app, &second_bus, recorder.as_instance("second"));
    eventually(
        Duration::from_secs(20),
        "every event was handled",
        || async { recorder.handled().len() >= events.len() },
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    first.stop().await;
    second.stop().await;

    let handled = recorder.handled();
    assert_eq!(handled.len(), events.len(), "each event handled once");
    let ids: HashSet<Uuid> = handled.iter().map(|(_, id)| *id).collect();
    assert_eq!(ids, events.iter().map(|event| event.id).collect());
    for instance in ["first", "second"] {
        assert!(
            handled.iter().any(|(by, _)| *by == instance),
            "the {instance} instance took part"
        );
    }
    delete_stream(&url, &settings).await;
}

#[tokio::test]
async fn failures_are_delivered_again_then_dead_lettered() {
    if !machine_nats_available() {
        return;
    }
    let url = machine_nats_url();
    let mut settings = isolated_settings(&url);
    settings.max_deliver = 3;
    let database = TestDatabase::sqlite().await;
    let app = App::new(database.store.clone());
    let bus = Bus::connect(&app, Some(&settings)).await.expect("connect");
    let Bus::JetStream(jetstream) = &bus else {
        panic!("a JetStream bus");
    };
    let mut dead_letters = jetstream
        .client()
        .subscribe(jetstream.deadletter_subject())
        .await
        .expect("subscribe to dead letters");

    let (poison, flaky, fine) = (
        sample_event("be", 1),
        sample_event("be", 2),
        sample_event("ge", 3),
    );
    let recorder = Recorder {
        failures: Arc::new([(poison.id, u32::MAX), (flaky.id, 1)].into()),
        ..Recorder::default()
    };
    bus.publish(&[poison.clone(), flaky.clone(), fine.clone()])
        .await
        .expect("publish");
    let consumer = start_consumer(&app, &bus, recorder.clone());

    let dead = tokio::time::timeout(Duration::from_secs(15), dead_letters.next())
        .await
        .expect("a dead letter")
        .expect("a message");
    assert_eq!(
        PublishedEvent::from_json(&dead.payload).expect("the event"),
        poison
    );
    let headers = dead.headers.expect("headers");
    assert_eq!(
        headers
            .get(ORIGINAL_SUBJECT_HEADER)
            .map(|value| value.as_str()),
        Some(poison.subject(&settings.prefix).as_str())
    );
    assert!(
        headers
            .get(ERROR_HEADER)
            .is_some_and(|value| value.as_str().contains("attempt 3 fails"))
    );
    assert_eq!(
        recorder.attempts(poison.id),
        3,
        "delivered max_deliver times"
    );
    eventually(
        Duration::from_secs(5),
        "the flaky event succeeded",
        || async { recorder.handled().len() == 2 },
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    consumer.stop().await;

    assert_eq!(
        recorder.attempts(flaky.id),
        2,
        "delivered again after failing"
    );
    assert_eq!(recorder.attempts(fine.id), 1);
    assert_eq!(
        recorder.attempts(poison.id),
        3,
        "not delivered after the dead letter"
    );
    let handled: HashSet<Uuid> = recorder.handled().iter().map(|(_, id)| *id).collect();
    assert_eq!(handled, [flaky.id, fine.id].into());
    assert!(
        tokio::time::timeout(Duration::from_millis(200), dead_letters.next())
            .await
            .is_err(),
        "one dead letter"
    );
    delete_stream(&url, &settings).await;
}

async fn in_process_follows_the_log(database: TestDatabase) {
    let app = App::new(database.store.clone());
    let bus = Bus::connect(&app, None).await.expect("in process");
    append_events(app.store(), 40).await;
    let expected = published_ids(app.store()).await;
    let recorder = Recorder {
        failures: Arc::new([(expected[3], 2)].into()),
        ..Recorder::default()
    };
    let consumer = start_consumer(&app, &bus, recorder.clone());
    eventually(
        Duration::from_secs(10),
        "every event was handled",
        || async { recorder.handled().len() >= expected.len() },
    )
    .await;
    consumer.stop().await;
    let handled: Vec<Uuid> = recorder.handled().iter().map(|(_, id)| *id).collect();
    assert_eq!(handled, expected, "in log order, withheld events left out");
    assert_eq!(recorder.attempts(expected[3]), 3, "retried, never skipped");
    let checkpoint = app
        .store()
        .checkpoint(consume::CHECKPOINT)
        .await
        .expect("checkpoint")
        .map_or(LogCursor::START, |checkpoint| checkpoint.cursor);
    assert_eq!(checkpoint, app.store().head().await.expect("head"));

    // Started again, it goes on after its checkpoint.
    let consumer = start_consumer(&app, &bus, recorder.clone());
    append_events(app.store(), 10).await;
    // On PostgreSQL the log is read up to the oldest transaction still
    // open, and the running consumer has its own: the new events may show
    // a moment after their commit, so the expectation is read until they do.
    eventually(
        Duration::from_secs(10),
        "the new events were handled",
        || async {
            let all = published_ids(app.store()).await;
            all.len() > expected.len() && recorder.handled().len() >= all.len()
        },
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    consumer.stop().await;
    let all = published_ids(app.store()).await;
    let handled: Vec<Uuid> = recorder.handled().iter().map(|(_, id)| *id).collect();
    assert_eq!(handled, all, "nothing handled twice");
}

#[tokio::test]
async fn in_process_follows_the_log_on_sqlite() {
    in_process_follows_the_log(TestDatabase::sqlite().await).await;
}

#[tokio::test]
async fn in_process_follows_the_log_on_postgres() {
    let Some(database) = TestDatabase::postgres().await else {
        return;
    };
    in_process_follows_the_log(database).await;
}

#[tokio::test]
async fn every_instance_hears_what_another_publishes() {
    if !machine_nats_available() {
        return;
    }
    let url = machine_nats_url();
    let settings = isolated_settings(&url);
    let database = TestDatabase::sqlite().await;
    let (first, second) = (
        App::new(database.store.clone()),
        App::new(database.store.clone()),
    );
    let first_bus = Bus::connect(&first, Some(&settings))
        .await
        .expect("connect");
    let second_bus = Bus::connect(&second, Some(&settings))
        .await
        .expect("connect");
    let mut heard = second.live().subscribe();
    let listening = {
        let (app, bus) = (second.clone(), second_bus.clone());
        Running::spawn(move |shutdown| live::run(app, bus, shutdown))
    };

    // The subscription starts in the background: announce until heard.
    let inbox = LiveSignal::Inbox {
        person: "p-1".to_owned(),
    };
    let announced = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            first_bus.announce_inbox("p-1").await.expect("announce");
            if let Ok(Ok(signal)) =
                tokio::time::timeout(Duration::from_millis(100), heard.recv()).await
            {
                break signal;
            }
        }
    })
    .await
    .expect("the other instance hears inbox changes");
    assert_eq!(announced, inbox);
    while heard.try_recv().is_ok() {}

    let event = sample_event("be", 7);
    let sent = Instant::now();
    first_bus.publish(&[event]).await.expect("publish");
    let signal = tokio::time::timeout(Duration::from_secs(1), heard.recv())
        .await
        .expect("heard within a second")
        .expect("not lagging");
    assert_eq!(
        signal,
        LiveSignal::Event {
            tenant: "be".to_owned(),
            stream_type: "concern".to_owned(),
            stream_id: "c-7".to_owned(),
            event_type: "Submitted".to_owned(),
        }
    );
    eprintln!("heard on the other instance after {:?}", sent.elapsed());
    listening.stop().await;
    delete_stream(&url, &settings).await;
}
