//! `/healthz` answers as long as the process serves requests; `/readyz`
//! answers 200 only while the store answers, so a load balancer takes an
//! instance out of rotation when its database is gone. It also names the
//! state of the message bus (`in_process`, `connected`, `unreachable`), but
//! an unreachable NATS does not make the instance unready: the log keeps
//! every event until the relay can publish it, and requests are served.

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
    let bus = app.relay_status().bus().as_str();
    match tokio::time::timeout(READINESS_TIMEOUT, app.store().ping()).await {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "store": backend, "bus": bus })),
        )
            .into_response(),
        Ok(Err(error)) => {
            tracing::error!(%error, "readiness check: store unavailable");
            unavailable(backend, bus)
        }
        Err(_) => {
            tracing::error!("readiness check: store did not answer in time");
            unavailable(backend, bus)
        }
    }
}

fn unavailable(backend: &str, bus: &str) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({ "status": "unavailable", "store": backend, "bus": bus })),
    )
        .into_response()
}
