//! `GET /concerns`: the concerns the person may see, newest first, narrowed
//! by stage, tenant and focus area, a page at a time.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use iiz_app::authz::concern::concern_tenants;
use iiz_app::concerns::ConcernFilter;
use iiz_domain::TenantId;
use iiz_domain::concern::ConcernStage;
use serde::Deserialize;

use super::labels::{StageBadge, stage_badge, stage_key};
use super::{Choice, choices};
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::forms::{FormErrors, encode};
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// Concerns per page.
const PAGE_SIZE: usize = 25;

/// The filter as the form sends it (every field may be empty).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Words to find in title, description and reasons.
    pub text: String,
    pub stage: String,
    pub tenant: String,
    pub focus_area: String,
    pub after: String,
}

/// A line of the table.
#[derive(Debug, Clone)]
pub struct ConcernRow {
    pub href: String,
    pub title: String,
    pub origin: String,
    pub stage: StageBadge,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "concerns/list.html")]
pub struct ConcernListPage {
    pub chrome: Chrome,
    pub query: ListQuery,
    pub errors: FormErrors,
    pub stages: Vec<Choice>,
    pub tenants: Vec<Choice>,
    pub focus_areas: Vec<Choice>,
    pub rows: Vec<ConcernRow>,
    pub next: Option<String>,
    pub first: Option<String>,
    pub may_draft: bool,
}

/// The query of a listing with the same filter, after `cursor`.
fn listing(query: &ListQuery, cursor: Option<&str>) -> String {
    let mut parts = Vec::new();
    for (name, value) in [
        ("text", &query.text),
        ("stage", &query.stage),
        ("tenant", &query.tenant),
        ("focus_area", &query.focus_area),
    ] {
        if !value.is_empty() {
            parts.push(format!("{name}={}", encode(value)));
        }
    }
    if let Some(cursor) = cursor {
        parts.push(format!("after={}", encode(cursor)));
    }
    if parts.is_empty() {
        "/concerns".to_owned()
    } else {
        format!("/concerns?{}", parts.join("&"))
    }
}

/// `GET /concerns`.
pub async fn page(visitor: Visitor, Query(query): Query<ListQuery>) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    // An unknown choice (an old bookmark) lists without it.
    let filter = ConcernFilter {
        stage: ConcernStage::ALL
            .into_iter()
            .find(|stage| stage.as_str() == query.stage),
        origin: TenantId::parse(&query.tenant).ok(),
        focus_area: Some(query.focus_area.trim().to_owned()).filter(|area| !area.is_empty()),
        text: Some(query.text.trim().to_owned()).filter(|text| !text.is_empty()),
        ..ConcernFilter::default()
    };
    let after = Some(query.after.as_str()).filter(|after| !after.is_empty());
    let found = caller
        .concerns(&filter, PAGE_SIZE, after)
        .await
        .map_err(|error| visitor.fail(error))?;
    let rows = found
        .items
        .iter()
        .map(|view| ConcernRow {
            href: super::concern_path(view.id),
            title: view.title.clone(),
            origin: view.origin.as_str().to_owned(),
            stage: stage_badge(tr, view.stage),
            updated: format::date_time(view.updated_at),
        })
        .collect();
    let mut stages = vec![(String::new(), tr.t("concerns-filter-any-stage"))];
    stages.extend(
        ConcernStage::ALL
            .into_iter()
            .map(|stage| (stage.as_str().to_owned(), tr.t(stage_key(stage)))),
    );
    let mut tenants = vec![(String::new(), tr.t("concerns-filter-any-tenant"))];
    tenants.extend(TenantId::all().map(|tenant| {
        let code = tenant.as_str().to_owned();
        (code.clone(), code)
    }));
    let mut focus_areas = vec![(String::new(), tr.t("concerns-filter-any-focus"))];
    if let Some(programme) = caller
        .programme_focus(None)
        .await
        .map_err(|error| visitor.fail(error))?
    {
        focus_areas.extend(programme.focus_areas.iter().map(|plan| {
            (
                plan.focus_area.as_str().to_owned(),
                plan.title.as_str().to_owned(),
            )
        }));
    }
    let chrome = Chrome::new(&visitor, "concerns", tr.t("concerns-list-title")).await?;
    let next = found
        .next
        .as_deref()
        .map(|cursor| listing(&query, Some(cursor)));
    let first = after.map(|_| listing(&query, None));
    let may_draft = !concern_tenants(principal).is_empty();
    show(
        &ConcernListPage {
            chrome,
            stages: choices(stages, &query.stage),
            tenants: choices(tenants, &query.tenant),
            focus_areas: choices(focus_areas, &query.focus_area),
            query,
            errors: FormErrors::none(),
            rows,
            next,
            first,
            may_draft,
        },
        &visitor,
    )
}
