//! Requests the scenarios make over and over: one that must succeed, one
//! that must be refused, and the refusal's code.

use iiz_tests::{As, Session, TestApp};
use serde_json::Value;

/// Runs a request that must succeed and returns its `data`.
pub async fn ok(app: &TestApp, who: &Session, query: &str, variables: Value) -> Value {
    let (status, body) = app
        .graphql(As::Session(who), query, variables)
        .await
        .unwrap();
    assert!(
        status == 200 && body["errors"].is_null(),
        "{query}\n→ {status} {body}"
    );
    body["data"].clone()
}

/// Runs a request that must be refused and returns the error.
pub async fn refused(app: &TestApp, who: &Session, query: &str, variables: Value) -> Value {
    let (_, body) = app
        .graphql(As::Session(who), query, variables)
        .await
        .unwrap();
    assert!(body["errors"].is_array(), "{query} was not refused: {body}");
    body["errors"][0].clone()
}

pub fn code(error: &Value) -> &str {
    error["extensions"]["code"].as_str().unwrap_or_default()
}

/// The code of a request that must be refused.
pub async fn refused_code(app: &TestApp, who: &Session, query: &str, variables: Value) -> String {
    code(&refused(app, who, query, variables).await).to_owned()
}
