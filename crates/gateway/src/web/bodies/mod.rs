//! The bodies of the person's tenants and the national bodies, each with
//! its seats (role, voting right), chair, meetings and circular
//! resolutions; the regional networks, read-only.

mod detail;
mod list;
mod network;

use axum::Router;
use axum::routing::get;

use super::WebState;

/// The bodies and networks pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/bodies", get(list::page))
        .route("/bodies/{id}", get(detail::page))
        .route("/networks/{id}", get(network::page))
}
