//! Circular resolutions end to end over HTTP: the EKG examines a concern
//! by circular resolution and proposes it to the STG; the STG decides it by
//! circular resolution (a guest's answer is refused with the rule of the
//! concept, a member may not propose), and the concern's timeline cites the
//! resolution; a resolution with a missing answer closed after its deadline
//! is not carried. The bodies set a minimum period of 0 days, so the test
//! proposes with deadlines seconds ahead and closes after they pass.

use std::time::Duration;

use chrono::{DateTime, Utc};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{ok, refused};

crate::on_both_backends!(bodies_decide_by_circular_resolution);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const JONAS: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const BEATRICE: &str = "beatrice.fittizia@stg.demo.iiz.invalid";

const FIELDS: &str = "id label status voters awaiting carried notCarriedReason yes no abstain missing \
    answers { voter vote comment replaced } propagation { status reason }";

const RULES: &str = "mutation($body: ID!, $rules: ResolutionRulesInput!) { setResolutionRules(body: $body, rules: $rules) { carriedBy everyAnswerRequired minimumDays } }";

fn propose_mutation() -> String {
    format!(
        "mutation($input: ProposeResolutionInput!) {{ proposeResolution(input: $input) {{ {FIELDS} }} }}"
    )
}

fn answer_mutation() -> String {
    format!(
        "mutation($id: ID!, $vote: VoteValue!, $comment: String) {{ answerResolution(id: $id, vote: $vote, comment: $comment) {{ {FIELDS} }} }}"
    )
}

fn close_mutation() -> String {
    format!("mutation($id: ID!) {{ closeResolution(id: $id) {{ {FIELDS} }} }}")
}

async fn first_field(app: &TestApp, who: &Session, query: &str, variables: Value) -> Value {
    let data = ok(app, who, query, variables).await;
    data.as_object().unwrap().values().next().unwrap().clone()
}

