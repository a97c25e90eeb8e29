//! `GET/POST /concerns/new` and `GET/POST /concerns/{id}/edit`: a
//! concern's content, drafted or changed. A refusal shows the same form
//! with what was typed and the error at its field.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::authz::concern::concern_tenants;
use iiz_app::concerns::NewConcern;
use iiz_domain::{ConcernCommand, TenantId};

use super::content_form::{AttachmentRow, Check, ContentForm};
use super::{Choice, choices, concern_id, concern_path};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render, show};
use crate::web::visitor::Visitor;

/// The fields a refusal of the app may name on this form.
const FIELDS: &[&str] = &[
    "tenant",
    "title",
    "description",
    "why_not_cantonal",
    "institutions",
    "focus_area",
    "attachments",
    "language",
];

#[derive(Template)]
#[template(path = "concerns/form.html")]
pub struct ConcernFormPage {
    pub chrome: Chrome,
    pub action: String,
    pub cancel: String,
    pub form: ContentForm,
    pub errors: FormErrors,
    /// Offered only when the person has roles in several tenants.
    pub tenants: Vec<Choice>,
    pub checks: Vec<Check>,
    pub focus_areas: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub attachments: Vec<AttachmentRow>,
}

async fn form_page(
    visitor: &Visitor,
    editing: Option<(String, String)>,
    form: ContentForm,
    errors: FormErrors,
) -> Result<ConcernFormPage, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let tenants: Vec<TenantId> = concern_tenants(principal);
    let programme = visitor
        .caller()
        .programme_focus(None)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut focus_areas = vec![(String::new(), tr.t("concerns-focus-none"))];
    if let Some(programme) = programme {
        focus_areas.extend(programme.focus_areas.iter().map(|plan| {
            (
                plan.focus_area.as_str().to_owned(),
                plan.title.as_str().to_owned(),
            )
        }));
    }
    // A focus area the concern has kept from an earlier programme stays
    // choosable.
    if !form.focus_area.is_empty() && !focus_areas.iter().any(|(key, _)| *key == form.focus_area) {
        focus_areas.push((form.focus_area.clone(), form.focus_area.clone()));
    }
    let languages = [("de", "Deutsch"), ("fr", "Français"), ("it", "Italiano")]
        .into_iter()
        .map(|(code, name)| (code.to_owned(), name.to_owned()))
        .collect();
    let (title, action, cancel, chrome_crumb) = match editing {
        Some((path, concern_title)) => (
            tr.t("concerns-edit-title"),
            format!("{path}/edit"),
            path.clone(),
            Some((path, concern_title)),
        ),
        None => (
            tr.t("concerns-new-title"),
            "/concerns/new".to_owned(),
            "/concerns".to_owned(),
            None,
        ),
    };
    let mut chrome = Chrome::new(visitor, "concerns", title)
        .await?
        .crumb("/concerns", tr.t("concerns-list-title"));
    if let Some((path, concern_title)) = chrome_crumb {
        chrome = chrome.crumb(path, concern_title);
    }
    Ok(ConcernFormPage {
        chrome,
        action,
        cancel,
        tenants: if tenants.len() > 1 {
            let codes = tenants
                .iter()
                .map(|tenant| (tenant.as_str().to_owned(), tenant.as_str().to_owned()))
                .collect();
            choices(codes, &form.tenant)
        } else {
            Vec::new()
        },
        checks: form.checks(tr),
        attachments: form.attachment_rows(),
        focus_areas: choices(focus_areas, &form.focus_area),
        languages: choices(languages, &form.language),
        form,
        errors,
    })
}

/// `GET /concerns/new`.
pub async fn new_page(visitor: Visitor) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tenant = concern_tenants(principal)
        .into_iter()
        .find(|tenant| *tenant == principal.home)
        .unwrap_or(principal.home);
    let form = ContentForm {
        tenant: tenant.as_str().to_owned(),
        language: visitor.tr.lang().to_owned(),
        ..ContentForm::default()
    };
    let page = form_page(&visitor, None, form, FormErrors::none()).await?;
    show(&page, &visitor)
}

/// `POST /concerns/new`.
pub async fn create(posted: Posted<ContentForm>) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    visitor.signed_in()?;
    let tr = visitor.tr;
    let Ok(origin) = TenantId::parse(&form.tenant) else {
        let errors = FormErrors::field("tenant", tr.t("concerns-error-choice"));
        return refused(&visitor, None, form, errors).await;
    };
    let content = match form.content(tr) {
        Ok(content) => content,
        Err(errors) => return refused(&visitor, None, form, errors).await,
    };
    let new = NewConcern {
        origin,
        on_behalf_of: None,
        content,
    };
    match visitor.caller().draft_concern(new).await {
        Ok((id, _)) => Ok(done(&concern_path(id), "concerns-notice-drafted")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, FIELDS)?;
            refused(&visitor, None, form, errors).await
        }
    }
}

/// The same form again, with what was typed and the errors (422).
async fn refused(
    visitor: &Visitor,
    editing: Option<(String, String)>,
    form: ContentForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let page = form_page(visitor, editing, form, errors).await?;
    render(&page, visitor, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `GET /concerns/{id}/edit`.
pub async fn edit_page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    let view = visitor
        .caller()
        .concern(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let editing = Some((concern_path(id), view.title.clone()));
    let page = form_page(
        &visitor,
        editing,
        ContentForm::of(&view),
        FormErrors::none(),
    )
    .await?;
    show(&page, &visitor)
}

/// `POST /concerns/{id}/edit`.
pub async fn update(
    Path(id): Path<String>,
    posted: Posted<ContentForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    let caller = visitor.caller();
    let view = caller
        .concern(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let editing = Some((concern_path(id), view.title.clone()));
    let content = match form.content(visitor.tr) {
        Ok(content) => content,
        Err(errors) => return refused(&visitor, editing, form, errors).await,
    };
    match caller
        .concern_command(id, ConcernCommand::Edit { content })
        .await
    {
        Ok(_) => Ok(done(&concern_path(id), "concerns-notice-edited")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, FIELDS)?;
            refused(&visitor, editing, form, errors).await
        }
    }
}
