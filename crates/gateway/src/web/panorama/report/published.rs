//! `GET /panorama/{year}` and `GET /panorama/{year}/print`: the published
//! panorama of a year, generated from what the round published (the
//! profile and figures revisions the answers named), so the 2020 panorama
//! reads the same whatever the cantons changed since. The national
//! figures come first, each with the cantons behind it; then each
//! addressed canton's section in its language, or "no answer".
//!
//! A year without a published panorama is `404` (the app decides who
//! sees what; today nobody sees an unpublished one here).

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use iiz_domain::panorama::Year;
use iiz_projections::SnapshotSection;

use super::national::{self, CantonRef, NationalTable};
use super::section::{self, CantonSection};
use super::values::BodyNames;
use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::i18n::Tr;
use crate::web::page::{Chrome, show};
use crate::web::{assets, visitor::Visitor};

/// A link with its text.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// What the screen and the print page both show.
#[derive(Debug, Clone)]
pub struct Report {
    pub year: String,
    pub published_on: String,
    pub summary: String,
    /// The cantons the national figures are computed from.
    pub considered: Vec<CantonRef>,
    pub without_answer: Vec<CantonRef>,
    pub national: Vec<NationalTable>,
    pub sections: Vec<CantonSection>,
    pub exports: Vec<Link>,
    pub page_href: String,
    pub print_href: String,
}

#[derive(Template)]
#[template(path = "panorama/report/published.html")]
pub struct PublishedPage {
    pub chrome: Chrome,
    pub tr: Tr,
    pub report: Report,
}

/// The printable page: no header, navigation or footer, a page per canton.
#[derive(Template)]
#[template(path = "panorama/report/print.html")]
pub struct PrintPage {
    pub tr: Tr,
    pub title: String,
    pub report: Report,
    pub css: String,
    pub print_css: String,
    pub icon: String,
}

/// The year of the path; anything but a year we keep is no page.
pub fn parse_year(visitor: &Visitor, year: &str) -> Result<Year, WebError> {
    year.parse::<u16>()
        .ok()
        .and_then(|number| Year::parse(number).ok())
        .ok_or_else(|| visitor.refuse(Failure::NotFound))
}

fn exports(tr: Tr, year: Year) -> Vec<Link> {
    let mut links = Vec::new();
    for (table, key) in [
        ("profiles", "panorama-report-export-profiles"),
        ("figures", "panorama-report-export-figures"),
        ("national", "panorama-report-export-national"),
    ] {
        for format in ["csv", "json"] {
            links.push(Link {
                href: format!("/exports/panorama/{year}/{table}.{format}"),
                label: tr.args(
                    "panorama-report-export",
                    &[("table", tr.t(key)), ("format", format.to_uppercase())],
                ),
            });
        }
    }
    links
}

async fn report(visitor: &Visitor, year: Year) -> Result<Report, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let snapshot = caller.published_panorama(year).await.map_err(fail)?;
    let figures = caller.national_figures(year).await.map_err(fail)?;
    let names = BodyNames(caller.panorama_bodies(&snapshot).await.map_err(fail)?);
    let without_answer: Vec<CantonRef> = snapshot
        .sections
        .iter()
        .filter(|(_, section)| matches!(section, SnapshotSection::NoAnswer))
        .map(|(code, _)| CantonRef::new(tr, *code))
        .collect();
    let summary = tr.args(
        "panorama-report-summary",
        &[
            ("addressed", snapshot.sections.len().to_string()),
            ("answered", figures.considered.len().to_string()),
        ],
    );
    Ok(Report {
        year: year.to_string(),
        published_on: format::date(snapshot.published_on),
        summary,
        considered: figures
            .considered
            .iter()
            .map(|code| CantonRef::new(tr, *code))
            .collect(),
        without_answer,
        national: national::tables(tr, &figures),
        sections: snapshot
            .sections
            .iter()
            .map(|(code, section)| section::section(tr, *code, section, &names))
            .collect(),
        exports: exports(tr, year),
        page_href: format!("/panorama/{year}"),
        print_href: format!("/panorama/{year}/print"),
    })
}

/// `GET /panorama/{year}`.
pub async fn page(visitor: Visitor, Path(year): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = parse_year(&visitor, &year)?;
    let tr = visitor.tr;
    let report = report(&visitor, year).await?;
    let title = tr.t1("panorama-report-page-title", "year", year.to_string());
    let chrome = Chrome::new(&visitor, "panorama", title)
        .await?
        .crumb("/panorama", tr.t("panorama-report-panoramas"));
    show(&PublishedPage { chrome, tr, report }, &visitor)
}

/// `GET /panorama/{year}/print`.
pub async fn print(visitor: Visitor, Path(year): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let year = parse_year(&visitor, &year)?;
    let tr = visitor.tr;
    let report = report(&visitor, year).await?;
    let page = PrintPage {
        tr,
        title: tr.t1("panorama-report-page-title", "year", year.to_string()),
        report,
        css: assets::url("iiz.css"),
        print_css: assets::url("panorama-print.css"),
        icon: assets::url("icon.svg"),
    };
    show(&page, &visitor)
}
