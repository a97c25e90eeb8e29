//! A recommendation end to end over HTTP: the STG decides "recommendation"
//! on a Seismograf concern, the Fachstelle drafts it for all 26 cantons and
//! two conferences, the STG adopts it, its publication answers the concern;
//! ten cantons answer and report at different times, Aargau never reports
//! and goes overdue, the EKG flags it; the dashboard figures and the CSV
//! export are asserted exactly, and each canton sees only what it may.

#[path = "recommendations_dashboard.rs"]
mod dashboard;
#[path = "recommendations_expected.rs"]
mod expected;

use chrono::{Days, Months, NaiveDate, Utc};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use dashboard::{dashboard, dashboard_is_exact};
use expected::{Item, expected_csv};

use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;

use crate::requests::{minuted, ok, refused, refused_code};

crate::on_both_backends!(a_recommendation_goes_down_and_its_monitoring_comes_up);

const ADMIN: &str = "admin@demo.iiz.invalid";
const LUC_GE: &str = "luc.exemple@ge.demo.iiz.invalid";
const PETRA_FACHSTELLE: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const JONAS_EKG: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const MARCO_STG: &str = "marco.esempio@stg.demo.iiz.invalid";
const COORDINATORS: [(&str, &str); 5] = [
    ("ZH", "anna.beispiel@zh.demo.iiz.invalid"),
    ("SO", "urs.vorbild@so.demo.iiz.invalid"),
    ("BE", "hans.probe@be.demo.iiz.invalid"),
    ("GE", LUC_GE),
    ("VD", "claire.modele@vd.demo.iiz.invalid"),
];
/// Cantons whose coordinators the test registers.
const NEW_COORDINATORS: [&str; 5] = ["LU", "AG", "TI", "BS", "SG"];

/// Geneva raises a concern; the EKG proposes and the STG decides on a
/// recommendation.
async fn concern_decided_for_a_recommendation(
    app: &TestApp,
    luc: &Session,
    petra: &Session,
    jonas: &Session,
    marco: &Session,
) -> String {
    let drafted = ok(app, luc, "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }", json!({ "input": { "tenant": "GE", "content": {
        "title": "Fin de droits: suivi commun ORP et aide sociale",
        "description": "Les personnes en fin de droit sont suivies deux fois, par l'ORP puis par l'aide sociale.",
        "whyNotCantonal": "Le droit fédéral (LACI) fixe les compétences.",
        "institutions": ["ALV_RAV", "SH"], "language": "FR"
    }}})).await;
    let id = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();
    let steps = [
        (
            luc,
            "mutation($id: ID!) { submitConcern(id: $id) { concern { stage } } }",
        ),
        (
            petra,
            "mutation($id: ID!) { acceptConcern(id: $id, note: \"Pour l'EKG\") { stage } }",
        ),
    ];
    for (who, step) in steps {
        ok(app, who, step, json!({ "id": id })).await;
    }
    // The EKG and the STG decide as bodies, in their meetings; the
    // Fachstelle records each step with the minuted item, never a member.
    let body = |name| seeded_body_id(TenantId::National, name).to_string();
    let subject = json!({ "subject": "CONCERN", "subjectId": id });
    let examine = "mutation($id: ID!, $basis: DecisionBasisInput!) { examineConcern(id: $id, outcome: PROPOSE_TO_STG, proposal: RECOMMENDATION, rationale: \"Une recommandation à tous les cantons\", basis: $basis) { stage } }";
    let decide = "mutation($id: ID!, $basis: DecisionBasisInput!) { decideConcern(id: $id, outcome: RECOMMENDATION, decision: \"STG-Beschluss 2026/09\", rationale: \"Betrifft alle Kantone\", basis: $basis) { stage } }";
    for (name, member, step) in [("EKG", jonas, examine), ("STG", marco, decide)] {
        let basis = minuted(app, petra, &body(name), subject.clone()).await;
        let variables = json!({ "id": id, "basis": basis });
        assert_eq!(
            refused_code(app, member, step, variables.clone()).await,
            "FORBIDDEN"
        );
        ok(app, petra, step, variables).await;
    }
    id
}

pub(super) fn addressees() -> Vec<String> {
    let mut all: Vec<String> = iiz_domain::CantonCode::all()
        .map(|code| code.as_str().to_owned())
        .collect();
    all.extend(["SKOS".to_owned(), "IVSK".to_owned()]);
    all
}

const DRAFT: &str =
    "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id stage } }";
