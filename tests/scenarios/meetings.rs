//! Meetings end to end over HTTP: the Fachstelle prepares an EKG meeting
//! with two Geneva concerns, sends the agenda and revises it visibly; the
//! EKG proposes one concern to the STG and gives the other to a working
//! group, both carried out on the concerns with the minutes; a step the
//! concern refuses shows on its item; the STG's joint year-end meeting with
//! the EKG decides on the proposed concern and adopts the drafted
//! recommendation (and hears the working group the EKG mandated, which
//! reported progress); the concern timelines and the adoption cite the
//! meetings; the EKG's minutes are approved at the joint meeting; the
//! EKG's iCalendar feed parses with an independent parser (`ical`).

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::meetings::swiss_today;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{minuted, ok, refused_code};

#[path = "meetings_calendar.rs"]
mod calendar;
use calendar::Meetings;

crate::on_both_backends!(an_ekg_meeting_and_the_joint_year_end_meeting_decide);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const JONAS: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";

const MANDATE: &str =
    "mutation($input: MandateInput!) { mandateWorkingGroup(input: $input) { id } }";

const MEETING_FIELDS: &str = "id title status sentVersion sequence revisions { kind item reason revisesVersion } \
    agenda { number title withdrawn minutes { note decision { effect ekgOutcome stgOutcome } } propagation { status reason } } \
    approval { kind meeting }";

async fn meeting(app: &TestApp, who: &Session, mutation: &str, variables: Value) -> Value {
    let data = ok(app, who, mutation, variables).await;
    data.as_object().unwrap().values().next().unwrap().clone()
}

