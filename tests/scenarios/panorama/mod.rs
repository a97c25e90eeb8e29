//! The panorama round over HTTP (issue 16): the Fachstelle opens the 2027
//! round; Zürich and Geneva open their 2027 profiles from their last ones,
//! revise them in their own language and report their 2026 figures;
//! Geneva cannot touch Zürich's profile; the Fachstelle closes and
//! publishes; the national figures equal a count made here from the
//! profiles and figures the cantons submitted; the 2020 panorama is the
//! same before and after.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{code, ok, refused};

mod count;

use count::{by_key, codes, count};

crate::on_both_backends!(a_round_is_answered_closed_and_published);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

const PANORAMA_2020: &str = "{ panorama(year: 2020) { year publishedOn sections { canton status kind late \
    profile { revision content } figures { year revision figures { casesTotal { kind value low high asWritten } } } } } \
    nationalPanoramaFigures(year: 2020) { considered { cantons } offices { withOffice { cantons } } \
    caseCounts { lowest { value cantons { cantons } } highest { value cantons { cantons } } } } }";

const REVISE: &str = "mutation($canton: ID!, $section: ProfileSection!, $content: JSON!, $note: String!) { \
    reviseCantonProfile(canton: $canton, year: 2027, section: $section, content: $content, note: $note) { \
    revision summary { language } revisions { revision section note actor { tenant } } } }";

const REPORT: &str = "mutation($canton: ID!, $figures: FigureReportInput!) { \
    reportKeyFigures(canton: $canton, year: 2026, figures: $figures) { revision figures { casesTotal { kind value low high } } } }";

const NATIONAL: &str = "{ nationalPanoramaFigures(year: 2027) { considered { count cantons } \
    offices { withOffice { count cantons } withoutOffice { cantons } } \
    steeringInstitutions { byKind { kind cantons { count cantons } } notStated { cantons } } \
    documentedProcess { answer cantons { count cantons } } \
    implementationTypes { implementationType cantons { cantons } } \
    caseCounts { lowest { value cantons { cantons } } highest { value cantons { cantons } } counted { cantons } } \
    potentialShares { computed { canton cases unemployed basisPoints basis } notComputed { canton reason } } } }";

/// The canton opens its 2027 profile from its last one; returns the content.
async fn opened(app: &TestApp, who: &Session, canton: &str) -> Value {
    let data = ok(
        app,
        who,
        "mutation($canton: ID!) { openCantonProfile(canton: $canton, year: 2027) { revision content } }",
        json!({ "canton": canton }),
    )
    .await;
    assert_eq!(data["openCantonProfile"]["revision"], 1);
    data["openCantonProfile"]["content"].clone()
}

async fn revise(
    app: &TestApp,
    who: &Session,
    canton: &str,
    section: &str,
    content: &Value,
    note: &str,
) -> Value {
    ok(
        app,
        who,
        REVISE,
        json!({ "canton": canton, "section": section, "content": content, "note": note }),
    )
    .await["reviseCantonProfile"]
        .clone()
}

