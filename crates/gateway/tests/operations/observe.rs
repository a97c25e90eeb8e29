//! Runs one root field of the schema with arguments made up from the SDL
//! and records the operations the app's `authorize` was asked for (its
//! `trace` events on target `iiz_app::authz`), so the table is proven
//! against what the resolvers really do.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use async_graphql::Request;
use async_graphql::parser::types::{
    BaseType, InputValueDefinition, ServiceDocument, Type, TypeKind, TypeSystemDefinition,
};
use iiz_app::authz::Principal;
use iiz_gateway::graphql::{IizSchema, RequestContext};
use tracing::field::{Field, Visit};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The operations `authorize` was asked for, in order.
#[derive(Debug, Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

struct OperationField(Option<String>);

impl Visit for OperationField {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        if field.name() == "operation" {
            self.0 = Some(format!("{value:?}"));
        }
    }
}

impl<S: Subscriber> Layer<S> for Seen {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() != "iiz_app::authz" {
            return;
        }
        let mut field = OperationField(None);
        event.record(&mut field);
        if let Some(operation) = field.0 {
            self.0.lock().unwrap().push(operation);
        }
    }
}

/// The types of the SDL by name.
pub struct Sdl {
    kinds: BTreeMap<String, TypeKind>,
}

/// What an `ID` argument is tried with: a UUID (most ids), the national
/// tenant (tenant and party ids) and a canton.
pub const ID_TRIES: [&str; 3] = ["0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee", "CH", "ZH"];

fn base_name(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => base_name(inner),
    }
}

impl Sdl {
    pub fn parse(sdl: &str) -> Self {
        let document: ServiceDocument = async_graphql::parser::parse_schema(sdl).unwrap();
        let kinds = document
            .definitions
            .into_iter()
            .filter_map(|definition| match definition {
                TypeSystemDefinition::Type(ty) => {
                    Some((ty.node.name.node.to_string(), ty.node.kind))
                }
                _ => None,
            })
            .collect();
        Self { kinds }
    }

    /// A literal for a value of `ty` that parses: required input fields
    /// filled, lists empty, the first enum value.
    fn literal(&self, ty: &Type, id: &str) -> String {
        if let BaseType::List(_) = &ty.base {
            return "[]".to_owned();
        }
        let name = base_name(ty);
        match (name, self.kinds.get(name)) {
            ("ID", _) => format!("\"{id}\""),
            ("String", _) => "\"x\"".to_owned(),
            ("Int", _) => "1".to_owned(),
            ("Float", _) => "1.0".to_owned(),
            ("Boolean", _) => "false".to_owned(),
            ("JSON", _) => "{}".to_owned(),
            ("NaiveDate", _) => "\"2026-01-01\"".to_owned(),
            ("NaiveDateTime", _) => "\"2026-01-01T09:00:00\"".to_owned(),
            ("DateTime", _) => "\"2026-01-01T09:00:00Z\"".to_owned(),
            (_, Some(TypeKind::Enum(values))) => values.values[0].node.value.node.to_string(),
            (_, Some(TypeKind::InputObject(input))) => {
                format!("{{ {} }}", self.arguments(&input.fields, id))
            }
            (other, _) => panic!("no literal for type {other}"),
        }
    }

    fn arguments(
        &self,
        inputs: &[async_graphql::Positioned<InputValueDefinition>],
        id: &str,
    ) -> String {
        inputs
            .iter()
            .map(|input| &input.node)
            .filter(|input| !input.ty.node.nullable && input.default_value.is_none())
            .map(|input| {
                let name = input.name.node.as_str();
                // Years must be within the platform's range to reach the resolver.
                let value = if matches!(name, "year" | "from" | "to")
                    && base_name(&input.ty.node) == "Int"
                {
                    "2026".to_owned()
                } else {
                    self.literal(&input.ty.node, id)
                };
                format!("{name}: {value}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The document that runs `root.field` (e.g. `Mutation.signIn`) with
    /// every `ID` argument set to `id`.
    pub fn document(&self, root: &str, field: &str, id: &str) -> String {
        let Some(TypeKind::Object(object)) = self.kinds.get(root) else {
            panic!("no root type {root}");
        };
        let definition = object
            .fields
            .iter()
            .map(|field| &field.node)
            .find(|definition| definition.name.node.as_str() == field)
            .unwrap_or_else(|| panic!("no field {root}.{field}"));
        let arguments = self.arguments(&definition.arguments, id);
        let arguments = if arguments.is_empty() {
            String::new()
        } else {
            format!("({arguments})")
        };
        let selection = match self.kinds.get(base_name(&definition.ty.node)) {
            Some(TypeKind::Object(_) | TypeKind::Interface(_) | TypeKind::Union(_)) => {
                " { __typename }"
            }
            _ => "",
        };
        let keyword = if root == "Mutation" {
            "mutation"
        } else {
            "query"
        };
        format!("{keyword} {{ {field}{arguments}{selection} }}")
    }
}

/// Runs `document` as `principal` and returns the operations authorized
/// while it ran, in order.
pub async fn operations_of(
    schema: &IizSchema,
    principal: &Principal,
    document: &str,
) -> Vec<String> {
    let seen = Seen::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(seen.clone()));
    let context = RequestContext {
        principal: Some(principal.clone()),
        request_id: "operations-test".to_owned(),
        session_token: None,
        secure_cookies: false,
        client: None,
        foreign_origin: false,
    };
    schema.execute(Request::new(document).data(context)).await;
    seen.0.lock().unwrap().clone()
}
