//! `/exports/recommendations/monitoring.{csv,json}`: the monitoring table
//! for spreadsheets and open data, one row per recommendation × addressee
//! (columns in `docs/recommendations.md`). Callers see the rows they may
//! read: everything for the national bodies, else their own and the
//! shared ones.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use chrono::NaiveDate;
use iiz_app::AppError;
use iiz_app::recommendations::{MONITORING_COLUMNS, MonitoringRecord, to_csv, today};
use iiz_projections::MonitoringPolicy;
use serde::Deserialize;
use serde_json::json;

use super::{download, neutralise_formulas};
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
    download(
        "text/csv; charset=utf-8",
        &format!("iiz-monitoring-{as_of}.csv"),
        Body::from_stream(csv_stream(records)),
    )
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
    download(
        "application/json",
        &format!("iiz-monitoring-{as_of}.json"),
        Body::from_stream(json_stream(records, as_of, policy)),
    )
}
