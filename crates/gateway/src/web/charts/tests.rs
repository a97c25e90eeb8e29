//! The pictures: well-formed SVG with a text alternative, every canton on
//! the map, a legend per category, a table row per figure, and colours
//! that keep their contrast.

use chrono::NaiveDate;
use iiz_domain::{CantonCode, Language};

use super::svg::{DARK_INK, Fill};
use super::*;

/// Checks that `markup` is well-formed XML as far as the charts write it:
/// balanced elements, quoted attributes, no raw `<` or `&` in text.
fn assert_well_formed(markup: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut rest = markup;
    while let Some(start) = rest.find('<') {
        check_text(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            panic!("unclosed tag in {}", &rest[start..]);
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "closing </{name}>");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
            "tag name in <{tag}>"
        );
        assert_eq!(
            body.matches('"').count() % 2,
            0,
            "attribute quotes in <{tag}>"
        );
        check_text(&body.replace("=\"", "\"").replace('"', ""));
        if !self_closing {
            open.push(name);
        }
    }
    check_text(rest);
    assert!(open.is_empty(), "left open: {open:?}");
}

fn check_text(text: &str) {
    assert!(!text.contains('<'), "raw < in {text}");
    for (index, _) in text.match_indices('&') {
        let entity = &text[index..text.len().min(index + 6)];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|known| entity.starts_with(known)),
            "raw & in {text}"
        );
    }
}

fn texts(id: &str) -> ChartTexts {
    ChartTexts::new(id, "Title <&>", "What it shows", "The figures")
}

fn assert_accessible(chart: &Chart) {
    assert_well_formed(&chart.svg);
    assert!(chart.svg.starts_with("<svg "));
    assert!(chart.svg.contains("role=\"img\""));
    let labelled = format!("aria-labelledby=\"{0}-title {0}-desc\"", chart.id);
    assert!(chart.svg.contains(&labelled), "{}", chart.svg);
    assert!(chart.svg.contains(&format!(
        "<title id=\"{}-title\">Title &lt;&amp;&gt;</title>",
        chart.id
    )));
    assert!(chart.svg.contains(&format!(
        "<desc id=\"{}-desc\">What it shows</desc>",
        chart.id
    )));
    for entry in &chart.legend {
        assert_well_formed(&entry.swatch);
        assert!(entry.swatch.contains("aria-hidden=\"true\""));
    }
    assert!(!chart.table.caption.is_empty());
    for row in &chart.table.rows {
        assert_eq!(
            row.cells.len() + 1,
            chart.table.columns.len(),
            "row {}",
            row.header
        );
    }
}

fn columns<const N: usize>() -> [String; N] {
    std::array::from_fn(|index| format!("column {index}"))
}

#[test]
fn the_pipeline_has_a_bar_and_a_row_per_stage_in_swiss_numbers() {
    let counts = vec![
        ("Entwurf".to_owned(), 1_200),
        ("Bei der EKG".to_owned(), 0),
        ("Beantwortet <alt>".to_owned(), 300),
    ];
    let chart = pipeline(&texts("pipeline"), &counts, columns(), Language::De);
    assert_accessible(&chart);
    assert_eq!(chart.svg.matches("<rect ").count(), 3);
    assert!(chart.svg.contains(">1’200<"));
    assert!(chart.svg.contains("Beantwortet &lt;alt&gt;"));
    let rows: Vec<_> = chart
        .table
        .rows
        .iter()
        .map(|row| row.header.as_str())
        .collect();
    assert_eq!(rows, ["Entwurf", "Bei der EKG", "Beantwortet <alt>"]);
    assert_eq!(chart.table.rows[0].cells, ["1’200", "80%"]);
    let french = pipeline(&texts("p"), &counts, columns(), Language::Fr);
    assert_eq!(french.table.rows[0].cells, ["1\u{202f}200", "80\u{a0}%"]);
}

