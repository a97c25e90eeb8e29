//! The recommendation pages: the register with filters, a recommendation
//! with every addressee's acceptance, status and history, its timeline
//! and its trace across aggregates; the Fachstelle's forms (draft, edit,
//! publish, the STG's recorded decisions) and the addressees' forms
//! (answer, implementation report). Every read and step goes through
//! `iiz_app`, which decides who may do what.

mod decide;
mod detail;
mod draft;
mod draft_form;
mod facts;
pub mod home;
mod labels;
mod list;
mod respond;
mod trace;

use axum::Router;
use axum::routing::{get, post};
use iiz_domain::RecommendationId;

use super::WebState;
use super::errors::{Failure, WebError};
use super::visitor::Visitor;

/// The routes of the recommendation pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/recommendations", get(list::page))
        .route(
            "/recommendations/new",
            get(draft::new_page).post(draft::create),
        )
        .route("/recommendations/{id}", get(detail::page))
        .route(
            "/recommendations/{id}/edit",
            get(draft::edit_page).post(draft::update),
        )
        .route(
            "/recommendations/{id}/amend",
            get(draft::amend_page).post(draft::amend),
        )
        .route("/recommendations/{id}/publish", post(decide::publish))
        .route("/recommendations/{id}/decision", post(decide::record))
        .route("/recommendations/{id}/answer", post(respond::answer))
        .route("/recommendations/{id}/report", post(respond::report))
}

/// The recommendation a path names; an id that cannot be one is a page
/// that does not exist.
fn recommendation_id(visitor: &Visitor, id: &str) -> Result<RecommendationId, WebError> {
    RecommendationId::parse(id).map_err(|_| visitor.refuse(Failure::NotFound))
}

fn href(id: RecommendationId) -> String {
    format!("/recommendations/{id}")
}
