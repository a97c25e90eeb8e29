//! The rows of the panorama exports (columns in docs/panorama.md
//! "Exports"), built from the published panorama only: what was
//! published, never the cantons' later data. Cells are typed, so the JSON
//! keeps numbers, flags and lists while the CSV writes them as text (lists
//! joined with ` | `).

use std::collections::{BTreeMap, BTreeSet};

use iiz_app::panorama::{NationalRow, national_rows};
use iiz_domain::canton_profile::{BodyLevel, ProfileContent};
use iiz_domain::key_figures::{Figure, FigureValue};
use iiz_domain::panorama::national::NationalFigures;
use iiz_domain::{BodyId, CantonCode};
use iiz_projections::{
    AnswerStatus, BodyView, FiguresRevisionView, RoundView, SnapshotSection, SnapshotView,
};

use super::panorama_table::{Cell, Table, slug};

/// The columns of `profiles`; added at the end, never renamed or removed.
pub const PROFILE_COLUMNS: [&str; 29] = [
    "year",
    "canton",
    "status",
    "late",
    "answered_on",
    "profile_year",
    "profile_revision",
    "language",
    "implementation_type",
    "strategic_bodies",
    "operational_bodies",
    "shared_bodies",
    "steering_institutions",
    "steering_institution_kinds",
    "office_kind",
    "office_attached_to",
    "office_attached_to_kind",
    "coordinator_at",
    "coordinator_at_kind",
    "documented_process",
    "process_forms",
    "process_as_written",
    "case_minimum_institutions",
    "case_criteria",
    "case_definition_as_written",
    "legal_bases",
    "federal_references",
    "challenge_categories",
    "challenges",
];

/// The columns of `figures`.
pub const FIGURE_COLUMNS: [&str; 12] = [
    "year",
    "canton",
    "figures_year",
    "figures_revision",
    "figure",
    "lead",
    "label",
    "kind",
    "value",
    "low",
    "high",
    "as_written",
];

/// The columns of `national`.
pub const NATIONAL_COLUMNS: [&str; 7] = [
    "year", "figure", "key", "count", "cantons", "value", "basis",
];

fn slugs<'a, T: serde::Serialize + 'a>(values: impl IntoIterator<Item = &'a T>) -> Cell {
    Cell::List(values.into_iter().map(slug).collect())
}

/// A body's name in `language`, else its best; "unknown body" (with its
/// id) when the caller cannot see it.
fn body_name(
    bodies: &BTreeMap<BodyId, BodyView>,
    id: BodyId,
    language: iiz_domain::Language,
) -> String {
    bodies.get(&id).map_or_else(
        || format!("unknown body {id}"),
        |body| body.names.best(language).to_owned(),
    )
}

fn profile_cells(content: &ProfileContent, bodies: &BTreeMap<BodyId, BodyView>) -> Vec<Cell> {
    let structure = &content.structure;
    let practice = &content.practice;
    let language = content.language;
    let named = |level: BodyLevel| {
        Cell::List(
            structure
                .bodies
                .iter()
                .filter(|link| link.level == level)
                .map(|link| body_name(bodies, link.body, language))
                .collect(),
        )
    };
    let shared = structure
        .bodies
        .iter()
        .filter(|link| !link.shared_with.is_empty())
        .map(|link| {
            let others: Vec<&str> = link.shared_with.iter().map(CantonCode::as_str).collect();
            format!(
                "{} ({})",
                body_name(bodies, link.body, language),
                others.join(", ")
            )
        })
        .collect();
    let mut institutions: Vec<String> = Vec::new();
    let mut kinds = BTreeSet::new();
    for institution in structure
        .strategic_bodies()
        .flat_map(|link| link.institutions.iter())
    {
        let name = institution.name.to_string();
        if !institutions.contains(&name) {
            institutions.push(name);
        }
        kinds.insert(institution.kind);
    }
    let office = structure.office.as_ref();
    let attached = office.and_then(|office| office.attached_to.as_ref());
    let coordinator = structure.coordinator_at.as_ref();
    let case = &practice.case_definition;
    vec![
        Cell::text(language.as_str()),
        Cell::text(slug(&structure.implementation_type)),
        named(BodyLevel::Strategic),
        named(BodyLevel::Operational),
        Cell::List(shared),
        Cell::List(institutions),
        Cell::List(kinds.iter().map(|kind| kind.as_str().to_owned()).collect()),
        Cell::text(office.map(|office| slug(&office.kind)).unwrap_or_default()),
        Cell::text(attached.map(|i| i.name.to_string()).unwrap_or_default()),
        Cell::text(attached.map(|i| i.kind.as_str()).unwrap_or_default()),
        Cell::text(coordinator.map(|i| i.name.to_string()).unwrap_or_default()),
        Cell::text(coordinator.map(|i| i.kind.as_str()).unwrap_or_default()),
        Cell::text(slug(&practice.process.documented)),
        slugs(&practice.process.forms),
        Cell::text(practice.process.as_written.as_str()),
        Cell::number(case.minimum_institutions.map(u32::from)),
        slugs(&case.criteria),
        Cell::text(case.as_written.as_str()),
        Cell::List(
            practice
                .legal_bases
                .iter()
                .map(|basis| basis.citation.to_string())
                .collect(),
        ),
        Cell::List(
            practice
                .federal_references
                .iter()
                .map(ToString::to_string)
                .collect(),
        ),
        Cell::List(
            content
                .challenges
                .items
                .iter()
                .map(|item| slug(&item.category))
                .collect(),
        ),
        Cell::List(
            content
                .challenges
                .items
                .iter()
                .map(|item| item.text.as_str().to_owned())
                .collect(),
        ),
    ]
}

