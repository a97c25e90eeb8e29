//! Circular resolutions: how the STG and the EKG decide outside a
//! meeting. One resolution with its question, effect, voters, answers so
//! far, deadline and outcome; a voting member's answer form; the
//! secretariat's forms to propose (from a body page), close and withdraw.

mod detail;
mod propose;

use axum::Router;
use axum::routing::{get, post};

use super::WebState;

/// The circular resolution pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/resolutions/{id}", get(detail::page))
        .route("/resolutions/{id}/answer", post(detail::answer))
        .route("/resolutions/{id}/close", post(detail::close))
        .route("/resolutions/{id}/withdraw", post(detail::withdraw))
        .route(
            "/bodies/{id}/resolutions/new",
            get(propose::form).post(propose::submit),
        )
}
