//! The demo data on a throw-away SQLite database, its log as published
//! events, and the demo people by first name (`anna`, `luc`, …).
#![allow(
    dead_code,
    clippy::expect_used,
    clippy::panic,
    reason = "test support: each test file uses part of the demo, and a demo that cannot be set up fails the test"
)]

use std::collections::BTreeMap;

use chrono::{TimeDelta, Utc};
use iiz_app::App;
use iiz_notifier::NotifierSettings;
use iiz_notifier::contract::PublishedEvent;
use iiz_notifier::handler::Notifications;
use iiz_projections::{PEOPLE, PersonView};
use iiz_store::testing::TestDatabase;
use iiz_store::{DocQuery, EventStore, InboxItem, LogCursor, OutgoingEmail, RecordedEvent};
use uuid::Uuid;

pub const PUBLIC_URL: &str = "https://iiz.example";

pub struct Demo {
    pub db: TestDatabase,
    pub app: App,
    pub handler: Notifications,
    pub settings: NotifierSettings,
    pub mail_dir: tempfile::TempDir,
    log: Vec<RecordedEvent>,
    people: BTreeMap<String, PersonView>,
}

/// A person's first name in lower case: the key the tests use.
fn first_name(person: &PersonView) -> String {
    person
        .name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

impl Demo {
    pub async fn load() -> Self {
        Self::on(TestDatabase::sqlite().await).await
    }

    /// The demo on a fresh PostgreSQL database; `None` (skip) without a server.
    pub async fn load_postgres() -> Option<Self> {
        Some(Self::on(TestDatabase::postgres().await?).await)
    }

    async fn on(db: TestDatabase) -> Self {
        let app = App::new(db.store.clone());
        app.load_demo().await.expect("demo data");
        let mail_dir = tempfile::tempdir().expect("mail directory");
        let settings = NotifierSettings::embedded(mail_dir.path(), PUBLIC_URL);
        let handler = Notifications::new(app.clone(), settings.clone()).expect("handler");
        let log = db
            .store
            .read_all(LogCursor::START, 1_000_000)
            .await
            .expect("log");
        let query = DocQuery {
            collection: PEOPLE.to_owned(),
            limit: 1_000,
            ..DocQuery::default()
        };
        let people = db
            .store
            .docs(&query)
            .await
            .expect("people")
            .into_iter()
            .map(|doc| serde_json::from_value::<PersonView>(doc.body).expect("person"))
            .map(|person| (first_name(&person), person))
            .collect();
        Self {
            db,
            app,
            handler,
            settings,
            mail_dir,
            log,
            people,
        }
    }

    pub fn person(&self, who: &str) -> &PersonView {
        self.people
            .get(who)
            .unwrap_or_else(|| panic!("no demo person {who}"))
    }

    /// The first name of a person id, or the id.
    pub fn name_of(&self, id: &str) -> String {
        self.people
            .iter()
            .find(|(_, person)| person.id.to_string() == id)
            .map_or_else(|| id.to_owned(), |(name, _)| name.clone())
    }

    /// The first name of the person who acted, or the actor.
    pub fn actor(&self, event: &PublishedEvent) -> String {
        let id = event.actor.strip_prefix("person:").unwrap_or(&event.actor);
        self.name_of(id)
    }

    /// The id of the stream whose first event has this title.
    fn stream_titled(&self, stream_type: &str, title: &str, pointer: &str) -> String {
        self.log
            .iter()
            .find(|event| {
                event.stream.stream_type == stream_type
                    && event.stream_version == 1
                    && event
                        .payload
                        .pointer(pointer)
                        .and_then(|value| value.as_str())
                        == Some(title)
            })
            .map(|event| event.stream.stream_id.clone())
            .unwrap_or_else(|| panic!("no {stream_type} titled {title}"))
    }

    pub fn concern(&self, title: &str) -> String {
        self.stream_titled("concern", title, "/content/title")
    }

    pub fn recommendation(&self, title: &str) -> String {
        self.stream_titled("recommendation", title, "/content/title")
    }

    pub fn meeting(&self, title: &str) -> String {
        self.stream_titled("meeting", title, "/title")
    }

    /// Every event of a type in a stream, published.
    pub fn events(&self, stream_type: &str, id: &str, event_type: &str) -> Vec<PublishedEvent> {
        self.log
            .iter()
            .filter(|event| {
                event.stream.stream_type == stream_type
                    && event.stream.stream_id == id
                    && event.event_type == event_type
            })
            .map(|event| PublishedEvent::of(event).expect("published"))
            .collect()
    }

    pub fn event(&self, stream_type: &str, id: &str, event_type: &str) -> PublishedEvent {
        self.events(stream_type, id, event_type)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {event_type} in {stream_type}/{id}"))
    }

    pub async fn handle(&self, event: &PublishedEvent) -> Vec<String> {
        self.handler.handle(event).await.expect("handled")
    }

    pub async fn inbox(&self, who: &str) -> Vec<InboxItem> {
        let id = self.person(who).id.to_string();
        self.app
            .store()
            .inbox(&id, false, 100, None)
            .await
            .expect("inbox")
    }

    /// Who has an inbox item of the event, by first name.
    pub async fn heard(&self, event: Uuid) -> BTreeMap<String, InboxItem> {
        let mut heard = BTreeMap::new();
        for (name, person) in &self.people {
            let items = self
                .app
                .store()
                .inbox(&person.id.to_string(), false, 1_000, None)
                .await
                .expect("inbox");
            for item in items.into_iter().filter(|item| item.event_id == event) {
                assert!(
                    heard.insert(name.clone(), item).is_none(),
                    "{name} heard twice"
                );
            }
        }
        heard
    }

    /// The e-mails due now that were not looked at before (each call
    /// leases what it returns for an hour).
    pub async fn pending_emails(&self) -> Vec<OutgoingEmail> {
        let now = Utc::now();
        self.app
            .store()
            .claim_emails(now, now + TimeDelta::hours(1), 10_000)
            .await
            .expect("claim")
    }
}

/// First names of person ids, sorted.
pub fn names(demo: &Demo, ids: &[String]) -> Vec<String> {
    let mut names: Vec<String> = ids.iter().map(|id| demo.name_of(id)).collect();
    names.sort();
    names
}
