//! A draft stays in its tenant on every read path: outside Zurich its
//! concern is in no queue, no similar list and no statistics, and naming it
//! (an agenda item's subject, a recommendation's basis) is answered exactly
//! like naming a concern that does not exist; a recommendation whose basis
//! names it (drafted by someone who sees it) lists it to nobody else.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{code, ok, refused};

crate::on_both_backends!(a_draft_is_invisible_on_every_read_path);

const ANNA_ZH: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC_GE: &str = "luc.exemple@ge.demo.iiz.invalid";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const ADMIN: &str = "admin@demo.iiz.invalid";

/// Words no demo concern uses, so similarity can only come from the draft.
const WORDS: &str = "Zebrakoordination Quastenflosser Mondscheinabklärung";

fn concern(tenant: &str, title: &str) -> Value {
    json!({ "input": { "tenant": tenant, "content": {
        "title": title,
        "description": format!("{WORDS}: doppelte Abklärungen zwischen RAV und Sozialhilfe."),
        "whyNotCantonal": "Das Bundesrecht (AVIG) regelt die Zuständigkeit.",
        "institutions": ["ALV_RAV", "SH"], "language": "DE"
    }}})
}

const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }";
const STATS: &str = "{ concernStatistics { total byStage { stage count } byOrigin { key total byStage { stage count } } byYear { key total } } }";

async fn stats(app: &TestApp, who: &Session) -> Value {
    ok(app, who, STATS, json!({})).await["concernStatistics"].clone()
}

fn drafts_of(stats: &Value, origin: &str) -> u64 {
    stats["byOrigin"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|group| group["key"] == origin)
        .flat_map(|group| group["byStage"].as_array().unwrap())
        .filter(|count| count["stage"] == "DRAFT")
        .map(|count| count["count"].as_u64().unwrap())
        .sum()
}

/// The ids in every work queue, as `who` reads them.
async fn queued(app: &TestApp, who: &Session) -> Vec<String> {
    let mut ids = Vec::new();
    for queue in ["INTAKE", "EKG", "STG", "ANSWER_DUE"] {
        let query = format!(
            "{{ concernQueue(queue: {queue}, first: 100) {{ edges {{ node {{ concern }} }} }} }}"
        );
        let data = ok(app, who, &query, json!({})).await;
        for edge in data["concernQueue"]["edges"].as_array().unwrap() {
            ids.push(edge["node"]["concern"].as_str().unwrap().to_owned());
        }
    }
    ids
}

/// The refusal's code and message with the id taken out: what a caller
/// learns from naming `id`.
async fn answer_to(
    app: &TestApp,
    who: &Session,
    query: &str,
    variables: Value,
    id: &str,
) -> (String, String) {
    let error = refused(app, who, query, variables).await;
    let message = error["message"]
        .as_str()
        .unwrap_or_default()
        .replace(id, "<id>");
    (code(&error).to_owned(), message)
}