const ANSWER: &str = "mutation($id: ID!, $addressee: String!, $acceptance: AcceptanceValue!, $justification: String!) { answerRecommendation(id: $id, addressee: $addressee, acceptance: $acceptance, justification: $justification) { id } }";
const REPORT: &str = "mutation($id: ID!, $addressee: String!, $report: ReportInput!) { reportImplementation(id: $id, addressee: $addressee, report: $report) { id } }";

fn report(from: NaiveDate, to: NaiveDate, status: &str, percent: Option<u8>) -> Value {
    json!({ "periodFrom": from, "periodTo": to, "status": status, "percent": percent,
        "narrative": format!("Stand per {to}: {status}"),
        "evidence": [{ "title": "Bericht", "link": "https://kanton.example/iiz/bericht.pdf" }] })
}

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

async fn a_recommendation_goes_down_and_its_monitoring_comes_up(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = sign_in(&app, PETRA_FACHSTELLE).await;
    let jonas = sign_in(&app, JONAS_EKG).await;
    let marco = sign_in(&app, MARCO_STG).await;
    let admin = sign_in(&app, ADMIN).await;
    let mut speakers = Vec::new();
    for (canton, email) in COORDINATORS {
        speakers.push((canton, sign_in(&app, email).await));
    }
    for canton in NEW_COORDINATORS {
        let email = format!("koordination@{}.test.iiz.invalid", canton.to_lowercase());
        let person = ok(&app, &admin, "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }", json!({ "input": {
            "home": canton, "name": format!("Koordination {canton}"), "email": email, "language": "DE", "password": DEMO_PASSWORD
        }})).await["registerPerson"]["id"].as_str().unwrap().to_owned();
        ok(&app, &admin, "mutation($person: ID!, $tenant: ID!) { grantTenantRole(person: $person, tenant: $tenant, role: COORDINATOR) { id } }", json!({ "person": person, "tenant": canton })).await;
        speakers.push((canton, sign_in(&app, &email).await));
    }
    let speaker = |canton: &str| &speakers.iter().find(|(code, _)| *code == canton).unwrap().1;
    let luc = speaker("GE").clone();

    let concern = concern_decided_for_a_recommendation(&app, &luc, &petra, &jonas, &marco).await;
    let today = Utc::now().date_naive();
    let answer_due = today.checked_add_days(Days::new(60)).unwrap();
    let as_of = answer_due
        .checked_add_months(Months::new(12))
        .and_then(|day| day.checked_add_days(Days::new(30)))
        .unwrap();
    let before = dashboard(&app, &petra, as_of).await;

    // The Fachstelle drafts it on the basis of the concern; only the
    // national bodies see the draft.
    let drafted = ok(&app, &petra, DRAFT, json!({ "input": {
        "title": "Gemeinsame Fallführung bei Aussteuerung",
        "text": "Die Kantone regeln die gemeinsame Fallführung von RAV und Sozialhilfe bei Aussteuerung verbindlich.",
        "language": "DE",
        "translations": [{ "language": "FR", "title": "Suivi commun en fin de droits", "text": "Les cantons règlent le suivi commun." }],
        "rationale": "Anliegen GE: doppelte Abklärungen bei Aussteuerung.",
        "source": "STG_DECISION_ON_CONCERN",
        "basis": { "concerns": [concern] },
        "focusArea": "labour_market_integration",
        "addressees": addressees(),
        "answerDue": answer_due,
        "reportingRhythm": "YEARLY"
    }})).await;
    let id = drafted["draftRecommendation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let peek = "query($id: ID!) { recommendation(id: $id) { id } }";
    assert_eq!(
        refused_code(&app, &luc, peek, json!({ "id": id })).await,
        "NOT_FOUND"
    );
    assert_eq!(
        refused_code(&app, &luc, "mutation($id: ID!) { adoptRecommendation(id: $id, decision: \"x\", on: \"2026-01-01\", basis: { resolution: $id }) { id } }", json!({ "id": id })).await,
        "NOT_FOUND"
    );
    assert_eq!(
        refused_code(
            &app,
            &petra,
            "mutation($id: ID!) { publishRecommendation(id: $id) { id } }",
            json!({ "id": id })
        )
        .await,
        "CONFLICT",
        "a draft is adopted before it is published"
    );

    // The STG adopts, the Fachstelle publishes: the concern has its answer.
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let basis = minuted(
        &app,
        &petra,
        &stg,
        json!({ "subject": "RECOMMENDATION", "subjectId": id }),
    )
    .await;
    let adopt = "mutation($id: ID!, $on: NaiveDate!, $basis: DecisionBasisInput!) { adoptRecommendation(id: $id, decision: \"STG-Beschluss 2026/09\", on: $on, basis: $basis) { stage adoption { decidedBy { meeting item } } } }";
    let variables = json!({ "id": id, "on": today, "basis": basis });
    // An STG member does not adopt for the STG: the concept's rule says why.
    let refused = refused(&app, &marco, adopt, variables.clone()).await;
    assert_eq!(refused["extensions"]["code"], "FORBIDDEN");
    assert_eq!(refused["extensions"]["rule"], "body-decides-as-body");
    let adopted = ok(&app, &petra, adopt, variables).await;
    assert_eq!(
        adopted["adoptRecommendation"]["adoption"]["decidedBy"]["meeting"],
        basis["meeting"]
    );
    let published = ok(&app, &petra, "mutation($id: ID!) { publishRecommendation(id: $id) { stage publishedOn versions { version addedAddressees { code } } } }", json!({ "id": id })).await;
    assert_eq!(published["publishRecommendation"]["stage"], "PUBLISHED");
    assert_eq!(
        published["publishRecommendation"]["versions"][0]["addedAddressees"]
            .as_array()
            .unwrap()
            .len(),
        28
    );
    let answered = ok(&app, &luc, "query($id: ID!) { concern(id: $id) { stage answer { text recommendation recipients { code } } } }", json!({ "id": concern })).await;
    assert_eq!(answered["concern"]["stage"], "ANSWERED");
    assert_eq!(answered["concern"]["answer"]["recommendation"], id.as_str());
    assert!(
        answered["concern"]["answer"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Le comité de pilotage (STG) a adopté la recommandation")
    );

    // Each addressee answers only for itself; reports follow an answer.
    let luzern = speaker("LU");
    assert_eq!(
        refused_code(
            &app,
            luzern,
            ANSWER,
            json!({ "id": id, "addressee": "ZH", "acceptance": "ACCEPTED", "justification": "" })
        )
        .await,
        "FORBIDDEN"
    );
    let early = report(today, today, "PLANNED", None);
    assert_eq!(
        refused_code(
            &app,
            luzern,
            REPORT,
            json!({ "id": id, "addressee": "LU", "report": early })
        )
        .await,
        "CONFLICT"
    );
    assert_eq!(refused_code(&app, luzern, ANSWER, json!({ "id": id, "addressee": "LU", "acceptance": "NOT_ACCEPTED", "justification": "" })).await, "VALIDATION");

    // Ten cantons answer and report over different periods.
    let half = today.checked_add_months(Months::new(6)).unwrap();
    let year = today.checked_add_months(Months::new(12)).unwrap();
    let items = expected::ten_cantons(today, half, year);
    for item in &items {
        let who = speaker(item.canton);
        ok(&app, who, ANSWER, json!({ "id": id, "addressee": item.canton, "acceptance": item.acceptance, "justification": item.justification })).await;
        for (from, to, status, percent) in &item.reports {
            ok(&app, who, REPORT, json!({ "id": id, "addressee": item.canton, "report": report(*from, *to, status, *percent) })).await;
        }
    }
    ok(&app, speaker("ZH"), "mutation($id: ID!) { shareRecommendationItem(id: $id, addressee: \"ZH\", shareable: true) { id } }", json!({ "id": id })).await;

    // A year after the answer date Aargau still has not reported: overdue.
    let tracking = ok(&app, &jonas, "query($id: ID!, $asOf: NaiveDate!) { recommendation(id: $id) { tracking(asOf: $asOf) { overdueCount overdue { addressee { code } kind } } } }", json!({ "id": id, "asOf": as_of })).await;
    let overdue = &tracking["recommendation"]["tracking"]["overdue"];
    assert_eq!(tracking["recommendation"]["tracking"]["overdueCount"], 19);
    assert!(
        overdue
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["addressee"]["code"] == "AG" && item["kind"] == "REPORT")
    );
    // The EKG flags it, the STG makes it a priority.
    ok(&app, &jonas, "mutation($id: ID!) { flagRecommendation(id: $id, addressee: \"AG\", note: \"Kein Umsetzungsbericht ein Jahr nach der Antwortfrist\") { id } }", json!({ "id": id })).await;
    assert_eq!(
        refused_code(
            &app,
            luzern,
            "mutation($id: ID!) { flagRecommendation(id: $id, note: \"x\") { id } }",
            json!({ "id": id })
        )
        .await,
        "FORBIDDEN"
    );
    ok(&app, &marco, "mutation($id: ID!) { prioritizeAddressee(id: $id, addressee: \"AG\", priority: true, note: \"Nachfassen\") { id } }", json!({ "id": id })).await;

    dashboard_is_exact(&app, &petra, &before, &id, as_of).await;
    exports_are_exact(&app, &petra, luzern, &id, &items, today, answer_due, as_of).await;
    visibility_follows_the_addressee(&app, luzern, speaker("GE"), &id, as_of).await;
}

#[allow(clippy::too_many_arguments)]
async fn exports_are_exact(
    app: &TestApp,
    petra: &Session,
    luzern: &Session,
    id: &str,
    items: &[Item],
    today: NaiveDate,
    answer_due: NaiveDate,
    as_of: NaiveDate,
) {
    let path = format!("/exports/recommendations/monitoring.csv?asOf={as_of}");
    let (status, csv) = app.get_as(&path, As::Session(petra)).await.unwrap();
    assert_eq!(status, 200, "{csv}");
    let ours: String = csv
        .lines()
        .filter(|line| line.starts_with(id) || line.starts_with("recommendation_id"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(ours, expected_csv(id, items, today, answer_due, as_of));
    let (status, own) = app.get_as(&path, As::Session(luzern)).await.unwrap();
    assert_eq!(status, 200);
    let theirs: Vec<&str> = own
        .lines()
        .filter(|line| line.starts_with(id))
        .map(|line| line.split(',').nth(9).unwrap())
        .collect();
    assert_eq!(
        theirs,
        ["LU", "ZH"],
        "Luzern reads its own row and the one Zurich shared"
    );
    let (status, _) = app.get_as(&path, As::Anonymous).await.unwrap();
    assert_eq!(status, 401);
    let json_path = format!("/exports/recommendations/monitoring.json?asOf={as_of}");
    let (status, body) = app.get_as(&json_path, As::Session(petra)).await.unwrap();
    assert_eq!(status, 200);
    let table: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(table["columns"][0], "recommendation_id");
    let rows: Vec<&Value> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["recommendation_id"] == id)
        .collect();
    assert_eq!(rows.len(), 28);
    let (status, _) = app
        .get_as(
            &format!("{path}&longOutstandingYears=0"),
            As::Session(petra),
        )
        .await
        .unwrap();
    assert_eq!(status, 400);
}

async fn visibility_follows_the_addressee(
    app: &TestApp,
    luzern: &Session,
    geneva: &Session,
    id: &str,
    as_of: NaiveDate,
) {
    let query = "query($id: ID!, $asOf: NaiveDate!) { recommendation(id: $id) { tracking(asOf: $asOf) { overdueCount distribution { items committed } addressees { addressee { code } reports { narrative } } } } }";
    let data = ok(app, luzern, query, json!({ "id": id, "asOf": as_of })).await;
    let tracking = &data["recommendation"]["tracking"];
    assert_eq!(
        tracking["distribution"]["items"], 28,
        "aggregate figures are for everyone"
    );
    assert_eq!(tracking["overdueCount"], 19);
    let seen: Vec<&Value> = tracking["addressees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| &item["addressee"]["code"])
        .collect();
    assert_eq!(seen, [&json!("LU"), &json!("ZH")]);
    assert_eq!(
        refused_code(
            app,
            luzern,
            "{ recommendationDashboard { openRecommendations } }",
            json!({})
        )
        .await,
        "FORBIDDEN"
    );
    let overview = ok(app, geneva, "query($asOf: NaiveDate!) { addresseeOverview(addressee: \"GE\", asOf: $asOf) { entries { recommendation { id } item { acceptance nextDue { kind } } } } }", json!({ "asOf": as_of })).await;
    let entry = overview["addresseeOverview"]["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["recommendation"]["id"] == id)
        .unwrap();
    assert_eq!(entry["item"]["acceptance"], "NOT_ACCEPTED");
    assert!(entry["item"]["nextDue"].is_null());
    assert_eq!(
        refused_code(
            app,
            geneva,
            "{ addresseeOverview(addressee: \"ZH\") { addressee { code } } }",
            json!({})
        )
        .await,
        "FORBIDDEN"
    );
}
