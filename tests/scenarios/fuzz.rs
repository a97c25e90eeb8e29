//! Whatever JSON a client sends as a mutation's input, the answer is a
//! success or a typed refusal: never a 5xx, never `INTERNAL`. The inputs
//! are generated from the committed SDL (`schema/graphql/schema.graphql`):
//! mostly shaped like the schema, so they pass GraphQL's coercion and reach
//! the resolvers and the app (strings of every kind, ids of every kind,
//! extreme numbers and dates, enum values, nested inputs), sometimes any
//! JSON at all. Run as the platform administrator, whom authorization lets
//! through to the input checks of every mutation.
//!
//! Lean on purpose (it runs in CI on 2 cores): a fixed seed and a few cases
//! per mutation; `IIZ_FUZZ_CASES` asks for more.

use std::collections::BTreeMap;

use async_graphql::parser::types::{
    BaseType, FieldDefinition, InputValueDefinition, ServiceDocument, Type, TypeKind,
    TypeSystemDefinition,
};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value, json};

crate::on_both_backends!(arbitrary_mutation_inputs_get_typed_answers);

const ADMIN: &str = "admin@demo.iiz.invalid";
/// Mutations that would end the session the test runs in.
const SKIPPED: &[&str] = &["signOut"];
const SDL: &str = include_str!("../../schema/graphql/schema.graphql");

fn cases() -> usize {
    std::env::var("IIZ_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(3)
}

/// The input types of the SDL and its mutations.
struct Schema {
    kinds: BTreeMap<String, TypeKind>,
    mutations: Vec<FieldDefinition>,
}

impl Schema {
    fn parse() -> Self {
        let document: ServiceDocument = async_graphql::parser::parse_schema(SDL).unwrap();
        let mut kinds = BTreeMap::new();
        for definition in document.definitions {
            if let TypeSystemDefinition::Type(ty) = definition {
                kinds.insert(ty.node.name.node.to_string(), ty.node.kind);
            }
        }
        let Some(TypeKind::Object(mutation)) = kinds.get("Mutation") else {
            panic!("no Mutation type in the SDL");
        };
        let mutations = mutation
            .fields
            .iter()
            .map(|field| field.node.clone())
            .collect();
        Self { kinds, mutations }
    }

    /// Values for `ty`: shaped like it, or (one time in ten) any JSON.
    fn values(&self, ty: &Type, depth: u32) -> BoxedStrategy<Value> {
        let shaped = self.shaped(ty, depth);
        prop_oneof![9 => shaped, 1 => any_json()].boxed()
    }

    fn shaped(&self, ty: &Type, depth: u32) -> BoxedStrategy<Value> {
        let value = match &ty.base {
            BaseType::List(inner) => proptest::collection::vec(self.values(inner, depth + 1), 0..3)
                .prop_map(Value::Array)
                .boxed(),
            BaseType::Named(name) => self.named(name.as_str(), depth),
        };
        if ty.nullable {
            prop_oneof![4 => value, 1 => Just(Value::Null)].boxed()
        } else {
            value
        }
    }

    fn named(&self, name: &str, depth: u32) -> BoxedStrategy<Value> {
        match (name, self.kinds.get(name)) {
            ("String", _) => strings().prop_map(Value::String).boxed(),
            ("ID", _) => ids().prop_map(Value::String).boxed(),
            ("Int", _) => prop_oneof![
                (-3i64..40).prop_map(Value::from),
                any::<i32>().prop_map(Value::from),
                Just(Value::from(i64::from(i32::MAX) + 1)),
            ]
            .boxed(),
            ("Float", _) => any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number))
                .boxed(),
            ("Boolean", _) => any::<bool>().prop_map(Value::Bool).boxed(),
            ("NaiveDate", _) => dates().prop_map(Value::String).boxed(),
            ("NaiveDateTime", _) => (dates(), times())
                .prop_map(|(date, time)| Value::String(format!("{date}T{time}")))
                .boxed(),
            ("DateTime", _) => (dates(), times())
                .prop_map(|(date, time)| Value::String(format!("{date}T{time}Z")))
                .boxed(),
            (_, Some(TypeKind::Enum(values))) => {
                let names: Vec<Value> = values
                    .values
                    .iter()
                    .map(|value| Value::String(value.node.value.node.to_string()))
                    .collect();
                proptest::sample::select(names).boxed()
            }
            (_, Some(TypeKind::InputObject(input))) if depth < 4 => self.object(
                &input
                    .fields
                    .iter()
                    .map(|f| f.node.clone())
                    .collect::<Vec<_>>(),
                depth,
            ),
            _ => any_json(),
        }
    }

    /// An object with the required fields and, now and then, the others.
    fn object(&self, fields: &[InputValueDefinition], depth: u32) -> BoxedStrategy<Value> {
        let mut strategy: BoxedStrategy<Map<String, Value>> = Just(Map::new()).boxed();
        for field in fields {
            let name = field.name.node.to_string();
            let required = !field.ty.node.nullable && field.default_value.is_none();
            let values = self.values(&field.ty.node, depth + 1);
            let values = if required {
                values.prop_map(Some).boxed()
            } else {
                proptest::option::weighted(0.6, values).boxed()
            };
            strategy = (strategy, values)
                .prop_map(move |(mut map, value)| {
                    if let Some(value) = value {
                        map.insert(name.clone(), value);
                    }
                    map
                })
                .boxed();
        }
        strategy.prop_map(Value::Object).boxed()
    }
}