async fn a_draft_is_invisible_on_every_read_path(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = app.sign_in(ANNA_ZH, DEMO_PASSWORD).await.unwrap();
    let luc = app.sign_in(LUC_GE, DEMO_PASSWORD).await.unwrap();
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let outsiders = [&luc, &petra];
    let mut before = Vec::new();
    for who in outsiders {
        before.push(stats(&app, who).await);
    }
    let anna_before = stats(&app, &anna).await;

    let drafted = ok(
        &app,
        &anna,
        DRAFT,
        concern("ZH", "Zebrakoordination im Entwurf"),
    )
    .await;
    let draft = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();

    // Statistics: Zurich counts its draft, nobody else sees a number move.
    let anna_after = stats(&app, &anna).await;
    assert_eq!(
        drafts_of(&anna_after, "ZH"),
        drafts_of(&anna_before, "ZH") + 1
    );
    assert_eq!(
        anna_after["total"].as_u64(),
        anna_before["total"].as_u64().map(|n| n + 1)
    );
    for (who, before) in outsiders.iter().zip(&before) {
        assert_eq!(
            &stats(&app, who).await,
            before,
            "a draft of ZH moved the statistics"
        );
    }

    // Queues: no queue holds it, for anyone.
    for who in [&luc, &petra, &anna] {
        assert!(!queued(&app, who).await.contains(&draft));
    }

    // Similar lists: Geneva submits two concerns in the same words; the
    // second one's list names the first (so these words are found) and
    // never Zurich's draft, nor does the answer to submitting it.
    let submit = "mutation($id: ID!) { submitConcern(id: $id) { similar { concern { id } } } }";
    let similar_ids = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["concern"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut geneva = Vec::new();
    for title in ["Zebrakoordination in Genf", "Zebrakoordination, Genf bis"] {
        let drafted = ok(&app, &luc, DRAFT, concern("GE", title)).await;
        let id = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();
        let submitted = ok(&app, &luc, submit, json!({ "id": id })).await;
        assert!(!similar_ids(&submitted["submitConcern"]["similar"]).contains(&draft));
        geneva.push(id);
    }
    for who in [&luc, &petra] {
        let query = "query($id: ID!) { similarConcerns(id: $id) { concern { id } } }";
        let listed = ok(&app, who, query, json!({ "id": geneva[1] })).await;
        let found = similar_ids(&listed["similarConcerns"]);
        assert!(found.contains(&geneva[0]), "{found:?}");
        assert!(!found.contains(&draft), "{found:?}");
    }

    // Naming it: "not yours" answers like "does not exist".
    let unknown = "0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee";
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let day = iiz_app::meetings::swiss_today();
    let meeting = ok(&app, &petra, "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }", json!({ "input": {
        "body": stg, "title": "STG-Sitzung zum Entwurf", "slot": { "startsAt": format!("{day}T06:00:00"), "endsAt": format!("{day}T07:00:00"), "place": "Bern" } } })).await;
    let meeting = meeting["scheduleMeeting"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let add = "mutation($id: ID!, $item: AgendaItemInput!) { addAgendaItem(id: $id, item: $item) { id } }";
    let item = |id: &str| json!({ "id": meeting, "item": { "title": "Anliegen", "purpose": "DECISION", "subject": "CONCERN", "subjectId": id } });
    let hidden = answer_to(&app, &petra, add, item(&draft), &draft).await;
    assert_eq!(
        hidden,
        answer_to(&app, &petra, add, item(unknown), unknown).await
    );
    assert!(!hidden.0.is_empty(), "{hidden:?}");
    // The shared one is accepted: the check looks at visibility.
    ok(&app, &petra, add, item(&geneva[0])).await;

    let recommend = "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id basis { concerns } } }";
    let recommendation = |id: &str| {
        json!({ "input": {
        "title": "Zebrakoordination", "text": "Die Kantone klären gemeinsam ab.", "language": "DE",
        "rationale": "Doppelte Abklärungen", "source": "STUDY", "basis": { "concerns": [id] },
        "addressees": ["ZH"], "answerDue": "2099-12-31", "reportingRhythm": "YEARLY" } })
    };
    let hidden = answer_to(&app, &petra, recommend, recommendation(&draft), &draft).await;
    assert_eq!(
        hidden,
        answer_to(&app, &petra, recommend, recommendation(unknown), unknown).await
    );

    // A person of Zurich who also works in the Fachstelle may rest a
    // recommendation on the draft; the Fachstelle's list does not name it.
    let anna_id = ok(&app, &anna, "{ me { id } }", json!({})).await["me"]["id"].clone();
    ok(&app, &admin, "mutation($person: ID!) { grantTenantRole(person: $person, tenant: \"CH\", role: OFFICE) { id } }", json!({ "person": anna_id })).await;
    let anna = app.sign_in(ANNA_ZH, DEMO_PASSWORD).await.unwrap();
    let drafted = ok(&app, &anna, recommend, recommendation(&draft)).await;
    assert_eq!(
        drafted["draftRecommendation"]["basis"]["concerns"],
        json!([draft])
    );
    let recommendation_id = drafted["draftRecommendation"]["id"].clone();
    let list = ok(
        &app,
        &petra,
        "{ recommendations(first: 100) { edges { node { id basis { concerns } } } } }",
        json!({}),
    )
    .await;
    let listed = list["recommendations"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|edge| edge["node"]["id"] == recommendation_id)
        .unwrap_or_else(|| panic!("the draft recommendation is listed for the Fachstelle: {list}"));
    assert_eq!(listed["node"]["basis"]["concerns"], json!([]), "{listed}");
}
