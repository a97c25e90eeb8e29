//! The concern pages (the Seismograf): the list a person may see, drafting
//! and editing, one concern with its steps, timeline and trace across the
//! bodies' decisions and recommendations, the forms of exactly the steps
//! the person may take, and the Fachstelle's queues with merging.
//!
//! Every step calls the same `iiz_app` functions as GraphQL; what a person
//! may do comes from `concern_actions`, never from a rule of these pages.

mod actions;
mod basis_choices;
mod body_steps;
mod content_form;
mod detail;
mod detail_forms;
mod draft;
mod facts;
pub(in crate::web) mod labels;
mod list;
mod merge;
mod queue;
mod submit;
mod trace;

use axum::Router;
use axum::routing::{get, post};
use iiz_domain::ConcernId;

use super::WebState;
use super::errors::{Failure, WebError};
use super::visitor::Visitor;

/// The routes of the concern pages and the Fachstelle's queues.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/concerns", get(list::page))
        .route("/concerns/new", get(draft::new_page).post(draft::create))
        .route("/concerns/{id}", get(detail::page))
        .route(
            "/concerns/{id}/edit",
            get(draft::edit_page).post(draft::update),
        )
        .route("/concerns/{id}/start-route", post(actions::start_route))
        .route("/concerns/{id}/step", post(actions::record_step))
        .route("/concerns/{id}/resolve", post(actions::resolve_locally))
        .route("/concerns/{id}/withdraw", post(actions::withdraw))
        .route("/concerns/{id}/endorse", post(actions::endorse))
        .route(
            "/concerns/{id}/submit",
            get(submit::confirm).post(submit::submit),
        )
        .route("/concerns/{id}/accept", post(actions::accept))
        .route("/concerns/{id}/return", post(actions::return_to_origin))
        .route("/concerns/{id}/bring-to-stg", post(actions::bring_to_stg))
        .route("/concerns/{id}/answer", post(actions::answer))
        .route("/concerns/{id}/examine", post(body_steps::examine))
        .route("/concerns/{id}/decide", post(body_steps::decide))
        .route("/concerns/{id}/refer", post(body_steps::refer))
        .route("/concerns/{id}/assess", post(body_steps::assess))
        .route("/queue", get(queue::page))
        .route("/queue/merge/{id}", get(merge::page).post(merge::merge))
}

/// The concern a path names; an id that is none is a page that is not there.
fn concern_id(visitor: &Visitor, id: &str) -> Result<ConcernId, WebError> {
    ConcernId::parse(id).map_err(|_| visitor.refuse(Failure::NotFound))
}

/// The path of a concern's page.
fn concern_path(id: ConcernId) -> String {
    format!("/concerns/{id}")
}

/// An option of a select, knowing whether it is the one chosen.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// `(value, label)` pairs as options, `chosen` selected.
fn choices(options: Vec<(String, String)>, chosen: &str) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}
