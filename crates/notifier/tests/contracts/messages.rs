//! Real messages: every event type, as the platform records and publishes
//! it, validates against its committed schema.

use std::collections::{BTreeMap, BTreeSet};

use iiz_app::App;
use iiz_notifier::contract::{self, PublishedEvent};
use iiz_store::testing::TestDatabase;
use iiz_store::{EventStore, LogCursor, RecordedEvent};
use serde_json::Value;

use super::files;

/// The whole log, in log order.
pub async fn log(app: &App) -> Vec<RecordedEvent> {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_message_of_every_event_type_validates_against_its_schema() {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(db.store.clone());
    let started = std::time::Instant::now();
    app.load_demo().await.unwrap();
    eprintln!("demo loaded in {:?}", started.elapsed());

    let validators: BTreeMap<String, jsonschema::Validator> = files::committed()
        .into_iter()
        .map(|(name, schema)| {
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, validator)
        })
        .collect();

    let mut occurred = BTreeSet::new();
    let mut failures = Vec::new();
    for event in log(&app).await {
        let Some(published) = PublishedEvent::of(&event) else {
            continue;
        };
        let message: Value = serde_json::from_slice(&published.to_json().unwrap()).unwrap();
        let file = format!("{}.v{}.json", published.event_type, published.version);
        let Some(validator) = validators.get(&file) else {
            failures.push(format!("{}: no schema file {file}", published.event_type));
            continue;
        };
        for error in validator.iter_errors(&message) {
            failures.push(format!(
                "{} ({}): {error} at {}",
                published.event_type,
                published.id,
                error.instance_path()
            ));
        }
        occurred.insert(published.event_type);
    }
    let never: Vec<String> = contract::event_types()
        .unwrap()
        .iter()
        .map(|event_type| event_type.qualified())
        .filter(|event_type| !occurred.contains(event_type))
        .collect();
    eprintln!("checked in {:?}", started.elapsed());
    assert!(
        failures.is_empty(),
        "invalid messages:\n{}",
        failures.join("\n")
    );
    assert!(
        never.is_empty(),
        "these event types never occurred: {never:?}"
    );
}
