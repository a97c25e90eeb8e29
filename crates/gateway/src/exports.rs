//! `/exports/recommendations/monitoring.{csv,json}`: the monitoring table
//! for spreadsheets and open data, one row per recommendation × addressee
//! (columns in `docs/recommendations.md`). Read-only, so a session cookie
//! needs no CSRF token; an API token works the same way. Callers see the
//! rows they may read: everything for the national bodies, else their own
//! and the shared ones.

use std::net::SocketAddr;

use axum::Json;
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

async fn table(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
    params: &ExportParams,
) -> Result<(Vec<MonitoringRecord>, NaiveDate, MonitoringPolicy), Response> {
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
    Ok((records, as_of, policy))
}

fn attachment(name: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
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
    match to_csv(&records) {
        Ok(csv) => (
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
            csv,
        )
            .into_response(),
        Err(error) => failed(&error),
    }
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
        [(
            header::CONTENT_DISPOSITION,
            attachment(&format!("iiz-monitoring-{as_of}.json")),
        )],
        Json(json!({
            "as_of": as_of,
            "long_outstanding_years": policy.long_outstanding_years,
            "columns": MONITORING_COLUMNS,
            "rows": records,
        })),
    )
        .into_response()
}
