//! One JSON Schema (draft 2020-12) per published event type, derived from
//! the domain's event enums: the event types are read off each enum's
//! schema (every variant of an adjacently tagged enum is `{type: const,
//! data: …}`), so a new event type or field cannot be left out. The files in
//! `schema/events/` are these documents; `tests/contracts.rs` fails when
//! they drift.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use iiz_domain::body::Body;
use iiz_domain::budget::Budget;
use iiz_domain::canton_profile::CantonProfile;
use iiz_domain::chair::Chair;
use iiz_domain::key_figures::KeyFigures;
use iiz_domain::meeting::Meeting;
use iiz_domain::panorama_round::PanoramaRound;
use iiz_domain::programme::WorkProgrammes;
use iiz_domain::project::Project;
use iiz_domain::resolution::Resolution;
use iiz_domain::tenant::Tenant;
use iiz_domain::working_group::WorkingGroup;
use iiz_domain::{Aggregate, Concern, DomainEvent, NetworkRegistry, Person, Recommendation};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use super::{DEFAULT_PREFIX, PublishedEvent, is_personal};
use crate::NotifierError;

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";
const DEFINITIONS: &str = "#/$defs/";

/// An event type that leaves the platform.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventType {
    /// The aggregate's stream type (`concern`, `work_programme`, …).
    pub aggregate: &'static str,
    /// The domain's name of the event (`Decided`).
    pub name: String,
    /// The current version of its payload's schema.
    pub version: u32,
}

impl EventType {
    /// `<aggregate>.<EventType>`: the envelope's `type`.
    pub fn qualified(&self) -> String {
        format!("{}.{}", self.aggregate, self.name)
    }

    /// `urn:iiz:event:<aggregate>.<EventType>:v<version>`.
    pub fn schema_id(&self) -> String {
        format!("urn:iiz:event:{}:v{}", self.qualified(), self.version)
    }

    /// The schema's file in `schema/events/`.
    pub fn file_name(&self) -> String {
        format!("{}.v{}.json", self.qualified(), self.version)
    }
}

/// The contract of one event type.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSchema {
    pub event_type: EventType,
    /// The JSON Schema document of the whole published message.
    pub schema: Value,
}

/// Writes the schemas of one aggregate's event types.
type AggregateSchemas = fn() -> Result<Vec<EventSchema>, NotifierError>;

/// Every aggregate of the domain. People's events are personal data and
/// never leave the platform ([`super::withheld`]), so they get no contract.
const AGGREGATES: [AggregateSchemas; 16] = [
    aggregate_schemas::<Tenant>,
    aggregate_schemas::<Body>,
    aggregate_schemas::<NetworkRegistry>,
    aggregate_schemas::<Person>,
    aggregate_schemas::<Concern>,
    aggregate_schemas::<Recommendation>,
    aggregate_schemas::<Meeting>,
    aggregate_schemas::<Resolution>,
    aggregate_schemas::<WorkingGroup>,
    aggregate_schemas::<Project>,
    aggregate_schemas::<WorkProgrammes>,
    aggregate_schemas::<Chair>,
    aggregate_schemas::<Budget>,
    aggregate_schemas::<CantonProfile>,
    aggregate_schemas::<KeyFigures>,
    aggregate_schemas::<PanoramaRound>,
];

/// The contracts of every event type that may be published, ordered by
/// aggregate and event type. Generated once per process.
pub fn schemas() -> Result<&'static [EventSchema], NotifierError> {
    static SCHEMAS: OnceLock<Result<Vec<EventSchema>, String>> = OnceLock::new();
    SCHEMAS
        .get_or_init(|| {
            let mut all = Vec::new();
            for aggregate in AGGREGATES {
                all.extend(aggregate().map_err(|error| error.to_string())?);
            }
            all.sort_by(|a, b| a.event_type.cmp(&b.event_type));
            Ok(all)
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(|error| NotifierError::Contract(error.clone()))
}

/// Every event type that may be published.
pub fn event_types() -> Result<Vec<EventType>, NotifierError> {
    Ok(schemas()?
        .iter()
        .map(|schema| schema.event_type.clone())
        .collect())
}

/// The schema of `<aggregate>.<EventType>`, `None` for a type that is never
/// published.
pub fn schema_for(event_type: &str) -> Result<Option<&'static Value>, NotifierError> {
    Ok(schemas()?
        .iter()
        .find(|schema| schema.event_type.qualified() == event_type)
        .map(|schema| &schema.schema))
}

fn aggregate_schemas<A>() -> Result<Vec<EventSchema>, NotifierError>
where
    A: Aggregate,
    A::Event: JsonSchema,
{
    if is_personal(A::STREAM_TYPE) {
        return Ok(Vec::new());
    }
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let events = A::Event::json_schema(&mut generator).to_value();
    let envelope = PublishedEvent::json_schema(&mut generator).to_value();
    let definitions = generator.take_definitions(true);
    variants(A::STREAM_TYPE, &events)?
        .into_iter()
        .map(|variant| {
            let event_type = EventType {
                aggregate: A::STREAM_TYPE,
                version: A::Event::schema_version(&variant.name),
                name: variant.name.clone(),
            };
            let schema = document(&event_type, envelope.clone(), variant, &definitions)?;
            Ok(EventSchema { event_type, schema })
        })
        .collect()
}

