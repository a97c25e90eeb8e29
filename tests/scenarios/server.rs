//! The server answers health and readiness and stops cleanly.

use iiz_tests::{Backend, spawn_app};

crate::on_both_backends!(health_and_readiness_answer_and_the_server_stops_cleanly);

async fn health_and_readiness_answer_and_the_server_stops_cleanly(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let health = app.get("/healthz").await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.get("/readyz").await.unwrap();
    assert_eq!(ready.status(), 200);
    let body: serde_json::Value = ready.json().await.unwrap();
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(
        body,
        serde_json::json!({ "status": "ready", "store": expected, "bus": "in_process" })
    );
    assert_eq!(app.get("/nope").await.unwrap().status(), 404);
    // Demo data was loaded through the commands before serving.
    let tenants = app.app().tenants(100, None).await.unwrap();
    assert_eq!(tenants.items.len(), 27);
    let base_url = app.base_url.clone();
    let database = app.database;
    app.server.stop().await.unwrap();
    assert!(
        reqwest::get(format!("{base_url}/healthz")).await.is_err(),
        "still listening"
    );
    drop(database);
}