async fn concern_submitted(app: &TestApp, luc: &Session, petra: &Session, title: &str) -> String {
    let drafted = ok(app, luc, "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }", json!({ "input": { "tenant": "GE", "content": {
        "title": title,
        "description": "Die Zuständigkeiten von RAV und Sozialhilfe sind an dieser Schnittstelle unklar.",
        "whyNotCantonal": "Das Bundesrecht (AVIG) regelt die Zuständigkeit.",
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

fn slot(hour: u32) -> Value {
    let day = swiss_today();
    json!({ "startsAt": format!("{day}T{hour:02}:00:00"), "endsAt": format!("{day}T{:02}:00:00", hour + 2),
        "place": "Bern, Holzikofenweg 36", "online": "https://meet.example.ch/iiz" })
}

fn item(title: &str, kind: &str, id: &str) -> Value {
    json!({ "title": title, "purpose": "DECISION", "subject": kind, "subjectId": id,
        "note": "Antrag der Fachstelle", "documents": [{ "title": "Antrag", "link": "https://iiz.example.ch/antrag.pdf" }] })
}

const SCHEDULE: &str =
    "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }";
const ADD: &str = "mutation($id: ID!, $item: AgendaItemInput!, $reason: String!) { addAgendaItem(id: $id, item: $item, reason: $reason) { id } }";
const SEND: &str = "mutation($id: ID!) { sendAgenda(id: $id) { sentVersion } }";

fn minutes(number: u32, effect: Value, present: &[String]) -> (String, Value) {
    let mutation = format!(
        "mutation($id: ID!, $number: Int!, $decision: DecisionInput!) {{ recordMinutes(id: $id, number: $number, note: \"Diskussion\", decision: $decision) {{ {MEETING_FIELDS} }} }}"
    );
    let variables = json!({ "number": number, "decision": {
        "outcome": "Beschluss gemäss Antrag", "rationale": "Betrifft mehrere Kantone",
        "resolution": "VOTE", "yes": 2, "no": 0, "abstain": 0, "present": present, "effect": effect } });
    (mutation, variables)
}

async fn record(
    app: &TestApp,
    petra: &Session,
    meeting_id: &str,
    number: u32,
    effect: Value,
    present: &[String],
) -> Value {
    let (mutation, mut variables) = minutes(number, effect, present);
    variables["id"] = json!(meeting_id);
    let data = ok(app, petra, &mutation, variables).await;
    data["recordMinutes"].clone()
}

async fn timeline(app: &TestApp, who: &Session, id: &str) -> Vec<Value> {
    let data = ok(app, who, "query($id: ID!) { concern(id: $id) { stage timeline { kind subject detail decidedBy { meeting item label } } } }", json!({ "id": id })).await;
    data["concern"]["timeline"].as_array().unwrap().clone()
}

fn cited(timeline: &[Value], kind: &str) -> Value {
    timeline.iter().find(|entry| entry["kind"] == kind).unwrap()["decidedBy"].clone()
}

async fn an_ekg_meeting_and_the_joint_year_end_meeting_decide(backend: Backend) {
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
    let proposed = concern_submitted(
        &app,
        &luc,
        &petra,
        "Aussteuerung: doppelte Abklärungen RAV und Sozialhilfe",
    )
    .await;
    let grouped =
        concern_submitted(&app, &luc, &petra, "Junge Erwachsene ohne Anschlusslösung").await;

    // The Fachstelle prepares the EKG meeting; a canton may not.
    let input = json!({ "input": { "body": ekg, "title": "EKG-Sitzung 4/2026", "slot": slot(8) } });
    assert_eq!(
        refused_code(&app, &luc, SCHEDULE, input.clone()).await,
        "FORBIDDEN"
    );
    let ekg_meeting = meeting(&app, &petra, SCHEDULE, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (title, id) in [
        ("Anliegen ZH: Aussteuerung", &proposed),
        ("Anliegen ZH: Junge Erwachsene", &grouped),
    ] {
        meeting(
            &app,
            &petra,
            ADD,
            json!({ "id": ekg_meeting, "item": item(title, "CONCERN", id), "reason": "" }),
        )
        .await;
    }
    assert_eq!(
        meeting(&app, &petra, SEND, json!({ "id": ekg_meeting })).await["sentVersion"],
        1
    );
    // A revision of the sent agenda needs a reason and shows.
    let late = json!({ "id": ekg_meeting, "item": item("Aussteuerung: Nachtrag", "CONCERN", &proposed), "reason": "" });
    assert_eq!(
        refused_code(&app, &petra, ADD, late.clone()).await,
        "VALIDATION"
    );
    let mut late = late;
    late["reason"] = json!("Nachtrag auf Wunsch des Kantons Zürich");
    meeting(&app, &petra, ADD, late).await;
    assert_eq!(
        meeting(&app, &petra, SEND, json!({ "id": ekg_meeting })).await["sentVersion"],
        2
    );

    // The EKG decides: one concern to the STG, one to a working group.
    let propose =
        json!({ "kind": "EXAMINE", "ekgOutcome": "PROPOSE_TO_STG", "proposal": "RECOMMENDATION" });
    let view = record(&app, &petra, &ekg_meeting, 1, propose, &present).await;
    assert_eq!(
        view["agenda"][0]["propagation"]["status"], "APPLIED",
        "{view}"
    );
    let group = json!({ "kind": "EXAMINE", "ekgOutcome": "GIVE_TO_WORKING_GROUP", "workingGroup": "AG Junge Erwachsene" });
    record(&app, &petra, &ekg_meeting, 2, group, &present).await;
    // The working group is mandated by the EKG, its lead reports progress.
    let mandate = json!({ "input": {
        "mandatedBy": ekg, "title": "AG Junge Erwachsene",
        "question": "Wie finden junge Erwachsene ohne Anschlusslösung den Weg in eine Ausbildung?",
        "goal": "Empfehlungen an das STG", "output": "Bericht an die EKG",
        "until": "2028-12-31", "on": swiss_today(), "concerns": [grouped] } });
    // A group takes on only what the EKG gave to a working group.
    let mut elsewhere = mandate.clone();
    elsewhere["input"]["concerns"] = json!([proposed]);
    assert_eq!(
        refused_code(
            &app,
            &petra,
            "mutation($input: MandateInput!) { mandateWorkingGroup(input: $input) { id } }",
            elsewhere
        )
        .await,
        "VALIDATION"
    );
    let group = meeting(&app, &petra, MANDATE, mandate).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(&app, &petra, "mutation($id: ID!, $person: ID!) { joinWorkingGroup(id: $id, person: $person, role: LEAD) { id } }", json!({ "id": group, "person": present[0] })).await;
    let progress = ok(&app, &jonas, "mutation($id: ID!, $on: NaiveDate!) { reportWorkingGroupProgress(id: $id, text: \"Erste Sitzung: Bestandesaufnahme in fünf Kantonen\", on: $on) { progress { text } } }", json!({ "id": group, "on": swiss_today() })).await;
    assert_eq!(
        progress["reportWorkingGroupProgress"]["progress"][0]["text"],
        "Erste Sitzung: Bestandesaufnahme in fünf Kantonen"
    );
    // Its result goes to the EKG, which takes note and decides what next.
    ok(&app, &jonas, "mutation($id: ID!, $on: NaiveDate!) { submitWorkingGroupResult(id: $id, summary: \"Brückenangebote koordinieren\", on: $on) { id } }", json!({ "id": group, "on": swiss_today() })).await;
    let basis = minuted(
        &app,
        &petra,
        &ekg,
        json!({ "subject": "WORKING_GROUP", "subjectId": group }),
    )
    .await;
    ok(&app, &petra, "mutation($id: ID!, $basis: DecisionBasisInput!) { noteWorkingGroupResult(id: $id, decision: \"Die EKG nimmt Kenntnis\", nextSteps: \"Antwort an den Kanton\", basis: $basis) { id } }", json!({ "id": group, "basis": basis })).await;
    // The STG's step is not the EKG's to take: refused, nothing written.
    let (mutation, mut variables) = minutes(
        3,
        json!({ "kind": "DECIDE", "stgOutcome": "RECOMMENDATION" }),
        &present,
    );
    variables["id"] = json!(ekg_meeting);
    assert_eq!(
        refused_code(&app, &petra, &mutation, variables).await,
        "VALIDATION"
    );
    // The concern is at the STG now: the concern refuses, the item says why.
    let handle = json!({ "kind": "EXAMINE", "ekgOutcome": "HANDLE_IN_EKG" });
    let view = record(&app, &petra, &ekg_meeting, 3, handle, &present).await;
    let refused = &view["agenda"][2]["propagation"];
    assert_eq!(refused["status"], "REFUSED", "{view}");
    assert!(!refused["reason"].as_str().unwrap().is_empty());
    assert_eq!(view["revisions"][0]["revisesVersion"], 1);
    assert_eq!(view["sequence"], 1);

    // The Fachstelle drafts the recommendation; the STG's joint year-end
    // meeting decides on the concern and adopts it.
    let drafted = ok(&app, &petra, "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id } }", json!({ "input": {
        "title": "Gemeinsame Abklärung bei Aussteuerung", "text": "Die Kantone klären Ausgesteuerte gemeinsam ab.", "language": "DE",
        "rationale": "Anliegen ZH", "source": "STG_DECISION_ON_CONCERN", "basis": { "concerns": [proposed] },
        "addressees": ["ZH", "BE"], "answerDue": "2027-06-30", "reportingRhythm": "YEARLY" }})).await;
    let recommendation = drafted["draftRecommendation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let input = json!({ "input": { "body": stg, "jointWith": ekg, "title": "STG-Sitzung 4/2026", "slot": slot(14) } });
    let joint = meeting(&app, &petra, SCHEDULE, input).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    meeting(&app, &petra, ADD, json!({ "id": joint, "item": item("Anliegen ZH: Entscheid", "CONCERN", &proposed), "reason": "" })).await;
    meeting(&app, &petra, ADD, json!({ "id": joint, "item": item("Empfehlung Aussteuerung", "RECOMMENDATION", &recommendation), "reason": "" })).await;
    let report = json!({ "title": "Bericht der AG Junge Erwachsene", "purpose": "INFORMATION", "subject": "WORKING_GROUP", "subjectId": group });
    meeting(
        &app,
        &petra,
        ADD,
        json!({ "id": joint, "item": report, "reason": "" }),
    )
    .await;
    meeting(&app, &petra, SEND, json!({ "id": joint })).await;
    record(
        &app,
        &petra,
        &joint,
        1,
        json!({ "kind": "DECIDE", "stgOutcome": "RECOMMENDATION" }),
        &present,
    )
    .await;
    let view = record(
        &app,
        &petra,
        &joint,
        2,
        json!({ "kind": "ADOPT" }),
        &present,
    )
    .await;
    assert_eq!(
        view["agenda"][0]["propagation"]["status"], "APPLIED",
        "{view}"
    );
    assert_eq!(
        view["agenda"][1]["propagation"]["status"], "APPLIED",
        "{view}"
    );

    // The timelines and the adoption cite the meetings.
    let steps = timeline(&app, &luc, &proposed).await;
    assert_eq!(
        cited(&steps, "examined")["label"],
        "EKG-Sitzung 4/2026, Traktandum 1"
    );
    assert_eq!(cited(&steps, "decided")["meeting"], joint.as_str());
    assert_eq!(
        cited(&steps, "decided")["label"],
        "STG-Sitzung 4/2026, Traktandum 1"
    );
    let steps = timeline(&app, &luc, &grouped).await;
    assert_eq!(cited(&steps, "examined")["item"], 2);
    let taken_on = steps
        .iter()
        .find(|entry| entry["kind"] == "working_group_mandated")
        .unwrap();
    assert_eq!(
        (&taken_on["subject"], &taken_on["detail"]),
        (&json!(group), &json!("AG Junge Erwachsene"))
    );
    let group_steps: Vec<_> = steps
        .iter()
        .filter(|entry| entry["subject"] == json!(group))
        .map(|entry| (entry["kind"].clone(), entry["detail"].clone()))
        .collect();
    assert_eq!(
        group_steps,
        [
            (
                json!("working_group_mandated"),
                json!("AG Junge Erwachsene")
            ),
            (json!("working_group_result"), Value::Null),
            (
                json!("working_group_result_noted"),
                json!("Antwort an den Kanton")
            ),
        ]
    );
    let adopted = ok(&app, &marco, "query($id: ID!) { recommendation(id: $id) { stage adoption { decidedBy { meeting label } } history { kind decidedBy { label } } } }", json!({ "id": recommendation })).await;
    assert_eq!(adopted["recommendation"]["stage"], "ADOPTED");
    // The history cites the decision too (transparency of who decided).
    let adoption_step = adopted["recommendation"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["kind"] == "Adopted")
        .unwrap()
        .clone();
    assert_eq!(
        adoption_step["decidedBy"]["label"],
        "STG-Sitzung 4/2026, Traktandum 2"
    );
    assert_eq!(
        adopted["recommendation"]["adoption"]["decidedBy"]["label"],
        "STG-Sitzung 4/2026, Traktandum 2"
    );

    // The EKG's minutes are approved at the joint meeting; not by a canton.
    let approve = format!(
        "mutation($id: ID!, $at: ID) {{ approveMinutes(id: $id, atMeeting: $at) {{ {MEETING_FIELDS} }} }}"
    );
    assert_eq!(
        refused_code(&app, &luc, &approve, json!({ "id": ekg_meeting })).await,
        "FORBIDDEN"
    );
    let approved = meeting(
        &app,
        &petra,
        &approve,
        json!({ "id": ekg_meeting, "at": joint }),
    )
    .await;
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["approval"]["meeting"], joint.as_str());

    // The STG's year ends jointly with the EKG.
    let year = ok(&app, &luc, "query($body: ID!, $year: Int!) { meetingYear(body: $body, year: $year) { expected yearEndNotJoint lastJointWith total { planned held } } }",
        json!({ "body": stg, "year": chrono::Datelike::year(&swiss_today()) })).await;
    assert_eq!(year["meetingYear"]["expected"], 4);
    assert_eq!(year["meetingYear"]["yearEndNotJoint"], false);
    assert_eq!(year["meetingYear"]["lastJointWith"], ekg.as_str());

    // A cancelled meeting goes out as cancelled.
    // Ahead of the suite's day, whatever day that is.
    let ahead = swiss_today() + chrono::Days::new(60);
    let next = json!({ "input": { "body": ekg, "title": "EKG-Sitzung 1/2027", "slot": { "startsAt": format!("{ahead}T09:00:00"), "endsAt": format!("{ahead}T12:00:00"), "place": "Bern" } } });
    let cancelled = meeting(&app, &petra, SCHEDULE, next).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    meeting(
        &app,
        &petra,
        "mutation($id: ID!) { cancelMeeting(id: $id, reason: \"Verschoben auf März\") { id } }",
        json!({ "id": cancelled }),
    )
    .await;

    let meetings = Meetings {
        ekg: &ekg,
        ekg_meeting: &ekg_meeting,
        joint: &joint,
        cancelled: &cancelled,
    };
    calendar::feeds_parse(&app, &luc, &jonas, meetings).await;
}
