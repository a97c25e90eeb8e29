//! Editing one part of a profile: the canton revises it (`…/edit/{part}`,
//! with an optional note), the Fachstelle proposes a correction of it
//! (`…/correct/{part}`, with a required reason) on the same form. The
//! form edits the content in the canton's language, which the profile
//! keeps. A refused form comes back as typed with its errors (422).

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::CantonCode;
use iiz_domain::canton_profile::Section;
use iiz_domain::panorama::Year;
use iiz_domain::text::FreeText;
use iiz_projections::ProfileView;

use super::edit_forms::{FormView, PartForm};
use super::shown::BodyNames;
use super::{ErrorsAt, canton_name, canton_of, content_lang, labels, profile_path, year_of};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// Whether the canton revises or the Fachstelle proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Revise,
    Propose,
}

#[derive(Template)]
#[template(path = "panorama/canton/edit.html")]
pub struct EditPage {
    pub chrome: Chrome,
    pub action: String,
    pub cancel: String,
    pub structure: bool,
    pub practice: bool,
    pub challenges: bool,
    pub propose: bool,
    /// The `lang` of the canton's texts in the fields.
    pub lang: Option<&'static str>,
    /// For the fields whose content is no one's language (addresses).
    pub no_lang: Option<&'static str>,
    pub language: String,
    pub form: PartForm,
    pub view: FormView,
    pub errors: FormErrors,
}

struct Target {
    canton: CantonCode,
    year: Year,
    section: Section,
    view: ProfileView,
}

/// The profile and part a path names, as the visitor may read them.
async fn target(
    visitor: &Visitor,
    (code, year, part): (String, String, String),
    mode: Mode,
) -> Result<Target, WebError> {
    visitor.signed_in()?;
    let canton = canton_of(visitor, &code)?;
    let year = year_of(visitor, &year)?;
    let section: Section = labels::parse(&part).ok_or_else(|| visitor.refuse(Failure::NotFound))?;
    let caller = visitor.caller();
    // Another canton's profile is not there for the visitor (404) ...
    let view = caller
        .canton_profile(canton, year)
        .await
        .map_err(|error| visitor.fail(error))?;
    // ... and a reader who may not take this step gets no form (403).
    let permissions = caller.panorama_permissions(canton);
    let allowed = match mode {
        Mode::Revise => permissions.edit,
        Mode::Propose => permissions.propose,
    };
    if !allowed {
        return Err(visitor.refuse(Failure::Forbidden));
    }
    Ok(Target {
        canton,
        year,
        section,
        view,
    })
}

fn path(target: &Target, mode: Mode) -> String {
    let step = match mode {
        Mode::Revise => "edit",
        Mode::Propose => "correct",
    };
    format!(
        "{}/{step}/{}",
        profile_path(target.canton, target.year),
        target.section
    )
}

async fn render_form(
    visitor: &Visitor,
    target: &Target,
    mode: Mode,
    form: PartForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let content = &target.view.content;
    let names = BodyNames::of(visitor, content.language, [&content.structure]).await?;
    let part = labels::section(tr, target.section);
    let title = match mode {
        Mode::Revise => tr.args(
            "panorama-edit-title",
            &[
                ("part", part),
                ("canton", canton_name(tr, target.canton)),
                ("year", target.year.to_string()),
            ],
        ),
        Mode::Propose => tr.args(
            "panorama-correct-title",
            &[
                ("part", part),
                ("canton", canton_name(tr, target.canton)),
                ("year", target.year.to_string()),
            ],
        ),
    };
    let profile = profile_path(target.canton, target.year);
    let page = EditPage {
        chrome: Chrome::new(visitor, "panorama", title)
            .await?
            .crumb("/panorama", tr.t("panorama-title"))
            .crumb(
                profile.clone(),
                tr.args(
                    "panorama-profile-title",
                    &[
                        ("canton", canton_name(tr, target.canton)),
                        ("year", target.year.to_string()),
                    ],
                ),
            ),
        action: path(target, mode),
        cancel: profile,
        structure: target.section == Section::Structure,
        practice: target.section == Section::Practice,
        challenges: target.section == Section::Challenges,
        propose: mode == Mode::Propose,
        lang: content_lang(tr, content.language),
        no_lang: None,
        language: super::shown::language_name(tr, content.language),
        view: FormView::of(tr, &form, &names, content.challenges.items.len()),
        form,
        errors,
    };
    render(&page, visitor, status)
}

async fn form_page(
    visitor: Visitor,
    path: (String, String, String),
    mode: Mode,
) -> Result<Response, WebError> {
    let target = target(&visitor, path, mode).await?;
    let form = PartForm::of(&target.view.content, target.section);
    render_form(
        &visitor,
        &target,
        mode,
        form,
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `GET /cantons/{code}/profile/{year}/edit/{part}`.
pub async fn revise_page(
    visitor: Visitor,
    Path(path): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    form_page(visitor, path, Mode::Revise).await
}

/// `GET /cantons/{code}/profile/{year}/correct/{part}`.
pub async fn propose_page(
    visitor: Visitor,
    Path(path): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    form_page(visitor, path, Mode::Propose).await
}

async fn submit(
    visitor: Visitor,
    path: (String, String, String),
    form: PartForm,
    mode: Mode,
) -> Result<Response, WebError> {
    let target = target(&visitor, path, mode).await?;
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let change = super::edit_parse::part(tr, &form, &target.view.content, target.section)
        .map_err(|failed| errors = failed)
        .ok();
    let why_field = match mode {
        Mode::Revise => "note",
        Mode::Propose => "reason",
    };
    let why = match FreeText::parse(match mode {
        Mode::Revise => form.note.as_str(),
        Mode::Propose => form.reason.as_str(),
    }) {
        Ok(why) if why.is_empty() && mode == Mode::Propose => {
            errors.add(why_field, tr.t("panorama-error-reason-required"));
            None
        }
        Ok(why) => Some(why),
        Err(_) => {
            errors.add(why_field, tr.t("panorama-error-too-long"));
            None
        }
    };
    if let (Some(change), Some(why), true) = (change, why, errors.is_empty()) {
        let caller = visitor.caller();
        let (canton, year) = (target.canton, target.year);
        let outcome = match mode {
            Mode::Revise => {
                caller
                    .revise_canton_profile(canton, year, change, why)
                    .await
            }
            Mode::Propose => {
                caller
                    .propose_profile_correction(canton, year, change, why)
                    .await
            }
        };
        match outcome {
            Ok(_) => {
                let notice = match mode {
                    Mode::Revise => "panorama-notice-revised",
                    Mode::Propose => "panorama-notice-proposed",
                };
                return Ok(done(&profile_path(canton, year), notice));
            }
            Err(error) => errors = FormErrors::of(error, &visitor, &[why_field])?,
        }
    }
    render_form(
        &visitor,
        &target,
        mode,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `POST /cantons/{code}/profile/{year}/edit/{part}`.
pub async fn revise(
    Path(path): Path<(String, String, String)>,
    Posted { visitor, form }: Posted<PartForm>,
) -> Result<Response, WebError> {
    submit(visitor, path, form, Mode::Revise).await
}

/// `POST /cantons/{code}/profile/{year}/correct/{part}`.
pub async fn propose(
    Path(path): Path<(String, String, String)>,
    Posted { visitor, form }: Posted<PartForm>,
) -> Result<Response, WebError> {
    submit(visitor, path, form, Mode::Propose).await
}
