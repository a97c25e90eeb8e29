//! What is withheld never leaves: internal comments and people's records
//! produce no published message, and no published message carries their
//! text or a person's e-mail address.

use iiz_domain::{Aggregate, Person};
use iiz_notifier::contract::{self, PublishedEvent};
use serde_json::json;

use super::messages::{file_of, validators};
use super::rest::{INTERNAL_COMMENT, SHARED_COMMENT};
use super::world;

fn published_json() -> Vec<String> {
    world::log()
        .iter()
        .filter_map(PublishedEvent::of)
        .map(|published| String::from_utf8(published.to_json().unwrap()).unwrap())
        .collect()
}

#[test]
fn internal_comments_and_people_never_leave_while_shared_comments_do() {
    let log = world::log();
    let internal = log
        .iter()
        .find(|event| event.event_type == "Commented" && event.payload["text"] == INTERNAL_COMMENT);
    let internal = internal.expect("the internal comment is in the log");
    assert_eq!(internal.payload["visibility"], "internal");
    assert_eq!(PublishedEvent::of(internal), None);

    let people: Vec<_> = log
        .iter()
        .filter(|event| event.stream.stream_type == Person::STREAM_TYPE)
        .collect();
    assert!(!people.is_empty(), "the demo registers people");
    assert!(
        people
            .iter()
            .all(|event| PublishedEvent::of(event).is_none())
    );
    let emails = world::people_emails();
    assert!(emails.len() > 10, "the demo's people have e-mail addresses");

    let published = published_json();
    for message in &published {
        assert!(!message.contains(INTERNAL_COMMENT), "published: {message}");
        if let Some(email) = emails.iter().find(|email| message.contains(*email)) {
            panic!("{email} is published in {message}");
        }
    }
    assert!(
        published
            .iter()
            .any(|message| message.contains(SHARED_COMMENT)),
        "the shared comment is published"
    );
}

/// The contract promises what leaves: an internal comment, were it ever
/// published, would break it.
#[test]
fn the_comment_contract_admits_shared_comments_only() {
    let shared = world::log()
        .iter()
        .filter_map(PublishedEvent::of)
        .find(|published| published.data["text"] == SHARED_COMMENT)
        .expect("the shared comment is published");
    let validators = validators();
    let validator = &validators[&file_of(&shared)];
    assert!(validator.is_valid(&serde_json::to_value(&shared).unwrap()));

    let mut internal = shared.clone();
    internal.data["visibility"] = json!("internal");
    assert!(!validator.is_valid(&serde_json::to_value(&internal).unwrap()));

    // And nothing about people has a contract.
    assert!(
        contract::event_types()
            .unwrap()
            .iter()
            .all(|event_type| event_type.aggregate != Person::STREAM_TYPE)
    );
    assert_eq!(contract::schema_for("person.Registered").unwrap(), None);
}