async fn me(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn concern_accepted(app: &TestApp, luc: &Session, petra: &Session) -> String {
    let drafted = ok(app, luc, "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }", json!({ "input": { "tenant": "GE", "content": {
        "title": "Zirkular: Taggelder und Sozialhilfe",
        "description": "Die Koordination von Taggeldern und Sozialhilfe ist an dieser Schnittstelle unklar.",
        "whyNotCantonal": "Das Bundesrecht regelt die Zuständigkeit.",
        "institutions": ["ALV_RAV", "SH"], "language": "DE"
    }}})).await;
    let id = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();
    ok(
        app,
        luc,
        "mutation($id: ID!) { submitConcern(id: $id) { concern { stage } } }",
        json!({ "id": id }),
    )
    .await;
    ok(
        app,
        petra,
        "mutation($id: ID!) { acceptConcern(id: $id, note: \"Für die EKG\") { stage } }",
        json!({ "id": id }),
    )
    .await;
    id
}

fn rules(every_answer_required: bool) -> Value {
    json!({ "allowed": true, "carriedBy": "CONSENSUS",
        "everyAnswerRequired": every_answer_required, "minimumDays": 0 })
}

fn proposal(body: &str, title: &str, subject: Value, deadline: DateTime<Utc>) -> Value {
    let mut input = json!({ "body": body, "title": title, "decision": "Beschluss gemäss Antrag",
        "rationale": "Betrifft mehrere Kantone", "deadline": deadline.to_rfc3339() });
    for (key, value) in subject.as_object().unwrap() {
        input[key] = value.clone();
    }
    json!({ "input": input })
}

async fn until_past(deadline: DateTime<Utc>) {
    let left = (deadline - Utc::now()).num_milliseconds().max(0);
    tokio::time::sleep(Duration::from_millis(u64::try_from(left).unwrap() + 500)).await;
}

async fn bodies_decide_by_circular_resolution(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let sign_in = |email: &'static str| app.sign_in(email, DEMO_PASSWORD);
    let (petra, luc, jonas, marco, beatrice) = (
        sign_in(PETRA).await.unwrap(),
        sign_in(LUC).await.unwrap(),
        sign_in(JONAS).await.unwrap(),
        sign_in(MARCO).await.unwrap(),
        sign_in(BEATRICE).await.unwrap(),
    );
    let ekg = seeded_body_id(TenantId::National, "EKG").to_string();
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let jonas_id = me(&app, &jonas).await;
    let concern = concern_accepted(&app, &luc, &petra).await;

    // The Fachstelle runs the national bodies and sets their rules; the
    // EKG counts the answers given, the STG requires every answer.
    let set = first_field(
        &app,
        &petra,
        RULES,
        json!({ "body": ekg, "rules": rules(false) }),
    )
    .await;
    assert_eq!(set["minimumDays"], 0);
    first_field(
        &app,
        &petra,
        RULES,
        json!({ "body": stg, "rules": rules(true) }),
    )
    .await;
    assert_eq!(
        refused(
            &app,
            &marco,
            RULES,
            json!({ "body": stg, "rules": rules(true) })
        )
        .await["extensions"]["code"],
        "FORBIDDEN"
    );
    // The EKG chair attends the STG without a vote: a guest seat.
    ok(&app, &petra, "mutation($body: ID!, $person: ID!, $from: NaiveDate!) { admitMember(body: $body, person: $person, role: GUEST, institution: \"EKG\", from: $from) { person } }",
        json!({ "body": stg, "person": jonas_id, "from": Utc::now().date_naive() })).await;

    // The EKG examines the concern by circular resolution, and the STG
    // decides a free matter with a deadline a few seconds ahead.
    let deadline = Utc::now() + chrono::Duration::seconds(8);
    let mut examine = proposal(
        &ekg,
        "Anliegen GE: Taggelder",
        json!({ "subject": "CONCERN", "subjectId": concern }),
        deadline,
    );
    examine["input"]["effect"] =
        json!({ "kind": "EXAMINE", "ekgOutcome": "PROPOSE_TO_STG", "proposal": "RECOMMENDATION" });
    let examined = first_field(&app, &petra, &propose_mutation(), examine).await;
    let examined_id = examined["id"].as_str().unwrap().to_owned();
    assert!(
        examined["voters"]
            .as_array()
            .unwrap()
            .contains(&json!(jonas_id))
    );
    let report = proposal(
        &stg,
        "Jahresbericht der Fachstelle",
        json!({ "subject": "FREE" }),
        deadline,
    );
    let unanswered = first_field(&app, &petra, &propose_mutation(), report).await;
    let unanswered_id = unanswered["id"].as_str().unwrap().to_owned();
    // The guest is no voter.
    assert!(
        !unanswered["voters"]
            .as_array()
            .unwrap()
            .contains(&json!(jonas_id))
    );
    first_field(
        &app,
        &jonas,
        &answer_mutation(),
        json!({ "id": examined_id, "vote": "YES", "comment": "Mehrere Kantone betroffen" }),
    )
    .await;
    first_field(
        &app,
        &marco,
        &answer_mutation(),
        json!({ "id": unanswered_id, "vote": "YES" }),
    )
    .await;
    // Closing before the deadline while an answer is missing is refused.
    let early = refused(
        &app,
        &petra,
        &close_mutation(),
        json!({ "id": unanswered_id }),
    )
    .await;
    assert_eq!(
        early["extensions"]["rule"], "circular-resolution-rules",
        "{early}"
    );

    until_past(deadline).await;
    // Past the deadline no answer is taken.
    let late = refused(
        &app,
        &beatrice,
        &answer_mutation(),
        json!({ "id": unanswered_id, "vote": "YES" }),
    )
    .await;
    assert_eq!(
        late["extensions"]["rule"], "circular-resolution-rules",
        "{late}"
    );
    let closed = first_field(
        &app,
        &petra,
        &close_mutation(),
        json!({ "id": unanswered_id }),
    )
    .await;
    assert_eq!(closed["status"], "NOT_CARRIED", "{closed}");
    assert_eq!(closed["carried"], false);
    assert_eq!(closed["missing"], 1);
    let closed = first_field(
        &app,
        &petra,
        &close_mutation(),
        json!({ "id": examined_id }),
    )
    .await;
    assert_eq!(closed["status"], "CARRIED", "{closed}");
    assert_eq!(closed["propagation"]["status"], "APPLIED", "{closed}");

    // The STG decides the concern by circular resolution: its chair
    // proposes (a member may not), the guest's answer is refused.
    let later = Utc::now() + chrono::Duration::hours(1);
    let mut decide = proposal(
        &stg,
        "Anliegen GE: Taggelder",
        json!({ "subject": "CONCERN", "subjectId": concern }),
        later,
    );
    decide["input"]["effect"] = json!({ "kind": "DECIDE", "stgOutcome": "RECOMMENDATION" });
    assert_eq!(
        refused(&app, &marco, &propose_mutation(), decide.clone()).await["extensions"]["code"],
        "FORBIDDEN"
    );
    let decided = first_field(&app, &beatrice, &propose_mutation(), decide).await;
    let decided_id = decided["id"].as_str().unwrap().to_owned();
    let label = decided["label"].as_str().unwrap().to_owned();
    assert!(label.starts_with("Zirkularbeschluss STG "), "{label}");
    let guest = refused(
        &app,
        &jonas,
        &answer_mutation(),
        json!({ "id": decided_id, "vote": "YES" }),
    )
    .await;
    assert_eq!(
        guest["extensions"]["rule"], "only-voting-members-decide",
        "{guest}"
    );
    let waiting = ok(&app, &marco, "{ resolutionsAwaitingMe { id } }", json!({})).await;
    assert!(
        waiting["resolutionsAwaitingMe"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == decided_id.as_str())
    );
    // A correction before the deadline replaces the answer.
    first_field(
        &app,
        &marco,
        &answer_mutation(),
        json!({ "id": decided_id, "vote": "NO" }),
    )
    .await;
    first_field(
        &app,
        &marco,
        &answer_mutation(),
        json!({ "id": decided_id, "vote": "YES", "comment": "Nach Rückfrage einverstanden" }),
    )
    .await;
    let view = first_field(
        &app,
        &beatrice,
        &answer_mutation(),
        json!({ "id": decided_id, "vote": "YES" }),
    )
    .await;
    assert_eq!(view["answers"].as_array().unwrap().len(), 3, "{view}");
    assert_eq!(view["answers"][0]["replaced"], true);
    // Every voter answered: it closes before its deadline.
    let closed = first_field(
        &app,
        &beatrice,
        &close_mutation(),
        json!({ "id": decided_id }),
    )
    .await;
    assert_eq!(closed["status"], "CARRIED", "{closed}");
    assert_eq!(closed["propagation"]["status"], "APPLIED", "{closed}");

    // The concern's timeline cites both resolutions.
    let data = ok(&app, &luc, "query($id: ID!) { concern(id: $id) { stage timeline { kind decidedBy { resolution label } } } }", json!({ "id": concern })).await;
    let timeline = data["concern"]["timeline"].as_array().unwrap();
    let cited: Vec<&Value> = timeline
        .iter()
        .filter(|entry| !entry["decidedBy"].is_null())
        .collect();
    assert!(
        cited
            .iter()
            .any(|entry| entry["decidedBy"]["resolution"] == examined_id.as_str()),
        "{data}"
    );
    assert!(
        cited
            .iter()
            .any(|entry| entry["decidedBy"]["label"] == label.as_str()),
        "{data}"
    );

    // The STG's list shows its resolutions with every answer.
    let list = ok(&app, &luc, &format!("query($body: ID!) {{ resolutions(body: $body, first: 10) {{ edges {{ node {{ {FIELDS} }} }} }} }}"), json!({ "body": stg })).await;
    let ids: Vec<&str> = list["resolutions"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| edge["node"]["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&decided_id.as_str()) && ids.contains(&unanswered_id.as_str()),
        "{list}"
    );
}
