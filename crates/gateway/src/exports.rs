//! `/exports/recommendations/monitoring.{csv,json}`: the monitoring table
//! for spreadsheets and open data, one row per recommendation × addressee
//! (columns in `docs/recommendations.md`). Read-only, so a session cookie
//! needs no CSRF token; an API token works the same way. Callers see the
//! rows they may read: everything for the national bodies, else their own
//! and the shared ones.
//!
//! Every CSV cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with a
//! leading apostrophe, unless it is a plain number: a recommendation's
//! title like `=HYPERLINK(…)` is shown as text, never run (CWE-1236).

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use chrono::NaiveDate;
use iiz_app::AppError;
use iiz_app::recommendations::{MONITORING_COLUMNS, MonitoringRecord, to_csv, today};
use iiz_projections::MonitoringPolicy;
use serde::Deserialize;
use serde_json::json;

use crate::api::{Api, reader, refuse, refused_by};
use crate::graphql::Code;

/// The query string of an export.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportParams {
    /// The day due dates are judged at (default today).
    as_of: Option<NaiveDate>,
    long_outstanding_years: Option<u32>,
}

fn failed(error: &AppError) -> Response {
    refused_by(error, "export")
}

/// The rows, the day and the policy of one export.
type Table = (Vec<MonitoringRecord>, NaiveDate, MonitoringPolicy);

async fn table(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
    params: &ExportParams,
) -> Result<Table, Response> {
    let principal = reader(api, peer, headers, jar).await?;
    let years = params.long_outstanding_years.unwrap_or(3);
    if !(1..=20).contains(&years) {
        return Err(refuse(
            Code::Validation.http_status(),
            Code::Validation,
            "longOutstandingYears must be between 1 and 20",
        ));
    }
    let policy = MonitoringPolicy {
        long_outstanding_years: years,
    };
    let as_of = params.as_of.unwrap_or_else(today);
    let records = api
        .app
        .caller(principal.as_ref())
        .monitoring_table(as_of, policy)
        .await
        .map_err(|error| failed(&error))?;
    // An export is a read of the personal data in it: the access log keeps it.
    if let Some(principal) = &principal {
        api.app
            .record_read(
                principal,
                "export:recommendations/monitoring".to_owned(),
                "export",
            )
            .await
            .map_err(|error| failed(&error))?;
    }
    Ok((records, as_of, policy))
}

fn attachment(name: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// Rows serialised per chunk of a streamed export.
const ROWS_PER_CHUNK: usize = 200;

fn chunked(records: Vec<MonitoringRecord>) -> Vec<Vec<MonitoringRecord>> {
    let mut chunks = Vec::new();
    let mut records = records.into_iter().peekable();
    while records.peek().is_some() {
        chunks.push(records.by_ref().take(ROWS_PER_CHUNK).collect());
    }
    chunks
}

/// The table as CSV, streamed: each chunk of rows is serialised only when
/// the client has taken the one before, so the text of the whole table is
/// never held at once. Each chunk goes through [`to_csv`] (one set of
/// rules for every CSV the platform writes) and [`neutralise_formulas`];
/// its header row is kept for the first chunk only.
fn csv_stream(
    records: Vec<MonitoringRecord>,
) -> impl futures::Stream<Item = Result<String, std::io::Error>> {
    let mut chunks = chunked(records);
    if chunks.is_empty() {
        // The header alone.
        chunks.push(Vec::new());
    }
    futures::stream::iter(chunks.into_iter().enumerate().map(|(index, chunk)| {
        let csv = to_csv(&chunk)
            .and_then(|csv| neutralise_formulas(&csv))
            .map_err(|error| {
                tracing::error!(%error, "export: a chunk did not serialise");
                std::io::Error::other("the export could not be written")
            })?;
        Ok(if index == 0 {
            csv
        } else {
            csv.split_once('\n')
                .map_or_else(String::new, |(_, rows)| rows.to_owned())
        })
    }))
}

/// The table as JSON, streamed like the CSV: the head, then the rows a
/// chunk at a time, then the end.
fn json_stream(
    records: Vec<MonitoringRecord>,
    as_of: NaiveDate,
    policy: MonitoringPolicy,
) -> impl futures::Stream<Item = Result<String, std::io::Error>> {
    let head = json!({
        "as_of": as_of,
        "long_outstanding_years": policy.long_outstanding_years,
        "columns": MONITORING_COLUMNS,
    })
    .to_string();
    // `{…}` without its closing brace, continued by the rows.
    let head = format!("{},\"rows\":[", head.trim_end_matches('}'));
    let body = chunked(records)
        .into_iter()
        .enumerate()
        .map(|(index, chunk)| {
            let mut text = String::new();
            for (offset, record) in chunk.iter().enumerate() {
                if index > 0 || offset > 0 {
                    text.push(',');
                }
                let row = serde_json::to_string(record).map_err(|error| {
                    tracing::error!(%error, "export: a row did not serialise");
                    std::io::Error::other("the export could not be written")
                })?;
                text.push_str(&row);
            }
            Ok(text)
        });
    futures::stream::iter(
        std::iter::once(Ok(head))
            .chain(body)
            .chain(std::iter::once(Ok("]}".to_owned()))),
    )
}

pub async fn monitoring_csv(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    Query(params): Query<ExportParams>,
) -> Response {
    let (records, as_of, _) = match table(&api, peer, &headers, &jar, &params).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                attachment(&format!("iiz-monitoring-{as_of}.csv")),
            ),
        ],
        Body::from_stream(csv_stream(records)),
    )
        .into_response()
}

pub async fn monitoring_json(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    Query(params): Query<ExportParams>,
) -> Response {
    let (records, as_of, policy) = match table(&api, peer, &headers, &jar, &params).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CONTENT_DISPOSITION,
                attachment(&format!("iiz-monitoring-{as_of}.json")),
            ),
        ],
        Body::from_stream(json_stream(records, as_of, policy)),
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
