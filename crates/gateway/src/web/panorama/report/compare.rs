//! `GET /panorama/compare`: one field of the published panoramas side by
//! side for the cantons chosen, and its change between two published
//! rounds. A GET form (field, year, cantons as checkboxes, from, to), so a
//! comparison is a link to share. Only published panoramas are compared
//! (`compare_cantons`, `compare_rounds`); each canton's value is shown in
//! its language, as in its section.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::RawQuery;
use axum::response::Response;
use iiz_app::panorama::PanoramaField;
use iiz_domain::CantonCode;
use iiz_domain::panorama::Year;
use iiz_domain::panorama_round::RoundStage;
use iiz_projections::{SnapshotSection, SnapshotView};
use serde::Deserialize;
use serde_json::Value;

use super::field_value::field_lines;
use super::labels::{self, FIELDS};
use super::national::CantonRef;
use super::values::BodyNames;
use crate::web::errors::{Failure, WebError};
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// The query of the form, as typed: checked and refused here.
#[derive(Debug, Default, Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub canton: Vec<String>,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

/// A checkbox of the canton choice.
#[derive(Debug, Clone)]
pub struct CantonChoice {
    pub code: String,
    pub name: String,
    pub checked: bool,
}

/// One canton's value, in the language it is shown in.
#[derive(Debug, Clone)]
pub struct ValueCell {
    pub lang: &'static str,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SideBySide {
    pub caption: String,
    pub field: String,
    pub cantons: Vec<CantonRef>,
    pub cells: Vec<ValueCell>,
}

#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub canton: CantonRef,
    pub before: ValueCell,
    pub after: ValueCell,
    pub changed: bool,
}

#[derive(Debug, Clone)]
pub struct Changes {
    pub caption: String,
    pub from: String,
    pub to: String,
    pub rows: Vec<ChangeRow>,
}

#[derive(Template)]
#[template(path = "panorama/report/compare.html")]
pub struct ComparePage {
    pub chrome: Chrome,
    pub tr: Tr,
    pub errors: FormErrors,
    pub field: String,
    pub field_options: Vec<(String, String)>,
    pub year: String,
    pub years: Vec<(String, String)>,
    pub from: String,
    pub to: String,
    /// The published years with a first "none" choice, for from and to.
    pub round_years: Vec<(String, String)>,
    pub cantons: Vec<CantonChoice>,
    pub side_by_side: Option<SideBySide>,
    pub changes: Option<Changes>,
}

/// The serialised name of a field (`implementation_type`).
fn field_name(field: PanoramaField) -> String {
    match serde_json::to_value(field) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

/// What the form asks for, once every part is checked.
struct Request {
    field: PanoramaField,
    year: Year,
    cantons: BTreeSet<CantonCode>,
    rounds: Option<(Year, Year)>,
}

fn published_year(text: &str, published: &[Year]) -> Option<Year> {
    let number = text.trim().parse::<u16>().ok()?;
    published.iter().copied().find(|year| year.get() == number)
}

/// Checks the query: every refusal next to its field, nothing compared.
fn check(tr: Tr, query: &CompareQuery, published: &[Year]) -> Result<Request, FormErrors> {
    let mut errors = FormErrors::none();
    let field = serde_json::from_value::<PanoramaField>(Value::String(query.field.clone())).ok();
    if field.is_none() {
        errors.add("field", tr.t("panorama-report-error-field"));
    }
    let year = published_year(&query.year, published);
    if year.is_none() {
        errors.add("year", tr.t("panorama-report-error-year"));
    }
    let cantons: Option<BTreeSet<CantonCode>> = query
        .canton
        .iter()
        .map(|code| CantonCode::parse(code).ok())
        .collect();
    match &cantons {
        Some(chosen) if !chosen.is_empty() => {}
        _ => errors.add("canton", tr.t("panorama-report-error-cantons")),
    }
    let rounds = match (query.from.trim(), query.to.trim()) {
        ("", "") => None,
        (from, to) => {
            let from_year = published_year(from, published);
            let to_year = published_year(to, published);
            if from_year.is_none() {
                errors.add("from", tr.t("panorama-report-error-round"));
            }
            if to_year.is_none() {
                errors.add("to", tr.t("panorama-report-error-round"));
            }
            if from_year.is_some() && from_year == to_year {
                errors.add("to", tr.t("panorama-report-error-same-round"));
            }
            from_year.zip(to_year)
        }
    };
    match (field, year, cantons) {
        (Some(field), Some(year), Some(cantons)) if errors.is_empty() => Ok(Request {
            field,
            year,
            cantons,
            rounds,
        }),
        _ => Err(errors),
    }
}

/// Each answered canton's language in a published panorama.
fn languages(snapshot: &SnapshotView) -> BTreeMap<CantonCode, Tr> {
    snapshot
        .sections
        .iter()
        .filter_map(|(code, section)| match section {
            SnapshotSection::Answered { profile, .. } => {
                Some((*code, Tr::new(profile.content.language)))
            }
            SnapshotSection::NoAnswer => None,
        })
        .collect()
}

/// A canton's value: in its language, or "no answer" in the reader's.
fn cell(
    reader: Tr,
    language: Option<&Tr>,
    field: PanoramaField,
    value: Option<&Value>,
    names: &BodyNames,
) -> ValueCell {
    match (value, language) {
        (Some(value), Some(tr)) => ValueCell {
            lang: tr.lang(),
            lines: field_lines(*tr, field, value, names),
        },
        _ => ValueCell {
            lang: reader.lang(),
            lines: vec![reader.t("panorama-report-no-answer")],
        },
    }
}

async fn compare(visitor: &Visitor, request: &Request) -> Result<ComparedViews, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let field_label = labels::field(tr, request.field);
    let snapshot = caller
        .published_panorama(request.year)
        .await
        .map_err(fail)?;
    let names = BodyNames(caller.panorama_bodies(&snapshot).await.map_err(fail)?);
    let spoken = languages(&snapshot);
    let compared = caller
        .compare_cantons(request.year, request.field, request.cantons.clone())
        .await
        .map_err(fail)?;
    let side_by_side = SideBySide {
        caption: tr.args(
            "panorama-report-side-by-side",
            &[
                ("field", field_label.clone()),
                ("year", request.year.to_string()),
            ],
        ),
        field: field_label.clone(),
        cantons: compared
            .values
            .iter()
            .map(|value| CantonRef::new(tr, value.canton))
            .collect(),
        cells: compared
            .values
            .iter()
            .map(|value| {
                let language = spoken.get(&value.canton);
                cell(tr, language, request.field, value.value.as_ref(), &names)
            })
            .collect(),
    };
    let Some((from, to)) = request.rounds else {
        return Ok((side_by_side, None));
    };
    let before = caller.published_panorama(from).await.map_err(fail)?;
    let after = caller.published_panorama(to).await.map_err(fail)?;
    let mut bodies = caller.panorama_bodies(&before).await.map_err(fail)?;
    bodies.extend(caller.panorama_bodies(&after).await.map_err(fail)?);
    let names = BodyNames(bodies);
    let (spoken_before, spoken_after) = (languages(&before), languages(&after));
    let changes = caller
        .compare_rounds(request.field, from, to, request.cantons.clone())
        .await
        .map_err(fail)?;
    let rows = changes
        .iter()
        .map(|change| {
            let canton = change.canton;
            ChangeRow {
                canton: CantonRef::new(tr, canton),
                before: cell(
                    tr,
                    spoken_before.get(&canton),
                    request.field,
                    change.before.as_ref(),
                    &names,
                ),
                after: cell(
                    tr,
                    spoken_after.get(&canton),
                    request.field,
                    change.after.as_ref(),
                    &names,
                ),
                changed: change.changed,
            }
        })
        .collect();
    let changes = Changes {
        caption: tr.args(
            "panorama-report-change-caption",
            &[
                ("field", field_label),
                ("from", from.to_string()),
                ("to", to.to_string()),
            ],
        ),
        from: from.to_string(),
        to: to.to_string(),
        rows,
    };
    Ok((side_by_side, Some(changes)))
}

