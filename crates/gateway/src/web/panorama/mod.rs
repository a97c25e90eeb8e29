//! The panorama's pages (issue 16, docs/panorama.md): what the cantons
//! keep (profiles, key figures, their answers in a round, the Fachstelle's
//! rounds) in `canton`, and what the platform reports from it (the
//! published panorama, its printable page, comparisons) in `report`.

mod canton;
mod report;

use axum::Router;

use super::WebState;

/// The panorama pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .merge(canton::routes())
        .merge(report::routes())
}
