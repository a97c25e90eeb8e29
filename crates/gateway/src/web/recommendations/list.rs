//! `GET /recommendations`: the register, filtered by stage and addressee,
//! newest first, a page at a time.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use iiz_app::recommendations::RecommendationFilter;
use iiz_domain::Party;
use iiz_domain::recommendation::RecommendationStage;
use serde::Deserialize;

use super::labels::{self, Badge};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, encode};
use crate::web::page::{Chrome, show};
use crate::web::{format, visitor::Visitor};

/// Rows per page of the register.
const PER_PAGE: usize = 25;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub stage: String,
    pub addressee: String,
    pub after: String,
}

/// One row of the register.
#[derive(Debug, Clone)]
pub struct Row {
    pub href: String,
    pub title: String,
    pub stage: Badge,
    pub addressees: usize,
    pub answer_due: String,
    pub published_on: String,
}

#[derive(Template)]
#[template(path = "recommendations/list.html")]
pub struct ListPage {
    pub chrome: Chrome,
    pub rows: Vec<Row>,
    pub query: ListQuery,
    pub stages: Vec<(String, String)>,
    pub parties: Vec<(String, String)>,
    pub errors: FormErrors,
    /// The next page's address, when more follow.
    pub next: Option<String>,
    /// The first page's address, when this is a later one.
    pub first: Option<String>,
    pub may_draft: bool,
}

fn parse_stage(value: &str) -> Option<RecommendationStage> {
    labels::STAGES
        .into_iter()
        .find(|stage| stage.as_str() == value)
}

/// `GET /recommendations`.
pub async fn page(visitor: Visitor, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let bad = || visitor.refuse(Failure::BadRequest);
    let stage = match query.stage.as_str() {
        "" => None,
        value => Some(parse_stage(value).ok_or_else(bad)?),
    };
    let addressee = match query.addressee.as_str() {
        "" => None,
        value => Some(Party::parse(value).map_err(|_| bad())?),
    };
    let filter = RecommendationFilter {
        stage,
        addressee,
        ..RecommendationFilter::default()
    };
    let after = Some(query.after.as_str()).filter(|after| !after.is_empty());
    let found = visitor
        .caller()
        .recommendations(&filter, PER_PAGE, after)
        .await
        .map_err(|error| visitor.fail(error))?;
    let rows = found
        .items
        .iter()
        .map(|view| Row {
            href: super::href(view.id),
            title: view
                .translations
                .get(&tr.language)
                .map_or_else(|| view.title.clone(), |t| t.title.as_str().to_owned()),
            stage: labels::stage(tr, view.stage),
            addressees: view.addressees.len(),
            answer_due: format::date(view.schedule.answer_due),
            published_on: view.published_on.map(format::date).unwrap_or_default(),
        })
        .collect();
    let filters = format!(
        "stage={}&addressee={}",
        encode(&query.stage),
        encode(&query.addressee)
    );
    let next = found
        .next
        .map(|cursor| format!("/recommendations?{filters}&after={}", encode(&cursor)));
    let first = after.map(|_| format!("/recommendations?{filters}"));
    let mut stages = vec![(String::new(), tr.t("recommendations-filter-any-stage"))];
    stages.extend(
        labels::STAGES
            .into_iter()
            .map(|stage| (stage.as_str().to_owned(), labels::stage(tr, stage).label)),
    );
    let mut parties = vec![(String::new(), tr.t("recommendations-filter-any-addressee"))];
    parties.extend(labels::parties());
    let chrome = Chrome::new(&visitor, "recommendations", tr.t("recommendations-title")).await?;
    show(
        &ListPage {
            chrome,
            rows,
            query,
            stages,
            parties,
            errors: FormErrors::none(),
            next,
            first,
            // Only offers the link: drafting itself is authorized by the app.
            may_draft: principal.is_national_office(),
        },
        &visitor,
    )
}
