//! A canton's key figures: `GET /cantons/{code}/figures` lists them by
//! year as reported (a range stays a range, an estimate an estimate);
//! `GET|POST /cantons/{code}/figures/{year}` is the canton's report form
//! for a year, filled with the last report, which a new report corrects.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Datelike;
use iiz_domain::CantonCode;
use iiz_domain::key_figures::Figure;
use iiz_domain::panorama::Year;

use super::figure_form::{self, FigureRow, Sent};
use super::profile::byline;
use super::{ErrorsAt, canton_name, canton_of, content_lang, labels, year_of};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::i18n::Tr;
use crate::web::meetings::names::Names;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// A figure as listed: the kind's way of writing it, and the canton's text.
#[derive(Debug, Clone)]
pub struct FigureShown {
    pub label: String,
    pub value: String,
    pub as_written: String,
}

#[derive(Debug, Clone)]
pub struct YearFigures {
    pub year: String,
    pub revision: u32,
    pub byline: String,
    pub figures: Vec<FigureShown>,
    pub note: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "panorama/canton/figures.html")]
pub struct FiguresPage {
    pub chrome: Chrome,
    pub years: Vec<YearFigures>,
    pub lang: Option<&'static str>,
    pub edit: bool,
    /// Years without a report the canton may report for.
    pub to_report: Vec<(String, String)>,
    pub profiles: String,
}

fn shown(tr: Tr, label: String, figure: &Figure) -> FigureShown {
    FigureShown {
        label,
        value: labels::figure(tr, &figure.value),
        as_written: figure.as_written.as_str().to_owned(),
    }
}

/// The language the canton writes in: its latest profile's.
async fn language(visitor: &Visitor, canton: CantonCode) -> Option<&'static str> {
    let profiles = visitor.caller().canton_profiles(canton).await.ok()?;
    let latest = profiles.iter().max_by_key(|profile| profile.year)?;
    content_lang(visitor.tr, latest.content.language)
}

/// `GET /cantons/{code}/figures`.
pub async fn list(visitor: Visitor, Path(code): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let canton = canton_of(&visitor, &code)?;
    let caller = visitor.caller();
    let mut reports = caller
        .key_figures_of(canton)
        .await
        .map_err(|error| visitor.fail(error))?;
    reports.sort_by_key(|report| std::cmp::Reverse(report.year));
    let people: Vec<_> = reports.iter().map(|report| report.actor.person).collect();
    let names = Names::of(&visitor, people).await?;
    let years = reports
        .iter()
        .map(|report| {
            let figures = &report.figures;
            let mut shown_figures = vec![shown(
                tr,
                tr.t("panorama-figure-cases-total"),
                &figures.cases_total,
            )];
            if let Some(unemployed) = &figures.registered_unemployed {
                shown_figures.push(shown(
                    tr,
                    tr.t("panorama-figure-registered-unemployed"),
                    unemployed,
                ));
            }
            for (kind, figure) in &figures.cases_by_lead {
                let label = tr.t1(
                    "panorama-figure-cases-by-lead",
                    "lead",
                    labels::institution(tr, *kind),
                );
                shown_figures.push(shown(tr, label, figure));
            }
            for labelled in &figures.other {
                shown_figures.push(shown(
                    tr,
                    labelled.label.as_str().to_owned(),
                    &labelled.figure,
                ));
            }
            YearFigures {
                year: report.year.to_string(),
                revision: report.revision,
                byline: byline(tr, &names, report.actor, report.on),
                figures: shown_figures,
                note: figures.note.as_str().to_owned(),
                edit: format!("/cantons/{canton}/figures/{}", report.year),
            }
        })
        .collect::<Vec<_>>();
    // The survey asks about past years: the last five are offered.
    let this_year = visitor.app.clock().today().year();
    let to_report = (1..=5)
        .filter_map(|back| u16::try_from(this_year - back).ok())
        .filter(|year| !years.iter().any(|shown| shown.year == year.to_string()))
        .map(|year| {
            (
                format!("/cantons/{canton}/figures/{year}"),
                tr.t1("panorama-report-year", "year", year.to_string()),
            )
        })
        .collect();
    let page = FiguresPage {
        chrome: Chrome::new(
            &visitor,
            "panorama",
            tr.t1("panorama-figures-title", "canton", canton_name(tr, canton)),
        )
        .await?
        .crumb("/panorama", tr.t("panorama-title")),
        years,
        lang: language(&visitor, canton).await,
        edit: caller.panorama_permissions(canton).edit,
        to_report,
        profiles: format!("/cantons/{canton}/profile"),
    };
    render(&page, &visitor, StatusCode::OK)
}

