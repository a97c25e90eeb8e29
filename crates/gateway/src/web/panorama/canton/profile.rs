//! `GET /cantons/{code}/profile/{year}`: a canton's profile for a year —
//! structure, practice, challenges in the canton's language — with its
//! revision history (who, when, which part, why) and the corrections the
//! Fachstelle proposed that wait for the canton. `GET /cantons/{code}/profile`
//! lists the years; `POST /cantons/{code}/profile/open` opens a new year's
//! profile as a copy of the latest.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::canton_profile::{Section, SectionChange};
use iiz_domain::panorama::{Actor, Year};
use iiz_domain::{CantonCode, PersonId, TenantId};
use serde::Deserialize;

use super::shown::{self, BodyNames, ContentShown, PartShown};
use super::{canton_name, canton_of, labels, profile_path, year_of};
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::i18n::Tr;
use crate::web::meetings::names::Names;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub revision: u32,
    pub byline: String,
    pub part: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct PendingRow {
    pub proposal: u32,
    pub heading: String,
    pub byline: String,
    pub based_on: String,
    /// Whether this proposal's refusal form failed.
    pub failed: bool,
    pub reason: String,
    pub shown: PartShown,
    pub action: String,
}

#[derive(Debug, Clone)]
pub struct PartLink {
    pub label: String,
    pub edit_label: String,
    pub correct_label: String,
    pub edit: String,
    pub correct: String,
}

#[derive(Template)]
#[template(path = "panorama/canton/profile.html")]
pub struct ProfilePage {
    pub chrome: Chrome,
    pub revision: u32,
    pub last_change: String,
    pub content: ContentShown,
    pub history: Vec<HistoryRow>,
    pub pending: Vec<PendingRow>,
    pub parts: Vec<PartLink>,
    pub edit: bool,
    pub propose: bool,
    pub list: String,
    pub figures: String,
    pub errors: FormErrors,
    pub typed_reason: String,
}

/// Who acted, for whom, when.
pub fn byline(tr: Tr, names: &Names, actor: Actor, on: chrono::NaiveDate) -> String {
    if iiz_app::panorama::imported(&actor) {
        return tr.t1("panorama-byline-import", "when", format::date(on));
    }
    let tenant = match actor.tenant {
        TenantId::National => tr.t("panorama-fachstelle"),
        TenantId::Canton(canton) => canton.to_string(),
    };
    tr.args(
        "panorama-byline",
        &[
            ("who", names.person(actor.person)),
            ("tenant", tenant),
            ("when", format::date(on)),
        ],
    )
}

/// `GET /cantons/{code}/profile/{year}`.
pub async fn page(
    visitor: Visitor,
    Path((code, year)): Path<(String, String)>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let canton = canton_of(&visitor, &code)?;
    let year = year_of(&visitor, &year)?;
    render_page(&visitor, canton, year, None, StatusCode::OK).await
}

/// The profile page, with a refused refusal form (`failed`) as typed.
pub async fn render_page(
    visitor: &Visitor,
    canton: CantonCode,
    year: Year,
    failed: Option<(u32, FormErrors, String)>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let view = caller
        .canton_profile(canton, year)
        .await
        .map_err(|error| visitor.fail(error))?;
    let permissions = caller.panorama_permissions(canton);
    // The bodies a proposed structure links are named too.
    let mut structures = vec![&view.content.structure];
    for pending in &view.pending {
        if let SectionChange::Structure(structure) = &pending.change {
            structures.push(structure);
        }
    }
    let bodies = BodyNames::of(visitor, view.content.language, structures).await?;
    let people: Vec<PersonId> = view
        .revisions
        .iter()
        .map(|entry| entry.actor.person)
        .chain(view.pending.iter().map(|pending| pending.actor.person))
        .collect();
    let names = Names::of(visitor, people).await?;
    let path = profile_path(canton, year);
    let history = view
        .revisions
        .iter()
        .rev()
        .map(|entry| HistoryRow {
            revision: entry.revision,
            byline: byline(tr, &names, entry.actor, entry.on),
            part: match (entry.section, entry.proposal) {
                (None, _) => tr.t("panorama-history-opened"),
                (Some(section), None) => labels::section(tr, section),
                (Some(section), Some(proposal)) => tr.args(
                    "panorama-history-confirmed",
                    &[
                        ("part", labels::section(tr, section)),
                        ("proposal", proposal.to_string()),
                    ],
                ),
            },
            note: entry.note.as_str().to_owned(),
        })
        .collect();
    let pending = view
        .pending
        .iter()
        .map(|pending| PendingRow {
            proposal: pending.proposal,
            heading: tr.args(
                "panorama-proposal-heading",
                &[
                    ("number", pending.proposal.to_string()),
                    ("part", labels::section(tr, pending.change.section())),
                ],
            ),
            byline: byline(tr, &names, pending.actor, pending.on),
            based_on: tr.t1(
                "panorama-based-on",
                "revision",
                pending.based_on.to_string(),
            ),
            failed: failed
                .as_ref()
                .is_some_and(|(proposal, _, _)| *proposal == pending.proposal),
            reason: pending.reason.as_str().to_owned(),
            shown: shown::part(tr, &pending.change, &bodies),
            action: format!("{path}/corrections/{}", pending.proposal),
        })
        .collect();
    let parts = [Section::Structure, Section::Practice, Section::Challenges]
        .into_iter()
        .map(|section| {
            let label = labels::section(tr, section);
            PartLink {
                edit_label: tr.t1("panorama-edit-part", "part", label.clone()),
                correct_label: tr.t1("panorama-correct-part", "part", label.clone()),
                label,
                edit: format!("{path}/edit/{section}"),
                correct: format!("{path}/correct/{section}"),
            }
        })
        .collect();
    let title = tr.args(
        "panorama-profile-title",
        &[
            ("canton", canton_name(tr, canton)),
            ("year", year.to_string()),
        ],
    );
    let (errors, typed_reason) = match failed {
        Some((_, errors, typed)) => (errors, typed),
        None => (FormErrors::none(), String::new()),
    };
    let page = ProfilePage {
        chrome: Chrome::new(visitor, "panorama", title)
            .await?
            .crumb("/panorama", tr.t("panorama-title"))
            .crumb(
                format!("/cantons/{canton}/profile"),
                tr.t1("panorama-profiles-title", "canton", canton_name(tr, canton)),
            ),
        revision: view.revision,
        last_change: format::date(view.last_change),
        content: shown::content(tr, &view.content, &bodies),
        history,
        pending,
        parts,
        edit: permissions.edit,
        propose: permissions.propose,
        list: format!("/cantons/{canton}/profile"),
        figures: format!("/cantons/{canton}/figures"),
        errors,
        typed_reason,
    };
    render(&page, visitor, status)
}

