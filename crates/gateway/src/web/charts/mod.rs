//! Pictures drawn on the server as inline SVG: bars, stacked bars, a line
//! over time and the map of Switzerland. Pure functions from figures to
//! markup, no IO. Every chart comes with its text alternative (`<title>`
//! and `<desc>`, named by `aria-labelledby`) AND the same figures as a
//! table, because a picture is read by some and the table by others.
//!
//! Colours keep a contrast of at least 3:1 to white (WCAG 1.4.11) and are
//! never the only difference: each category also has its own pattern, and
//! bars carry their numbers as text.

mod bars;
mod map;
mod over_time;
mod stacked;
mod svg;

#[cfg(test)]
mod tests;

pub use bars::pipeline;
pub use map::{MapDataError, MapEntry, canton_map, cantons, class_of, count_classes};
pub use over_time::{RatePoint, implementation_over_time};
pub use stacked::{StackedRow, stacked_bars};
pub use svg::Fill;

/// A chart ready for a page: the picture, its legend and its table.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Unique on the page; prefixes the ids inside the picture.
    pub id: String,
    pub title: String,
    /// The `<svg>` markup; every text inside is escaped.
    pub svg: String,
    pub legend: Vec<LegendEntry>,
    pub table: DataTable,
}

/// One category of a chart's legend: a swatch (small SVG, hidden from
/// screen readers, which read the label) and its label.
#[derive(Debug, Clone)]
pub struct LegendEntry {
    pub swatch: String,
    pub label: String,
}

/// The figures of a chart as a table: the first column heads the rows.
#[derive(Debug, Clone)]
pub struct DataTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One row of a chart's table.
#[derive(Debug, Clone)]
pub struct TableRow {
    pub header: String,
    /// Where the row's subject is shown in full, if it has a page.
    pub href: Option<String>,
    pub cells: Vec<String>,
}

/// The texts a chart needs, translated by the caller.
#[derive(Debug, Clone)]
pub struct ChartTexts {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub caption: String,
}

impl ChartTexts {
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        summary: impl Into<String>,
        caption: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            summary: summary.into(),
            caption: caption.into(),
        }
    }
}

/// One category of a chart (a stage, an answer, a class of counts): its
/// label and how it is filled.
#[derive(Debug, Clone)]
pub struct Category {
    pub label: String,
    pub fill: Fill,
}

impl Category {
    pub fn new(label: impl Into<String>, fill: Fill) -> Self {
        Self {
            label: label.into(),
            fill,
        }
    }
}

/// The legend of `categories`, each swatch with its own pattern ids
/// (`{chart}-legend-{index}`), so no two swatches on a page share an id.
fn legend(chart: &str, categories: &[Category]) -> Vec<LegendEntry> {
    categories
        .iter()
        .enumerate()
        .map(|(index, category)| LegendEntry {
            swatch: category.fill.swatch(&format!("{chart}-legend-{index}")),
            label: category.label.clone(),
        })
        .collect()
}
