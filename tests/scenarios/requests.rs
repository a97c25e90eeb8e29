//! Requests the scenarios make over and over: one that must succeed, one
//! that must be refused, and the refusal's code.

use iiz_tests::{As, Session, TestApp};
use serde_json::Value;

/// Runs a request that must succeed and returns its `data`.
pub async fn ok(app: &TestApp, who: &Session, query: &str, variables: Value) -> Value {
    let (status, body) = app
        .graphql(As::Session(who), query, variables)
        .await
        .unwrap();
    assert!(
        status == 200 && body["errors"].is_null(),
        "{query}\n→ {status} {body}"
    );
    body["data"].clone()
}

/// Runs a request that must be refused and returns the error.
pub async fn refused(app: &TestApp, who: &Session, query: &str, variables: Value) -> Value {
    let (_, body) = app
        .graphql(As::Session(who), query, variables)
        .await
        .unwrap();
    assert!(body["errors"].is_array(), "{query} was not refused: {body}");
    body["errors"][0].clone()
}

pub fn code(error: &Value) -> &str {
    error["extensions"]["code"].as_str().unwrap_or_default()
}

/// The code of a request that must be refused.
pub async fn refused_code(app: &TestApp, who: &Session, query: &str, variables: Value) -> String {
    code(&refused(app, who, query, variables).await).to_owned()
}

/// The body (`body`, its id) decides on `subject` (an agenda item's
/// `subject` with its `subjectId` or `programmeFrom`) in a meeting the
/// Fachstelle (`office`) prepares and minutes today; returns the
/// `DecisionBasisInput` that names the minuted item. A body decides as a
/// body: the secretariat records its steps with this basis.
pub async fn minuted(app: &TestApp, office: &Session, body: &str, subject: Value) -> Value {
    minuted_with(app, office, body, subject, Value::Null).await
}

/// Like [`minuted`], with the decision's `effect` (an `EffectInput`, or
/// null): the meeting process then takes the step on the subject itself.
pub async fn minuted_with(
    app: &TestApp,
    office: &Session,
    body: &str,
    subject: Value,
    effect: Value,
) -> Value {
    let me = ok(app, office, "{ me { id } }", serde_json::json!({})).await["me"]["id"].clone();
    let day = iiz_app::meetings::swiss_today();
    let input = serde_json::json!({ "input": { "body": body, "title": "Sitzung zum Beschluss", "slot": {
        "startsAt": format!("{day}T06:00:00"), "endsAt": format!("{day}T07:00:00"), "place": "Bern" } } });
    let scheduled = ok(
        app,
        office,
        "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }",
        input,
    )
    .await;
    let meeting = scheduled["scheduleMeeting"]["id"].clone();
    let mut item = serde_json::json!({ "title": "Beschluss", "purpose": "DECISION", "note": "Antrag der Fachstelle" });
    if let (Some(item), Some(subject)) = (item.as_object_mut(), subject.as_object()) {
        item.extend(subject.clone());
    }
    ok(app, office, "mutation($id: ID!, $item: AgendaItemInput!) { addAgendaItem(id: $id, item: $item, reason: \"\") { id } }", serde_json::json!({ "id": meeting, "item": item })).await;
    ok(
        app,
        office,
        "mutation($id: ID!) { sendAgenda(id: $id) { sentVersion } }",
        serde_json::json!({ "id": meeting }),
    )
    .await;
    let decision = serde_json::json!({ "outcome": "Beschluss gemäss Antrag", "resolution": "CONSENSUS", "present": [me], "effect": effect });
    ok(app, office, "mutation($id: ID!, $decision: DecisionInput!) { recordMinutes(id: $id, number: 1, note: \"Beschlossen\", decision: $decision) { id } }", serde_json::json!({ "id": meeting, "decision": decision })).await;
    serde_json::json!({ "meeting": meeting, "item": 1 })
}
