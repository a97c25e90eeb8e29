//! The Seismograf end to end over HTTP, each step by the official whose
//! job it is: Zurich drafts, its office checks, its body discusses, the
//! regional network consolidates, Bern and the SKOS endorse, Zurich submits
//! via the Fachstelle, Geneva submits a near-duplicate that the Fachstelle
//! merges, the EKG proposes to the STG, the STG decides and both Zurich and
//! Geneva receive the answer. Every cross-tenant peek at a draft is
//! `NOT_FOUND`.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, error_code, spawn_app};
use serde_json::{Value, json};

use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;

use crate::requests::{code, minuted, minuted_with, ok, refused};

crate::on_both_backends!(a_concern_travels_up_and_comes_back_with_an_answer);

const ANNA_ZH: &str = "anna.beispiel@zh.demo.iiz.invalid";
const RETO_ZH_OFFICE: &str = "reto.vorlage@zh.demo.iiz.invalid";
const SABINE_ZH_MEMBER: &str = "sabine.beleg@zh.demo.iiz.invalid";
const HANS_BE: &str = "hans.probe@be.demo.iiz.invalid";
const NICOLE_SKOS: &str = "nicole.gabarit@skos.demo.iiz.invalid";
const LUC_GE: &str = "luc.exemple@ge.demo.iiz.invalid";
const PETRA_FACHSTELLE: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const JONAS_EKG: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const MARCO_STG: &str = "marco.esempio@stg.demo.iiz.invalid";

const CONCERN_FIELDS: &str = "id origin stage shared submitters { kind code } endorsementCount \
    endorsements { by { code } reason } mergedInto absorbed ekgProposal stgDecision \
    answer { text recommendation recipients { kind code } } currentStep allowedActions \
    timeline { kind actor actorName stage outcome subject detail text }";

async fn concern(app: &TestApp, who: &Session, id: &str) -> Value {
    let query = format!("query($id: ID!) {{ concern(id: $id) {{ {CONCERN_FIELDS} }} }}");
    ok(app, who, &query, json!({ "id": id })).await["concern"].clone()
}

async fn peek_is_not_found(app: &TestApp, who: &Session, id: &str) {
    let query = "query($id: ID!) { concern(id: $id) { id } }";
    let (_, body) = app
        .graphql(As::Session(who), query, json!({ "id": id }))
        .await
        .unwrap();
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    let similar = "query($id: ID!) { similarConcerns(id: $id) { score } }";
    let (_, body) = app
        .graphql(As::Session(who), similar, json!({ "id": id }))
        .await
        .unwrap();
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    let listed = "{ concerns(filter: { origin: \"ZH\" }, first: 100) { edges { node { id } } } }";
    let (_, body) = app
        .graphql(As::Session(who), listed, json!({}))
        .await
        .unwrap();
    let ids: Vec<&Value> = body["data"]["concerns"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|edge| &edge["node"]["id"])
        .collect();
    assert!(
        !ids.contains(&&json!(id)),
        "a draft of ZH is listed for another tenant"
    );
}

fn kinds(concern: &Value) -> Vec<String> {
    concern["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["kind"].as_str().unwrap().to_owned())
        .collect()
}

/// Zurich's route: its office checks, then a body of its own discusses.
async fn zurich_route(app: &TestApp, anna: &Session, sabine_id: &str) -> Value {
    let established = ok(
        app,
        anna,
        "mutation($input: EstablishBodyInput!) { establishBody(input: $input) { id } }",
        json!({ "input": {
            "tenant": "ZH", "kind": "EXPERT_COORDINATION",
            "names": [{ "language": "DE", "text": "Operativer Ausschuss IIZ" }],
            "mandate": "Bespricht Anliegen, bevor sie den Kanton verlassen.",
            "activeFrom": "2026-01-01"
        }}),
    )
    .await;
    let body = established["establishBody"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        app,
        anna,
        "mutation($body: ID!, $person: ID!) { admitMember(body: $body, person: $person, role: MEMBER, institution: \"Sozialamt Zürich\", from: \"2026-01-01\") { person } }",
        json!({ "body": body, "person": sabine_id }),
    )
    .await;
    let route = ok(
        app,
        anna,
        "mutation($steps: [RouteStepInput!]!) { defineConcernRoute(tenant: \"ZH\", steps: $steps) { version steps { label kind body role } } }",
        json!({ "steps": [
            { "label": "Prüfung Geschäftsstelle", "kind": "APPROVES", "role": "OFFICE" },
            { "label": "Operativer Ausschuss", "kind": "DISCUSSES", "body": body },
        ]}),
    )
    .await;
    assert_eq!(
        route["defineConcernRoute"]["steps"][1]["body"],
        body.as_str()
    );
    route["defineConcernRoute"]["version"].clone()
}

async fn person_id(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id stage route { version } } }";
const STEP: &str = "mutation($id: ID!, $step: Int!, $outcome: StepOutcomeValue!, $rationale: String!) { recordConcernStep(id: $id, step: $step, outcome: $outcome, rationale: $rationale) { stage currentStep } }";
const SUBMIT: &str = "mutation($id: ID!) { submitConcern(id: $id) { concern { stage } similar { concern { id } score } } }";

