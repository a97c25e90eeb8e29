//! `/admin/people`: the people of a tenant with their roles there, and
//! registering a person (with a password to sign in, if given).

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::MAX_PAGE;
use iiz_app::accounts::MIN_PASSWORD_CHARS;
use iiz_app::people::NewPerson;
use iiz_domain::{Email, Language, PersonId, PersonName, TenantId};
use serde::Deserialize;

use super::bodies::TenantQuery;
use super::labels::{language_code, languages, tenant_role};
use super::{administered, bad_request, chosen, tenant_names, tenant_options};
use crate::web::errors::WebError;
use crate::web::format::person_name;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// One person as the list shows them.
#[derive(Debug, Clone)]
pub struct PersonLine {
    pub href: String,
    pub name: String,
    pub email: String,
    pub language: String,
    pub roles: String,
}

/// The register form as typed (the password is never shown again).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    pub home: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub password: String,
    /// Set by the "invite" button: an e-mail with a link to set the
    /// password goes out instead of a password being typed here.
    #[serde(default)]
    pub invite: String,
}

#[derive(Template)]
#[template(path = "admin/people.html")]
pub struct PeoplePage {
    pub chrome: Chrome,
    pub tenant: String,
    pub tenants: Vec<(String, String)>,
    pub people: Vec<PersonLine>,
    pub languages: Vec<(String, String)>,
    pub form: RegisterForm,
    pub errors: FormErrors,
    pub min_password: usize,
}

/// `GET /admin/people?tenant=ZH`.
pub async fn page(
    visitor: Visitor,
    Query(query): Query<TenantQuery>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tenant = chosen(&visitor, &administered, &query.tenant)?;
    let form = RegisterForm {
        home: tenant.to_string(),
        language: visitor.tr.lang().to_owned(),
        ..RegisterForm::default()
    };
    let page = build(&visitor, &administered, tenant, form, FormErrors::none()).await?;
    render(&page, &visitor, StatusCode::OK)
}

async fn build(
    visitor: &Visitor,
    administered: &[TenantId],
    tenant: TenantId,
    form: RegisterForm,
    errors: FormErrors,
) -> Result<PeoplePage, WebError> {
    let tr = visitor.tr;
    let people = visitor
        .caller()
        .people(tenant, MAX_PAGE, None)
        .await
        .map_err(|error| visitor.fail(error))?
        .items
        .into_iter()
        .map(|person| PersonLine {
            href: format!("/admin/people/{}", person.id),
            roles: person
                .roles
                .iter()
                .filter(|grant| grant.tenant == tenant)
                .map(|grant| tenant_role(tr, grant.role))
                .collect::<Vec<_>>()
                .join(", "),
            language: language_code(person.language).to_owned(),
            name: person_name(tr, person.name),
            email: person.email,
        })
        .collect();
    let names = tenant_names(visitor).await?;
    let chrome = Chrome::new(visitor, "admin", tr.t("admin-people"))
        .await?
        .crumb("/admin", tr.t("admin-title"));
    Ok(PeoplePage {
        chrome,
        tenant: tenant.to_string(),
        tenants: tenant_options(administered, &names),
        people,
        languages: languages(),
        form,
        errors,
        min_password: MIN_PASSWORD_CHARS,
    })
}

/// `POST /admin/people`: registers a person in a tenant.
pub async fn register(
    Posted { visitor, form }: Posted<RegisterForm>,
) -> Result<Response, WebError> {
    let administered = administered(&visitor)?;
    let tr = visitor.tr;
    let home = TenantId::parse(&form.home).map_err(|_| bad_request(&visitor))?;
    let language = Language::parse(&form.language).map_err(|_| bad_request(&visitor))?;
    let mut errors = FormErrors::none();
    let name = PersonName::parse(&form.name)
        .map_err(|_| errors.add("name", tr.t("admin-name-invalid")))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|_| errors.add("email", tr.t("admin-email-invalid")))
        .ok();
    // Checked before registering, as GraphQL does: a person must not be
    // left registered without the password the form asked for.
    if !form.password.is_empty() && form.password.chars().count() < MIN_PASSWORD_CHARS {
        errors.add(
            "password",
            tr.t1("profile-password-short", "min", MIN_PASSWORD_CHARS),
        );
    }
    if let (Some(name), Some(email), true) = (name, email, errors.is_empty()) {
        let id = PersonId::new();
        let person = NewPerson {
            id,
            home,
            name,
            email: email.clone(),
            language,
        };
        if !form.invite.is_empty() {
            match visitor.caller().invite_person(person).await {
                Ok(_) => return Ok(done(&format!("/admin/people/{id}"), "account-invited")),
                Err(error) => {
                    errors = FormErrors::of(error, &visitor, &["name", "email"])?;
                }
            }
            let form = RegisterForm {
                password: String::new(),
                ..form
            };
            let page = build(&visitor, &administered, home, form, errors).await?;
            return render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let registered = visitor.caller().register_person(person).await;
        let outcome = match registered {
            Ok(_) if form.password.is_empty() => Ok(()),
            Ok(_) => {
                visitor
                    .app
                    .set_password(id, email.as_str(), &form.password)
                    .await
            }
            Err(error) => Err(error),
        };
        match outcome {
            Ok(()) => {
                return Ok(done(
                    &format!("/admin/people/{id}"),
                    "admin-person-registered",
                ));
            }
            Err(error) => {
                errors = FormErrors::of(error, &visitor, &["name", "email", "password"])?;
            }
        }
    }
    let form = RegisterForm {
        password: String::new(),
        ..form
    };
    let page = build(&visitor, &administered, home, form, errors).await?;
    render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
}
