//! The committed schema files are the schemas of the code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use iiz_notifier::contract::{self, EventType};
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
            files.insert(file_name(&path), schema);
        }
    }
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn write(event_type: &EventType, schema: &Value) {
    let mut text = serde_json::to_string_pretty(schema).unwrap();
    text.push('\n');
    std::fs::write(directory().join(event_type.file_name()), text).unwrap();
}

#[test]
fn the_committed_schemas_are_the_schemas_of_the_code() {
    let generated = contract::schemas().unwrap();
    if std::env::var_os("IIZ_UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(directory()).unwrap();
        for schema in generated {
            write(&schema.event_type, &schema.schema);
        }
    }
    let committed = committed();
    let drifted: Vec<String> = generated
        .iter()
        .filter(|schema| committed.get(&schema.event_type.file_name()) != Some(&schema.schema))
        .map(|schema| schema.event_type.file_name())
        .collect();
    assert!(
        drifted.is_empty(),
        "these files in schema/events differ from the code or are missing: {drifted:?}; \
         rerun with IIZ_UPDATE_SCHEMAS=1 (and raise the event's schema version when the \
         change is not backwards compatible, see schema/events/README.md)"
    );
}
