//! Meetings, bodies and circular resolutions through the pages only: the
//! Fachstelle schedules an EKG meeting, prepares its agenda (adds items
//! about a concern, reorders, withdraws), sends it and records the
//! minutes with a decision whose effect the concern takes at once; an STG
//! member answers a circular resolution on its page; refused forms keep
//! what was typed and show the error at the field; the pages speak the
//! visitor's language.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::meetings::swiss_today;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, spawn_app};
use serde_json::json;

use crate::on_both_backends;
use crate::requests::ok;

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

/// The value of the first option of select `css` whose text contains `text`.
fn option(page: &Page, css: &str, text: &str) -> String {
    let values = page.attrs(&format!("{css} option"), "value").unwrap();
    let texts = page.texts(&format!("{css} option")).unwrap();
    values
        .into_iter()
        .zip(texts)
        .find(|(_, label)| label.contains(text))
        .map(|(value, _)| value)
        .unwrap_or_else(|| panic!("no option «{text}» on {}", page.path))
}

async fn the_fachstelle_prepares_an_agenda_and_records_a_decision(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let ekg = seeded_body_id(TenantId::National, "EKG");

    // From the EKG's page to the schedule form, the body chosen.
    let body = petra.get(&format!("/bodies/{ekg}")).await.unwrap();
    assert_eq!(body.status, 200);
    assert!(body.has("table caption").unwrap());
    let schedule = body.links().unwrap();
    let schedule = schedule
        .iter()
        .find(|href| href.starts_with("/meetings/new"))
        .expect("the secretariat schedules from the body page");
    let form = petra.get(schedule).await.unwrap();
    assert_eq!(
        form.attrs("#body option[selected]", "value").unwrap(),
        vec![ekg.to_string()]
    );

    // Refused: no title. The place typed stays, the error is at the title.
    let today = swiss_today().to_string();
    let refused = petra
        .submit(
            &form,
            "form[action='/meetings/new']",
            &[
                ("title", " "),
                ("day", &today),
                ("place", "Bern, Holzikofenweg 36"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("title").unwrap().is_some());
    assert_eq!(
        refused.attrs("#place", "value").unwrap(),
        vec!["Bern, Holzikofenweg 36".to_owned()]
    );
    let meeting = petra
        .submit(
            &refused,
            "form[action='/meetings/new']",
            &[
                ("title", "EKG-Sitzung 5/2026"),
                ("starts", "07:00"),
                ("ends", "08:00"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(meeting.status, 200, "{}", meeting.html);
    assert!(meeting.path.starts_with("/meetings/"));
    assert_eq!(meeting.text("h1").unwrap(), "EKG-Sitzung 5/2026");
    assert!(meeting.text("[role=status]").unwrap().contains("angesetzt"));
    let id = meeting.path.trim_start_matches("/meetings/").to_owned();

    // The agenda: an item about a concern before the EKG, a greeting
    // moved before it, and a withdrawn item.
    let new_item = petra
        .get(&format!("/meetings/{id}/items/new"))
        .await
        .unwrap();
    // A concern the EKG examines (not one the STG referred back to it).
    let concern = option(&new_item, "#subject", "(Beim EKG)");
    let concern_id = concern.trim_start_matches("concern:").to_owned();
    let items = format!("form[action='/meetings/{id}/items']");
    for (title, subject) in [
        ("Anliegen an die EKG", concern.as_str()),
        ("Begrüssung", "free"),
        ("Varia", "free"),
    ] {
        let added = petra
            .submit(&new_item, &items, &[("title", title), ("subject", subject)])
            .await
            .unwrap();
        assert_eq!(added.status, 200, "{}", added.html);
    }
    let page = petra.get(&format!("/meetings/{id}")).await.unwrap();
    let moved = petra
        .submit(
            &page,
            &format!("form[action='/meetings/{id}/items/2/up']"),
            &[],
        )
        .await
        .unwrap();
    let sent = petra
        .submit(&moved, &format!("form[action='/meetings/{id}/send']"), &[])
        .await
        .unwrap();
    assert!(
        sent.text("dl.facts")
            .unwrap()
            .contains("Version 1 versandt")
    );
    // Once sent, a withdrawal is a visible revision: refused without its
    // reason, on the meeting page itself; then done with it.
    let withdraw = format!("form[action='/meetings/{id}/items/3/withdraw']");
    let refused = petra.submit(&sent, &withdraw, &[]).await.unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.has("#form-errors").unwrap());
    assert_eq!(refused.text("h1").unwrap(), "EKG-Sitzung 5/2026");
    let withdrawn = petra
        .submit(
            &refused,
            &format!("form[action='/meetings/{id}/items/3/withdraw']"),
            &[("reason", "Keine Varia")],
        )
        .await
        .unwrap();
    let titles = withdrawn.texts(".agenda-item h3").unwrap();
    assert!(titles[0].starts_with("1. Begrüssung"), "{titles:?}");
    assert!(
        titles[1].starts_with("2. Anliegen an die EKG"),
        "{titles:?}"
    );
    assert!(titles[2].contains("Varia") && titles[2].contains("Zurückgezogen"));
    assert!(
        withdrawn
            .has(&format!("#item-2 a[href='/concerns/{concern_id}']"))
            .unwrap()
    );
    assert!(
        withdrawn
            .text("dl.facts")
            .unwrap()
            .contains("seither geändert")
    );

    // The minutes: refused without the working group's name, what was
    // typed kept; then the EKG proposes the concern to the STG.
    let minutes = petra
        .get(&format!("/meetings/{id}/items/2/minutes"))
        .await
        .unwrap();
    let record = format!("form[action='/meetings/{id}/items/2/minutes']");
    let outcome = "Die EKG beantragt dem STG eine Empfehlung.";
    let refused = petra
        .submit(
            &minutes,
            &record,
            &[
                ("outcome", outcome),
                ("effect", "examine"),
                ("ekg_outcome", "give_to_working_group"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("working_group").unwrap().is_some());
    assert_eq!(refused.text("#outcome").unwrap(), outcome);
    let decided = petra
        .submit(
            &refused,
            &record,
            &[
                ("ekg_outcome", "propose_to_stg"),
                ("stg_outcome", "recommendation"),
                ("rationale", "Betrifft mehrere Kantone"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(decided.status, 200, "{}", decided.html);
    let trace = decided.text("ol.trace").unwrap();
    assert!(trace.contains("Beim STG"), "{trace}");
    assert!(trace.contains("Ausgeführt"), "{trace}");
    let timeline = decided.texts("ol.timeline li").unwrap().join(" | ");
    assert!(timeline.contains("Traktandum 2"), "{timeline}");
    assert!(timeline.contains("Betrifft mehrere Kantone"), "{timeline}");
    assert!(timeline.contains("Keine Varia"), "{timeline}");

    // The concern's timeline cites the meeting's item.
    let session = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let data = ok(
        &app,
        &session,
        "query($id: ID!) { concern(id: $id) { stage timeline { decidedBy { meeting item } } } }",
        json!({ "id": concern_id }),
    )
    .await;
    assert_eq!(data["concern"]["stage"], "AT_STG");
    let cited = data["concern"]["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .any(|entry| {
            entry["decidedBy"]["meeting"] == id.as_str() && entry["decidedBy"]["item"] == 2
        });
    assert!(cited, "{data}");
}

async fn a_stg_member_answers_a_circular_resolution(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let stg = seeded_body_id(TenantId::National, "STG");
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let form = petra
        .get(&format!("/bodies/{stg}/resolutions/new"))
        .await
        .unwrap();
    assert_eq!(form.status, 200);
    let action = format!("form[action='/bodies/{stg}/resolutions/new']");
    let refused = petra
        .submit(
            &form,
            &action,
            &[("title", "Jahresbericht 2026 genehmigen")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("decision").unwrap().is_some());
    assert_eq!(
        refused.attrs("#title", "value").unwrap(),
        vec!["Jahresbericht 2026 genehmigen".to_owned()]
    );
    let proposed = petra
        .submit(
            &refused,
            &action,
            &[("decision", "Das STG genehmigt den Jahresbericht 2026.")],
        )
        .await
        .unwrap();
    assert_eq!(proposed.status, 200, "{}", proposed.html);
    assert!(proposed.path.starts_with("/resolutions/"));
    let path = proposed.path.clone();

    // Marco reads Italian; his answer is missing at first, then refused
    // without a vote (the comment kept), then recorded.
    let marco = Browser::new(&app).unwrap();
    let home = marco.sign_in(MARCO, DEMO_PASSWORD).await.unwrap();
    assert!(home.links().unwrap().contains(&path));
    let page = marco.get(&path).await.unwrap();
    assert_eq!(page.lang().unwrap(), "it");
    assert_eq!(page.text("h1").unwrap(), "Jahresbericht 2026 genehmigen");
    assert!(
        page.text("table")
            .unwrap()
            .contains("Ancora nessuna risposta")
    );
    let answer = format!("form[action='{path}/answer']");
    let refused = marco
        .submit(&page, &answer, &[("comment", "Va bene così.")])
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("vote").unwrap().is_some());
    assert_eq!(refused.text("#comment").unwrap(), "Va bene così.");
    let answered = marco
        .submit(&refused, &answer, &[("vote", "yes")])
        .await
        .unwrap();
    assert_eq!(answered.status, 200);
    assert!(
        answered
            .text("[role=status]")
            .unwrap()
            .contains("registrata")
    );
    let voters = answered.texts("table tbody tr").unwrap();
    assert!(
        voters.iter().any(|row| row.contains("Marco")
            && row.contains("Sì")
            && row.contains("Va bene così.")),
        "{voters:?}"
    );
    // The Fachstelle sees the answer in German.
    let seen = petra.get(&path).await.unwrap();
    assert!(
        seen.texts("table tbody tr")
            .unwrap()
            .iter()
            .any(|row| row.contains("Marco") && row.contains("Ja"))
    );
}

async fn the_pages_speak_the_visitors_language(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    for (email, meetings, bodies) in [(ANNA, "Sitzungen", "Gremien"), (LUC, "Séances", "Organes")]
    {
        let browser = Browser::new(&app).unwrap();
        browser.sign_in(email, DEMO_PASSWORD).await.unwrap();
        let list = browser.get("/meetings").await.unwrap();
        assert_eq!(list.status, 200);
        assert_eq!(list.text("h1").unwrap(), meetings);
        assert!(
            list.has("nav.main-nav a[href='/meetings'][aria-current='page']")
                .unwrap()
        );
        assert!(list.has("a[href='/calendar/me.ics']").unwrap());
        let list_bodies = browser.get("/bodies").await.unwrap();
        assert_eq!(list_bodies.text("h1").unwrap(), bodies);
        let mut visited = vec![list.clone(), list_bodies.clone()];
        let links = list.links().unwrap();
        let meeting = links
            .iter()
            .find(|href| href.starts_with("/meetings/") && !href.ends_with("/new"))
            .expect("the demo's meetings are listed");
        visited.push(browser.get(meeting).await.unwrap());
        let links = list_bodies.links().unwrap();
        for prefix in ["/bodies/", "/networks/"] {
            let href = links
                .iter()
                .find(|href| href.starts_with(prefix))
                .unwrap_or_else(|| panic!("no {prefix} link"));
            visited.push(browser.get(href).await.unwrap());
        }
        for page in visited {
            assert_eq!(page.status, 200, "{}", page.path);
            assert_eq!(
                page.lang().unwrap(),
                if email == ANNA { "de" } else { "fr" }
            );
            assert_eq!(page.texts("h1").unwrap().len(), 1, "{}", page.path);
            // No text key shows instead of its text, no raw timestamp.
            for key in ["meetings-", "bodies-", "resolutions-"] {
                assert!(
                    !page.text("main").unwrap().contains(key),
                    "{} shows a key",
                    page.path
                );
            }
            assert_eq!(
                page.texts("table").unwrap().len(),
                page.texts("table caption").unwrap().len(),
                "every table of {} has a caption",
                page.path
            );
        }
    }
}

on_both_backends!(
    the_fachstelle_prepares_an_agenda_and_records_a_decision,
    a_stg_member_answers_a_circular_resolution,
    the_pages_speak_the_visitors_language,
);
