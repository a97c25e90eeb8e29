//! `/exports/panorama/{year}/{profiles,figures,national}.{csv,json}`: the
//! published panorama of a year for spreadsheets and open data (columns in
//! docs/panorama.md "Exports"). Everyone signed in reads a published
//! panorama; a year not published is `404` like a page of it.
//!
//! No access-log record: the tables hold what the cantons published about
//! their structures (bodies, institutions, figures), no person. The
//! sections' authors stay in the read model and are not exported.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum_extra::extract::CookieJar;
use iiz_app::AppError;
use iiz_domain::panorama::Year;
use serde_json::{Map, Value};

use super::panorama_rows;
use super::panorama_table::{Cell, Table};
use super::{download, neutralise_formulas};
use crate::api::{Api, reader, refuse, refused_by};
use crate::graphql::Code;

/// Which table of the panorama.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Profiles,
    Figures,
    National,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

/// `profiles.csv` → the table and the format; anything else is no export.
fn parse_file(file: &str) -> Option<(Kind, Format)> {
    let (name, extension) = file.split_once('.')?;
    let kind = match name {
        "profiles" => Kind::Profiles,
        "figures" => Kind::Figures,
        "national" => Kind::National,
        _ => return None,
    };
    let format = match extension {
        "csv" => Format::Csv,
        "json" => Format::Json,
        _ => return None,
    };
    Some((kind, format))
}

fn failed(error: &AppError) -> Response {
    refused_by(error, "export")
}

fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, Code::NotFound, "no such export")
}

/// The table of `kind` for the published panorama of `year`.
async fn table(
    api: &Api,
    principal: Option<&iiz_app::authz::Principal>,
    year: &str,
    kind: Kind,
) -> Result<(u16, Table), Response> {
    // A year the platform cannot keep has no panorama either.
    let number: u16 = year.parse().map_err(|_| not_found())?;
    let year = Year::parse(number).map_err(|_| not_found())?;
    let caller = api.app.caller(principal);
    let snapshot = caller
        .published_panorama(year)
        .await
        .map_err(|error| failed(&error))?;
    let table = match kind {
        Kind::Profiles => {
            let round = caller
                .panorama_round(year)
                .await
                .map_err(|error| failed(&error))?;
            let bodies = caller
                .panorama_bodies(&snapshot)
                .await
                .map_err(|error| failed(&error))?;
            panorama_rows::profiles(&snapshot, &round, &bodies)
        }
        Kind::Figures => panorama_rows::figures(&snapshot),
        Kind::National => {
            let figures = caller
                .national_figures(year)
                .await
                .map_err(|error| failed(&error))?;
            panorama_rows::national(number, &figures)
        }
    };
    Ok((number, table))
}

/// The table as CSV, every formula-like cell neutralised.
fn csv_text(table: &Table) -> Result<String, AppError> {
    let fault = |error: csv::Error| AppError::Internal(format!("csv: {error}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(table.columns).map_err(fault)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(Cell::csv))
            .map_err(fault)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    let text =
        String::from_utf8(bytes).map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    neutralise_formulas(&text)
}

/// The table as JSON: `{ "year", "columns", "rows" }`, a row an object by
/// column name.
fn json(year: u16, table: &Table) -> Value {
    let rows: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = table
                .columns
                .iter()
                .zip(row)
                .map(|(column, cell)| ((*column).to_owned(), cell.json()))
                .collect();
            Value::Object(object)
        })
        .collect();
    serde_json::json!({
        "year": year,
        "columns": table.columns,
        "rows": rows,
    })
}

/// `GET /exports/panorama/{year}/{file}`.
pub async fn panorama_export(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    Path((year, file)): Path<(String, String)>,
) -> Response {
    let principal = match reader(&api, peer, &headers, &jar).await {
        Ok(principal) => principal,
        Err(response) => return response,
    };
    let Some((kind, format)) = parse_file(&file) else {
        return not_found();
    };
    let (year, table) = match table(&api, principal.as_ref(), &year, kind).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let name = format!("iiz-panorama-{year}-{file}");
    let (content_type, body) = match format {
        Format::Csv => match csv_text(&table) {
            Ok(text) => ("text/csv; charset=utf-8", text),
            Err(error) => return failed(&error),
        },
        Format::Json => ("application/json", json(year, &table).to_string()),
    };
    download(content_type, &name, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_six_files_are_exports() {
        assert_eq!(
            parse_file("profiles.csv"),
            Some((Kind::Profiles, Format::Csv))
        );
        assert_eq!(
            parse_file("national.json"),
            Some((Kind::National, Format::Json))
        );
        assert_eq!(parse_file("figures.xlsx"), None);
        assert_eq!(parse_file("secrets.csv"), None);
        assert_eq!(parse_file("profiles"), None);
    }

    #[test]
    fn a_challenge_written_as_a_formula_is_text_in_the_csv() {
        let table = Table {
            columns: &["canton", "challenges"],
            rows: vec![vec![
                Cell::Text("GE".to_owned()),
                Cell::List(vec!["=1+1".to_owned()]),
            ]],
        };
        assert_eq!(csv_text(&table).unwrap(), "canton,challenges\nGE,'=1+1\n");
        let value = json(2020, &table);
        assert_eq!(value["rows"][0]["challenges"][0], "=1+1");
        assert_eq!(value["columns"][1], "challenges");
    }
}
