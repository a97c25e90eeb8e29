//! The exports: tables for spreadsheets and open data at `/exports/…`,
//! as CSV (RFC 4180, UTF-8, header row) and JSON. Read-only, so a session
//! cookie needs no CSRF token; an API token works the same way.
//!
//! - `monitoring`: `/exports/recommendations/monitoring.{csv,json}`;
//! - `panorama`: `/exports/panorama/{year}/{profiles,figures,national}.{csv,json}`.
//!
//! Every CSV cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with a
//! leading apostrophe, unless it is a plain number: a recommendation's
//! title like `=HYPERLINK(…)` is shown as text, never run (CWE-1236).

mod monitoring;
mod panorama;
mod panorama_rows;
mod panorama_table;

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use iiz_app::AppError;

pub use monitoring::{monitoring_csv, monitoring_json};
pub use panorama::panorama_export;

fn attachment(name: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// A file to download: its type, its name, its content.
fn download(content_type: &'static str, name: &str, body: impl Into<Body>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, attachment(name)),
        ],
        body.into(),
    )
        .into_response()
}

/// Whether a spreadsheet would read `cell` as a formula.
fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
}

/// Rewrites a CSV document so that no cell starts a formula: such cells
/// get a leading `'`, which spreadsheets show as text.
pub fn neutralise_formulas(csv: &str) -> Result<String, AppError> {
    let fault = |error: csv::Error| AppError::Internal(format!("csv: {error}"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.map_err(fault)?;
        let cells: Vec<std::borrow::Cow<'_, str>> = record
            .iter()
            .map(|cell| {
                if is_formula(cell) {
                    format!("'{cell}").into()
                } else {
                    cell.into()
                }
            })
            .collect();
        writer
            .write_record(cells.iter().map(|cell| cell.as_bytes()))
            .map_err(fault)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    String::from_utf8(bytes).map_err(|error| AppError::Internal(format!("csv: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_become_text_and_numbers_stay_numbers() {
        let csv = "title,days\n\"=HYPERLINK(\"\"http://x\"\")\",-3\n+1+2,4\n@SUM(A1),x\n-cmd,5\nplain,-2.5\n";
        let neutral = neutralise_formulas(csv).unwrap();
        assert_eq!(
            neutral,
            "title,days\n\"'=HYPERLINK(\"\"http://x\"\")\",-3\n'+1+2,4\n'@SUM(A1),x\n'-cmd,5\nplain,-2.5\n"
        );
    }

    #[test]
    fn tabs_and_carriage_returns_at_the_start_are_neutralised() {
        assert!(is_formula("\t=1"));
        assert!(is_formula("\r=1"));
        assert!(!is_formula("1"));
        assert!(!is_formula("-1"));
        assert!(!is_formula("a=b"));
    }
}
