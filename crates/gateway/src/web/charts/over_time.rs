//! Implementation over time: how many addressees had committed to a
//! recommendation and how many had implemented it, at the end of each
//! quarter. Two stepped lines told apart by colour, dash, marker and a
//! label at their ends.

use std::fmt::Write;

use chrono::NaiveDate;
use iiz_domain::Language;

use super::svg::{self, DARK_INK};
use super::{Chart, ChartTexts, DataTable, LegendEntry, TableRow};
use crate::web::format;

const WIDTH: u32 = 960;
const HEIGHT: u32 = 340;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 50.0;

/// The figures at one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatePoint {
    pub on: NaiveDate,
    pub committed: u64,
    pub implemented: u64,
}

/// The two series, their look and their legend.
struct Series {
    colour: &'static str,
    dash: &'static str,
    marker: Marker,
}

#[derive(Clone, Copy)]
enum Marker {
    Square,
    Circle,
}

const COMMITTED: Series = Series {
    colour: "#0b5cad",
    dash: "8 5",
    marker: Marker::Square,
};
const IMPLEMENTED: Series = Series {
    colour: "#1a7f37",
    dash: "",
    marker: Marker::Circle,
};

fn marker(series: &Series, x: f64, y: f64) -> String {
    match series.marker {
        Marker::Square => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"8\" fill=\"{}\"/>",
            x - 4.0,
            y - 4.0,
            series.colour
        ),
        Marker::Circle => format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\" fill=\"{}\"/>",
            series.colour
        ),
    }
}

fn swatch(series: &Series) -> String {
    let dash = if series.dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{}\"", series.dash)
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 40 20\" width=\"40\" height=\"20\" aria-hidden=\"true\" focusable=\"false\">\
         <line x1=\"2\" y1=\"10\" x2=\"38\" y2=\"10\" stroke=\"{}\" stroke-width=\"3\"{dash}/>{}</svg>",
        series.colour,
        marker(series, 20.0, 10.0)
    )
}

/// The stepped lines of `points` (in date order). `labels` names the
/// series (committed, implemented); `columns` heads the table (day,
/// committed, implemented, rate).
pub fn implementation_over_time(
    texts: &ChartTexts,
    points: &[RatePoint],
    labels: [String; 2],
    columns: [String; 4],
    language: Language,
) -> Chart {
    let mut markup = svg::open(texts, WIDTH, HEIGHT, "chart-line");
    let plot_width = f64::from(WIDTH) - LEFT - RIGHT;
    let plot_height = f64::from(HEIGHT) - TOP - BOTTOM;
    let bottom = TOP + plot_height;
    let max = points
        .iter()
        .map(|point| point.committed.max(point.implemented))
        .max()
        .unwrap_or(0)
        .max(1);
    let first = points.first().map(|point| point.on);
    let last = points.last().map(|point| point.on);
    let days = match (first, last) {
        (Some(first), Some(last)) => (last - first).num_days().max(1) as f64,
        _ => 1.0,
    };
    let x_of = |on: NaiveDate| {
        first.map_or(LEFT, |first| {
            LEFT + plot_width * (on - first).num_days() as f64 / days
        })
    };
    let y_of = |value: u64| bottom - plot_height * value as f64 / max as f64;
    // Axes, with the zero and the highest count written beside them.
    let _ = write!(
        markup,
        "<g stroke=\"{DARK_INK}\" stroke-width=\"1\"><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{bottom}\"/>\
         <line x1=\"{LEFT}\" y1=\"{bottom}\" x2=\"{:.1}\" y2=\"{bottom}\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{:.1}\" y2=\"{TOP}\" stroke=\"#c2c8cf\" stroke-dasharray=\"2 4\"/></g>",
        LEFT + plot_width,
        LEFT + plot_width
    );
    markup.push_str(&svg::text(LEFT - 8.0, bottom + 5.0, "end", 14, "0"));
    markup.push_str(&svg::text(
        LEFT - 8.0,
        TOP + 5.0,
        "end",
        14,
        &format::number(max, language),
    ));
    if let (Some(first), Some(last)) = (first, last) {
        markup.push_str(&svg::text(
            LEFT,
            bottom + 24.0,
            "start",
            14,
            &format::date(first),
        ));
        if last != first {
            markup.push_str(&svg::text(
                LEFT + plot_width,
                bottom + 24.0,
                "end",
                14,
                &format::date(last),
            ));
        }
    }
    for (series, label, value_of) in [
        (
            &COMMITTED,
            &labels[0],
            (|point: &RatePoint| point.committed) as fn(&RatePoint) -> u64,
        ),
        (&IMPLEMENTED, &labels[1], |point: &RatePoint| {
            point.implemented
        }),
    ] {
        // A stepped line: a figure holds until the next day it is counted.
        let mut d = String::new();
        for (index, point) in points.iter().enumerate() {
            let (x, y) = (x_of(point.on), y_of(value_of(point)));
            if index == 0 {
                let _ = write!(d, "M{x:.1} {y:.1}");
            } else {
                let _ = write!(d, "H{x:.1}V{y:.1}");
            }
        }
        let dash = if series.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", series.dash)
        };
        let _ = write!(
            markup,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"{dash}/>",
            series.colour
        );
        for point in points {
            markup.push_str(&marker(series, x_of(point.on), y_of(value_of(point))));
        }
        // The last figure beside the line's end, the series named in the
        // legend and the table; the two ends are written apart.
        if let Some(point) = points.last() {
            let y = y_of(value_of(point)) + if series.dash.is_empty() { 18.0 } else { -8.0 };
            let text = format!(
                "{} {}",
                svg::shorten(label, 16),
                format::number(value_of(point), language)
            );
            markup.push_str(&svg::text(x_of(point.on) + 10.0, y, "start", 13, &text));
        }
    }
    markup.push_str("</svg>");
    let rows = points
        .iter()
        .map(|point| TableRow {
            header: format::date(point.on),
            href: None,
            cells: vec![
                format::number(point.committed, language),
                format::number(point.implemented, language),
                format::percent(point.implemented, point.committed, language),
            ],
        })
        .collect();
    Chart {
        id: texts.id.clone(),
        title: texts.title.clone(),
        svg: markup,
        legend: vec![
            LegendEntry {
                swatch: swatch(&COMMITTED),
                label: labels[0].clone(),
            },
            LegendEntry {
                swatch: swatch(&IMPLEMENTED),
                label: labels[1].clone(),
            },
        ],
        table: DataTable {
            caption: texts.caption.clone(),
            columns: columns.to_vec(),
            rows,
        },
    }
}