#[derive(Debug, Clone)]
pub struct YearRow {
    pub href: String,
    pub year: String,
    pub revision: u32,
    pub last_change: String,
    pub pending: usize,
}

#[derive(Template)]
#[template(path = "panorama/canton/profiles.html")]
pub struct ProfilesPage {
    pub chrome: Chrome,
    pub years: Vec<YearRow>,
    pub edit: bool,
    pub open_action: String,
    pub open_year: String,
    pub errors: FormErrors,
    pub figures: String,
}

/// `GET /cantons/{code}/profile`.
pub async fn list(visitor: Visitor, Path(code): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let canton = canton_of(&visitor, &code)?;
    let year = chrono::Datelike::year(&visitor.app.clock().today()).to_string();
    render_list(&visitor, canton, year, FormErrors::none(), StatusCode::OK).await
}

async fn render_list(
    visitor: &Visitor,
    canton: CantonCode,
    open_year: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let mut profiles = caller
        .canton_profiles(canton)
        .await
        .map_err(|error| visitor.fail(error))?;
    profiles.sort_by_key(|profile| std::cmp::Reverse(profile.year));
    let page = ProfilesPage {
        chrome: Chrome::new(
            visitor,
            "panorama",
            tr.t1("panorama-profiles-title", "canton", canton_name(tr, canton)),
        )
        .await?
        .crumb("/panorama", tr.t("panorama-title")),
        years: profiles
            .iter()
            .map(|profile| YearRow {
                href: profile_path(canton, profile.year),
                year: profile.year.to_string(),
                revision: profile.revision,
                last_change: format::date(profile.last_change),
                pending: profile.pending.len(),
            })
            .collect(),
        edit: caller.panorama_permissions(canton).edit,
        open_action: format!("/cantons/{canton}/profile/open"),
        open_year,
        errors,
        figures: format!("/cantons/{canton}/figures"),
    };
    render(&page, visitor, status)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OpenForm {
    pub year: String,
}

/// `POST /cantons/{code}/profile/open`: the year's profile, copied from
/// the latest earlier one so nothing is retyped.
pub async fn open(
    Path(code): Path<String>,
    Posted { visitor, form }: Posted<OpenForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let canton = canton_of(&visitor, &code)?;
    let tr = visitor.tr;
    let year = form
        .year
        .trim()
        .parse::<u16>()
        .ok()
        .and_then(|year| Year::parse(year).ok());
    let outcome = match year {
        Some(year) => visitor
            .caller()
            .open_canton_profile(canton, year, None)
            .await
            .map(|_| year)
            .map_err(|error| FormErrors::of(error, &visitor, &["year", "content"])),
        None => Err(Ok(FormErrors::field("year", tr.t("panorama-error-year")))),
    };
    match outcome {
        Ok(year) => Ok(done(
            &profile_path(canton, year),
            "panorama-notice-profile-opened",
        )),
        Err(errors) => {
            let mut errors = errors?;
            // "Nothing to start from" names the content: it is the year's fault.
            if let Some(message) = errors.at("content").map(str::to_owned) {
                errors.add("year", message);
            }
            render_list(
                &visitor,
                canton,
                form.year,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