/// One row per addressed canton; a canton without an answer has its
/// status and nothing else.
pub fn profiles(
    snapshot: &SnapshotView,
    round: &RoundView,
    bodies: &BTreeMap<BodyId, BodyView>,
) -> Table {
    let year = u64::from(snapshot.year.get());
    let rows = snapshot
        .sections
        .iter()
        .map(|(canton, section)| {
            let answered_on = round
                .cantons
                .get(canton)
                .and_then(|answer| answer.answered_on)
                .map_or(Cell::Empty, |on| Cell::Text(on.to_string()));
            let mut row = vec![Cell::Number(year), Cell::text(canton.as_str())];
            match section {
                SnapshotSection::Answered {
                    kind,
                    late,
                    profile,
                    ..
                } => {
                    row.extend([
                        Cell::text(slug(&AnswerStatus::from(*kind))),
                        Cell::Flag(*late),
                        answered_on,
                        Cell::Number(u64::from(profile.year.get())),
                        Cell::Number(u64::from(profile.revision)),
                    ]);
                    row.extend(profile_cells(&profile.content, bodies));
                }
                SnapshotSection::NoAnswer => {
                    row.extend([Cell::text(slug(&AnswerStatus::NoAnswer)), Cell::Flag(false)]);
                    row.resize(PROFILE_COLUMNS.len(), Cell::Empty);
                }
            }
            row
        })
        .collect();
    Table {
        columns: &PROFILE_COLUMNS,
        rows,
    }
}

fn figure_row(
    head: &[Cell],
    figure: &str,
    lead: String,
    label: String,
    value: &Figure,
) -> Vec<Cell> {
    let (point, low, high) = match value.value {
        FigureValue::Exact { value } | FigureValue::Estimate { value } => (Some(value), None, None),
        FigureValue::Range { low, high } => (None, Some(low), Some(high)),
        FigureValue::NotAvailable => (None, None, None),
    };
    let mut row = head.to_vec();
    row.extend([
        Cell::text(figure),
        Cell::text(lead),
        Cell::text(label),
        Cell::text(value.value.as_str()),
        Cell::number(point),
        Cell::number(low),
        Cell::number(high),
        Cell::text(value.as_written.as_str()),
    ]);
    row
}

fn figures_of(year: u64, canton: CantonCode, figures: &FiguresRevisionView) -> Vec<Vec<Cell>> {
    let head = [
        Cell::Number(year),
        Cell::text(canton.as_str()),
        Cell::Number(u64::from(figures.year.get())),
        Cell::Number(u64::from(figures.revision)),
    ];
    let report = &figures.figures;
    let none = String::new;
    let mut rows = vec![figure_row(
        &head,
        "cases_total",
        none(),
        none(),
        &report.cases_total,
    )];
    for (lead, figure) in &report.cases_by_lead {
        rows.push(figure_row(
            &head,
            "cases_by_lead",
            lead.as_str().to_owned(),
            none(),
            figure,
        ));
    }
    if let Some(unemployed) = &report.registered_unemployed {
        rows.push(figure_row(
            &head,
            "registered_unemployed",
            none(),
            none(),
            unemployed,
        ));
    }
    for other in &report.other {
        rows.push(figure_row(
            &head,
            "other",
            none(),
            other.label.to_string(),
            &other.figure,
        ));
    }
    rows
}

/// One row per canton, figures year and figure the published sections
/// contain.
pub fn figures(snapshot: &SnapshotView) -> Table {
    let year = u64::from(snapshot.year.get());
    let mut rows = Vec::new();
    for (canton, section) in &snapshot.sections {
        if let SnapshotSection::Answered { figures, .. } = section {
            for revision in figures {
                rows.extend(figures_of(year, *canton, revision));
            }
        }
    }
    Table {
        columns: &FIGURE_COLUMNS,
        rows,
    }
}

fn national_row(year: u64, row: &NationalRow) -> Vec<Cell> {
    vec![
        Cell::Number(year),
        Cell::text(row.figure.as_str()),
        Cell::text(row.key.as_str()),
        Cell::Number(row.cantons.len() as u64),
        Cell::List(row.cantons.iter().map(ToString::to_string).collect()),
        Cell::number(row.value),
        Cell::text(row.basis.as_ref().map(slug).unwrap_or_default()),
    ]
}

/// One row per national figure and key.
pub fn national(year: u16, figures: &NationalFigures) -> Table {
    let year = u64::from(year);
    Table {
        columns: &NATIONAL_COLUMNS,
        rows: national_rows(figures)
            .iter()
            .map(|row| national_row(year, row))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed headers are the contract; the constants must write them.
    #[test]
    fn the_columns_are_the_committed_headers() {
        for (columns, golden) in [
            (
                &PROFILE_COLUMNS[..],
                include_str!("../../../../schema/exports/panorama-profiles-header.csv"),
            ),
            (
                &FIGURE_COLUMNS[..],
                include_str!("../../../../schema/exports/panorama-figures-header.csv"),
            ),
            (
                &NATIONAL_COLUMNS[..],
                include_str!("../../../../schema/exports/panorama-national-header.csv"),
            ),
        ] {
            assert_eq!(format!("{}\n", columns.join(",")), golden);
        }
    }
}
