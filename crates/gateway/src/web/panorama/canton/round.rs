//! `GET /panorama/rounds/{year}`: a round's stage, its questions in the
//! page's language, and each addressed canton's answer (no answer,
//! confirmed, updated; late; when; by whom where the visitor reads it).
//! The Fachstelle sees who is missing and late and closes, reopens (with
//! a reason) or publishes as the stage allows; a canton's editor answers
//! for its canton, confirming its data as it stands or as updated.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::panorama::Year;
use iiz_domain::panorama_round::{AnswerKind, RoundStage};
use iiz_domain::text::FreeText;
use iiz_domain::{CantonCode, PersonId};
use iiz_projections::AnswerStatus;
use serde::Deserialize;

use super::profile::byline;
use super::{canton_name, canton_of, labels, profile_path, round_path, year_of};
use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::meetings::names::Names;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone)]
pub struct QuestionRow {
    pub prompt: String,
    /// The prompt's language where it is not the page's (no translation).
    pub lang: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct CantonRow {
    pub code: String,
    pub name: String,
    pub href: Option<String>,
    pub status: String,
    pub answered: bool,
    pub late: bool,
    pub answered_on: String,
    pub byline: Option<String>,
    pub profile: Option<(String, String)>,
}

/// A canton the visitor answers for.
#[derive(Debug, Clone)]
pub struct AnswerForm {
    pub canton: String,
    pub name: String,
    pub status: String,
    /// The canton's profile for the round's year, if opened.
    pub profile: Option<String>,
    pub open_action: String,
}

#[derive(Template)]
#[template(path = "panorama/canton/round.html")]
pub struct RoundPage {
    pub chrome: Chrome,
    pub path: String,
    pub year: String,
    pub facts: Vec<(String, String)>,
    pub questions: Vec<QuestionRow>,
    pub cantons: Vec<CantonRow>,
    pub runs: bool,
    pub open: bool,
    pub closed: bool,
    pub report: Option<String>,
    pub missing: Vec<String>,
    pub late: Vec<String>,
    pub answers: Vec<AnswerForm>,
    pub errors: FormErrors,
    pub reason: String,
}

/// `GET /panorama/rounds/{year}`.
pub async fn page(visitor: Visitor, Path(year): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = year_of(&visitor, &year)?;
    render_page(
        &visitor,
        year,
        FormErrors::none(),
        String::new(),
        StatusCode::OK,
    )
    .await
}

async fn render_page(
    visitor: &Visitor,
    year: Year,
    errors: FormErrors,
    reason: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let round = caller
        .panorama_round(year)
        .await
        .map_err(|error| visitor.fail(error))?;
    let people: Vec<PersonId> = round
        .cantons
        .values()
        .filter_map(|answer| answer.answered_by.map(|actor| actor.person))
        .chain(std::iter::once(round.opened_by.person))
        .collect();
    let names = Names::of(visitor, people).await?;
    let questions = round
        .questions
        .questions
        .iter()
        .map(|question| match question.prompt.get(tr.language) {
            Some(prompt) => QuestionRow {
                prompt: prompt.to_owned(),
                lang: None,
            },
            None => {
                let prompt = question.prompt.best(tr.language);
                QuestionRow {
                    prompt: prompt.to_owned(),
                    lang: question
                        .prompt
                        .iter()
                        .find(|(_, text)| *text == prompt)
                        .map(|(language, _)| language.as_str()),
                }
            }
        })
        .collect();
    let mut cantons = Vec::new();
    let mut answers = Vec::new();
    let open = round.stage == RoundStage::Open;
    for (canton, answer) in &round.cantons {
        let permissions = caller.panorama_permissions(*canton);
        cantons.push(CantonRow {
            code: canton.to_string(),
            name: canton_name(tr, *canton),
            href: permissions
                .read
                .then(|| format!("/cantons/{canton}/profile")),
            status: labels::status(tr, answer.status),
            answered: answer.status != AnswerStatus::NoAnswer,
            late: answer.late,
            answered_on: answer.answered_on.map(format::date).unwrap_or_default(),
            byline: answer
                .answered_by
                .zip(answer.answered_on)
                .map(|(actor, on)| byline(tr, &names, actor, on)),
            profile: answer.contents.as_ref().map(|contents| {
                (
                    profile_path(*canton, contents.profile.year),
                    tr.args(
                        "panorama-answer-profile",
                        &[
                            ("year", contents.profile.year.to_string()),
                            ("revision", contents.profile.revision.to_string()),
                        ],
                    ),
                )
            }),
        });
        if open && permissions.edit {
            let opened = caller.canton_profile(*canton, year).await.is_ok();
            answers.push(AnswerForm {
                canton: canton.to_string(),
                name: canton_name(tr, *canton),
                status: labels::status(tr, answer.status),
                profile: opened.then(|| profile_path(*canton, year)),
                open_action: format!("/cantons/{canton}/profile/open"),
            });
        }
    }
    let missing = round
        .cantons
        .iter()
        .filter(|(_, answer)| answer.status == AnswerStatus::NoAnswer)
        .map(|(canton, _)| canton_name(tr, *canton))
        .collect();
    let late = round
        .cantons
        .iter()
        .filter(|(_, answer)| answer.late)
        .map(|(canton, _)| canton_name(tr, *canton))
        .collect();
    let mut facts = vec![
        (
            tr.t("panorama-column-stage"),
            labels::stage(tr, round.stage),
        ),
        (tr.t("panorama-column-due"), format::date(round.due)),
        (
            tr.t("panorama-opened"),
            byline(tr, &names, round.opened_by, round.opened_on),
        ),
    ];
    if let Some(closed) = round.closed_on {
        facts.push((tr.t("panorama-closed-on"), format::date(closed)));
    }
    if let Some(published) = round.published_on {
        facts.push((tr.t("panorama-published-on"), format::date(published)));
    }
    let page = RoundPage {
        chrome: Chrome::new(
            visitor,
            "panorama",
            tr.t1("panorama-round-title", "year", year.to_string()),
        )
        .await?
        .crumb("/panorama", tr.t("panorama-title")),
        path: round_path(year),
        year: year.to_string(),
        facts,
        questions,
        cantons,
        runs: caller.runs_panorama_rounds(),
        open,
        closed: round.stage == RoundStage::Closed,
        report: (round.stage == RoundStage::Published).then(|| format!("/panorama/{year}")),
        missing,
        late,
        answers,
        errors,
        reason,
    };
    render(&page, visitor, status)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub reason: String,
    pub canton: String,
    pub kind: String,
}

/// After a step: the round page with a notice, or again with the refusal.
async fn finish(
    visitor: Visitor,
    year: Year,
    outcome: Result<(), FormErrors>,
    notice: &str,
    reason: String,
) -> Result<Response, WebError> {
    match outcome {
        Ok(()) => Ok(done(&round_path(year), notice)),
        Err(errors) => {
            render_page(
                &visitor,
                year,
                errors,
                reason,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

fn refused(
    visitor: &Visitor,
    error: iiz_app::AppError,
    fields: &[&str],
) -> Result<FormErrors, WebError> {
    FormErrors::of(error, visitor, fields)
}

/// `POST /panorama/rounds/{year}/close`.
pub async fn close(
    Path(year): Path<String>,
    Posted { visitor, .. }: Posted<StepForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = year_of(&visitor, &year)?;
    let outcome = match visitor.caller().close_panorama_round(year).await {
        Ok(_) => Ok(()),
        Err(error) => Err(refused(&visitor, error, &[])?),
    };
    finish(
        visitor,
        year,
        outcome,
        "panorama-notice-round-closed",
        String::new(),
    )
    .await
}

/// `POST /panorama/rounds/{year}/reopen`: with the reason, required.
pub async fn reopen(
    Path(year): Path<String>,
    Posted { visitor, form }: Posted<StepForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = year_of(&visitor, &year)?;
    let tr = visitor.tr;
    let outcome = match FreeText::parse(form.reason.as_str()) {
        Ok(reason) if reason.is_empty() => Err(FormErrors::field(
            "reason",
            tr.t("panorama-error-reason-required"),
        )),
        Ok(reason) => match visitor.caller().reopen_panorama_round(year, reason).await {
            Ok(_) => Ok(()),
            Err(error) => Err(refused(&visitor, error, &["reason"])?),
        },
        Err(_) => Err(FormErrors::field("reason", tr.t("panorama-error-too-long"))),
    };
    finish(
        visitor,
        year,
        outcome,
        "panorama-notice-round-reopened",
        form.reason,
    )
    .await
}

/// `POST /panorama/rounds/{year}/publish`.
pub async fn publish(
    Path(year): Path<String>,
    Posted { visitor, .. }: Posted<StepForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = year_of(&visitor, &year)?;
    let outcome = match visitor.caller().publish_panorama_round(year).await {
        Ok(_) => Ok(()),
        Err(error) => Err(refused(&visitor, error, &[])?),
    };
    finish(
        visitor,
        year,
        outcome,
        "panorama-notice-round-published",
        String::new(),
    )
    .await
}

/// `POST /panorama/rounds/{year}/answer`: the canton's data as it stands
/// (`confirmed`) or as updated in the round (`updated`).
pub async fn answer(
    Path(year): Path<String>,
    Posted { visitor, form }: Posted<StepForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = year_of(&visitor, &year)?;
    let canton: CantonCode = canton_of(&visitor, &form.canton)?;
    let kind = match form.kind.as_str() {
        "confirmed" => AnswerKind::Confirmed,
        "updated" => AnswerKind::Updated,
        _ => return Err(visitor.refuse(Failure::BadRequest)),
    };
    let outcome = match visitor
        .caller()
        .answer_panorama_round(year, canton, kind, None)
        .await
    {
        Ok(_) => Ok(()),
        Err(error) => Err(refused(&visitor, error, &[])?),
    };
    finish(
        visitor,
        year,
        outcome,
        "panorama-notice-answered",
        String::new(),
    )
    .await
}
