//! Focus areas as the work programme's data, over HTTP on top of the demo:
//! anyone signed in lists the focus areas and action fields of the
//! programme in force; a project naming an unknown focus area is refused
//! under the concept's rule with the known keys; the STG adds a focus area
//! to the running programme, which projects may name from then on; a focus
//! area with action fields cannot be dropped.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{code, minuted, ok, refused};

crate::on_both_backends!(focus_areas_come_from_the_work_programme);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

const FOCUS: &str = "query($p: ID) { focusAreas(programme: $p) { programme from focusAreas { focusArea title description goal } actionFields { number focusArea title } } }";
const REGISTER: &str = "mutation($input: AssociatedProjectInput!) { registerAssociatedProject(input: $input) { id focusArea } }";
const REVISE: &str = "mutation($p: ID!, $areas: [FocusAreaInput!]!, $basis: DecisionBasisInput!) { reviseFocusAreas(programme: $p, focusAreas: $areas, basis: $basis) { focusAreas { focusArea title } } }";

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

fn project(focus_area: &str) -> Value {
    json!({ "input": {
        "title": "Wohnen und Integration", "focusArea": focus_area,
        "owner": "SEM", "summary": "Projekt des SEM mit den Kantonen"
    }})
}

fn keys(listed: &Value) -> Vec<&str> {
    listed["focusAreas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|area| area["focusArea"].as_str().unwrap())
        .collect()
}

async fn focus_areas_come_from_the_work_programme(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = sign_in(&app, PETRA).await;
    let marco = sign_in(&app, MARCO).await;
    let luc = sign_in(&app, LUC).await;

    let listed = ok(&app, &luc, FOCUS, json!({})).await["focusAreas"].clone();
    assert_eq!(
        keys(&listed),
        [
            "key_actors",
            "labour_market_integration",
            "professionalisation"
        ]
    );
    assert_eq!(
        listed["focusAreas"][2]["title"],
        "Professionalisierung der Koordination und Zusammenarbeit"
    );
    assert_eq!(listed["actionFields"].as_array().unwrap().len(), 5);
    let programme = listed["programme"].as_str().unwrap().to_owned();

    let error = refused(&app, &petra, REGISTER, project("housing")).await;
    assert_eq!(code(&error), "VALIDATION");
    assert_eq!(error["extensions"]["rule"], "work-programme-by-stg");
    let detail = error["extensions"]["detail"].as_str().unwrap();
    assert!(
        detail.contains("key_actors, labour_market_integration, professionalisation"),
        "{detail}"
    );
    let error = refused(&app, &petra, REGISTER, project("Housing!")).await;
    assert_eq!(code(&error), "VALIDATION");

    // The STG adds a focus area to the running programme, as a body: a
    // member alone may not; the Fachstelle records the STG's decision.
    let stg = json!(seeded_body_id(TenantId::National, "STG").to_string());
    let period = json!({ "subject": "WORK_PROGRAMME", "programmeFrom": listed["from"] });
    let basis = minuted(&app, &petra, stg.as_str().unwrap(), period.clone()).await;
    let mut areas: Vec<Value> = listed["focusAreas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|area| {
            json!({ "focusArea": area["focusArea"], "title": area["title"],
                    "description": area["description"], "goal": area["goal"] })
        })
        .collect();
    areas.push(json!({ "focusArea": "housing", "title": "Wohnen",
                       "description": "Wohnen als Voraussetzung der Integration" }));
    let variables = json!({ "p": programme, "areas": areas, "basis": basis });
    let error = refused(&app, &luc, REVISE, variables.clone()).await;
    assert_eq!(code(&error), "FORBIDDEN");
    let error = refused(&app, &marco, REVISE, variables.clone()).await;
    assert_eq!(error["extensions"]["rule"], "body-decides-as-body");
    let revised = ok(&app, &petra, REVISE, variables).await;
    assert_eq!(
        revised["reviseFocusAreas"]["focusAreas"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    let registered = ok(&app, &petra, REGISTER, project("housing")).await;
    assert_eq!(
        registered["registerAssociatedProject"]["focusArea"],
        "housing"
    );
    let again = ok(&app, &luc, FOCUS, json!({ "p": programme })).await["focusAreas"].clone();
    assert_eq!(
        keys(&again),
        [
            "housing",
            "key_actors",
            "labour_market_integration",
            "professionalisation"
        ]
    );

    // Action fields stand under professionalisation: it stays.
    let basis = minuted(&app, &petra, stg.as_str().unwrap(), period).await;
    let only_housing = json!({ "p": programme, "basis": basis, "areas": [
        { "focusArea": "housing", "title": "Wohnen" }
    ]});
    let error = refused(&app, &petra, REVISE, only_housing).await;
    assert_eq!(code(&error), "VALIDATION");
}