#[derive(Template)]
#[template(path = "panorama/canton/figure_form.html")]
pub struct FigureFormPage {
    pub chrome: Chrome,
    pub action: String,
    pub cancel: String,
    pub rows: Vec<FigureRow>,
    pub note: String,
    pub lang: Option<&'static str>,
    pub no_lang: Option<&'static str>,
    pub errors: FormErrors,
}

/// The canton and year of a report form the visitor may fill in.
async fn target(visitor: &Visitor, code: &str, year: &str) -> Result<(CantonCode, Year), WebError> {
    visitor.signed_in()?;
    let canton = canton_of(visitor, code)?;
    let year = year_of(visitor, year)?;
    let permissions = visitor.caller().panorama_permissions(canton);
    if !permissions.read {
        return Err(visitor.refuse(Failure::NotFound));
    }
    if !permissions.edit {
        return Err(visitor.refuse(Failure::Forbidden));
    }
    Ok((canton, year))
}

async fn render_form(
    visitor: &Visitor,
    canton: CantonCode,
    year: Year,
    sent: Sent,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let list = format!("/cantons/{canton}/figures");
    let page = FigureFormPage {
        chrome: Chrome::new(
            visitor,
            "panorama",
            tr.args(
                "panorama-report-title",
                &[
                    ("canton", canton_name(tr, canton)),
                    ("year", year.to_string()),
                ],
            ),
        )
        .await?
        .crumb("/panorama", tr.t("panorama-title"))
        .crumb(
            list.clone(),
            tr.t1("panorama-figures-title", "canton", canton_name(tr, canton)),
        ),
        action: format!("{list}/{year}"),
        cancel: list,
        rows: figure_form::rows(tr, &sent),
        note: sent.get("note").cloned().unwrap_or_default(),
        lang: language(visitor, canton).await,
        no_lang: None,
        errors,
    };
    render(&page, visitor, status)
}

/// The figures reported for the year, if any (none is a first report).
async fn previous(
    visitor: &Visitor,
    canton: CantonCode,
    year: Year,
) -> Result<Option<iiz_domain::key_figures::FigureReport>, WebError> {
    match visitor.caller().key_figures(canton, year).await {
        Ok(view) => Ok(Some(view.figures)),
        Err(iiz_app::AppError::Denied(iiz_app::authz::Denied::NotFound)) => Ok(None),
        Err(error) => Err(visitor.fail(error)),
    }
}

/// `GET /cantons/{code}/figures/{year}`.
pub async fn form_page(
    visitor: Visitor,
    Path((code, year)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (canton, year) = target(&visitor, &code, &year).await?;
    let previous = previous(&visitor, canton, year).await?;
    let sent = figure_form::of(previous.as_ref());
    render_form(
        &visitor,
        canton,
        year,
        sent,
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `POST /cantons/{code}/figures/{year}`.
pub async fn report(
    Path((code, year)): Path<(String, String)>,
    Posted { visitor, form }: Posted<Sent>,
) -> Result<Response, WebError> {
    let (canton, year) = target(&visitor, &code, &year).await?;
    let previous = previous(&visitor, canton, year).await?;
    let errors = match figure_form::report(visitor.tr, &form, previous.as_ref()) {
        Ok(report) => match visitor
            .caller()
            .report_key_figures(canton, year, report)
            .await
        {
            Ok(_) => {
                return Ok(done(
                    &format!("/cantons/{canton}/figures"),
                    "panorama-notice-figures-reported",
                ));
            }
            Err(error) => FormErrors::of(error, &visitor, &[])?,
        },
        Err(errors) => errors,
    };
    render_form(
        &visitor,
        canton,
        year,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
