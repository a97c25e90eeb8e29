//! The paths of IIZ 3.0, 2.1 beside the regular one, end to end over HTTP:
//! the Fachstelle brings a request straight to the STG (a canton may not);
//! the STG refers it to the EKG with a question in its meeting, and cannot
//! decide while the EKG assesses; the EKG's meeting gives its assessment;
//! the STG's next meeting decides "working group", which mandates the group
//! naming the concern, linked from the concern and named in its answer.
//! The secretariat also records a referral as decided in a meeting item,
//! which must be the STG's decision on that concern.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::meetings::swiss_today;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{code, ok, refused};

crate::on_both_backends!(
    a_request_goes_straight_to_the_stg_which_asks_the_ekg_and_mandates_a_group
);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const JONAS: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";

const CONCERN: &str = "stage ekgQuestion ekgAssessment followUps { kind id title } \
    answer { followUps { kind id title } } timeline { kind text detail subject decidedBy { meeting item label } }";
const ITEMS: &str = "agenda { number propagation { status reason } }";

async fn request(app: &TestApp, petra: &Session, title: &str) -> String {
    let drafted = ok(
        app,
        petra,
        "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }",
        json!({ "input": { "tenant": "CH", "content": {
            "title": title,
            "description": "Die Fachstelle beantragt, die Schnittstelle RAV–IV national zu klären.",
            "whyNotCantonal": "Betrifft die Strategie der nationalen IIZ.",
            "institutions": ["ALV_RAV", "IV"], "language": "DE"
        }}}),
    )
    .await;
    let id = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();
    ok(
        app,
        petra,
        "mutation($id: ID!) { submitConcern(id: $id) { concern { stage } } }",
        json!({ "id": id }),
    )
    .await;
    id
}

async fn meeting(
    app: &TestApp,
    petra: &Session,
    body: &str,
    title: &str,
    hour: u32,
    concerns: &[&str],
) -> String {
    let day = swiss_today();
    let slot = json!({ "startsAt": format!("{day}T{hour:02}:00:00"), "endsAt": format!("{day}T{:02}:00:00", hour + 1),
        "place": "Bern" });
    let scheduled = ok(
        app,
        petra,
        "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }",
        json!({ "input": { "body": body, "title": title, "slot": slot } }),
    )
    .await;
    let id = scheduled["scheduleMeeting"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for concern in concerns {
        let item = json!({ "title": "Antrag der Fachstelle", "purpose": "DECISION", "subject": "CONCERN", "subjectId": concern,
            "note": "", "documents": [] });
        ok(app, petra, "mutation($id: ID!, $item: AgendaItemInput!) { addAgendaItem(id: $id, item: $item, reason: \"\") { id } }",
            json!({ "id": id, "item": item })).await;
    }
    ok(
        app,
        petra,
        "mutation($id: ID!) { sendAgenda(id: $id) { sentVersion } }",
        json!({ "id": id }),
    )
    .await;
    id
}

async fn minutes(
    app: &TestApp,
    petra: &Session,
    meeting: &str,
    number: u32,
    outcome: &str,
    effect: Value,
    present: &[String],
) -> Value {
    let decision = json!({ "outcome": outcome, "rationale": "", "resolution": "CONSENSUS", "present": present, "effect": effect });
    let data = ok(app, petra, &format!("mutation($id: ID!, $number: Int!, $decision: DecisionInput!) {{ recordMinutes(id: $id, number: $number, note: \"\", decision: $decision) {{ {ITEMS} }} }}"),
        json!({ "id": meeting, "number": number, "decision": decision })).await;
    data["recordMinutes"]["agenda"][usize::try_from(number).unwrap() - 1]["propagation"].clone()
}

async fn concern(app: &TestApp, who: &Session, id: &str) -> Value {
    ok(
        app,
        who,
        &format!("query($id: ID!) {{ concern(id: $id) {{ {CONCERN} }} }}"),
        json!({ "id": id }),
    )
    .await["concern"]
        .clone()
}

fn entry<'a>(concern: &'a Value, kind: &str) -> &'a Value {
    concern["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {concern}"))
}

