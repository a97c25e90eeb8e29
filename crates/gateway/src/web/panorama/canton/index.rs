//! `GET /panorama`: the rounds (year, stage, due date, how many cantons
//! answered, answered late or are missing), the profiles the visitor
//! keeps or reads, and for the Fachstelle the form that opens a round
//! (`POST /panorama/rounds`: the year and a due date; the questions are
//! the 2020 survey's and all 26 cantons are addressed).

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use iiz_app::panorama::NewRound;
use iiz_domain::panorama::Year;
use iiz_domain::panorama_round::RoundStage;
use iiz_projections::{AnswerStatus, RoundView};
use serde::Deserialize;

use super::{canton_name, labels, round_path};
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone)]
pub struct RoundRow {
    pub href: String,
    pub year: String,
    pub stage: String,
    pub due: String,
    pub answered: usize,
    pub late: usize,
    pub missing: usize,
    /// The published panorama, once there is one.
    pub report: Option<String>,
}

impl RoundRow {
    pub fn of(tr: crate::web::i18n::Tr, round: &RoundView) -> Self {
        let answered = round
            .cantons
            .values()
            .filter(|answer| answer.status != AnswerStatus::NoAnswer)
            .count();
        Self {
            href: round_path(round.year),
            year: round.year.to_string(),
            stage: labels::stage(tr, round.stage),
            due: format::date(round.due),
            answered,
            late: round.cantons.values().filter(|answer| answer.late).count(),
            missing: round.cantons.len() - answered,
            report: (round.stage == RoundStage::Published)
                .then(|| format!("/panorama/{}", round.year)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct CantonLink {
    pub href: String,
    pub figures: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OpenRoundForm {
    pub year: String,
    pub due: String,
}

#[derive(Template)]
#[template(path = "panorama/canton/index.html")]
pub struct IndexPage {
    pub chrome: Chrome,
    pub rounds: Vec<RoundRow>,
    pub cantons: Vec<CantonLink>,
    pub runs_rounds: bool,
    pub form: OpenRoundForm,
    pub errors: FormErrors,
}

/// `GET /panorama`.
pub async fn page(visitor: Visitor) -> Result<Response, WebError> {
    visitor.signed_in()?;
    // The next year without a round is the one most likely opened.
    let next = visitor.app.clock().today().year() + 1;
    let form = OpenRoundForm {
        year: next.to_string(),
        due: String::new(),
    };
    render_page(&visitor, form, FormErrors::none(), StatusCode::OK).await
}

async fn render_page(
    visitor: &Visitor,
    form: OpenRoundForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let mut rounds = caller
        .panorama_rounds()
        .await
        .map_err(|error| visitor.fail(error))?;
    rounds.sort_by_key(|round| std::cmp::Reverse(round.year));
    let cantons = caller
        .panorama_cantons()
        .into_iter()
        .map(|canton| CantonLink {
            href: format!("/cantons/{canton}/profile"),
            figures: format!("/cantons/{canton}/figures"),
            name: canton_name(tr, canton),
        })
        .collect();
    let page = IndexPage {
        chrome: Chrome::new(visitor, "panorama", tr.t("panorama-title")).await?,
        rounds: rounds.iter().map(|round| RoundRow::of(tr, round)).collect(),
        cantons,
        runs_rounds: caller.runs_panorama_rounds(),
        form,
        errors,
    };
    render(&page, visitor, status)
}

/// A date as typed: `2027-03-31` (a date field) or `31.03.2027`.
pub fn date(typed: &str) -> Option<NaiveDate> {
    let typed = typed.trim();
    NaiveDate::parse_from_str(typed, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(typed, "%d.%m.%Y"))
        .ok()
}

/// `POST /panorama/rounds`.
pub async fn open_round(
    Posted { visitor, form }: Posted<OpenRoundForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let year = form
        .year
        .trim()
        .parse::<u16>()
        .ok()
        .and_then(|year| Year::parse(year).ok());
    if year.is_none() {
        errors.add("year", tr.t("panorama-error-year"));
    }
    let due = if form.due.trim().is_empty() {
        None
    } else {
        let due = date(&form.due);
        if due.is_none() {
            errors.add("due", tr.t("panorama-error-date"));
        }
        due
    };
    if let (Some(year), true) = (year, errors.is_empty()) {
        let opened = visitor
            .caller()
            .open_panorama_round(NewRound {
                year,
                questions: None,
                cantons: Default::default(),
                due,
            })
            .await;
        match opened {
            Ok(_) => return Ok(done(&round_path(year), "panorama-notice-round-opened")),
            Err(error) => errors = FormErrors::of(error, &visitor, &["year", "due"])?,
        }
    }
    render_page(&visitor, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
}
