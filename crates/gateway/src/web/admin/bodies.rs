//! `/admin/bodies`: a tenant's bodies, and establishing a new one.

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::tenants::NewBody;
use iiz_app::{BodyFilter, MAX_PAGE};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{BodyId, Language, TenantId};
use serde::Deserialize;

use super::labels::{BODY_KINDS, body_kind, body_kind_value};
use super::{administered, bad_request, chosen, form_date, tenant_names, tenant_options, today};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Default, Deserialize)]
pub struct TenantQuery {
    #[serde(default)]
    pub tenant: String,
}

/// One body as the list shows it.
#[derive(Debug, Clone)]
pub struct BodyLine {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub active_from: String,
    pub active: bool,
}

/// The establish form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EstablishForm {
    #[serde(default)]
    pub tenant: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name_de: String,
    #[serde(default)]
    pub name_fr: String,
    #[serde(default)]
    pub name_it: String,
    #[serde(default)]
    pub mandate: String,
    #[serde(default)]
    pub active_from: String,
}

#[derive(Template)]
#[template(path = "admin/bodies.html")]
pub struct BodiesPage {
    pub chrome: Chrome,
    pub tenant: String,
    pub tenants: Vec<(String, String)>,
    pub bodies: Vec<BodyLine>,
    pub kinds: Vec<(String, String)>,
    pub form: EstablishForm,
    pub errors: FormErrors,
}

/// `GET /admin/bodies?tenant=ZH`.
pub async fn page(
    visitor: Visitor,
    Query(query): Query<TenantQuery>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tenant = chosen(&visitor, &administered, &query.tenant)?;
    let form = EstablishForm {
        tenant: tenant.to_string(),
        active_from: today(),
        ..EstablishForm::default()
    };
    let page = build(&visitor, &administered, tenant, form, FormErrors::none()).await?;
    render(&page, &visitor, StatusCode::OK)
}

async fn build(
    visitor: &Visitor,
    administered: &[TenantId],
    tenant: TenantId,
    form: EstablishForm,
    errors: FormErrors,
) -> Result<BodiesPage, WebError> {
    let tr = visitor.tr;
    let filter = BodyFilter {
        tenant: Some(tenant),
        ..BodyFilter::default()
    };
    let bodies = visitor
        .caller()
        .bodies(&filter, MAX_PAGE, None)
        .await
        .map_err(|error| visitor.fail(error))?
        .items
        .into_iter()
        .map(|body| BodyLine {
            href: format!("/admin/bodies/{}", body.id),
            name: body.names.best(tr.language).to_owned(),
            kind: body_kind(tr, body.kind),
            active_from: crate::web::format::date(body.active_from),
            active: body.active,
        })
        .collect();
    let names = tenant_names(visitor).await?;
    let chrome = Chrome::new(visitor, "admin", tr.t("admin-bodies"))
        .await?
        .crumb("/admin", tr.t("admin-title"));
    Ok(BodiesPage {
        chrome,
        tenant: tenant.to_string(),
        tenants: tenant_options(administered, &names),
        bodies,
        kinds: BODY_KINDS
            .into_iter()
            .map(|kind| (body_kind_value(kind).to_owned(), body_kind(tr, kind)))
            .collect(),
        form,
        errors,
    })
}

/// `POST /admin/bodies`: establishes a body; refused, the same form again.
pub async fn establish(
    Posted { visitor, form }: Posted<EstablishForm>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tr = visitor.tr;
    let tenant = TenantId::parse(&form.tenant).map_err(|_| bad_request(&visitor))?;
    let kind = BODY_KINDS
        .into_iter()
        .find(|kind| body_kind_value(*kind) == form.kind)
        .ok_or_else(|| bad_request(&visitor))?;
    let mut errors = FormErrors::none();
    let entries = [
        (Language::De, &form.name_de),
        (Language::Fr, &form.name_fr),
        (Language::It, &form.name_it),
    ]
    .into_iter()
    .filter(|(_, name)| !name.trim().is_empty())
    .map(|(language, name)| (language, name.clone()));
    let names = LocalizedName::parse(entries)
        .map_err(|_| errors.add("name_de", tr.t("admin-body-name-invalid")))
        .ok();
    let mandate = FreeText::parse(form.mandate.clone())
        .map_err(|_| errors.add("mandate", tr.t("admin-mandate-invalid")))
        .ok();
    let active_from = form_date(&form.active_from);
    if active_from.is_none() {
        errors.add("active_from", tr.t("admin-date-invalid"));
    }
    if let (Some(names), Some(mandate), Some(active_from)) = (names, mandate, active_from) {
        let body = NewBody {
            id: BodyId::new(),
            tenant,
            kind,
            names,
            mandate,
            parent: None,
            active_from,
        };
        let id = body.id;
        match visitor.caller().establish_body(body).await {
            Ok(_) => {
                return Ok(done(
                    &format!("/admin/bodies/{id}"),
                    "admin-body-established",
                ));
            }
            Err(error) => {
                errors = FormErrors::of(error, &visitor, &["name_de", "mandate", "active_from"])?;
            }
        }
    }
    let page = build(&visitor, &administered, tenant, form, errors).await?;
    render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
}