type ComparedViews = (SideBySide, Option<Changes>);

/// `GET /panorama/compare`.
pub async fn page(visitor: Visitor, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let raw = raw.unwrap_or_default();
    let query: CompareQuery =
        serde_html_form::from_str(&raw).map_err(|_| visitor.refuse(Failure::BadRequest))?;
    let rounds = visitor
        .caller()
        .panorama_rounds()
        .await
        .map_err(|error| visitor.fail(error))?;
    let published: Vec<Year> = rounds
        .iter()
        .filter(|round| round.stage == RoundStage::Published)
        .map(|round| round.year)
        .collect();
    // The form alone until it is sent (or only the year is given, as the
    // panorama's link does).
    let sent = !query.field.is_empty() || !query.canton.is_empty();
    let (errors, side_by_side, changes) = if sent {
        match check(tr, &query, &published) {
            Ok(request) => {
                let (side, changes) = compare(&visitor, &request).await?;
                (FormErrors::none(), Some(side), changes)
            }
            Err(errors) => (errors, None, None),
        }
    } else {
        (FormErrors::none(), None, None)
    };
    let year_options: Vec<(String, String)> = published
        .iter()
        .rev()
        .map(|year| (year.to_string(), year.to_string()))
        .collect();
    let mut round_years = vec![(String::new(), tr.t("panorama-report-no-round"))];
    round_years.extend(published.iter().map(|y| (y.to_string(), y.to_string())));
    let chosen: BTreeSet<&str> = query.canton.iter().map(String::as_str).collect();
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ComparePage {
        chrome: Chrome::new(&visitor, "panorama", tr.t("panorama-report-compare-title"))
            .await?
            .crumb("/panorama", tr.t("panorama-report-panoramas")),
        tr,
        field: if query.field.is_empty() {
            field_name(PanoramaField::ImplementationType)
        } else {
            query.field.clone()
        },
        field_options: FIELDS
            .iter()
            .map(|field| (field_name(*field), labels::field(tr, *field)))
            .collect(),
        year: if query.year.is_empty() {
            published
                .last()
                .map(ToString::to_string)
                .unwrap_or_default()
        } else {
            query.year.clone()
        },
        years: year_options,
        from: query.from.clone(),
        to: query.to.clone(),
        round_years,
        cantons: CantonCode::all()
            .map(|code| CantonChoice {
                code: code.to_string(),
                name: crate::web::monitoring::labels::canton(tr, code.as_str()),
                checked: chosen.contains(code.as_str()),
            })
            .collect(),
        errors,
        side_by_side,
        changes,
    };
    render(&page, &visitor, status)
}
