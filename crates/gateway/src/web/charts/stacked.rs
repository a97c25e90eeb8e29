//! Stacked bars: per recommendation, how many addressees are in each
//! category (answered how, implemented how far).

use std::fmt::Write;

use iiz_domain::Language;

use super::svg::{self, DARK_INK};
use super::{Category, Chart, ChartTexts, DataTable, TableRow, legend};
use crate::web::format;

const WIDTH: u32 = 960;
const LEFT: f64 = 10.0;
/// Room right of the longest bar for the total.
const NUMBER_ROOM: f64 = 70.0;
/// A row: the title above, the bar below.
const ROW: f64 = 52.0;
const BAR: f64 = 22.0;
const TOP: f64 = 8.0;
/// Segments narrower than this carry no number (the table has it).
const NUMBER_MIN_WIDTH: f64 = 26.0;

/// One bar: what it is about and its count per category, in the order
/// of the categories.
#[derive(Debug, Clone)]
pub struct StackedRow {
    pub label: String,
    pub href: Option<String>,
    pub counts: Vec<u64>,
}

/// Bars of `rows` stacked by `categories`; the table has a column per
/// category and the total (`first_column` heads the rows, `total` the last).
pub fn stacked_bars(
    texts: &ChartTexts,
    rows: &[StackedRow],
    categories: &[Category],
    first_column: String,
    total_column: String,
    language: Language,
) -> Chart {
    let height = (TOP * 2.0 + ROW * rows.len() as f64).ceil() as u32;
    let max = rows
        .iter()
        .map(|row| row.counts.iter().sum::<u64>())
        .max()
        .unwrap_or(0);
    let span = f64::from(WIDTH) - LEFT - NUMBER_ROOM;
    let unit = if max == 0 { 0.0 } else { span / max as f64 };
    let fills: Vec<_> = categories.iter().map(|category| category.fill).collect();
    let mut markup = svg::open(texts, WIDTH, height, "chart-stacked");
    markup.push_str(&svg::definitions(&texts.id, &fills));
    for (index, row) in rows.iter().enumerate() {
        let top = TOP + ROW * index as f64;
        markup.push_str(&svg::text(
            LEFT,
            top + 16.0,
            "start",
            15,
            &svg::shorten(&row.label, 100),
        ));
        let bar_top = top + 22.0;
        let mut x = LEFT;
        for (category_index, (category, count)) in categories.iter().zip(&row.counts).enumerate() {
            if *count == 0 {
                continue;
            }
            let width = unit * *count as f64;
            // A white edge between segments keeps neighbours apart.
            let _ = write!(
                markup,
                "<rect x=\"{x:.1}\" y=\"{bar_top:.1}\" width=\"{width:.1}\" height=\"{BAR:.1}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>{}: {}</title></rect>",
                category
                    .fill
                    .paint(&svg::fill_id(&texts.id, category_index)),
                svg::escape(&category.label),
                format::number(*count, language)
            );
            if width >= NUMBER_MIN_WIDTH {
                markup.push_str(&svg::label_on(
                    &category.fill,
                    x + width / 2.0,
                    bar_top + 16.0,
                    "middle",
                    13,
                    &format::number(*count, language),
                ));
            }
            x += width;
        }
        let total: u64 = row.counts.iter().sum();
        markup.push_str(&svg::text(
            x + 8.0,
            bar_top + 16.0,
            "start",
            14,
            &format::number(total, language),
        ));
    }
    let _ = write!(
        markup,
        "<line x1=\"{LEFT:.1}\" y1=\"{TOP:.1}\" x2=\"{LEFT:.1}\" y2=\"{:.1}\" stroke=\"{DARK_INK}\" stroke-width=\"1\"/></svg>",
        f64::from(height) - TOP
    );
    let mut columns = vec![first_column];
    columns.extend(categories.iter().map(|category| category.label.clone()));
    columns.push(total_column);
    let table_rows = rows
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = row
                .counts
                .iter()
                .map(|count| format::number(*count, language))
                .collect();
            cells.push(format::number(row.counts.iter().sum(), language));
            TableRow {
                header: row.label.clone(),
                href: row.href.clone(),
                cells,
            }
        })
        .collect();
    Chart {
        id: texts.id.clone(),
        title: texts.title.clone(),
        svg: markup,
        legend: legend(&texts.id, categories),
        table: DataTable {
            caption: texts.caption.clone(),
            columns,
            rows: table_rows,
        },
    }
}