#[test]
fn stacked_bars_show_every_category_with_its_pattern_and_legend() {
    let categories = vec![
        Category::new("Umgesetzt", Fill::GREEN),
        Category::new("In Umsetzung", Fill::BLUE),
        Category::new("Keine Antwort", Fill::GREY),
    ];
    let rows = vec![
        StackedRow {
            label: "Empfehlung A".to_owned(),
            href: Some("/recommendations/a".to_owned()),
            counts: vec![10, 5, 13],
        },
        StackedRow {
            label: "Empfehlung B".to_owned(),
            href: None,
            counts: vec![0, 0, 2],
        },
    ];
    let chart = stacked_bars(
        &texts("acceptance"),
        &rows,
        &categories,
        "Empfehlung".to_owned(),
        "Total".to_owned(),
        Language::De,
    );
    assert_accessible(&chart);
    // Plain green needs no pattern; the others have theirs.
    assert!(chart.svg.contains("<pattern id=\"acceptance-fill-1\""));
    assert!(chart.svg.contains("<pattern id=\"acceptance-fill-2\""));
    assert!(!chart.svg.contains("acceptance-fill-0"));
    assert!(chart.svg.contains("fill=\"url(#acceptance-fill-1)\""));
    // Four segments: empty ones are not drawn.
    assert_eq!(chart.svg.matches("<title>").count(), 4);
    assert_eq!(chart.legend.len(), 3);
    assert_eq!(chart.legend[1].label, "In Umsetzung");
    assert!(chart.legend[1].swatch.contains("acceptance-legend-1"));
    assert_eq!(
        chart.table.columns,
        [
            "Empfehlung",
            "Umgesetzt",
            "In Umsetzung",
            "Keine Antwort",
            "Total"
        ]
    );
    assert_eq!(chart.table.rows[0].cells, ["10", "5", "13", "28"]);
    assert_eq!(
        chart.table.rows[0].href.as_deref(),
        Some("/recommendations/a")
    );
}

#[test]
fn implementation_over_time_draws_two_told_apart_lines() {
    let day = |month| NaiveDate::from_ymd_opt(2026, month, 28).unwrap_or_default();
    let points = [
        RatePoint {
            on: day(3),
            committed: 4,
            implemented: 0,
        },
        RatePoint {
            on: day(6),
            committed: 10,
            implemented: 3,
        },
        RatePoint {
            on: day(9),
            committed: 12,
            implemented: 6,
        },
    ];
    let labels = ["Zugesagt".to_owned(), "Umgesetzt".to_owned()];
    let chart = implementation_over_time(&texts("time"), &points, labels, columns(), Language::It);
    assert_accessible(&chart);
    assert_eq!(chart.svg.matches("<path ").count(), 2);
    assert!(chart.svg.contains("stroke-dasharray"));
    assert!(chart.svg.contains(">28.03.2026<") && chart.svg.contains(">28.09.2026<"));
    assert_eq!(chart.legend.len(), 2);
    assert_eq!(chart.table.rows.len(), 3);
    assert_eq!(chart.table.rows[2].header, "28.09.2026");
    assert_eq!(chart.table.rows[2].cells, ["12", "6", "50%"]);
}

