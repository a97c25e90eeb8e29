//! The cantons' side of the panorama: profiles, key figures, answers in a
//! round, and the Fachstelle's rounds.

use axum::Router;

use super::super::WebState;

/// The profile, figures and round pages.
pub fn routes() -> Router<WebState> {
    Router::new()
}