/// One variant of an event enum's schema.
struct Variant {
    name: String,
    /// `None` for an event without fields (its `data` is `null`).
    data: Option<Value>,
    description: Option<String>,
}

/// The variants of an adjacently tagged event enum's schema.
fn variants(aggregate: &str, events: &Value) -> Result<Vec<Variant>, NotifierError> {
    let unexpected = |what: &str| {
        NotifierError::Contract(format!(
            "the schema of the {aggregate} events is not an adjacently tagged enum: {what}"
        ))
    };
    let options = events
        .get("oneOf")
        .and_then(Value::as_array)
        .ok_or_else(|| unexpected("no oneOf"))?;
    options
        .iter()
        .map(|option| {
            let properties = option
                .get("properties")
                .ok_or_else(|| unexpected("a variant without properties"))?;
            let name = properties
                .pointer("/type/const")
                .and_then(Value::as_str)
                .ok_or_else(|| unexpected("a variant without a constant type"))?;
            Ok(Variant {
                name: name.to_owned(),
                data: properties.get("data").cloned(),
                description: option
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            })
        })
        .collect()
}

/// The whole message's schema: the envelope with this type's constants and
/// its payload as `data`, with the definitions both use.
fn document(
    event_type: &EventType,
    mut envelope: Value,
    variant: Variant,
    definitions: &Map<String, Value>,
) -> Result<Value, NotifierError> {
    let qualified = event_type.qualified();
    let mut data = variant
        .data
        .unwrap_or_else(|| json!({ "type": "null", "description": "This event carries no data." }));
    narrow_to_what_is_published(&qualified, &mut data);
    let properties = envelope
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| NotifierError::Contract("the envelope's schema has no properties".into()))?;
    properties.insert(
        "type".into(),
        json!({ "description": "The event type.", "const": qualified }),
    );
    properties.insert(
        "version".into(),
        json!({ "description": "The version of this schema.", "const": event_type.version }),
    );
    properties.insert("data".into(), data);
    let aggregate = properties
        .get_mut("aggregate")
        .and_then(|aggregate| aggregate.get_mut("properties"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| NotifierError::Contract("the envelope's aggregate is not inline".into()))?;
    aggregate.insert(
        "type".into(),
        json!({ "description": "The aggregate's stream type.", "const": event_type.aggregate }),
    );

    let used = reachable_definitions(&envelope, definitions);
    let object = envelope
        .as_object_mut()
        .ok_or_else(|| NotifierError::Contract("the envelope's schema is not an object".into()))?;
    object.insert("$schema".into(), DRAFT_2020_12.into());
    object.insert("$id".into(), event_type.schema_id().into());
    object.insert("title".into(), qualified.clone().into());
    object.insert(
        "description".into(),
        describe(event_type, variant.description.as_deref()).into(),
    );
    if !used.is_empty() {
        object.insert("$defs".into(), Value::Object(used));
    }
    Ok(envelope)
}

fn describe(event_type: &EventType, what: Option<&str>) -> String {
    let subject = format!(
        "{DEFAULT_PREFIX}.events.<tenant>.{}.{}",
        event_type.aggregate, event_type.name
    );
    let what = what.map(|text| format!("{text}\n\n")).unwrap_or_default();
    format!(
        "{what}The `{}` event of a `{}`, version {}, as published to `{subject}`.",
        event_type.name, event_type.aggregate, event_type.version
    )
}

/// Some events are published only in part of their forms (see
/// [`super::withheld`]); the contract promises only what leaves.
fn narrow_to_what_is_published(event_type: &str, data: &mut Value) {
    if event_type == "concern.Commented"
        && let Some(visibility) = data.pointer_mut("/properties/visibility")
    {
        *visibility = json!({
            "description": "Only comments shared beyond the originating tenant are published.",
            "const": "shared",
        });
    }
}

/// The definitions a schema refers to, directly or through other
/// definitions, so that each document carries only what it uses.
fn reachable_definitions(schema: &Value, definitions: &Map<String, Value>) -> Map<String, Value> {
    let mut seen = BTreeSet::new();
    let mut pending = Vec::new();
    collect_references(schema, &mut pending);
    while let Some(name) = pending.pop() {
        if seen.insert(name.clone())
            && let Some(definition) = definitions.get(&name)
        {
            collect_references(definition, &mut pending);
        }
    }
    seen.into_iter()
        .filter_map(|name| {
            let definition = definitions.get(&name)?.clone();
            Some((name, definition))
        })
        .collect()
}

fn collect_references(schema: &Value, names: &mut Vec<String>) {
    match schema {
        Value::Object(object) => {
            for (key, value) in object {
                match (key.as_str(), value) {
                    ("$ref", Value::String(reference)) => {
                        if let Some(name) = reference.strip_prefix(DEFINITIONS) {
                            names.push(name.to_owned());
                        }
                    }
                    _ => collect_references(value, names),
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|item| collect_references(item, names)),
        _ => {}
    }
}
