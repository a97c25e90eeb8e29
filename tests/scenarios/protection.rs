//! How the gateway protects the API: sessions, CSRF, API tokens, sign-out,
//! and the limits on what one request may ask.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, error_code, spawn_app};
use serde_json::json;

use crate::graphql::{ESTABLISH, ZH, working_group};

crate::on_both_backends!(
    sessions_tokens_and_csrf_protect_the_api,
    the_gateway_limits_what_a_request_may_ask
);

async fn sessions_tokens_and_csrf_protect_the_api(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // Anonymous callers get nothing but sign-in.
    let (_, anonymous) = app
        .graphql(
            As::Anonymous,
            "{ tenants { edges { node { id } } } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&anonymous), Some("UNAUTHENTICATED"));
    assert!(app.sign_in(ZH, "wrong password!").await.is_err());

    let zh = app.sign_in(ZH, DEMO_PASSWORD).await.unwrap();
    // A cookie without the CSRF token cannot mutate.
    let (status, forged) = app
        .graphql(As::CookieOnly(&zh), ESTABLISH, working_group("ZH"))
        .await
        .unwrap();
    assert_eq!((status, error_code(&forged)), (403, Some("FORBIDDEN")));

    // A token scoped to the coordinator role in Zurich acts in Zurich.
    let create = "mutation { createApiToken(name: \"reporting\", tenant: \"ZH\", roles: [COORDINATOR]) { secret token { id } } }";
    let (_, created) = app
        .graphql(As::Session(&zh), create, json!({}))
        .await
        .unwrap();
    let secret = created["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let token_id = created["data"]["createApiToken"]["token"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, read) = app
        .graphql(
            As::Token(&secret),
            "{ tenant(id: \"ZH\") { id } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(read["data"]["tenant"]["id"], "ZH", "{read}");
    let (_, established) = app
        .graphql(As::Token(&secret), ESTABLISH, working_group("ZH"))
        .await
        .unwrap();
    assert_eq!(established["data"]["establishBody"]["tenant"], "ZH");
    let (_, minted) = app
        .graphql(As::Token(&secret), create, json!({}))
        .await
        .unwrap();
    assert_eq!(
        error_code(&minted),
        Some("FORBIDDEN"),
        "tokens do not mint tokens"
    );
    // Revoked, the token opens nothing.
    let revoke = "mutation($id: ID!) { revokeApiToken(id: $id) }";
    let (_, revoked) = app
        .graphql(As::Session(&zh), revoke, json!({ "id": token_id }))
        .await
        .unwrap();
    assert_eq!(revoked["data"]["revokeApiToken"], true);
    let (status, refused) = app
        .graphql(
            As::Token(&secret),
            "{ tenant(id: \"ZH\") { id } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(
        (status, error_code(&refused)),
        (401, Some("UNAUTHENTICATED"))
    );

    // Signing out ends the session.
    let (_, out) = app
        .graphql(As::Session(&zh), "mutation { signOut }", json!({}))
        .await
        .unwrap();
    assert_eq!(out["data"]["signOut"], true);
    let (_, after) = app
        .graphql(As::Session(&zh), "{ me { id } }", json!({}))
        .await
        .unwrap();
    assert_eq!(error_code(&after), Some("UNAUTHENTICATED"));
}

async fn the_gateway_limits_what_a_request_may_ask(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let zh = app.sign_in(ZH, DEMO_PASSWORD).await.unwrap();
    let url = format!("{}/graphql", app.base_url);

    // GET serves queries, never mutations.
    let read = app
        .http
        .get(&url)
        .query(&[("query", "{ tenant(id: \"ZH\") { id } }")])
        .header("cookie", &zh.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200);
    assert!(read.headers().contains_key("x-request-id"));
    let body: serde_json::Value = read.json().await.unwrap();
    assert_eq!(body["data"]["tenant"]["id"], "ZH");
    let mutation = app
        .http
        .get(&url)
        .query(&[("query", "mutation { signOut }")])
        .header("cookie", &zh.cookie)
        .header(iiz_gateway::CSRF_HEADER, &zh.csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(mutation.status(), 405);

    // Batches are limited.
    let one = json!({ "query": "{ tenant(id: \"ZH\") { id } }" });
    let batch: Vec<_> = (0..=iiz_gateway::MAX_BATCH).map(|_| one.clone()).collect();
    let refused = app
        .http
        .post(&url)
        .header("cookie", &zh.cookie)
        .json(&batch)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);

    // Too deep a query is refused before it runs.
    let deep = format!(
        "{{ {}id{} }}",
        "tenants { edges { node { ".repeat(4),
        " } } }".repeat(4)
    );
    let (_, body) = app
        .graphql(As::Session(&zh), &deep, json!({}))
        .await
        .unwrap();
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nested too deep"),
        "{body}"
    );
    assert!(body["data"].is_null(), "{body}");

    // Introspection only for people signed in (outside development).
    let introspect = "{ __schema { queryType { name } } }";
    let (_, anonymous) = app
        .graphql(As::Anonymous, introspect, json!({}))
        .await
        .unwrap();
    assert!(anonymous["data"]["__schema"].is_null(), "{anonymous}");
    let (_, signed_in) = app
        .graphql(As::Session(&zh), introspect, json!({}))
        .await
        .unwrap();
    assert_eq!(signed_in["data"]["__schema"]["queryType"]["name"], "Query");

    // Metrics in the Prometheus text format.
    let metrics = app.get("/metrics").await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains("iiz_http_requests_total{route=\"/graphql\",status=\"200\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("iiz_log_head_position"));
    assert!(metrics.contains("iiz_outbox_lag_events"));
    assert!(
        metrics.contains("iiz_projection_lag_events{projection=\"body_directory\"} 0"),
        "{metrics}"
    );
}
