//! Real messages: every event type, as the platform records and publishes
//! it, validates against its committed schema.

use std::collections::{BTreeMap, BTreeSet};

use iiz_notifier::contract::{self, PublishedEvent};
use serde_json::Value;

use super::{files, world};

/// A validator per committed schema file, formats included.
pub fn validators() -> BTreeMap<String, jsonschema::Validator> {
    files::committed()
        .into_iter()
        .map(|(name, schema)| {
            let validator = jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, validator)
        })
        .collect()
}

/// The schema file a published message names.
pub fn file_of(published: &PublishedEvent) -> String {
    format!("{}.v{}.json", published.event_type, published.version)
}

/// Every event type the generator knows and every type that is published.
#[test]
fn every_event_type_has_a_schema() {
    let committed = files::committed();
    let published = world::log().iter().filter_map(PublishedEvent::of);
    let missing: BTreeSet<String> = published
        .map(|published| file_of(&published))
        .chain(
            contract::event_types()
                .unwrap()
                .iter()
                .map(|event_type| event_type.file_name()),
        )
        .filter(|file| !committed.contains_key(file))
        .collect();
    assert!(
        missing.is_empty(),
        "these event types have no schema in schema/events: {missing:?}"
    );
}

#[test]
fn a_real_message_of_every_event_type_validates_against_its_schema() {
    let validators = validators();
    let mut occurred = BTreeSet::new();
    let mut failures = Vec::new();
    for event in world::log() {
        let Some(published) = PublishedEvent::of(event) else {
            continue;
        };
        // What goes over the wire, read back as any consumer reads it.
        let message: Value = serde_json::from_slice(&published.to_json().unwrap()).unwrap();
        let file = file_of(&published);
        let Some(validator) = validators.get(&file) else {
            failures.push(format!("{}: no schema {file}", published.event_type));
            continue;
        };
        for error in validator.iter_errors(&message) {
            failures.push(format!(
                "{} {}: {error} at {}",
                published.event_type,
                published.id,
                error.instance_path()
            ));
        }
        occurred.insert(published.event_type);
    }
    assert!(
        failures.is_empty(),
        "messages that break their contract:\n{}",
        failures.join("\n")
    );
    let never: Vec<String> = contract::event_types()
        .unwrap()
        .iter()
        .map(|event_type| event_type.qualified())
        .filter(|event_type| !occurred.contains(event_type))
        .collect();
    assert!(
        never.is_empty(),
        "these event types never occurred; add the commands that record them to tests/contracts/rest/: {never:?}"
    );
}
