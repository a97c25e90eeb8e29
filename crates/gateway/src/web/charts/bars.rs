//! Horizontal bars, one per category with its count: the concern pipeline.

use std::fmt::Write;

use iiz_domain::Language;

use super::svg::{self, DARK_INK, Fill};
use super::{Chart, ChartTexts, DataTable, TableRow};
use crate::web::format;

const WIDTH: u32 = 960;
const LABEL_WIDTH: f64 = 330.0;
const ROW: f64 = 30.0;
const BAR: f64 = 20.0;
const TOP: f64 = 10.0;
/// Room right of the longest bar for its number.
const NUMBER_ROOM: f64 = 90.0;

/// Bars of `counts` (a label and a count each, in the order given), with
/// a table of the counts and their shares. `columns` heads the table's
/// columns (label, count, share).
pub fn pipeline(
    texts: &ChartTexts,
    counts: &[(String, u64)],
    columns: [String; 3],
    language: Language,
) -> Chart {
    let height = (TOP * 2.0 + ROW * counts.len() as f64).ceil() as u32;
    let max = counts.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let total: u64 = counts.iter().map(|(_, count)| *count).sum();
    let span = f64::from(WIDTH) - LABEL_WIDTH - NUMBER_ROOM;
    let mut markup = svg::open(texts, WIDTH, height, "chart-bars");
    for (index, (label, count)) in counts.iter().enumerate() {
        let top = TOP + ROW * index as f64;
        let length = if max == 0 {
            0.0
        } else {
            span * *count as f64 / max as f64
        };
        let middle = top + BAR / 2.0 + 5.0;
        markup.push_str(&svg::text(
            LABEL_WIDTH - 10.0,
            middle,
            "end",
            15,
            &svg::shorten(label, 40),
        ));
        let _ = write!(
            markup,
            "<rect x=\"{LABEL_WIDTH:.1}\" y=\"{top:.1}\" width=\"{length:.1}\" height=\"{BAR:.1}\" fill=\"{}\"/>",
            Fill::BAR.colour
        );
        markup.push_str(&svg::text(
            LABEL_WIDTH + length + 8.0,
            middle,
            "start",
            15,
            &format::number(*count, language),
        ));
    }
    // The baseline the bars grow from.
    let _ = write!(
        markup,
        "<line x1=\"{LABEL_WIDTH:.1}\" y1=\"{TOP:.1}\" x2=\"{LABEL_WIDTH:.1}\" y2=\"{:.1}\" stroke=\"{DARK_INK}\" stroke-width=\"1.5\"/></svg>",
        f64::from(height) - TOP
    );
    let rows = counts
        .iter()
        .map(|(label, count)| TableRow {
            header: label.clone(),
            href: None,
            cells: vec![
                format::number(*count, language),
                format::percent(*count, total, language),
            ],
        })
        .collect();
    Chart {
        id: texts.id.clone(),
        title: texts.title.clone(),
        svg: markup,
        legend: Vec::new(),
        table: DataTable {
            caption: texts.caption.clone(),
            columns: columns.to_vec(),
            rows,
        },
    }
}
