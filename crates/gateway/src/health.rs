//! `/healthz` answers as long as the process serves requests; `/readyz`
//! answers 200 only while the store answers, so a load balancer takes an
//! instance out of rotation when its database is gone.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use iiz_app::App;
use iiz_store::EventStore;
use serde_json::json;

/// How long the readiness check waits for the store.
const READINESS_TIMEOUT: Duration = Duration::from_secs(2);

/// `/healthz` and `/readyz`.
pub fn routes(app: App) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state(app)
}

async fn healthz() -> Response {
    (StatusCode::OK, Json(json!({ "status": "ok" }))).into_response()
}

async fn readyz(State(app): State<App>) -> Response {
    let backend = app.store().backend().name();
    match tokio::time::timeout(READINESS_TIMEOUT, app.store().ping()).await {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "store": backend })),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "readiness check: store unavailable");
            unavailable(backend)
        }
        Err(_) => {
            tracing::error!("readiness check: store did not answer in time");
            unavailable(backend)
        }
    }
}

fn unavailable(backend: &str) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "status": "unavailable", "store": backend })),
    )
        .into_response()
}
