//! The monitoring dashboard: the concern pipeline, acceptance and
//! implementation per recommendation, implementation over time and the
//! map of Switzerland, each picture with its table.

mod dashboard;
mod figures;
pub(in crate::web) mod labels;

use axum::Router;
use axum::routing::get;

use super::WebState;

/// The routes of the monitoring pages.
pub fn routes() -> Router<WebState> {
    Router::new().route("/monitoring", get(dashboard::page))
}