#[test]
fn the_map_has_all_26_cantons_each_with_a_title_and_a_table_row() {
    let data = cantons().unwrap();
    assert_eq!(data.cantons.len(), 26);
    for code in CantonCode::all() {
        assert!(
            data.cantons.iter().any(|shape| shape.code == code.as_str()),
            "{code} missing"
        );
    }
    let categories = vec![
        Category::new("Umgesetzt", Fill::GREEN),
        Category::new("Nicht betroffen", Fill::NONE),
    ];
    let entries: Vec<_> = CantonCode::all()
        .map(|code| MapEntry {
            code: code.to_string(),
            name: format!("Kanton {code}"),
            category: usize::from(code.as_str() != "ZH"),
            value: if code.as_str() == "ZH" {
                "Umgesetzt"
            } else {
                "Nicht betroffen"
            }
            .to_owned(),
            note: None,
        })
        .collect();
    let chart = canton_map(&texts("map"), data, &entries, &categories, columns());
    assert_accessible(&chart);
    assert_eq!(chart.svg.matches("<path class=\"canton\"").count(), 26);
    assert!(chart.svg.contains("data-canton=\"ZH\" d=\""));
    assert!(
        chart
            .svg
            .contains("<title>Kanton ZH (ZH): Umgesetzt</title>")
    );
    assert!(
        chart
            .svg
            .contains("<title>Kanton GE (GE): Nicht betroffen</title>")
    );
    assert!(chart.svg.contains("fill=\"url(#map-fill-1)\""));
    // Every canton is named on the map, not told by colour alone.
    assert!(chart.svg.contains(">AI</text>") && chart.svg.contains(">JU</text>"));
    assert_eq!(chart.legend.len(), 2);
    assert_eq!(chart.table.rows.len(), 26);
    assert!(
        chart
            .table
            .rows
            .iter()
            .any(|row| row.header == "Kanton ZH (ZH)" && row.cells == ["Umgesetzt"])
    );
}

#[test]
fn a_canton_without_figures_is_drawn_and_says_so() {
    let data = cantons().unwrap();
    let categories = vec![Category::new("1–5", Fill::CLASSES[1])];
    let entries = vec![MapEntry {
        code: "BE".to_owned(),
        name: "Bern".to_owned(),
        category: 0,
        value: "3".to_owned(),
        note: Some("3".to_owned()),
    }];
    let chart = canton_map(&texts("counts"), data, &entries, &categories, columns());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.svg.matches("<path class=\"canton\"").count(), 26);
    assert!(chart.svg.contains("<title>Bern (BE): 3</title>"));
    assert!(chart.svg.contains("<title>VS (VS): –</title>"));
}

#[test]
fn counts_fall_into_five_classes_with_round_limits() {
    assert_eq!(count_classes(0), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]);
    assert_eq!(count_classes(7), [(0, 0), (1, 2), (3, 4), (5, 6), (7, 8)]);
    assert_eq!(
        count_classes(3_900),
        [
            (0, 0),
            (1, 1_000),
            (1_001, 2_000),
            (2_001, 3_000),
            (3_001, 4_000)
        ]
    );
    let classes = count_classes(7);
    assert_eq!(class_of(0, &classes), 0);
    assert_eq!(class_of(3, &classes), 2);
    assert_eq!(class_of(8, &classes), 4);
    assert_eq!(class_of(99, &classes), 4);
}

fn luminance(hex: &str) -> f64 {
    let channel = |index: usize| {
        let value = f64::from(u8::from_str_radix(&hex[index..index + 2], 16).unwrap()) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn colours_keep_their_contrast() {
    // Categories stand out from the white page and their neighbours'
    // white edges (WCAG 1.4.11: 3:1) ...
    for fill in [
        Fill::GREEN,
        Fill::BLUE,
        Fill::RED,
        Fill::BROWN,
        Fill::GREY,
        Fill::BAR,
    ] {
        assert!(contrast(fill.colour, "#ffffff") >= 3.0, "{}", fill.colour);
    }
    // ... and text written on any fill is readable (1.4.3: 4.5:1).
    let every = [
        Fill::GREEN,
        Fill::BLUE,
        Fill::RED,
        Fill::BROWN,
        Fill::GREY,
        Fill::NONE,
        Fill::BAR,
    ];
    for fill in every.iter().chain(Fill::CLASSES.iter()) {
        assert!(
            contrast(fill.ink, fill.colour) >= 4.5,
            "{} on {}",
            fill.ink,
            fill.colour
        );
    }
    assert!(contrast(DARK_INK, "#ffffff") >= 4.5);
    // Categories differ by more than colour.
    let patterns: std::collections::BTreeSet<_> = [
        Fill::GREEN,
        Fill::BLUE,
        Fill::RED,
        Fill::BROWN,
        Fill::GREY,
        Fill::NONE,
    ]
    .iter()
    .map(|fill| format!("{:?}", fill.pattern))
    .collect();
    assert_eq!(patterns.len(), 6);
}
