//! Reads and inputs with bounds (issue 15, "Requests and resources"):
//! working groups, projects and budgets come a page at a time; the
//! monitoring exports stream; input lists longer than the platform accepts
//! are refused with their field, changing nothing.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{code, ok, refused};

crate::on_both_backends!(
    lists_come_a_page_at_a_time,
    exports_stream_and_input_lists_are_bounded
);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";

/// Walks a connection one item at a time: the ids in order.
async fn walk(app: &TestApp, who: &iiz_tests::Session, field: &str) -> Vec<String> {
    let query = format!(
        "query($after: String) {{ {field}(first: 1, after: $after) {{ \
         edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage endCursor }} }} }}"
    );
    let mut ids = Vec::new();
    let mut after = Value::Null;
    loop {
        let page = ok(app, who, &query, json!({ "after": after })).await;
        let edges = page[field]["edges"].as_array().unwrap();
        assert!(edges.len() <= 1, "first: 1 gave {page}");
        ids.extend(
            edges
                .iter()
                .map(|edge| edge["node"]["id"].as_str().unwrap().to_owned()),
        );
        if !page[field]["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            return ids;
        }
        after = page[field]["pageInfo"]["endCursor"].clone();
        assert!(ids.len() < 100, "{field} never ends");
    }
}

async fn lists_come_a_page_at_a_time(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    for (field, at_least) in [("workingGroups", 2), ("projects", 4), ("budgets", 1)] {
        let walked = walk(&app, &petra, field).await;
        // The same items as one page, in the same order.
        let whole = ok(
            &app,
            &petra,
            &format!("{{ {field}(first: 100) {{ edges {{ node {{ id }} }} }} }}"),
            json!({}),
        )
        .await;
        let listed: Vec<String> = whole[field]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|edge| edge["node"]["id"].as_str().unwrap().to_owned())
            .collect();
        assert!(listed.len() >= at_least, "{field}: {listed:?}");
        assert_eq!(walked, listed, "{field}");
        // A page size out of range is refused.
        let error = refused(
            &app,
            &petra,
            &format!("{{ {field}(first: 0) {{ edges {{ node {{ id }} }} }} }}"),
            json!({}),
        )
        .await;
        assert_eq!(code(&error), "VALIDATION", "{error}");
    }
}

async fn exports_stream_and_input_lists_are_bounded(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();

    // The exports are streamed: no length known up front, sent in chunks,
    // and still one header row and one row per item.
    let csv = app
        .http
        .get(format!(
            "{}/exports/recommendations/monitoring.csv",
            app.base_url
        ))
        .header("cookie", &petra.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers().get("content-length").is_none(),
        "{:?}",
        csv.headers()
    );
    assert_eq!(
        csv.headers()
            .get("transfer-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("chunked")
    );
    let csv = csv.text().await.unwrap();
    let json = app
        .http
        .get(format!(
            "{}/exports/recommendations/monitoring.json",
            app.base_url
        ))
        .header("cookie", &petra.cookie)
        .send()
        .await
        .unwrap();
    assert!(json.headers().get("content-length").is_none());
    let table: Value = json.json().await.unwrap();
    let rows = table["rows"].as_array().unwrap();
    assert!(!rows.is_empty(), "the demo has published recommendations");
    assert_eq!(table["columns"][0], "recommendation_id");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("recommendation_id,"), "{csv}");
    assert_eq!(
        lines
            .iter()
            .filter(|line| line.starts_with("recommendation_id"))
            .count(),
        1,
        "one header row"
    );
    // Titles may hold line breaks inside quotes: count records by id.
    let ids = rows
        .iter()
        .filter(|row| csv.contains(row["recommendation_id"].as_str().unwrap()))
        .count();
    assert_eq!(ids, rows.len());

    // A recommendation resting on 101 concerns is refused, naming the list.
    let count = "{ recommendations(first: 500) { edges { node { id } } } }";
    let before = ok(&app, &petra, count, json!({})).await;
    let concerns: Vec<String> = (0..101)
        .map(|_| "00000000-0000-7000-8000-000000000000".to_owned())
        .collect();
    let draft = json!({ "input": {
        "title": "Zu viele Grundlagen", "text": "Text", "language": "DE",
        "rationale": "Test", "source": "STG_DECISION_ON_CONCERN",
        "basis": { "concerns": concerns },
        "addressees": ["ZH"], "answerDue": "2030-06-30", "reportingRhythm": "YEARLY" }});
    let error = refused(
        &app,
        &petra,
        "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id } }",
        draft,
    )
    .await;
    assert_eq!(code(&error), "VALIDATION", "{error}");
    assert_eq!(error["extensions"]["field"], "basis.concerns", "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("at most 100"),
        "{error}"
    );
    // An argument list too: 101 cantons for a network.
    let names = json!([{ "language": "DE", "text": "Netz" }]);
    let cantons: Vec<&str> = (0..101).map(|_| "ZH").collect();
    let error = refused(
        &app,
        &petra,
        "mutation($names: [LocalizedTextInput!]!, $cantons: [ID!]!) { proposeNetwork(canton: \"ZH\", names: $names, cantons: $cantons) { id } }",
        json!({ "names": names, "cantons": cantons }),
    )
    .await;
    assert_eq!(code(&error), "VALIDATION", "{error}");
    assert_eq!(error["extensions"]["field"], "cantons", "{error}");
    // Nothing changed.
    let after = ok(&app, &petra, count, json!({})).await;
    assert_eq!(before, after);
    let (_, networks) = app
        .graphql(
            As::Session(&petra),
            "{ networks(first: 100) { edges { node { id } } } }",
            json!({}),
        )
        .await
        .unwrap();
    let proposed = networks["data"]["networks"]["edges"].as_array().unwrap();
    assert!(proposed.len() < 10, "no network of 101 cantons: {networks}");
}
