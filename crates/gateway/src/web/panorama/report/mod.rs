//! The reports: the published panorama, its printable page and the
//! comparisons across cantons and years.

use axum::Router;

use super::super::WebState;

/// The panorama report pages.
pub fn routes() -> Router<WebState> {
    Router::new()
}
