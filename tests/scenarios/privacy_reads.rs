//! Reads of personal data over HTTP: the access log records who read whose
//! record (person pages, people and member lists, exports) and only
//! platform admins read it (GraphQL and the admin page); free-text fields
//! carry the notice that client data does not belong here; the CSV export
//! turns a formula into text.

use chrono::{Days, Utc};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::pages::Browser;
use iiz_tests::{As, Backend, Session, TestApp, error_code, spawn_app};
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::requests::{minuted, ok};

on_both_backends!(
    reads_of_personal_data_are_logged_for_platform_admins,
    a_formula_in_an_exported_title_stays_text
);

const ADMIN: &str = "admin@demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const RETO_NAME: &str = "Reto Vorlage";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

/// The id of the person called `name` (a coordinator sees the names of
/// their tenant's people, not their addresses).
async fn id_of(app: &TestApp, who: &Session, name: &str) -> String {
    let people = ok(
        app,
        who,
        "{ people(tenant: \"ZH\", first: 100) { nodes { id name } } }",
        json!({}),
    )
    .await;
    people["people"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|person| person["name"] == name)
        .map(|person| person["id"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("{name} not among {people}"))
}

const LOG: &str =
    "query($subject: String) { accessLog(subject: $subject, first: 100) { reader subject what } }";

async fn reads_of_personal_data_are_logged_for_platform_admins(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let admin = sign_in(&app, ADMIN).await;
    let anna = sign_in(&app, ANNA).await;
    let anna_id = ok(&app, &anna, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reto = id_of(&app, &anna, RETO_NAME).await;
    ok(
        &app,
        &anna,
        "query($id: ID!) { person(id: $id) { name } }",
        json!({"id": reto}),
    )
    .await;
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    ok(
        &app,
        &anna,
        "query($body: ID!) { bodyMembers(body: $body) { person } }",
        json!({"body": stg}),
    )
    .await;

    let reader = format!("person:{anna_id}");
    let about_reto = ok(
        &app,
        &admin,
        LOG,
        json!({"subject": format!("person:{reto}")}),
    )
    .await;
    assert_eq!(
        about_reto["accessLog"],
        json!([{"reader": reader, "subject": format!("person:{reto}"), "what": "person"}])
    );
    let all = ok(&app, &admin, LOG, json!({})).await;
    let entries = all["accessLog"].as_array().unwrap();
    for (subject, what) in [
        ("tenant:ZH", "people"),
        (&*format!("body:{stg}"), "body_members"),
    ] {
        assert!(
            entries
                .iter()
                .any(|entry| entry["reader"] == reader.as_str()
                    && entry["subject"] == subject
                    && entry["what"] == what),
            "{subject} {what} not in {all}"
        );
    }
    // Reading oneself is not a read of someone else's data.
    assert!(
        !entries
            .iter()
            .any(|entry| entry["subject"] == reader.as_str()),
        "{all}"
    );
    // Nobody else reads the log.
    let (_, refused) = app
        .graphql(As::Session(&anna), LOG, json!({}))
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");

    let page = Browser::new(&app).unwrap();
    page.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let shown = page
        .get(&format!("/admin/access-log?subject=person:{reto}"))
        .await
        .unwrap();
    assert_eq!(shown.status, 200);
    let lines = shown.texts("table.access-log tbody tr").unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains(&reader) && lines[0].contains("Personenseite"),
        "{lines:?}"
    );
    let person_page = page.get(&format!("/admin/people/{reto}")).await.unwrap();
    assert!(person_page.has("#forget-form").unwrap());
    let coordinator = Browser::new(&app).unwrap();
    coordinator.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    assert_eq!(
        coordinator.get("/admin/access-log").await.unwrap().status,
        403
    );

    // Free text carries the notice, in the visitor's language.
    let form = coordinator.get("/concerns/new").await.unwrap();
    assert_eq!(form.status, 200);
    let notices = form.texts("#description-notice").unwrap();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Keine Klientendaten"), "{notices:?}");
    assert!(
        form.attrs("#description", "aria-describedby").unwrap()[0].contains("description-notice")
    );
}

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\";\"Bericht\")";

async fn a_formula_in_an_exported_title_stays_text(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = sign_in(&app, PETRA).await;
    let today = Utc::now().date_naive();
    let drafted = ok(&app, &petra, "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id } }", json!({ "input": {
        "title": FORMULA,
        "text": "Die Kantone regeln die Zusammenarbeit.",
        "language": "DE",
        "rationale": "Bedarfsanalyse 2026.",
        "source": "NEEDS_ANALYSIS",
        "basis": { "documents": [{ "title": "Analyse", "link": "https://iiz.example/analyse.pdf" }] },
        "addressees": ["ZH"],
        "answerDue": today.checked_add_days(Days::new(60)).unwrap(),
        "reportingRhythm": "YEARLY"
    }})).await;
    let id = drafted["draftRecommendation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let basis = minuted(
        &app,
        &petra,
        &stg,
        json!({ "subject": "RECOMMENDATION", "subjectId": id }),
    )
    .await;
    ok(&app, &petra, "mutation($id: ID!, $on: NaiveDate!, $basis: DecisionBasisInput!) { adoptRecommendation(id: $id, decision: \"STG 2026/11\", on: $on, basis: $basis) { stage } }", json!({ "id": id, "on": today, "basis": basis })).await;
    ok(
        &app,
        &petra,
        "mutation($id: ID!) { publishRecommendation(id: $id) { id } }",
        json!({ "id": id }),
    )
    .await;

    let (status, csv) = app
        .get_as(
            "/exports/recommendations/monitoring.csv",
            As::Session(&petra),
        )
        .await
        .unwrap();
    assert_eq!(status, 200, "{csv}");
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let titles: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[1].to_owned())
        .collect();
    assert!(titles.contains(&format!("'{FORMULA}")), "{titles:?}");
    for record in csv.lines().skip(1) {
        for cell in record.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell starts a formula: {record}"
            );
        }
    }
    // The export is a read recorded in the access log.
    let admin = sign_in(&app, ADMIN).await;
    let log: Value = ok(
        &app,
        &admin,
        LOG,
        json!({"subject": "export:recommendations/monitoring"}),
    )
    .await;
    assert_eq!(log["accessLog"][0]["what"], "export", "{log}");
}
