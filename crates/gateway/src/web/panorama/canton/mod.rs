//! The cantons' side of the panorama: the rounds and the Fachstelle's
//! steps on them, each canton's profiles with their history, revisions
//! and corrections, and its key figures. Every step calls `iiz_app` as
//! the person; what a person may do comes from
//! `Caller::panorama_permissions`, never from a rule of these pages.

mod corrections;
mod edit;
mod edit_forms;
mod edit_parse;
mod figure_form;
mod figures;
mod index;
mod labels;
mod profile;
mod round;
mod shown;

use axum::Router;
use axum::routing::{get, post};
use iiz_domain::panorama::Year;
use iiz_domain::{CantonCode, Language};

use super::super::WebState;
use crate::web::errors::{Failure, WebError};
use crate::web::i18n::Tr;
use crate::web::visitor::Visitor;

/// The profile, figures and round pages.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/panorama", get(index::page))
        .route("/panorama/rounds", post(index::open_round))
        .route("/panorama/rounds/{year}", get(round::page))
        .route("/panorama/rounds/{year}/close", post(round::close))
        .route("/panorama/rounds/{year}/reopen", post(round::reopen))
        .route("/panorama/rounds/{year}/publish", post(round::publish))
        .route("/panorama/rounds/{year}/answer", post(round::answer))
        .route("/cantons/{code}/profile", get(profile::list))
        .route("/cantons/{code}/profile/open", post(profile::open))
        .route("/cantons/{code}/profile/{year}", get(profile::page))
        .route(
            "/cantons/{code}/profile/{year}/edit/{part}",
            get(edit::revise_page).post(edit::revise),
        )
        .route(
            "/cantons/{code}/profile/{year}/correct/{part}",
            get(edit::propose_page).post(edit::propose),
        )
        .route(
            "/cantons/{code}/profile/{year}/corrections/{proposal}/{step}",
            post(corrections::step),
        )
        .route("/cantons/{code}/figures", get(figures::list))
        .route(
            "/cantons/{code}/figures/{year}",
            get(figures::form_page).post(figures::report),
        )
}

/// The canton a path names; an unknown one is a page that is not there.
fn canton_of(visitor: &Visitor, code: &str) -> Result<CantonCode, WebError> {
    // Only the upper-case abbreviation is a page (one address per canton).
    if code.chars().any(|c| c.is_ascii_lowercase()) {
        return Err(visitor.refuse(Failure::NotFound));
    }
    CantonCode::parse(code).map_err(|_| visitor.refuse(Failure::NotFound))
}

/// The year a path names.
fn year_of(visitor: &Visitor, year: &str) -> Result<Year, WebError> {
    year.parse::<u16>()
        .ok()
        .and_then(|year| Year::parse(year).ok())
        .ok_or_else(|| visitor.refuse(Failure::NotFound))
}

fn profile_path(canton: CantonCode, year: Year) -> String {
    format!("/cantons/{canton}/profile/{year}")
}

fn round_path(year: Year) -> String {
    format!("/panorama/rounds/{year}")
}

/// A canton's name in the page's language.
fn canton_name(tr: Tr, canton: CantonCode) -> String {
    crate::web::monitoring::labels::canton(tr, canton.as_str())
}

/// The `lang` of content written in `language`, where it differs from the
/// page's (screen readers switch their voice).
fn content_lang(tr: Tr, language: Language) -> Option<&'static str> {
    (language.as_str() != tr.lang()).then_some(language.as_str())
}

/// An option of a select or a checkbox, knowing whether it is chosen.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    fn new(value: impl Into<String>, label: String, selected: bool) -> Self {
        Self {
            value: value.into(),
            label,
            selected,
        }
    }
}

/// A form's errors asked by a field id the template holds as a `String`
/// or a `&str` alike (the inputs of `inputs.html` get both).
pub trait ErrorsAt {
    fn failed_at(&self, field: impl AsRef<str>) -> bool;
    fn message_at(&self, field: impl AsRef<str>) -> Option<&str>;
}

impl ErrorsAt for crate::web::forms::FormErrors {
    fn failed_at(&self, field: impl AsRef<str>) -> bool {
        self.failed(field.as_ref())
    }

    fn message_at(&self, field: impl AsRef<str>) -> Option<&str> {
        self.at(field.as_ref())
    }
}