fn zurich_concern() -> Value {
    json!({ "input": { "tenant": "ZH", "content": {
        "title": "Ausgesteuerte zwischen RAV und Sozialhilfe",
        "description": "Ausgesteuerte Personen werden vom RAV abgemeldet und von der Sozialhilfe erneut abgeklärt; die Abklärungen nach AVIG und SKOS-Richtlinien werden doppelt geführt.",
        "whyNotCantonal": "Die Zuständigkeiten folgen aus dem AVIG (Bundesrecht) und den SKOS-Richtlinien; der Kanton kann sie nicht allein abstimmen.",
        "institutions": ["ALV_RAV", "SH"],
        "focusArea": "labour_market_integration",
        "attachments": [{ "title": "Fallbeispiele 2025", "link": "https://intranet.zh.example/iiz/fallbeispiele.pdf" }],
        "language": "DE"
    }}})
}

fn geneva_concern() -> Value {
    json!({ "input": { "tenant": "GE", "content": {
        "title": "Fin de droits: double évaluation ORP (RAV) et aide sociale",
        "description": "Les personnes en fin de droit AVIG/LACI sont évaluées par l'ORP (RAV) puis à nouveau par l'aide sociale selon les normes SKOS; la double évaluation des ausgesteuerte Personen retarde l'intégration.",
        "whyNotCantonal": "Le droit fédéral (LACI/AVIG) fixe les compétences.",
        "institutions": ["ALV_RAV", "SH"],
        "language": "FR"
    }}})
}