async fn a_request_goes_straight_to_the_stg_which_asks_the_ekg_and_mandates_a_group(
    backend: Backend,
) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let sign_in = |email: &'static str| app.sign_in(email, DEMO_PASSWORD);
    let (petra, luc, jonas, marco) = (
        sign_in(PETRA).await.unwrap(),
        sign_in(LUC).await.unwrap(),
        sign_in(JONAS).await.unwrap(),
        sign_in(MARCO).await.unwrap(),
    );
    let mut present = Vec::new();
    for who in [&jonas, &marco] {
        present.push(
            ok(&app, who, "{ me { id } }", json!({})).await["me"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let ekg = seeded_body_id(TenantId::National, "EKG").to_string();
    let stg = seeded_body_id(TenantId::National, "STG").to_string();

    // The Fachstelle brings its request straight to the STG; a canton may not.
    let id = request(&app, &petra, "Antrag: Schnittstelle RAV–IV national klären").await;
    let bring = "mutation($id: ID!, $reason: String!) { bringConcernToStg(id: $id, reason: $reason) { stage } }";
    let denied = refused(&app, &luc, bring, json!({ "id": id, "reason": "dringend" })).await;
    assert_eq!(code(&denied), "FORBIDDEN");
    let without_reason = refused(&app, &petra, bring, json!({ "id": id, "reason": "" })).await;
    assert_eq!(
        without_reason["extensions"]["rule"], "requests-via-fachstelle",
        "{without_reason}"
    );
    let brought = ok(
        &app,
        &petra,
        bring,
        json!({ "id": id, "reason": "Strategische Frage für das STG" }),
    )
    .await;
    assert_eq!(brought["bringConcernToStg"]["stage"], "AT_STG");

    // The STG refers it to the EKG with a question, and cannot decide
    // while the EKG assesses: the item says why.
    let stg_first = meeting(&app, &petra, &stg, "STG-Sitzung 1/2027", 8, &[&id, &id]).await;
    let question = "Wie beurteilt die EKG die Umsetzbarkeit in den Kantonen?";
    let applied = minutes(
        &app,
        &petra,
        &stg_first,
        1,
        "Frage an die EKG",
        json!({ "kind": "REFER_TO_EKG", "question": question }),
        &present,
    )
    .await;
    assert_eq!(applied["status"], "APPLIED", "{applied}");
    let early = minutes(
        &app,
        &petra,
        &stg_first,
        2,
        "Arbeitsgruppe",
        json!({ "kind": "DECIDE", "stgOutcome": "WORKING_GROUP" }),
        &present,
    )
    .await;
    assert_eq!(early["status"], "REFUSED", "{early}");
    assert!(!early["reason"].as_str().unwrap().is_empty());
    let referred = concern(&app, &luc, &id).await;
    assert_eq!(referred["stage"], "REFERRED_TO_EKG");
    assert_eq!(referred["ekgQuestion"], question);
    assert_eq!(entry(&referred, "referred_to_ekg")["decidedBy"]["item"], 1);

    // The EKG's meeting gives its assessment: back at the STG.
    let ekg_meeting = meeting(&app, &petra, &ekg, "EKG-Sitzung 1/2027", 10, &[&id]).await;
    let assessment = "Umsetzbar, wenn eine Arbeitsgruppe die Kantone einbezieht.";
    let applied = minutes(
        &app,
        &petra,
        &ekg_meeting,
        1,
        assessment,
        json!({ "kind": "ASSESS" }),
        &present,
    )
    .await;
    assert_eq!(applied["status"], "APPLIED", "{applied}");
    let assessed = concern(&app, &luc, &id).await;
    assert_eq!(assessed["stage"], "AT_STG");
    assert_eq!(assessed["ekgAssessment"], assessment);
    assert_eq!(entry(&assessed, "assessed")["detail"], question);
    // The EKG assesses only what the STG referred to it.
    let again = refused(&app, &petra, "mutation($id: ID!, $basis: DecisionBasisInput!) { recordEkgAssessment(id: $id, assessment: \"nochmals\", basis: $basis) { stage } }",
        json!({ "id": id, "basis": { "meeting": ekg_meeting, "item": 1 } })).await;
    assert_eq!(
        again["extensions"]["rule"], "stg-considers-ekg-assessment",
        "{again}"
    );

    // The STG decides "working group" after the assessment: the group is
    // mandated naming the concern, and the concern links to it.
    let stg_second = meeting(&app, &petra, &stg, "STG-Sitzung 2/2027", 12, &[&id]).await;
    let mismatch = json!({ "kind": "DECIDE", "stgOutcome": "PROJECT", "followUp": { "kind": "MANDATE_WORKING_GROUP",
        "mandate": { "title": "AG RAV–IV", "question": "?", "goal": "Klärung", "output": "Bericht", "until": "2028-12-31" } } });
    let decision = json!({ "outcome": "x", "rationale": "", "resolution": "CONSENSUS", "present": present, "effect": mismatch });
    let mismatched = refused(&app, &petra, "mutation($id: ID!, $decision: DecisionInput!) { recordMinutes(id: $id, number: 1, note: \"\", decision: $decision) { id } }",
        json!({ "id": stg_second, "decision": decision })).await;
    assert_eq!(
        mismatched["extensions"]["rule"], "stg-decision-effects",
        "{mismatched}"
    );
    let mandate = json!({ "kind": "DECIDE", "stgOutcome": "WORKING_GROUP", "followUp": { "kind": "MANDATE_WORKING_GROUP",
        "mandate": { "title": "AG Schnittstelle RAV–IV", "question": "Wie arbeiten RAV und IV zusammen?",
            "goal": "Empfehlungen an das STG", "output": "Bericht an das STG", "until": "2028-12-31" } } });
    let applied = minutes(
        &app,
        &petra,
        &stg_second,
        1,
        "Das STG beauftragt eine Arbeitsgruppe",
        mandate,
        &present,
    )
    .await;
    assert_eq!(applied["status"], "APPLIED", "{applied}");
    let decided = concern(&app, &luc, &id).await;
    assert_eq!(decided["stage"], "DECIDED");
    let link = &decided["followUps"][0];
    assert_eq!(link["kind"], "WORKING_GROUP", "{decided}");
    assert_eq!(link["title"], "AG Schnittstelle RAV–IV");
    assert_eq!(entry(&decided, "follow_up_linked")["subject"], link["id"]);
    let group = ok(
        &app,
        &luc,
        "query($id: ID!) { workingGroup(id: $id) { mandatedBy concerns } }",
        json!({ "id": link["id"] }),
    )
    .await;
    assert_eq!(group["workingGroup"]["mandatedBy"], json!(stg));
    assert_eq!(group["workingGroup"]["concerns"], json!([id]));

    // The answer names the group.
    let answered = ok(&app, &petra, &format!("mutation($id: ID!) {{ answerConcern(id: $id, text: \"Die AG Schnittstelle RAV–IV nimmt den Antrag auf.\") {{ {CONCERN} }} }}"), json!({ "id": id })).await;
    assert_eq!(
        answered["answerConcern"]["answer"]["followUps"][0]["id"],
        link["id"]
    );

    // The secretariat records a referral as decided in a meeting item: the
    // item must be the STG's decision on that very concern.
    let second = request(&app, &petra, "Antrag: Datenaustausch RAV–Sozialhilfe").await;
    ok(
        &app,
        &petra,
        bring,
        json!({ "id": second, "reason": "Strategische Frage" }),
    )
    .await;
    let record = "mutation($id: ID!, $basis: DecisionBasisInput!) { recordConcernReferral(id: $id, question: \"Welche Daten?\", basis: $basis) { stage ekgQuestion } }";
    let elsewhere = refused(
        &app,
        &petra,
        record,
        json!({ "id": second, "basis": { "meeting": stg_first, "item": 1 } }),
    )
    .await;
    assert_eq!(code(&elsewhere), "VALIDATION");
    let stg_third = meeting(&app, &petra, &stg, "STG-Sitzung 3/2027", 14, &[&second]).await;
    minutes(
        &app,
        &petra,
        &stg_third,
        1,
        "Frage an die EKG: welche Daten?",
        Value::Null,
        &present,
    )
    .await;
    let basis = json!({ "meeting": stg_third, "item": 1 });
    assert_eq!(
        code(
            &refused(
                &app,
                &marco,
                record,
                json!({ "id": second, "basis": basis })
            )
            .await
        ),
        "FORBIDDEN"
    );
    let recorded = ok(
        &app,
        &petra,
        record,
        json!({ "id": second, "basis": basis }),
    )
    .await;
    assert_eq!(
        recorded["recordConcernReferral"]["stage"],
        "REFERRED_TO_EKG"
    );
    assert_eq!(
        recorded["recordConcernReferral"]["ekgQuestion"],
        "Welche Daten?"
    );
}
