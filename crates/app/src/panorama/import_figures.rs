//! The annex's case counts as key figures: counts by year as reported,
//! counts without a year filed under the survey's last year, labelled
//! counts kept as written, and a count for two cantons together never
//! split.

use std::collections::BTreeMap;

use iiz_domain::key_figures::{Figure, FigureReport, FigureValue, LabelledFigure};
use iiz_domain::panorama::{InstitutionKind, Year};
use iiz_domain::text::{FreeText, Title};

use super::import_map::{free, invalid};
use super::import_reading::kind_of;
use crate::AppError;
use crate::catalog_sections::{PanoramaSection, WrittenCount};

/// Counts without a year are the survey's last year's (docs/panorama.md).
pub(super) const YEAR_OF_UNDATED_COUNTS: u16 = 2019;

pub(super) fn empty_report() -> FigureReport {
    FigureReport {
        cases_total: Figure::not_available(),
        cases_by_lead: BTreeMap::new(),
        registered_unemployed: None,
        other: Vec::new(),
        note: FreeText::default(),
    }
}

fn figure(count: Option<&WrittenCount>) -> Result<Figure, AppError> {
    match count {
        None => Ok(Figure {
            as_written: free(Some("k.A."))?,
            ..Figure::not_available()
        }),
        Some(WrittenCount::Number(value)) => Ok(Figure::new(FigureValue::Exact { value: *value })),
        Some(WrittenCount::Text(text)) => Ok(Figure::read(free(Some(text.as_str()))?)),
    }
}

fn labelled(label: &str, count: Option<&WrittenCount>) -> Result<LabelledFigure, AppError> {
    Ok(LabelledFigure {
        label: Title::parse(label).map_err(|e| invalid(label, e))?,
        figure: figure(count)?,
    })
}

fn lead(name: &str) -> InstitutionKind {
    match name {
        "RAV" => InstitutionKind::Unemployment,
        "IV" => InstitutionKind::Disability,
        other => kind_of(other),
    }
}

type Figures = (BTreeMap<Year, FigureReport>, Option<LabelledFigure>);

fn report(by_year: &mut BTreeMap<u16, FigureReport>, year: u16) -> &mut FigureReport {
    by_year.entry(year).or_insert_with(empty_report)
}

pub(super) fn figures(section: &PanoramaSection, joint: bool) -> Result<Figures, AppError> {
    let counts = &section.case_counts;
    let undated = YEAR_OF_UNDATED_COUNTS;
    let mut by_year: BTreeMap<u16, FigureReport> = BTreeMap::new();
    for (year, count) in &counts.by_year {
        report(&mut by_year, *year).cases_total = figure(count.as_ref())?;
    }
    for (institution, years) in &counts.by_institution {
        for (year, count) in years {
            report(&mut by_year, *year)
                .cases_by_lead
                .insert(lead(institution), figure(count.as_ref())?);
        }
    }
    for (label, years) in &counts.breakdown {
        for (year, count) in years {
            report(&mut by_year, *year)
                .other
                .push(labelled(label, count.as_ref())?);
        }
    }
    for list in [
        &counts.by_scheme,
        &counts.by_type,
        &counts.by_institution_pair,
        &counts.other,
    ] {
        for (label, count) in list {
            report(&mut by_year, undated)
                .other
                .push(labelled(label, count.as_ref())?);
        }
    }
    let mut joint_count = None;
    if let Some(per_year) = &counts.per_year {
        let count = WrittenCount::Text(per_year.clone());
        if joint {
            // Written for the section's cantons together: beside each
            // canton's figures, never split.
            joint_count = Some(labelled(&section.codes.join("/"), Some(&count))?);
        } else {
            report(&mut by_year, undated).cases_total = figure(Some(&count))?;
        }
    }
    let note = free(counts.note.as_deref())?;
    if by_year.is_empty() && !note.is_empty() {
        report(&mut by_year, undated);
    }
    let mut figures = BTreeMap::new();
    for (year, mut report) in by_year {
        report.note = note.clone();
        figures.insert(Year::parse(year).map_err(|e| invalid("a year", e))?, report);
    }
    Ok((figures, joint_count))
}