async fn a_concern_travels_up_and_comes_back_with_an_answer(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let sign_in = |email: &'static str| {
        let app = &app;
        async move { app.sign_in(email, DEMO_PASSWORD).await.unwrap() }
    };
    let anna = sign_in(ANNA_ZH).await;
    let reto = sign_in(RETO_ZH_OFFICE).await;
    let sabine = sign_in(SABINE_ZH_MEMBER).await;
    let hans = sign_in(HANS_BE).await;
    let nicole = sign_in(NICOLE_SKOS).await;
    let luc = sign_in(LUC_GE).await;
    let petra = sign_in(PETRA_FACHSTELLE).await;
    let jonas = sign_in(JONAS_EKG).await;
    let marco = sign_in(MARCO_STG).await;
    let stats = "{ concernStatistics { total answered byStage { stage count } } }";
    let answered_before = ok(&app, &petra, stats, json!({})).await["concernStatistics"]["answered"]
        .as_u64()
        .unwrap();

    // Zurich's route and the regional network are set up by their owners.
    let sabine_id = person_id(&app, &sabine).await;
    let route_version = zurich_route(&app, &anna, &sabine_id).await;
    // Zurich forms a network of its own and delegates Sabine (of Zurich).
    let network = ok(
        &app,
        &anna,
        "mutation { proposeNetwork(canton: \"ZH\", names: [{ language: DE, text: \"IIZ-Netzwerk Zürich-Test\" }], cantons: [\"ZH\"]) { id } }",
        json!({}),
    )
    .await["proposeNetwork"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &app,
        &anna,
        "mutation($network: ID!, $person: ID!) { proposeNetworkCoordinator(network: $network, canton: \"ZH\", person: $person, from: \"2026-01-01\") { id } }",
        json!({ "network": network, "person": sabine_id }),
    )
    .await;

    // 1. Zurich drafts; nobody outside Zurich can see the draft.
    let drafted = ok(&app, &anna, DRAFT, zurich_concern()).await;
    let zh_id = drafted["draftConcern"]["id"].as_str().unwrap().to_owned();
    assert_eq!(drafted["draftConcern"]["stage"], "DRAFT");
    assert_eq!(drafted["draftConcern"]["route"]["version"], route_version);
    for outsider in [&luc, &hans, &petra, &jonas] {
        peek_is_not_found(&app, outsider, &zh_id).await;
    }
    let error = refused(
        &app,
        &luc,
        "mutation($id: ID!) { endorseConcern(id: $id, reason: \"auch bei uns\") { id } }",
        json!({ "id": zh_id }),
    )
    .await;
    assert_eq!(code(&error), "NOT_FOUND");
    // An internal comment stays in Zurich.
    ok(
        &app,
        &anna,
        "mutation($id: ID!) { commentOnConcern(id: $id, text: \"Zahlen der Sozialen Dienste nachliefern\", visibility: INTERNAL) { id } }",
        json!({ "id": zh_id }),
    )
    .await;

    // 2. The route: the office checks, the body discusses.
    ok(
        &app,
        &anna,
        "mutation($id: ID!) { startConcernRoute(id: $id) { stage } }",
        json!({ "id": zh_id }),
    )
    .await;
    let not_hers = refused(
        &app,
        &anna,
        STEP,
        json!({ "id": zh_id, "step": 0, "outcome": "APPROVED", "rationale": "" }),
    )
    .await;
    assert_eq!(
        code(&not_hers),
        "FORBIDDEN",
        "the coordinator is not the office"
    );
    let checked = ok(
        &app,
        &reto,
        STEP,
        json!({ "id": zh_id, "step": 0, "outcome": "APPROVED", "rationale": "IIZ-relevant" }),
    )
    .await;
    assert_eq!(checked["recordConcernStep"]["currentStep"], 1);
    peek_is_not_found(&app, &luc, &zh_id).await;
    let released = ok(
        &app,
        &sabine,
        STEP,
        json!({ "id": zh_id, "step": 1, "outcome": "DISCUSSED", "rationale": "Breit abgestützt, weiterleiten" }),
    )
    .await;
    assert_eq!(released["recordConcernStep"]["stage"], "RELEASED");

    // A step the workflow does not allow names the state and what it allows.
    let early = refused(
        &app,
        &petra,
        "mutation($id: ID!) { acceptConcern(id: $id) { id } }",
        json!({ "id": zh_id }),
    )
    .await;
    assert_eq!(code(&early), "CONFLICT", "{early}");
    assert_eq!(early["extensions"]["details"]["state"], "released");
    assert_eq!(
        early["extensions"]["details"]["allowed"],
        json!([
            "resolve_locally",
            "withdraw",
            "consolidate",
            "endorse",
            "submit",
            "comment"
        ])
    );

    // 3. The network consolidates; Bern and the SKOS endorse.
    ok(
        &app,
        &sabine,
        "mutation($id: ID!, $network: ID!) { consolidateConcern(id: $id, network: $network, note: \"Für das Netzwerk gebündelt\") { id } }",
        json!({ "id": zh_id, "network": network }),
    )
    .await;
    let endorse = "mutation($id: ID!, $party: String, $reason: String!) { endorseConcern(id: $id, party: $party, reason: $reason) { endorsementCount } }";
    ok(
        &app,
        &hans,
        endorse,
        json!({ "id": zh_id, "party": null, "reason": "Gleiche Lage im Kanton Bern" }),
    )
    .await;
    let skos = ok(
        &app,
        &nicole,
        endorse,
        json!({ "id": zh_id, "party": "SKOS", "reason": "Betrifft alle Sozialdienste" }),
    )
    .await;
    assert_eq!(skos["endorseConcern"]["endorsementCount"], 2);
    let twice = refused(
        &app,
        &hans,
        endorse,
        json!({ "id": zh_id, "party": "BE", "reason": "nochmals" }),
    )
    .await;
    assert_eq!(code(&twice), "CONFLICT");

    // 4. Zurich submits via the Fachstelle.
    let submitted = ok(&app, &anna, SUBMIT, json!({ "id": zh_id })).await;
    assert_eq!(
        submitted["submitConcern"]["concern"]["stage"],
        "AWAITING_TRIAGE"
    );

    // 5. Geneva submits a near-duplicate directly (no route in Geneva) and
    // is shown Zurich's concern as similar.
    let ge_id = ok(&app, &luc, DRAFT, geneva_concern()).await["draftConcern"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let ge_submitted = ok(&app, &luc, SUBMIT, json!({ "id": ge_id })).await;
    let similar: Vec<&Value> = ge_submitted["submitConcern"]["similar"]
        .as_array()
        .unwrap()
        .iter()
        .map(|found| &found["concern"]["id"])
        .collect();
    assert!(similar.contains(&&json!(zh_id)), "{ge_submitted}");

    // 6. The Fachstelle's intake queue has both, oldest first; it merges
    // Geneva's into Zurich's and accepts Zurich's.
    let queue = ok(
        &app,
        &petra,
        "{ concernQueue(queue: INTAKE, first: 100) { edges { node { concern origin ageDays } } } }",
        json!({}),
    )
    .await;
    let queued: Vec<&Value> = queue["concernQueue"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| &edge["node"]["concern"])
        .collect();
    let zh_at = queued.iter().position(|id| **id == json!(zh_id)).unwrap();
    let ge_at = queued.iter().position(|id| **id == json!(ge_id)).unwrap();
    assert!(zh_at < ge_at, "the intake queue is oldest first");
    let merged = ok(
        &app,
        &petra,
        "mutation($id: ID!, $into: ID!) { mergeConcern(id: $id, into: $into, rationale: \"Gleiches Anliegen wie Zürich\") { id submitters { code } absorbed } }",
        json!({ "id": ge_id, "into": zh_id }),
    )
    .await;
    assert_eq!(
        merged["mergeConcern"]["submitters"],
        json!([{ "code": "ZH" }, { "code": "GE" }])
    );
    ok(
        &app,
        &petra,
        "mutation($id: ID!) { acceptConcern(id: $id, note: \"IIZ-relevant, breit abgestützt\") { stage } }",
        json!({ "id": zh_id }),
    )
    .await;

    // 7. The EKG proposes a recommendation; the STG decides it. Each
    // decides as a body in its meeting: no member takes the step alone,
    // the Fachstelle records the EKG's examination with its minutes, and
    // the STG's minutes carry out its decision on the concern.
    let ekg = seeded_body_id(TenantId::National, "EKG").to_string();
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let subject = json!({ "subject": "CONCERN", "subjectId": zh_id });
    let examined = minuted(&app, &petra, &ekg, subject.clone()).await;
    let examine = "mutation($id: ID!, $basis: DecisionBasisInput!) { examineConcern(id: $id, outcome: PROPOSE_TO_STG, proposal: RECOMMENDATION, rationale: \"Betrifft viele Kantone\", basis: $basis) { stage } }";
    let variables = json!({ "id": zh_id, "basis": examined });
    let not_alone = refused(&app, &jonas, examine, variables.clone()).await;
    assert_eq!(code(&not_alone), "FORBIDDEN");
    assert_eq!(not_alone["extensions"]["rule"], "body-decides-as-body");
    let not_stg = refused(
        &app,
        &petra,
        "mutation($id: ID!, $basis: DecisionBasisInput!) { decideConcern(id: $id, outcome: RECOMMENDATION, decision: \"x\", basis: $basis) { id } }",
        variables.clone(),
    )
    .await;
    assert_eq!(
        code(&not_stg),
        "VALIDATION",
        "an EKG item is no STG decision"
    );
    ok(&app, &petra, examine, variables).await;
    let offered = ok(
        &app,
        &marco,
        "query($id: ID!) { concern(id: $id) { stage allowedActions } }",
        json!({ "id": zh_id }),
    )
    .await;
    assert_eq!(offered["concern"]["stage"], "AT_STG");
    assert!(
        !offered["concern"]["allowedActions"]
            .as_array()
            .unwrap()
            .contains(&json!("DECIDE")),
        "{offered}"
    );
    let effect = json!({ "kind": "DECIDE", "stgOutcome": "RECOMMENDATION" });
    minuted_with(&app, &petra, &stg, subject, effect).await;
    let decided = ok(
        &app,
        &marco,
        "query($id: ID!) { decideConcern: concern(id: $id) { stage ekgProposal stgDecision } }",
        json!({ "id": zh_id }),
    )
    .await;
    assert_eq!(decided["decideConcern"]["stage"], "DECIDED");
    assert_eq!(decided["decideConcern"]["ekgProposal"], "RECOMMENDATION");

    // 8. The answer names the recommendation: publishing it answers the
    // concern, and Zurich and Geneva both receive the answer.
    let unnamed = refused(
        &app,
        &petra,
        "mutation($id: ID!) { answerConcern(id: $id, text: \"Die STG erlässt eine Empfehlung.\") { stage } }",
        json!({ "id": zh_id }),
    )
    .await;
    assert_eq!(code(&unnamed), "VALIDATION");
    let recommendation = ok(
        &app,
        &petra,
        "mutation($input: RecommendationInput!) { draftRecommendation(input: $input) { id } }",
        json!({ "input": {
            "title": "Gemeinsame Abklärung bei Aussteuerung",
            "text": "RAV und Sozialhilfe klären Ausgesteuerte gemeinsam ab.",
            "language": "DE",
            "rationale": "Anliegen ZH und GE, breit unterstützt.",
            "source": "STG_DECISION_ON_CONCERN",
            "basis": { "concerns": [zh_id] },
            "addressees": ["ZH", "GE", "BE", "SKOS"],
            "answerDue": "2099-12-31",
            "reportingRhythm": "YEARLY"
        }}),
    )
    .await["draftRecommendation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let adopted = minuted(
        &app,
        &petra,
        &stg,
        json!({ "subject": "RECOMMENDATION", "subjectId": recommendation }),
    )
    .await;
    ok(
        &app,
        &petra,
        "mutation($id: ID!, $basis: DecisionBasisInput!) { adoptRecommendation(id: $id, decision: \"STG-Beschluss 2026/05\", on: \"2026-01-15\", basis: $basis) { stage } }",
        json!({ "id": recommendation, "basis": adopted }),
    )
    .await;
    ok(
        &app,
        &petra,
        "mutation($id: ID!) { publishRecommendation(id: $id) { stage } }",
        json!({ "id": recommendation }),
    )
    .await;
    let for_zurich = concern(&app, &anna, &zh_id).await;
    assert_eq!(for_zurich["stage"], "ANSWERED");
    let recipients: Vec<&str> = for_zurich["answer"]["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|party| party["code"].as_str().unwrap())
        .collect();
    assert_eq!(recipients, ["BE", "GE", "ZH", "SKOS"]);
    assert_eq!(
        for_zurich["answer"]["recommendation"],
        recommendation.as_str()
    );
    let for_geneva = concern(&app, &luc, &ge_id).await;
    assert_eq!(for_geneva["stage"], "MERGED");
    assert_eq!(for_geneva["mergedInto"], zh_id.as_str());
    let answer_seen_by_geneva = concern(&app, &luc, &zh_id).await;
    assert_eq!(answer_seen_by_geneva["answer"], for_zurich["answer"]);
    assert_eq!(answer_seen_by_geneva["allowedActions"], json!(["COMMENT"]));
    // Geneva sees who recorded the STG's decision, by name: the
    // Fachstelle, as the STG's secretariat, with the STG's minutes.
    assert_eq!(answer_seen_by_geneva["timeline"][12]["kind"], "decided");
    assert_eq!(
        answer_seen_by_geneva["timeline"][12]["actorName"],
        "Petra Muster"
    );

    // The timeline says who did what, when and why.
    assert_eq!(
        kinds(&for_zurich),
        [
            "drafted",
            "route_started",
            "step_recorded",
            "step_recorded",
            "released",
            "consolidated",
            "endorsed",
            "endorsed",
            "submitted",
            "absorbed",
            "accepted",
            "examined",
            "decided",
            "answered"
        ]
    );
    let step = &for_zurich["timeline"][2];
    assert_eq!(step["subject"], "Prüfung Geschäftsstelle");
    assert_eq!(step["text"], "IIZ-relevant");
    assert!(step["actor"].as_str().unwrap().starts_with("person:"));
    assert_eq!(step["actorName"], "Reto Vorlage");
    // Internal comments never leave Zurich.
    let comments = "query($id: ID!) { concern(id: $id) { internalComments { text } } }";
    let inside = ok(&app, &anna, comments, json!({ "id": zh_id })).await;
    assert_eq!(
        inside["concern"]["internalComments"][0]["text"],
        "Zahlen der Sozialen Dienste nachliefern"
    );
    let outside = ok(&app, &luc, comments, json!({ "id": zh_id })).await;
    assert_eq!(outside["concern"]["internalComments"], json!([]));
    let answered_after = ok(&app, &petra, stats, json!({})).await["concernStatistics"]["answered"]
        .as_u64()
        .unwrap();
    assert_eq!(answered_after, answered_before + 1);

    // Everyone concerned heard of it, in their language.
    let people = crate::seismograf_notices::Participants {
        anna: &anna,
        luc: &luc,
        hans: &hans,
        nicole: &nicole,
        petra: &petra,
        marco: &marco,
    };
    crate::seismograf_notices::participants_heard(&app, &people, &zh_id, &ge_id).await;
}
