//! `GET/POST /concerns/{id}/submit`: before a concern leaves for the
//! national level, the shared concerns that read like it are shown, each
//! with "endorse that one instead"; "submit anyway" submits this one.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::concern::{Channel, ConcernAction};
use iiz_domain::{ConcernCommand, ConcernId};

use super::detail_forms::Typed;
use super::labels::{StageBadge, stage_badge};
use super::{concern_id, concern_path};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// A shared concern like the one to submit.
#[derive(Debug, Clone)]
pub struct Similar {
    pub path: String,
    pub title: String,
    pub origin: String,
    pub stage: StageBadge,
    pub description: String,
    /// Whether the person may endorse it (else it is only shown).
    pub endorsable: bool,
}

#[derive(Template)]
#[template(path = "concerns/submit.html")]
pub struct SubmitPage {
    pub chrome: Chrome,
    pub path: String,
    pub similar: Vec<Similar>,
    pub channels: Vec<(String, String)>,
    pub typed: Typed,
    pub errors: FormErrors,
}

/// The longest part of a similar concern's description the page shows.
const EXCERPT_CHARS: usize = 300;

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

async fn confirm_page(
    visitor: &Visitor,
    id: ConcernId,
    typed: Typed,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let view = caller.concern(id).await.map_err(fail)?;
    let mut similar = Vec::new();
    for found in caller.similar_concerns(id).await.map_err(fail)? {
        let other = found.concern;
        let endorsable = caller
            .concern_actions(&other)
            .await
            .map_err(fail)?
            .contains(&ConcernAction::Endorse);
        similar.push(Similar {
            path: concern_path(other.id),
            title: other.title.clone(),
            origin: other.origin.as_str().to_owned(),
            stage: stage_badge(tr, other.stage),
            description: excerpt(&other.description),
            endorsable,
        });
    }
    let path = concern_path(id);
    let chrome = Chrome::new(visitor, "concerns", tr.t("concerns-submit-title"))
        .await?
        .crumb("/concerns", tr.t("concerns-list-title"))
        .crumb(path.clone(), view.title.clone());
    let page = SubmitPage {
        chrome,
        path,
        similar,
        channels: vec![
            (
                "via_fachstelle".to_owned(),
                tr.t("concerns-outcome-via-fachstelle"),
            ),
            (
                "direct_to_ekg".to_owned(),
                tr.t("concerns-outcome-direct-to-ekg"),
            ),
        ],
        typed,
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /concerns/{id}/submit`.
pub async fn confirm(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    confirm_page(
        &visitor,
        id,
        Typed::default(),
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `POST /concerns/{id}/submit`: submit anyway.
pub async fn submit(
    Path(id): Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    let typed = Typed::of(form);
    let channel = match typed.get("channel") {
        "" | "via_fachstelle" => Channel::ViaFachstelle,
        "direct_to_ekg" => Channel::DirectToEkg,
        _ => {
            let errors = FormErrors::field("channel", visitor.tr.t("concerns-error-choice"));
            return confirm_page(
                &visitor,
                id,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match visitor
        .caller()
        .concern_command(id, ConcernCommand::Submit { channel })
        .await
    {
        Ok(_) => Ok(done(&concern_path(id), "concerns-notice-submitted")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, &["channel"])?;
            confirm_page(
                &visitor,
                id,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
