//! The Fachstelle's form of a recommendation's text: `GET/POST
//! /recommendations/new` (a new draft), `…/{id}/edit` (a changed draft)
//! and `…/{id}/amend` (a new version as the STG decided it, with the
//! meeting item or circular resolution). A refused form comes back with
//! what was typed and the error next to its field.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::recommendations::NewRecommendation;
use iiz_domain::{RecommendationCommand, RecommendationId};

use super::decide::basis;
use super::draft_form::{Choices, DraftForm, parse};
use super::respond::free_text;
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render, show};
use crate::web::visitor::Visitor;

const FIELDS: &[&str] = &[
    "title",
    "text",
    "language",
    "rationale",
    "source",
    "concerns",
    "addressees",
    "answer_due",
    "rhythm",
    "decision",
    "summary",
    "basis_meeting",
    "basis_item",
    "basis_resolution",
];

/// What the form does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    New,
    Edit,
    Amend,
}

#[derive(Template)]
#[template(path = "recommendations/form.html")]
pub struct FormPage {
    pub chrome: Chrome,
    pub action: String,
    pub amend: bool,
    pub form: DraftForm,
    pub errors: FormErrors,
    pub choices: Choices,
}

async fn form_page(
    visitor: &Visitor,
    mode: Mode,
    id: Option<RecommendationId>,
    form: DraftForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let (title, action) = match (mode, id) {
        (Mode::Edit, Some(id)) => (
            tr.t("recommendations-edit-title"),
            format!("{}/edit", super::href(id)),
        ),
        (Mode::Amend, Some(id)) => (
            tr.t("recommendations-amend-title"),
            format!("{}/amend", super::href(id)),
        ),
        _ => (
            tr.t("recommendations-new-title"),
            "/recommendations/new".to_owned(),
        ),
    };
    let mut chrome = Chrome::new(visitor, "recommendations", title)
        .await?
        .crumb("/recommendations", tr.t("recommendations-title"));
    if let Some(id) = id {
        chrome = chrome.crumb(super::href(id), form.title.clone());
    }
    let page = FormPage {
        chrome,
        action,
        amend: mode == Mode::Amend,
        form,
        choices: Choices::new(tr),
        errors,
    };
    if page.errors.is_empty() {
        show(&page, visitor)
    } else {
        render(&page, visitor, StatusCode::UNPROCESSABLE_ENTITY)
    }
}

/// `GET /recommendations/new`.
pub async fn new_page(visitor: Visitor) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let form = DraftForm::blank(visitor.tr);
    form_page(&visitor, Mode::New, None, form, FormErrors::none()).await
}

/// `POST /recommendations/new`.
pub async fn create(Posted { visitor, form }: Posted<DraftForm>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let mut errors = FormErrors::none();
    let Some(parsed) = parse(&visitor, &form, None, &mut errors) else {
        return form_page(&visitor, Mode::New, None, form, errors).await;
    };
    let drafted = visitor
        .caller()
        .draft_recommendation(NewRecommendation {
            content: parsed.content,
            addressees: parsed.addressees,
            schedule: parsed.schedule,
        })
        .await;
    match drafted {
        Ok((id, _)) => Ok(done(&super::href(id), "recommendations-notice-drafted")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, FIELDS)?;
            form_page(&visitor, Mode::New, None, form, errors).await
        }
    }
}

/// The form of `mode` for the recommendation, filled as it is.
async fn existing_page(visitor: Visitor, id: String, mode: Mode) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let view = visitor
        .caller()
        .recommendation(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let form = DraftForm::of(&view);
    form_page(&visitor, mode, Some(id), form, FormErrors::none()).await
}

/// `GET /recommendations/{id}/edit`.
pub async fn edit_page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    existing_page(visitor, id, Mode::Edit).await
}

/// `GET /recommendations/{id}/amend`.
pub async fn amend_page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    existing_page(visitor, id, Mode::Amend).await
}

/// `POST /recommendations/{id}/edit`.
pub async fn update(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<DraftForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let caller = visitor.caller();
    let view = caller
        .recommendation(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut errors = FormErrors::none();
    let Some(parsed) = parse(&visitor, &form, Some(&view), &mut errors) else {
        return form_page(&visitor, Mode::Edit, Some(id), form, errors).await;
    };
    let command = RecommendationCommand::Edit {
        content: parsed.content,
        addressees: parsed.addressees,
        schedule: parsed.schedule,
    };
    match caller.recommendation_command(id, command).await {
        Ok(_) => Ok(done(&super::href(id), "recommendations-notice-edited")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, FIELDS)?;
            form_page(&visitor, Mode::Edit, Some(id), form, errors).await
        }
    }
}

/// `POST /recommendations/{id}/amend`: records the STG's new version.
pub async fn amend(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<DraftForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let caller = visitor.caller();
    let view = caller
        .recommendation(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut errors = FormErrors::none();
    let parsed = parse(&visitor, &form, Some(&view), &mut errors);
    let decision = free_text(&visitor, &mut errors, "decision", &form.decision);
    let summary = free_text(&visitor, &mut errors, "summary", &form.summary);
    let typed = (
        form.basis_meeting.as_str(),
        form.basis_item.as_str(),
        form.basis_resolution.as_str(),
    );
    let source = basis(&visitor, typed, &mut errors);
    let (Some(parsed), Some(decision), Some(summary), Some(source)) =
        (parsed, decision, summary, source)
    else {
        return form_page(&visitor, Mode::Amend, Some(id), form, errors).await;
    };
    let recorded = caller
        .record_recommendation_decision(id, source, |decided_by| RecommendationCommand::Amend {
            content: parsed.content,
            addressees: parsed.addressees,
            schedule: parsed.schedule,
            decision,
            summary,
            decided_by,
        })
        .await;
    match recorded {
        Ok(_) => Ok(done(&super::href(id), "recommendations-notice-amended")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, FIELDS)?;
            form_page(&visitor, Mode::Amend, Some(id), form, errors).await
        }
    }
}
