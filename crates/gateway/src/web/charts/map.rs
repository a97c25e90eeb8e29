//! The map of Switzerland, each canton filled by its category (the status
//! of a recommendation there, a class of counts) and named by its
//! abbreviation; each canton's `<title>` says its name and value. The
//! shapes come from `data/cantons.json` (see `data/README.md`).

use std::fmt::Write;
use std::sync::OnceLock;

use serde::Deserialize;

use super::svg::{self, DARK_INK, Fill};
use super::{Category, Chart, ChartTexts, DataTable, TableRow, legend};

/// The shapes, converted once from the npm package `swiss-maps`.
const CANTONS_JSON: &str = include_str!("../../../data/cantons.json");

/// One canton's outline in the map's viewBox.
#[derive(Debug, Clone, Deserialize)]
pub struct CantonShape {
    pub code: String,
    /// Where its abbreviation is written: inside, far from its borders.
    pub label: [f64; 2],
    /// The outline, an SVG path.
    pub d: String,
}

/// The map data file.
#[derive(Debug, Clone, Deserialize)]
pub struct MapData {
    pub width: u32,
    pub height: u32,
    pub cantons: Vec<CantonShape>,
    /// The larger lakes, drawn for orientation.
    pub lakes: String,
}

/// The embedded map could not be read: the data file is broken. (The
/// gateway has no `thiserror`; one error type does not warrant it.)
#[derive(Debug, Clone)]
pub struct MapDataError(String);

impl std::fmt::Display for MapDataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the embedded map of the cantons does not parse: {}",
            self.0
        )
    }
}

impl std::error::Error for MapDataError {}

/// The map data, read once.
pub fn cantons() -> Result<&'static MapData, MapDataError> {
    static DATA: OnceLock<Result<MapData, MapDataError>> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(CANTONS_JSON).map_err(|error| MapDataError(error.to_string()))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// What the map shows for one canton.
#[derive(Debug, Clone)]
pub struct MapEntry {
    /// The abbreviation (`ZH`), as in the data file.
    pub code: String,
    /// The canton's name in the page's language.
    pub name: String,
    /// Index into the map's categories.
    pub category: usize,
    /// The value in words or figures, for the title and the table.
    pub value: String,
    /// A short second line under the abbreviation (a count), if any.
    pub note: Option<String>,
}

/// The map of `entries` coloured by `categories`. A canton without an
/// entry is drawn without a category and "–" as its value. `columns`
/// heads the table (canton, value).
pub fn canton_map(
    texts: &ChartTexts,
    data: &MapData,
    entries: &[MapEntry],
    categories: &[Category],
    columns: [String; 2],
) -> Chart {
    let fills: Vec<Fill> = categories.iter().map(|category| category.fill).collect();
    let mut markup = svg::open(texts, data.width, data.height, "chart-map");
    markup.push_str(&svg::definitions(&texts.id, &fills));
    let entry_of = |code: &str| entries.iter().find(|entry| entry.code == code);
    let mut labels = String::new();
    let mut rows = Vec::with_capacity(data.cantons.len());
    for shape in &data.cantons {
        let entry = entry_of(&shape.code);
        let category =
            entry.and_then(|entry| categories.get(entry.category).map(|c| (entry.category, c)));
        let (paint, fill) = match category {
            Some((index, category)) => (
                category.fill.paint(&svg::fill_id(&texts.id, index)),
                category.fill,
            ),
            None => ("#ffffff".to_owned(), Fill::NONE),
        };
        let name = entry.map_or(shape.code.as_str(), |entry| entry.name.as_str());
        let value = entry.map_or("–", |entry| entry.value.as_str());
        let _ = write!(
            markup,
            "<path class=\"canton\" data-canton=\"{}\" d=\"{}\" fill=\"{paint}\" stroke=\"{DARK_INK}\" stroke-width=\"1\" stroke-linejoin=\"round\"><title>{} ({}): {}</title></path>",
            svg::escape(&shape.code),
            svg::escape(&shape.d),
            svg::escape(name),
            svg::escape(&shape.code),
            svg::escape(value)
        );
        let [x, y] = shape.label;
        let note = entry.and_then(|entry| entry.note.as_deref());
        let y = if note.is_some() { y - 2.0 } else { y + 5.0 };
        labels.push_str(&svg::label_on(&fill, x, y, "middle", 17, &shape.code));
        if let Some(note) = note {
            labels.push_str(&svg::label_on(&fill, x, y + 16.0, "middle", 14, note));
        }
        rows.push(TableRow {
            header: format!("{name} ({})", shape.code),
            href: None,
            cells: vec![value.to_owned()],
        });
    }
    // Lakes in white with a blue shore, so no category is taken for one.
    let _ = write!(
        markup,
        "<path d=\"{}\" fill=\"#ffffff\" stroke=\"#5b8fc7\" stroke-width=\"0.8\" aria-hidden=\"true\"/>",
        svg::escape(&data.lakes)
    );
    markup.push_str(&labels);
    markup.push_str("</svg>");
    Chart {
        id: texts.id.clone(),
        title: texts.title.clone(),
        svg: markup,
        legend: legend(&texts.id, categories),
        table: DataTable {
            caption: texts.caption.clone(),
            columns: columns.to_vec(),
            rows,
        },
    }
}

/// Classes of counts for a map: none, then four of equal width rounded to
/// 1, 2 or 5 times a power of ten, the last open upwards. Returns the
/// lowest and highest count of each class.
pub fn count_classes(max: u64) -> Vec<(u64, u64)> {
    let step = nice(max.div_ceil(4).max(1));
    let mut classes = vec![(0, 0)];
    for class in 0..4 {
        let low = class * step + 1;
        let high = if class == 3 {
            (4 * step).max(max)
        } else {
            (class + 1) * step
        };
        classes.push((low, high));
    }
    classes
}

/// The class of `count` among `classes` (from [`count_classes`]).
pub fn class_of(count: u64, classes: &[(u64, u64)]) -> usize {
    classes
        .iter()
        .position(|(low, high)| (*low..=*high).contains(&count))
        .unwrap_or(classes.len().saturating_sub(1))
}

/// The smallest of 1, 2, 5 × 10ⁿ not below `value`.
fn nice(value: u64) -> u64 {
    let mut power = 1u64;
    loop {
        for factor in [1, 2, 5] {
            let candidate = factor * power;
            if candidate >= value {
                return candidate;
            }
        }
        match power.checked_mul(10) {
            Some(next) => power = next,
            None => return value,
        }
    }
}
