//! The panorama exports over HTTP on the demo's published 2020 round:
//! each CSV header is the committed file, each JSON is `{year, columns,
//! rows}`, profiles have a row per addressed canton, figures keep a range
//! and a "k.A." as reported, every national row counts the cantons it
//! lists and equals the app's national figures. A round not published is
//! `404`, a request without a session `401`; an API token reads as a
//! session does.

use std::collections::BTreeMap;

use iiz_app::authz::Principal;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_domain::panorama::Year;
use iiz_domain::{PersonId, TenantId, TenantRole};
use iiz_tests::{As, Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::ok;

crate::on_both_backends!(the_published_panorama_exports_as_documented);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";

const HEADERS: [(&str, &str); 3] = [
    (
        "profiles",
        include_str!("../../schema/exports/panorama-profiles-header.csv"),
    ),
    (
        "figures",
        include_str!("../../schema/exports/panorama-figures-header.csv"),
    ),
    (
        "national",
        include_str!("../../schema/exports/panorama-national-header.csv"),
    ),
];

fn fachstelle() -> Principal {
    Principal {
        person: PersonId::new(),
        home: TenantId::National,
        roles: [(TenantId::National, TenantRole::Office)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

async fn json_of(app: &TestApp, path: &str, who: As<'_>) -> Value {
    let (status, body) = app.get_as(path, who).await.unwrap();
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// The rows of an export whose `column` is `value`.
fn rows_where<'a>(table: &'a Value, column: &str, value: &str) -> Vec<&'a Value> {
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row[column] == value)
        .collect()
}

async fn headers_and_shapes(app: &TestApp, petra: &Session) {
    for (table, header) in HEADERS {
        let path = format!("/exports/panorama/2020/{table}.csv");
        let (status, csv) = app.get_as(&path, As::Session(petra)).await.unwrap();
        assert_eq!(status, 200, "{path}: {csv}");
        assert_eq!(csv.lines().next().unwrap(), header.trim_end(), "{table}");
        let rows = csv::Reader::from_reader(csv.as_bytes())
            .records()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let json = json_of(
            app,
            &format!("/exports/panorama/2020/{table}.json"),
            As::Session(petra),
        )
        .await;
        assert_eq!(json["year"], 2020);
        let columns: Vec<&str> = header.trim_end().split(',').collect();
        assert_eq!(json["columns"], json!(columns));
        assert_eq!(
            json["rows"].as_array().unwrap().len(),
            rows.len(),
            "{table}"
        );
        for row in json["rows"].as_array().unwrap() {
            assert_eq!(row.as_object().unwrap().len(), columns.len());
        }
    }
}

async fn profiles_are_the_addressed_cantons(app: &TestApp, petra: &Session) {
    let office = fachstelle();
    let round = app
        .app()
        .caller(Some(&office))
        .panorama_round(Year::parse(2020).unwrap())
        .await
        .unwrap();
    let profiles = json_of(
        app,
        "/exports/panorama/2020/profiles.json",
        As::Session(petra),
    )
    .await;
    let cantons: Vec<String> = profiles["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["canton"].as_str().unwrap().to_owned())
        .collect();
    let addressed: Vec<String> = round.cantons.keys().map(ToString::to_string).collect();
    assert_eq!(cantons, addressed);
    assert_eq!(cantons.len(), 21);
    let geneva = rows_where(&profiles, "canton", "GE")[0];
    assert_eq!(geneva["language"], "fr");
    assert_eq!(geneva["status"], "updated");
    assert_eq!(geneva["late"], false);
    assert_eq!(geneva["answered_on"], "2020-03-31");
    assert_eq!(geneva["profile_year"], 2020);
    assert_eq!(geneva["implementation_type"], "not_classified");
    let vaud = rows_where(&profiles, "canton", "VD")[0];
    assert!(
        vaud["strategic_bodies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|name| name == "COPIL"),
        "{vaud}"
    );
    let obwalden = rows_where(&profiles, "canton", "OW")[0];
    assert_eq!(obwalden["shared_bodies"], json!(["Steuergruppe (NW)"]));
}

async fn figures_are_as_reported(app: &TestApp, petra: &Session) {
    let figures = json_of(
        app,
        "/exports/panorama/2020/figures.json",
        As::Session(petra),
    )
    .await;
    let total = |canton: &str| {
        rows_where(&figures, "canton", canton)
            .into_iter()
            .find(|row| row["figures_year"] == 2019 && row["figure"] == "cases_total")
            .unwrap()
            .clone()
    };
    let schaffhausen = total("SH");
    assert_eq!(schaffhausen["kind"], "range");
    assert_eq!(schaffhausen["low"], 80);
    assert_eq!(schaffhausen["high"], 100);
    assert_eq!(schaffhausen["value"], Value::Null);
    assert_eq!(schaffhausen["as_written"], "80 – 100 Fälle pro Jahr");
    let basel_land = total("BL");
    assert_eq!(basel_land["kind"], "not_available");
    assert_eq!(basel_land["value"], Value::Null);
    assert_eq!(basel_land["as_written"], "k.A.");
}

async fn national_rows_count_their_cantons(app: &TestApp, petra: &Session) {
    let national = json_of(
        app,
        "/exports/panorama/2020/national.json",
        As::Session(petra),
    )
    .await;
    for row in national["rows"].as_array().unwrap() {
        assert_eq!(
            row["count"].as_u64().unwrap(),
            row["cantons"].as_array().unwrap().len() as u64,
            "{row}"
        );
    }
    let office = fachstelle();
    let figures = app
        .app()
        .caller(Some(&office))
        .national_figures(Year::parse(2020).unwrap())
        .await
        .unwrap();
    let by_key: BTreeMap<(String, String), &Value> = national["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let figure = row["figure"].as_str().unwrap().to_owned();
            let key = row["key"].as_str().unwrap().to_owned();
            ((figure, key), row)
        })
        .collect();
    let cantons =
        |figure: &str, key: &str| by_key[&(figure.to_owned(), key.to_owned())]["cantons"].clone();
    let codes = |set: &std::collections::BTreeSet<iiz_domain::CantonCode>| {
        json!(set.iter().map(ToString::to_string).collect::<Vec<_>>())
    };
    assert_eq!(
        cantons("offices", "with_office"),
        codes(&figures.offices.with_office)
    );
    assert_eq!(
        cantons("implementation_types", "not_classified"),
        codes(
            &figures.implementation_types
                [&iiz_domain::canton_profile::ImplementationType::NotClassified]
        )
    );
    let lowest = figures.case_counts.lowest.as_ref().unwrap();
    let row = by_key[&("case_counts".to_owned(), "lowest".to_owned())];
    assert_eq!(row["value"], lowest.value);
    assert_eq!(row["cantons"], codes(&lowest.cantons));
    for (kind, set) in &figures.steering_institutions.by_kind {
        assert_eq!(cantons("steering_institutions", kind.as_str()), codes(set));
    }
}

async fn the_published_panorama_exports_as_documented(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    headers_and_shapes(&app, &petra).await;
    profiles_are_the_addressed_cantons(&app, &petra).await;
    figures_are_as_reported(&app, &petra).await;
    national_rows_count_their_cantons(&app, &petra).await;

    // Unpublished, never kept, not an export, not signed in.
    for path in [
        "/exports/panorama/2026/profiles.csv",
        "/exports/panorama/2026/national.json",
        "/exports/panorama/1999/figures.csv",
        "/exports/panorama/2020/people.csv",
        "/exports/panorama/2020/profiles.xlsx",
    ] {
        let (status, body) = app.get_as(path, As::Session(&petra)).await.unwrap();
        assert_eq!(status, 404, "{path}: {body}");
    }
    let (status, _) = app
        .get_as("/exports/panorama/2020/profiles.csv", As::Anonymous)
        .await
        .unwrap();
    assert_eq!(status, 401);

    // A canton's API token reads the published panorama like a session.
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let created = ok(
        &app,
        &anna,
        "mutation { createApiToken(name: \"Panorama\", tenant: \"ZH\", roles: [COORDINATOR]) { secret } }",
        json!({}),
    )
    .await;
    let token = created["createApiToken"]["secret"].as_str().unwrap();
    let national = json_of(
        &app,
        "/exports/panorama/2020/national.json",
        As::Token(token),
    )
    .await;
    assert_eq!(national["year"], 2020);
    assert!(!national["rows"].as_array().unwrap().is_empty());
}
