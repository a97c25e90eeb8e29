//! `/admin`: the administration for tenant admins and platform admins —
//! the tenants, their bodies and seats, people and roles, and the route
//! concerns take inside a tenant. Whom it is for is asked of the one
//! authorization function: the tenants where the visitor may register
//! people are the tenants they administer; without any, the area is
//! forbidden. Every command goes through the app, which decides again.

mod access_log;
mod bodies;
mod body;
pub mod labels;
mod people;
mod person;
mod routes;

use std::collections::BTreeMap;

use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::NaiveDate;
use iiz_app::MAX_PAGE;
use iiz_app::authz::{Operation, Target, authorize};
use iiz_domain::TenantId;

use super::WebState;
use super::errors::{Failure, WebError};
use super::page::{Chrome, show};
use super::visitor::Visitor;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/admin", get(overview))
        .route("/admin/tenants", get(tenants))
        .route("/admin/bodies", get(bodies::page).post(bodies::establish))
        .route("/admin/bodies/{id}", get(body::page))
        .route("/admin/bodies/{id}/seats", post(body::seat))
        .route("/admin/bodies/{id}/seats/remove", post(body::unseat))
        .route("/admin/people", get(people::page).post(people::register))
        .route("/admin/people/{id}", get(person::page))
        .route("/admin/people/{id}/roles", post(person::grant))
        .route("/admin/people/{id}/roles/revoke", post(person::revoke))
        .route(
            "/admin/people/{id}/platform-admin",
            post(person::platform_admin),
        )
        .route("/admin/people/{id}/forget", post(person::forget))
        .route("/admin/access-log", get(access_log::page))
        .route(
            "/admin/people/{id}/deactivation",
            post(person::deactivation),
        )
        .route("/admin/routes", get(routes::page).post(routes::define))
}

/// The tenants the visitor administers; none: the administration is
/// forbidden to them.
pub(super) fn administered(visitor: &Visitor) -> Result<Vec<TenantId>, WebError> {
    let principal = visitor.signed_in()?;
    let tenants: Vec<TenantId> = TenantId::all()
        .filter(|tenant| {
            authorize(
                Some(principal),
                Operation::RegisterPerson,
                &Target::tenant(*tenant),
            )
            .is_ok()
        })
        .collect();
    if tenants.is_empty() {
        Err(forbidden(visitor))
    } else {
        Ok(tenants)
    }
}

pub(super) fn forbidden(visitor: &Visitor) -> WebError {
    visitor.refuse(Failure::Forbidden)
}

pub(super) fn not_found(visitor: &Visitor) -> WebError {
    visitor.refuse(Failure::NotFound)
}

pub(super) fn bad_request(visitor: &Visitor) -> WebError {
    visitor.refuse(Failure::BadRequest)
}

/// The tenant a page is about: the one asked for, else the first one
/// administered.
pub(super) fn chosen(
    visitor: &Visitor,
    administered: &[TenantId],
    asked: &str,
) -> Result<TenantId, WebError> {
    if asked.trim().is_empty() {
        return administered
            .first()
            .copied()
            .ok_or_else(|| forbidden(visitor));
    }
    let tenant = TenantId::parse(asked).map_err(|_| not_found(visitor))?;
    if administered.contains(&tenant) {
        Ok(tenant)
    } else {
        Err(forbidden(visitor))
    }
}

/// Every tenant's name in the visitor's language.
pub(super) async fn tenant_names(
    visitor: &Visitor,
) -> Result<BTreeMap<TenantId, String>, WebError> {
    Ok(visitor
        .caller()
        .tenants(MAX_PAGE, None)
        .await
        .map_err(|error| visitor.fail(error))?
        .items
        .into_iter()
        .map(|tenant| (tenant.id, tenant.names.best(visitor.tr.language).to_owned()))
        .collect())
}

/// `(code, "code – name")` for a select of `tenants`.
pub(super) fn tenant_options(
    tenants: &[TenantId],
    names: &BTreeMap<TenantId, String>,
) -> Vec<(String, String)> {
    tenants
        .iter()
        .map(|tenant| {
            let name = names.get(tenant).map_or("", String::as_str);
            (tenant.to_string(), format!("{tenant} – {name}"))
        })
        .collect()
}

/// A date as a form sends it (`YYYY-MM-DD`).
pub(super) fn form_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// Today, as a date field's value.
pub(super) fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// A section of the administration.
#[derive(Debug, Clone)]
pub struct Section {
    pub href: String,
    pub label: String,
    pub about: String,
}

#[derive(Template)]
#[template(path = "admin/overview.html")]
pub struct OverviewPage {
    pub chrome: Chrome,
    pub sections: Vec<Section>,
    pub tenants: Vec<(String, String)>,
}

/// `GET /admin`.
pub async fn overview(visitor: Visitor) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tr = visitor.tr;
    let names = tenant_names(&visitor).await?;
    let runs_platform = visitor
        .principal()
        .is_some_and(|principal| principal.acts_as_platform_admin());
    let sections = [
        ("/admin/tenants", "admin-tenants", "admin-tenants-about"),
        ("/admin/bodies", "admin-bodies", "admin-bodies-about"),
        ("/admin/people", "admin-people", "admin-people-about"),
        ("/admin/routes", "admin-routes", "admin-routes-about"),
    ]
    .into_iter()
    .chain(runs_platform.then_some((
        "/admin/access-log",
        "admin-access-log",
        "admin-access-log-about",
    )))
    .map(|(href, label, about)| Section {
        href: href.to_owned(),
        label: tr.t(label),
        about: tr.t(about),
    })
    .collect();
    let chrome = Chrome::new(&visitor, "admin", tr.t("admin-title")).await?;
    let page = OverviewPage {
        chrome,
        sections,
        tenants: tenant_options(&administered, &names),
    };
    show(&page, &visitor)
}

/// One tenant as the administration lists it.
#[derive(Debug, Clone)]
pub struct TenantLine {
    pub code: String,
    pub name: String,
    pub languages: String,
    pub active_bodies: u32,
    pub route_steps: usize,
}

#[derive(Template)]
#[template(path = "admin/tenants.html")]
pub struct TenantsPage {
    pub chrome: Chrome,
    pub tenants: Vec<TenantLine>,
}

/// `GET /admin/tenants`: the tenants the visitor administers.
pub async fn tenants(visitor: Visitor) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tr = visitor.tr;
    let tenants = visitor
        .caller()
        .tenants(MAX_PAGE, None)
        .await
        .map_err(|error| visitor.fail(error))?
        .items
        .into_iter()
        .filter(|tenant| administered.contains(&tenant.id))
        .map(|tenant| TenantLine {
            code: tenant.id.to_string(),
            name: tenant.names.best(tr.language).to_owned(),
            languages: tenant
                .official_languages
                .iter()
                .map(|language| labels::language_code(*language))
                .collect::<Vec<_>>()
                .join(", "),
            active_bodies: tenant.active_bodies,
            route_steps: tenant.concern_route.steps.len(),
        })
        .collect();
    let chrome = Chrome::new(&visitor, "admin", tr.t("admin-tenants"))
        .await?
        .crumb("/admin", tr.t("admin-title"));
    show(&TenantsPage { chrome, tenants }, &visitor)
}
