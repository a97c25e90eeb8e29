//! `GET/POST /queue/merge/{id}`: the Fachstelle merges a concern into a
//! similar one. The concern and its similar concerns are shown side by
//! side; the one chosen takes on its submitters and endorsers.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::ConcernId;
use iiz_domain::text::FreeText;

use super::detail_forms::Typed;
use super::labels::{StageBadge, institution_key, stage_badge};
use super::{concern_id, concern_path};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::i18n::Tr;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// A concern as the comparison shows it.
#[derive(Debug, Clone)]
pub struct Side {
    pub id: String,
    pub path: String,
    pub title: String,
    pub origin: String,
    pub stage: StageBadge,
    pub description: String,
    pub institutions: String,
    pub supporters: String,
}

#[derive(Template)]
#[template(path = "concerns/merge.html")]
pub struct MergePage {
    pub chrome: Chrome,
    pub action: String,
    pub concern: Side,
    pub similar: Vec<Side>,
    pub typed: Typed,
    pub errors: FormErrors,
}

fn side(tr: Tr, view: &iiz_projections::ConcernView) -> Side {
    Side {
        id: view.id.to_string(),
        path: concern_path(view.id),
        title: view.title.clone(),
        origin: view.origin.as_str().to_owned(),
        stage: stage_badge(tr, view.stage),
        description: view.description.clone(),
        institutions: view
            .institutions
            .iter()
            .map(|institution| tr.t(institution_key(*institution)))
            .collect::<Vec<_>>()
            .join(", "),
        supporters: view
            .submitters
            .iter()
            .map(ToString::to_string)
            .chain(view.endorsements.iter().map(|e| e.by.to_string()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

async fn merge_page(
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
    let similar = caller
        .similar_concerns(id)
        .await
        .map_err(fail)?
        .iter()
        .map(|found| side(tr, &found.concern))
        .collect();
    let chrome = Chrome::new(visitor, "queue", tr.t("concerns-merge-title"))
        .await?
        .crumb("/queue", tr.t("concerns-queue-title"))
        .crumb(concern_path(id), view.title.clone());
    let page = MergePage {
        chrome,
        action: format!("/queue/merge/{id}"),
        concern: side(tr, &view),
        similar,
        typed,
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /queue/merge/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    merge_page(
        &visitor,
        id,
        Typed::default(),
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `POST /queue/merge/{id}`: merges into the concern chosen.
pub async fn merge(
    Path(id): Path<String>,
    posted: Posted<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    let typed = Typed::of(form);
    let tr = visitor.tr;
    let refused = |errors| {
        merge_page(
            &visitor,
            id,
            typed.clone(),
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let Ok(into) = ConcernId::parse(typed.get("into")) else {
        return refused(FormErrors::field(
            "into",
            tr.t("concerns-error-merge-choose"),
        ))
        .await;
    };
    let Ok(rationale) = FreeText::parse(typed.get("merge_rationale")) else {
        return refused(FormErrors::field(
            "merge_rationale",
            tr.t("concerns-error-too-long"),
        ))
        .await;
    };
    match visitor.caller().merge_concern(id, into, rationale).await {
        Ok(_) => Ok(done(&concern_path(into), "concerns-notice-merged")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, &["into", "merge_rationale"])?;
            refused(errors).await
        }
    }
}