fn strings() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_owned()),
        Just("x".repeat(20_000)),
        Just("=cmd|' /C calc'!A0".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("\u{0}\u{1b}[31m\u{202e}".to_owned()),
        Just("https://example.ch/a.pdf".to_owned()),
        Just("anna.beispiel@zh.demo.iiz.invalid".to_owned()),
        "\\PC{0,40}",
        ".{0,200}",
    ]
}

fn ids() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("CH".to_owned()),
        Just("ZH".to_owned()),
        Just("SKOS".to_owned()),
        Just("00000000-0000-0000-0000-000000000000".to_owned()),
        any::<u128>().prop_map(|n| uuid::Uuid::from_u128(n).to_string()),
        strings(),
    ]
}

fn dates() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2026-01-01".to_owned()),
        Just("0001-01-01".to_owned()),
        Just("9999-12-31".to_owned()),
        Just("+262142-12-31".to_owned()),
        Just("-262143-01-01".to_owned()),
        Just("2026-02-30".to_owned()),
        (1900i32..2200, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
}

fn times() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("00:00:00".to_owned()),
        Just("23:59:59".to_owned()),
        (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}:00")),
    ]
}

/// Any JSON value, a few levels deep.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        strings().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
    .boxed()
}

fn type_text(ty: &Type) -> String {
    ty.to_string()
}

fn base_name(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => base_name(inner),
    }
}

/// The document that calls `field` with every argument as a variable.
fn document(schema: &Schema, field: &FieldDefinition) -> String {
    let arguments: Vec<&InputValueDefinition> = field
        .arguments
        .iter()
        .map(|argument| &argument.node)
        .collect();
    let declared = arguments
        .iter()
        .map(|argument| {
            // An argument's default goes with its variable: a variable
            // left out then takes it, as the argument would.
            let default = argument
                .default_value
                .as_ref()
                .map(|value| format!(" = {}", value.node))
                .unwrap_or_default();
            format!(
                "${}: {}{default}",
                argument.name.node,
                type_text(&argument.ty.node)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let passed = arguments
        .iter()
        .map(|argument| format!("{0}: ${0}", argument.name.node))
        .collect::<Vec<_>>()
        .join(", ");
    let selection = match schema.kinds.get(base_name(&field.ty.node)) {
        Some(TypeKind::Object(_) | TypeKind::Interface(_) | TypeKind::Union(_)) => {
            " { __typename }"
        }
        _ => "",
    };
    let (declared, passed) = if arguments.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("({declared})"), format!("({passed})"))
    };
    format!(
        "mutation{declared} {{ {}{passed}{selection} }}",
        field.name.node
    )
}

/// What is wrong with an answer, if anything: a server error status, an
/// `INTERNAL` code, or an error raised while executing (it has a `path`)
/// that carries no code. Errors without a path are GraphQL's own refusal of
/// a request that does not fit the schema, before anything runs.
fn untyped(status: u16, body: &Value) -> Option<String> {
    if status >= 500 {
        return Some(format!("status {status}"));
    }
    for error in body["errors"].as_array().into_iter().flatten() {
        let code = error["extensions"]["code"].as_str();
        if code == Some("INTERNAL") {
            return Some(format!("INTERNAL: {error}"));
        }
        if code.is_none() && !error["path"].is_null() {
            return Some(format!("an error without a code: {error}"));
        }
    }
    None
}

async fn send(app: &TestApp, session: &Session, query: &str, variables: &Value) -> (u16, Value) {
    let response = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("cookie", &session.cookie)
        .header(iiz_gateway::CSRF_HEADER, &session.csrf)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn arbitrary_mutation_inputs_get_typed_answers(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let session = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let schema = Schema::parse();
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[15; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let mut failures = Vec::new();
    let mut sent = 0;
    for field in &schema.mutations {
        if SKIPPED.contains(&field.name.node.as_str()) {
            continue;
        }
        let query = document(&schema, field);
        let arguments: Vec<InputValueDefinition> =
            field.arguments.iter().map(|a| a.node.clone()).collect();
        let variables = schema.object(&arguments, 0);
        for _ in 0..cases() {
            let variables = variables.new_tree(&mut runner).unwrap().current();
            let (status, body) = send(&app, &session, &query, &variables).await;
            sent += 1;
            if let Some(wrong) = untyped(status, &body) {
                let shown: String = variables.to_string().chars().take(600).collect();
                failures.push(format!("{query}\n  variables {shown}\n  → {wrong}"));
            }
        }
    }
    assert!(sent > 100, "only {sent} requests");
    assert!(
        failures.is_empty(),
        "{} untyped answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
