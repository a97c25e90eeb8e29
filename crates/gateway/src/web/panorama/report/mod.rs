//! The reports: the published panorama of a year generated from the data,
//! its printable page, and the comparisons across cantons and rounds
//! (docs/panorama.md "Report pages"). Read-only GET pages for everyone
//! signed in; what is published is the app's to decide.

mod compare;
mod field_value;
mod labels;
mod national;
mod published;
mod section;
mod values;

use axum::Router;
use axum::routing::get;

use super::super::WebState;

/// The panorama report pages. `/panorama/compare` is a fixed path, so
/// the router matches it before the year.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/panorama/compare", get(compare::page))
        .route("/panorama/{year}", get(published::page))
        .route("/panorama/{year}/print", get(published::print))
}
