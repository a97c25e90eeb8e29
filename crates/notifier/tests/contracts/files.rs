//! The committed schema files are the schemas of the code.

use std::collections::BTreeMap;
use std::path::PathBuf;

use iiz_notifier::contract::{self, EventSchema};
use serde_json::Value;

pub fn directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/events")
}

/// The committed schema files by name, parsed.
pub fn committed() -> BTreeMap<String, Value> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(directory()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let schema = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.insert(name, schema);
        }
    }
    files
}

fn write(schema: &EventSchema) {
    let mut text = serde_json::to_string_pretty(&schema.schema).unwrap();
    text.push('\n');
    std::fs::write(directory().join(schema.event_type.file_name()), text).unwrap();
}

#[test]
fn the_committed_schemas_are_the_schemas_of_the_code() {
    let generated = contract::schemas().unwrap();
    if std::env::var_os("IIZ_UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(directory()).unwrap();
        generated.iter().for_each(write);
    }
    let committed = committed();
    let drifted: Vec<String> = generated
        .iter()
        .map(|schema| (schema.event_type.file_name(), &schema.schema))
        .filter(|(file, schema)| committed.get(file) != Some(*schema))
        .map(|(file, _)| file)
        .collect();
    assert!(
        drifted.is_empty(),
        "these files in schema/events differ from the code or are missing: {drifted:?}; \
         rerun with IIZ_UPDATE_SCHEMAS=1 (and raise the event's schema version when the \
         change is not backwards compatible, see schema/events/README.md)"
    );
}

/// A file is the current version of an event type, or an older version
/// kept for consumers; never a type the code does not have.
#[test]
fn every_committed_schema_belongs_to_an_event_type_of_the_code() {
    let current: BTreeMap<String, u32> = contract::event_types()
        .unwrap()
        .into_iter()
        .map(|event_type| (event_type.qualified(), event_type.version))
        .collect();
    let mut strays = Vec::new();
    for (file, schema) in committed() {
        let named = file
            .strip_suffix(".json")
            .and_then(|stem| stem.rsplit_once(".v"))
            .and_then(|(event_type, version)| Some((event_type, version.parse::<u32>().ok()?)));
        let Some((event_type, version)) = named else {
            strays.push(format!(
                "{file}: not <aggregate>.<EventType>.v<version>.json"
            ));
            continue;
        };
        match current.get(event_type) {
            None => strays.push(format!("{file}: no event type {event_type}; delete it")),
            Some(latest) if version > *latest => strays.push(format!(
                "{file}: the code's {event_type} is at version {latest}"
            )),
            Some(_) => {}
        }
        let id = format!("urn:iiz:event:{event_type}:v{version}");
        if schema["$id"] != id.as_str() {
            strays.push(format!("{file}: $id is not {id}"));
        }
        if let Err(error) = jsonschema::meta::validate(&schema) {
            strays.push(format!("{file}: not a valid JSON Schema: {error}"));
        }
    }
    assert!(
        strays.is_empty(),
        "in schema/events:\n{}",
        strays.join("\n")
    );
}
