//! `/admin/people/{id}`: one person's roles, granting and revoking a
//! tenant role, and platform administration.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::{PersonCommand, PersonId, TenantId, TenantRole};
use serde::Deserialize;

use super::labels::{language_code, tenant_role};
use super::{administered, bad_request, not_found, tenant_names, tenant_options};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// One role the person holds.
#[derive(Debug, Clone)]
pub struct RoleLine {
    pub tenant: String,
    pub role: String,
    pub label: String,
}

/// The grant form as chosen.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub tenant: String,
    #[serde(default)]
    pub role: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlatformAdminForm {
    /// `grant` or `revoke`.
    #[serde(default)]
    pub change: String,
}

/// The erasure form: why the person is forgotten.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ForgetForm {
    #[serde(default)]
    pub reason: String,
}

#[derive(Template)]
#[template(path = "admin/person.html")]
pub struct PersonPage {
    pub chrome: Chrome,
    pub id: String,
    /// Forgotten: nothing but the id and home is left.
    pub erased: bool,
    pub forget: ForgetForm,
    pub email: String,
    pub home: String,
    pub language: String,
    pub roles: Vec<RoleLine>,
    pub platform_admin: bool,
    pub deactivated: bool,
    /// Whether the visitor runs the platform (only they change it).
    pub visitor_runs_platform: bool,
    pub tenants: Vec<(String, String)>,
    pub role_options: Vec<(String, String)>,
    pub form: RoleForm,
    pub errors: FormErrors,
}

fn person_id(visitor: &Visitor, id: &str) -> Result<PersonId, WebError> {
    PersonId::parse(id).map_err(|_| not_found(visitor))
}

/// `GET /admin/people/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let id = person_id(&visitor, &id)?;
    let page = build(
        &visitor,
        &administered,
        id,
        RoleForm::default(),
        FormErrors::none(),
    )
    .await?;
    render(&page, &visitor, StatusCode::OK)
}

async fn build(
    visitor: &Visitor,
    administered: &[TenantId],
    id: PersonId,
    form: RoleForm,
    errors: FormErrors,
) -> Result<PersonPage, WebError> {
    let tr = visitor.tr;
    let person = visitor
        .caller()
        .person(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let names = tenant_names(visitor).await?;
    let title = crate::web::format::person_name(tr, person.name.clone());
    let chrome = Chrome::new(visitor, "admin", title)
        .await?
        .crumb("/admin", tr.t("admin-title"))
        .crumb(
            format!("/admin/people?tenant={}", person.home),
            tr.t("admin-people"),
        );
    Ok(PersonPage {
        chrome,
        id: id.to_string(),
        erased: person.erased,
        forget: ForgetForm::default(),
        email: person.email,
        home: person.home.to_string(),
        language: language_code(person.language).to_owned(),
        roles: person
            .roles
            .iter()
            .map(|grant| RoleLine {
                tenant: grant.tenant.to_string(),
                role: grant.role.as_str().to_owned(),
                label: tenant_role(tr, grant.role),
            })
            .collect(),
        platform_admin: person.platform_admin,
        deactivated: person.deactivated,
        visitor_runs_platform: visitor
            .principal()
            .is_some_and(|principal| principal.acts_as_platform_admin()),
        tenants: tenant_options(administered, &names),
        role_options: TenantRole::ALL
            .into_iter()
            .map(|role| (role.as_str().to_owned(), tenant_role(tr, role)))
            .collect(),
        form,
        errors,
    })
}

/// Runs `command` on the person; refused, the page again with the refusal.
async fn command(
    visitor: Visitor,
    id: PersonId,
    command: PersonCommand,
    form: RoleForm,
    notice: &str,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    match visitor.caller().person_command(id, command).await {
        Ok(_) => Ok(done(&format!("/admin/people/{id}"), notice)),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, &["tenant", "role"])?;
            let page = build(&visitor, &administered, id, form, errors).await?;
            render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

fn parse_role(visitor: &Visitor, form: &RoleForm) -> Result<(TenantId, TenantRole), WebError> {
    let tenant = TenantId::parse(&form.tenant).map_err(|_| bad_request(visitor))?;
    let role = TenantRole::parse(&form.role).map_err(|_| bad_request(visitor))?;
    Ok((tenant, role))
}

/// `POST /admin/people/{id}/roles`.
pub async fn grant(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<RoleForm>,
) -> Result<Response, WebError> {
    let id = person_id(&visitor, &id)?;
    let (tenant, role) = parse_role(&visitor, &form)?;
    let granted = PersonCommand::GrantTenantRole { tenant, role };
    command(visitor, id, granted, form, "admin-role-granted").await
}

/// `POST /admin/people/{id}/roles/revoke`.
pub async fn revoke(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<RoleForm>,
) -> Result<Response, WebError> {
    let id = person_id(&visitor, &id)?;
    let (tenant, role) = parse_role(&visitor, &form)?;
    let revoked = PersonCommand::RevokeTenantRole { tenant, role };
    command(
        visitor,
        id,
        revoked,
        RoleForm::default(),
        "admin-role-revoked",
    )
    .await
}

/// `POST /admin/people/{id}/platform-admin`.
pub async fn platform_admin(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<PlatformAdminForm>,
) -> Result<Response, WebError> {
    let id = person_id(&visitor, &id)?;
    let (change, notice) = match form.change.as_str() {
        "grant" => (PersonCommand::GrantPlatformAdmin, "admin-platform-granted"),
        "revoke" => (PersonCommand::RevokePlatformAdmin, "admin-platform-revoked"),
        _ => return Err(bad_request(&visitor)),
    };
    command(visitor, id, change, RoleForm::default(), notice).await
}

/// `POST /admin/people/{id}/forget`: erases the person (platform admins).
pub async fn forget(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<ForgetForm>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let id = person_id(&visitor, &id)?;
    match visitor.caller().forget_person(id, &form.reason).await {
        Ok(_) => Ok(done(
            &format!("/admin/people/{id}"),
            "admin-person-forgotten",
        )),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, &["reason"])?;
            let mut page = build(&visitor, &administered, id, RoleForm::default(), errors).await?;
            page.forget = form;
            render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct DeactivationForm {
    /// `deactivate` or `reactivate`.
    #[serde(default)]
    pub change: String,
}

/// `POST /admin/people/{id}/deactivation`: deactivating ends every session
/// and token of the person at once.
pub async fn deactivation(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<DeactivationForm>,
) -> Result<Response, WebError> {
    let id = person_id(&visitor, &id)?;
    let (change, notice) = match form.change.as_str() {
        "deactivate" => (PersonCommand::Deactivate, "account-deactivated"),
        "reactivate" => (PersonCommand::Reactivate, "account-reactivated"),
        _ => return Err(bad_request(&visitor)),
    };
    command(visitor, id, change, RoleForm::default(), notice).await
}
