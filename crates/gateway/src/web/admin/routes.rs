//! `/admin/routes`: the route concerns take inside a tenant before they
//! leave it — the steps in order, each taken by a body or a role — and
//! defining it anew (concerns under way keep theirs).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::{BodyFilter, MAX_PAGE};
use iiz_domain::concern::{MAX_ROUTE_STEPS, RouteStep, StepActor};
use iiz_domain::{BodyId, TenantId, TenantRole, Title};
use serde::Deserialize;

use super::bodies::TenantQuery;
use super::labels::{STEP_KINDS, step_kind, step_kind_value, tenant_role};
use super::{administered, bad_request, chosen, tenant_names, tenant_options};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// One row of the route form (numbered from 1).
#[derive(Debug, Clone, Default)]
pub struct RouteRow {
    pub n: usize,
    pub label: String,
    pub kind: String,
    pub actor: String,
}

impl RouteRow {
    /// The field (and element id) of this row's label.
    pub fn label_field(&self) -> String {
        format!("label-{}", self.n)
    }

    pub fn actor_field(&self) -> String {
        format!("actor-{}", self.n)
    }
}

/// One step of the route in force.
#[derive(Debug, Clone)]
pub struct StepLine {
    pub label: String,
    pub kind: String,
    pub actor: String,
}

/// The route form: its rows' fields repeated in order.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RouteForm {
    #[serde(default)]
    pub tenant: String,
    #[serde(default)]
    pub label: Vec<String>,
    #[serde(default)]
    pub kind: Vec<String>,
    #[serde(default)]
    pub actor: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/route.html")]
pub struct RoutePage {
    pub chrome: Chrome,
    pub tenant: String,
    pub tenants: Vec<(String, String)>,
    pub version: u32,
    pub steps: Vec<StepLine>,
    pub rows: Vec<RouteRow>,
    pub kinds: Vec<(String, String)>,
    pub actors: Vec<(String, String)>,
    pub errors: FormErrors,
}

fn actor_value(actor: &StepActor) -> String {
    match actor {
        StepActor::Body(body) => format!("body:{body}"),
        StepActor::Role(role) => format!("role:{}", role.as_str()),
    }
}

fn parse_actor(value: &str) -> Option<StepActor> {
    match value.split_once(':')? {
        ("body", id) => BodyId::parse(id).ok().map(StepActor::Body),
        ("role", role) => TenantRole::parse(role).ok().map(StepActor::Role),
        _ => None,
    }
}

/// `GET /admin/routes?tenant=ZH`.
pub async fn page(
    visitor: Visitor,
    Query(query): Query<TenantQuery>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tenant = chosen(&visitor, &administered, &query.tenant)?;
    let page = build(&visitor, &administered, tenant, None, FormErrors::none()).await?;
    render(&page, &visitor, StatusCode::OK)
}

async fn build(
    visitor: &Visitor,
    administered: &[TenantId],
    tenant: TenantId,
    typed: Option<Vec<RouteRow>>,
    errors: FormErrors,
) -> Result<RoutePage, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let view = caller.tenant(tenant).await.map_err(fail)?;
    let filter = BodyFilter {
        tenant: Some(tenant),
        active: Some(true),
        ..BodyFilter::default()
    };
    let bodies: BTreeMap<BodyId, String> = caller
        .bodies(&filter, MAX_PAGE, None)
        .await
        .map_err(fail)?
        .items
        .into_iter()
        .map(|body| (body.id, body.names.best(tr.language).to_owned()))
        .collect();
    let actor_name = |actor: &StepActor| match actor {
        StepActor::Body(body) => bodies
            .get(body)
            .cloned()
            .unwrap_or_else(|| tr.t("admin-body-gone")),
        StepActor::Role(role) => tenant_role(tr, *role),
    };
    let route = &view.concern_route;
    let steps = route
        .steps
        .iter()
        .map(|step| StepLine {
            label: step.label.to_string(),
            kind: step_kind(tr, step.kind),
            actor: actor_name(&step.actor),
        })
        .collect();
    let mut rows = typed.unwrap_or_else(|| {
        route
            .steps
            .iter()
            .map(|step| RouteRow {
                n: 0,
                label: step.label.to_string(),
                kind: step_kind_value(step.kind).to_owned(),
                actor: actor_value(&step.actor),
            })
            .collect()
    });
    rows.resize_with(MAX_ROUTE_STEPS, RouteRow::default);
    for (index, row) in rows.iter_mut().enumerate() {
        row.n = index + 1;
    }
    let mut actors = vec![(String::new(), tr.t("admin-route-no-step"))];
    actors.extend(
        TenantRole::ALL
            .into_iter()
            .map(|role| (format!("role:{}", role.as_str()), tenant_role(tr, role))),
    );
    actors.extend(
        bodies
            .iter()
            .map(|(id, name)| (format!("body:{id}"), name.clone())),
    );
    let names = tenant_names(visitor).await?;
    let chrome = Chrome::new(visitor, "admin", tr.t("admin-routes"))
        .await?
        .crumb("/admin", tr.t("admin-title"));
    Ok(RoutePage {
        chrome,
        tenant: tenant.to_string(),
        tenants: tenant_options(administered, &names),
        version: route.version,
        steps,
        rows,
        kinds: STEP_KINDS
            .into_iter()
            .map(|kind| (step_kind_value(kind).to_owned(), step_kind(tr, kind)))
            .collect(),
        actors,
        errors,
    })
}

/// `POST /admin/routes`: the rows with a label or an actor become the
/// route's steps, in order; empty rows are left out.
pub async fn define(Posted { visitor, form }: Posted<RouteForm>) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tr = visitor.tr;
    let tenant = TenantId::parse(&form.tenant).map_err(|_| bad_request(&visitor))?;
    let cell = |values: &[String], index: usize| values.get(index).cloned().unwrap_or_default();
    let rows: Vec<RouteRow> = (0..form.label.len().max(form.actor.len()))
        .map(|index| RouteRow {
            n: index + 1,
            label: cell(&form.label, index),
            kind: cell(&form.kind, index),
            actor: cell(&form.actor, index),
        })
        .filter(|row| !row.label.trim().is_empty() || !row.actor.is_empty())
        .collect();
    let mut errors = FormErrors::none();
    let mut steps = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        // Errors name the row the step will be shown in again.
        let n = index + 1;
        let kind = STEP_KINDS
            .into_iter()
            .find(|kind| step_kind_value(*kind) == row.kind)
            .ok_or_else(|| bad_request(&visitor))?;
        let label = Title::parse(&row.label)
            .map_err(|_| errors.add(&format!("label-{n}"), tr.t("admin-route-label-invalid")))
            .ok();
        let actor = parse_actor(&row.actor);
        if actor.is_none() {
            errors.add(&format!("actor-{n}"), tr.t("admin-route-actor-missing"));
        }
        if let (Some(label), Some(actor)) = (label, actor) {
            steps.push(RouteStep { label, actor, kind });
        }
    }
    if errors.is_empty() {
        match visitor.caller().define_concern_route(tenant, steps).await {
            Ok(_) => {
                return Ok(done(
                    &format!("/admin/routes?tenant={tenant}"),
                    "admin-route-defined",
                ));
            }
            Err(error) => errors = FormErrors::of(error, &visitor, &[])?,
        }
    }
    let page = build(&visitor, &administered, tenant, Some(rows), errors).await?;
    render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
}