async fn a_round_is_answered_closed_and_published(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let (petra, anna, luc) = (
        app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap(),
        app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap(),
        app.sign_in(LUC, DEMO_PASSWORD).await.unwrap(),
    );
    let before_2020 = ok(&app, &petra, PANORAMA_2020, json!({})).await;

    // The Fachstelle opens the round for every canton; a canton may not.
    let opened_round = ok(&app, &petra, "mutation { openPanoramaRound(input: { year: 2027 }) { stage answers { canton status } questions { key } } }", json!({})).await;
    assert_eq!(opened_round["openPanoramaRound"]["stage"], "OPEN");
    assert_eq!(
        opened_round["openPanoramaRound"]["answers"]
            .as_array()
            .unwrap()
            .len(),
        26
    );
    assert_eq!(
        opened_round["openPanoramaRound"]["questions"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
    let error = refused(
        &app,
        &anna,
        "mutation { closePanoramaRound(year: 2027) { stage } }",
        json!({}),
    )
    .await;
    assert_eq!(code(&error), "FORBIDDEN", "{error}");

    // Zürich, in German: a Geschäftsstelle attached to the AWA, a
    // coordinator there, Typ 2, the process documented.
    let mut zurich = opened(&app, &anna, "ZH").await;
    assert_eq!(zurich["language"], "de");
    let awa = json!({ "kind": "unemployment", "name": "Amt für Wirtschaft und Arbeit (AWA)" });
    zurich["structure"]["office"] =
        json!({ "kind": "geschaeftsstelle", "body": null, "attached_to": awa });
    zurich["structure"]["coordinator_at"] = awa.clone();
    zurich["structure"]["implementation_type"] = json!("type2");
    let revised = revise(
        &app,
        &anna,
        "ZH",
        "STRUCTURE",
        &zurich["structure"],
        "Geschäftsstelle beim AWA angesiedelt",
    )
    .await;
    assert_eq!(revised["revision"], 2);
    assert_eq!(revised["summary"]["language"], "DE");
    assert_eq!(revised["revisions"][1]["actor"]["tenant"], "ZH");
    zurich["practice"]["process"] = json!({ "documented": "yes", "forms": ["case_management_phases"], "as_written": "Prozesshandbuch IIZ 2027" });
    revise(
        &app,
        &anna,
        "ZH",
        "PRACTICE",
        &zurich["practice"],
        "Prozesshandbuch verabschiedet",
    )
    .await;

    // Geneva, in French: a challenge added, the process "partly" documented.
    let mut geneva = opened(&app, &luc, "GE").await;
    assert_eq!(geneva["language"], "fr");
    geneva["challenges"]["items"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "category": "data_protection",
            "text": "L'échange de données entre l'OCE et l'Hospice général reste à régler."
        }));
    let revised = revise(
        &app,
        &luc,
        "GE",
        "CHALLENGES",
        &geneva["challenges"],
        "Défi ajouté pour 2027",
    )
    .await;
    assert_eq!(revised["summary"]["language"], "FR");
    geneva["practice"]["process"] =
        json!({ "documented": "no", "forms": [], "as_written": "Pas de processus écrit" });
    revise(
        &app,
        &luc,
        "GE",
        "PRACTICE",
        &geneva["practice"],
        "Processus abandonné",
    )
    .await;

    // Geneva cannot see or change Zürich's profile: it does not exist for it.
    for (query, variables) in [
        (
            REVISE,
            json!({ "canton": "ZH", "section": "PRACTICE", "content": zurich["practice"], "note": "GE" }),
        ),
        (
            "{ cantonProfile(canton: \"ZH\", year: 2027) { revision } }",
            json!({}),
        ),
        (
            REPORT,
            json!({ "canton": "ZH", "figures": { "casesTotal": { "kind": "EXACT", "value": 1 } } }),
        ),
    ] {
        let error = refused(&app, &luc, query, variables).await;
        assert!(
            ["NOT_FOUND", "FORBIDDEN"].contains(&code(&error)),
            "{error}"
        );
    }
    let still = ok(
        &app,
        &anna,
        "{ cantonProfile(canton: \"ZH\", year: 2027) { revision } }",
        json!({}),
    )
    .await;
    assert_eq!(
        still["cantonProfile"]["revision"], 3,
        "Geneva's attempt changed nothing"
    );

    // Their 2026 figures: Zürich exact with the registered unemployed,
    // Geneva a range. A range with low above high is refused.
    let error = refused(&app, &luc, REPORT, json!({ "canton": "GE", "figures": { "casesTotal": { "kind": "RANGE", "low": 100, "high": 80 } } })).await;
    assert_eq!(code(&error), "VALIDATION", "{error}");
    assert_eq!(error["extensions"]["field"], "casesTotal");
    ok(
        &app,
        &anna,
        REPORT,
        json!({ "canton": "ZH", "figures": {
        "casesTotal": { "kind": "EXACT", "value": 412 },
        "registeredUnemployed": { "kind": "EXACT", "value": 25000 },
        "note": "Fälle mit Fallführung" } }),
    )
    .await;
    let reported = ok(
        &app,
        &luc,
        REPORT,
        json!({ "canton": "GE", "figures": {
        "casesTotal": { "kind": "RANGE", "low": 80, "high": 100, "asWritten": "80 – 100" } } }),
    )
    .await;
    assert_eq!(
        reported["reportKeyFigures"]["figures"]["casesTotal"],
        json!({ "kind": "RANGE", "value": null, "low": 80, "high": 100 })
    );

    // Both answer; Geneva sees that Zürich answered, not what.
    let answer = "mutation($canton: ID!) { answerPanoramaRound(year: 2027, canton: $canton, kind: UPDATED) { stage } }";
    ok(&app, &anna, answer, json!({ "canton": "ZH" })).await;
    ok(&app, &luc, answer, json!({ "canton": "GE" })).await;
    let seen = ok(&app, &luc, "{ panoramaRound(year: 2027) { answers { canton status contents { profile { revision } } } missing } }", json!({})).await;
    let answers = seen["panoramaRound"]["answers"].as_array().unwrap();
    let zh = answers.iter().find(|a| a["canton"] == "ZH").unwrap();
    assert_eq!(zh["status"], "UPDATED");
    assert!(
        zh["contents"].is_null(),
        "Geneva reads Zürich's answer: {zh}"
    );
    let ge = answers.iter().find(|a| a["canton"] == "GE").unwrap();
    assert_eq!(ge["contents"]["profile"]["revision"], 3);
    assert_eq!(
        seen["panoramaRound"]["missing"].as_array().unwrap().len(),
        24
    );

    // The Fachstelle closes and publishes; the published round is frozen.
    ok(
        &app,
        &petra,
        "mutation { closePanoramaRound(year: 2027) { stage } }",
        json!({}),
    )
    .await;
    let published = ok(
        &app,
        &petra,
        "mutation { publishPanoramaRound(year: 2027) { stage publishedOn } }",
        json!({}),
    )
    .await;
    assert_eq!(published["publishPanoramaRound"]["stage"], "PUBLISHED");
    let error = refused(&app, &anna, answer, json!({ "canton": "ZH" })).await;
    assert_ne!(code(&error), "", "{error}");

    // The national figures equal the count made here.
    let national = ok(&app, &luc, NATIONAL, json!({})).await["nationalPanoramaFigures"].clone();
    let counted = count(&[("GE", &geneva), ("ZH", &zurich)]);
    assert_eq!(
        codes(&national["considered"]["cantons"]),
        ["GE", "ZH"].map(str::to_owned).into()
    );
    assert_eq!(
        codes(&national["offices"]["withOffice"]["cantons"]),
        counted.with_office
    );
    assert!(counted.with_office.contains("ZH"));
    assert_eq!(
        by_key(&national["steeringInstitutions"]["byKind"], "kind"),
        counted.steering
    );
    assert_eq!(
        by_key(&national["documentedProcess"], "answer"),
        counted.documented
    );
    assert_eq!(
        by_key(&national["implementationTypes"], "implementationType"),
        counted.types
    );
    let counts = &national["caseCounts"];
    assert_eq!(counts["lowest"]["value"], 80);
    assert_eq!(
        codes(&counts["lowest"]["cantons"]["cantons"]),
        ["GE".to_owned()].into()
    );
    assert_eq!(counts["highest"]["value"], 412);
    assert_eq!(
        codes(&counts["highest"]["cantons"]["cantons"]),
        ["ZH".to_owned()].into()
    );
    let shares = &national["potentialShares"];
    // 412 / 25 000 = 1.648 % = 164.8 basis points, rounded half up.
    assert_eq!(
        shares["computed"],
        json!([{ "canton": "ZH", "cases": 412, "unemployed": 25000, "basisPoints": 165, "basis": "EXACT" }])
    );
    // Geneva gave no number of registered unemployed: nothing to divide by.
    assert_eq!(
        shares["notComputed"],
        json!([{ "canton": "GE", "reason": "NO_UNEMPLOYED_FIGURE" }])
    );

    // The published sections carry each canton's answer in its language.
    let sections = ok(&app, &anna, "{ panorama(year: 2027) { sections { canton status profile { summary { language } content } } } }", json!({})).await;
    let sections = sections["panorama"]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 26);
    let ge = sections.iter().find(|s| s["canton"] == "GE").unwrap();
    assert_eq!(ge["profile"]["summary"]["language"], "FR");
    assert_eq!(ge["profile"]["content"]["challenges"], geneva["challenges"]);
    assert_eq!(
        sections
            .iter()
            .filter(|s| s["status"] == "NO_ANSWER")
            .count(),
        24
    );

    // The 2020 panorama is unchanged by the new round.
    assert_eq!(
        ok(&app, &petra, PANORAMA_2020, json!({})).await,
        before_2020
    );
}
