//! The log every test here reads: the demo and the rest of the event types,
//! recorded once per test run on a fresh SQLite database.

use std::sync::OnceLock;

use iiz_app::App;
use iiz_domain::{Aggregate, Person, PersonId};
use iiz_store::testing::TestDatabase;
use iiz_store::{EventStore, LogCursor, RecordedEvent};

use super::rest;

/// What the tests read: the log, and the people's e-mail addresses (sealed
/// in the log, so read from the people directory).
struct World {
    log: Vec<RecordedEvent>,
    emails: Vec<String>,
}

/// The whole log after the demo and the rest, in log order.
pub fn log() -> &'static [RecordedEvent] {
    &world().log
}

/// The e-mail address of every person in the log.
pub fn people_emails() -> &'static [String] {
    &world().emails
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        // Each test has its own runtime; the world gets one of its own so
        // that no test depends on another's.
        std::thread::spawn(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap()
                .block_on(record())
        })
        .join()
        .unwrap()
    })
}

async fn record() -> World {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(db.store.clone());
    app.load_demo().await.unwrap();
    rest::run_the_rest(&app, &read_log(&app).await).await;
    let log = read_log(&app).await;
    let mut emails = Vec::new();
    for event in &log {
        if event.stream.stream_type == Person::STREAM_TYPE
            && let Ok(id) = PersonId::parse(&event.stream.stream_id)
            && let Some(person) = app.person_view(id).await.unwrap()
            && !emails.contains(&person.email)
        {
            emails.push(person.email);
        }
    }
    World { log, emails }
}

async fn read_log(app: &App) -> Vec<RecordedEvent> {
    let mut events = Vec::new();
    let mut cursor = LogCursor::START;
    loop {
        let batch = app.store().read_all(cursor, 1000).await.unwrap();
        let Some(last) = batch.last() else {
            return events;
        };
        cursor = last.cursor;
        events.extend(batch);
    }
}
