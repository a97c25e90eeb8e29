//! The recommendation pages end to end: the Fachstelle drafts, edits,
//! publishes and records the STG's decisions with their basis; a canton
//! answers and reports through the pages; the addressee table, the
//! timeline and the home page reflect each step, in the visitor's language.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, spawn_app};

use crate::on_both_backends;

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";

/// The demo recommendation the STG adopted and the Fachstelle has not
/// published yet; addressed to ZH and GE among others.
const ADOPTED: &str = "Abgestimmte Anrechnung von Zwischenverdiensten";

/// The address of the register's row titled `title`.
fn row_link(list: &Page, title: &str) -> String {
    let titles = list.texts("tbody th a").unwrap();
    let links = list.attrs("tbody th a", "href").unwrap();
    let index = titles
        .iter()
        .position(|found| found == title)
        .unwrap_or_else(|| panic!("no row «{title}» in {titles:?}"));
    links[index].clone()
}

/// The text of addressee `party`'s cell `css` in the addressee table.
fn cell(page: &Page, party: &str, css: &str) -> String {
    page.text(&format!("tr#addressee-{party} {css}")).unwrap()
}

async fn a_canton_answers_and_reports(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // The Fachstelle publishes the adopted recommendation.
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let adopted = petra.get("/recommendations?stage=adopted").await.unwrap();
    assert_eq!(adopted.status, 200);
    let href = row_link(&adopted, ADOPTED);
    let page = petra.get(&href).await.unwrap();
    assert_eq!(page.text("h1").unwrap(), ADOPTED);
    assert!(!page.has("form#answer-form").unwrap());
    let published = petra
        .submit(&page, "form[action$='/publish']", &[])
        .await
        .unwrap();
    assert_eq!(published.status, 200);
    assert_eq!(published.path, href);
    assert!(
        published
            .text("[role=status]")
            .unwrap()
            .contains("veröffentlicht")
    );
    assert_eq!(
        cell(&published, "ZH", "td.acceptance"),
        "Noch keine Antwort"
    );
    assert!(!published.has("form[action$='/publish']").unwrap());

    // The ZH coordinator sees it due on the home page.
    let anna = Browser::new(&app).unwrap();
    let home = anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    assert!(
        home.attrs("#home-due-recommendations ~ ul a", "href")
            .unwrap()
            .contains(&href),
        "{:?}",
        home.texts("#home-due-recommendations ~ ul li").unwrap()
    );

    // A rejection without a reason is refused: the choice is kept, the
    // error stands next to the justification.
    let page = anna.get(&href).await.unwrap();
    assert!(
        page.text("#rec-answer ~ .due")
            .unwrap()
            .contains("30.06.2027")
    );
    let refused = anna
        .submit(
            &page,
            "form#answer-form",
            &[("acceptance", "not_accepted"), ("justification", "")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused
            .attrs("#acceptance option[selected]", "value")
            .unwrap(),
        vec!["not_accepted".to_owned()]
    );
    assert!(refused.field_error("justification").unwrap().is_some());
    assert!(refused.has("#answer-errors").unwrap());
    assert_eq!(cell(&refused, "ZH", "td.acceptance"), "Noch keine Antwort");

    // ZH accepts, then reports: the addressee table shows each step.
    let answered = anna
        .submit(
            &refused,
            "form#answer-form",
            &[
                ("acceptance", "accepted"),
                (
                    "justification",
                    "Der Regierungsrat setzt die Anrechnung um.",
                ),
            ],
        )
        .await
        .unwrap();
    assert_eq!(answered.status, 200);
    assert_eq!(cell(&answered, "ZH", "td.acceptance"), "Angenommen");
    let reported = anna
        .submit(
            &answered,
            "form#report-form",
            &[
                ("status", "in_progress"),
                ("percent", "40"),
                (
                    "narrative",
                    "Die Sozialdienste rechnen im Pilot einheitlich an.",
                ),
            ],
        )
        .await
        .unwrap();
    assert_eq!(reported.status, 200, "{}", reported.html);
    assert!(cell(&reported, "ZH", "td.status").contains("In Umsetzung"));
    assert!(cell(&reported, "ZH", "td.status").contains("40%"));
    assert!(
        reported
            .text("[role=status]")
            .unwrap()
            .contains("Umsetzungsbericht")
    );
    // The timeline and the row's history say who did what, and why.
    let timeline = reported.texts("#rec-timeline ~ ol li").unwrap().join("\n");
    assert!(timeline.contains("ZH antwortet: Angenommen"), "{timeline}");
    assert!(timeline.contains("Anna Beispiel"), "{timeline}");
    assert!(timeline.contains("Vom STG verabschiedet"), "{timeline}");
    assert!(timeline.contains("Die Sozialdienste rechnen"), "{timeline}");
    let history = cell(&reported, "ZH", "details");
    assert!(history.contains("ZH berichtet: In Umsetzung"), "{history}");
    // The trace ends in each addressee's implementation.
    assert!(
        reported
            .texts("#rec-trace ~ ol li li")
            .unwrap()
            .iter()
            .any(|item| item.starts_with("ZH: Angenommen → In Umsetzung"))
    );

    // The Fachstelle tracks it: the ZH row as answered and reported.
    let tracked = petra.get(&href).await.unwrap();
    assert_eq!(cell(&tracked, "ZH", "td.acceptance"), "Angenommen");
    assert!(cell(&tracked, "ZH", "td.status").contains("In Umsetzung"));

    // Geneva, in French: its own forms; ZH's item is not shared with it.
    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let page = luc.get(&href).await.unwrap();
    assert_eq!(page.lang().unwrap(), "fr");
    assert_eq!(page.text("#rec-answer").unwrap(), "Réponse du destinataire");
    assert_eq!(
        page.attrs("#answer_addressee option", "value").unwrap(),
        vec!["GE".to_owned()]
    );
    assert_eq!(cell(&page, "GE", "td.acceptance"), "Pas encore de réponse");
    assert!(cell(&page, "ZH", "td").contains("pas partagés"));
}

async fn the_fachstelle_drafts_edits_and_records_decisions(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let list = petra.get("/recommendations").await.unwrap();
    let form = petra.get("/recommendations/new").await.unwrap();
    assert!(list.has("a[href='/recommendations/new']").unwrap());
    assert_eq!(form.text("h1").unwrap(), "Empfehlung entwerfen");

    // Without a title: the same form, what was typed kept, the error at
    // the title.
    let fields = [
        ("title", ""),
        (
            "text",
            "Die Kantone bieten Arbeitgebenden eine gemeinsame Ansprechperson.",
        ),
        (
            "rationale",
            "Arbeitgebende finden heute keine Anlaufstelle.",
        ),
        ("addressees", "ZH"),
        ("answer_due", "2027-12-31"),
    ];
    let refused = petra
        .submit(&form, "form#recommendation-form", &fields)
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("title").unwrap().is_some());
    assert!(
        refused
            .text("#rationale")
            .unwrap()
            .contains("keine Anlaufstelle")
    );
    assert_eq!(
        refused
            .attrs("input[name=addressees][checked]", "value")
            .unwrap(),
        vec!["ZH".to_owned()]
    );

    let drafted = petra
        .submit(
            &refused,
            "form#recommendation-form",
            &[("title", "Ansprechperson für Arbeitgebende")],
        )
        .await
        .unwrap();
    assert_eq!(drafted.status, 200, "{}", drafted.html);
    assert_eq!(
        drafted.text("h1").unwrap(),
        "Ansprechperson für Arbeitgebende"
    );
    assert!(drafted.text("[role=status]").unwrap().contains("Entwurf"));
    let href = drafted.path.clone();
    assert!(href.starts_with("/recommendations/"));

    // The draft is the Fachstelle's and the national bodies': a canton
    // does not find it.
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    assert_eq!(anna.get(&href).await.unwrap().status, 404);

    // Edited: the page shows the new title and both addressees.
    let edit = petra.get(&format!("{href}/edit")).await.unwrap();
    let edited = petra
        .submit(
            &edit,
            "form#recommendation-form",
            &[
                ("title", "Eine Ansprechperson für Arbeitgebende"),
                ("addressees", "ZH"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(edited.status, 200);
    assert_eq!(
        edited.text("h1").unwrap(),
        "Eine Ansprechperson für Arbeitgebende"
    );
    let timeline = edited.texts("#rec-timeline ~ ol li").unwrap().join("\n");
    assert!(timeline.contains("Entwurf geändert"), "{timeline}");
    assert!(timeline.contains("Petra Muster"), "{timeline}");

    // The STG adopts as a body: an adoption naming no decision of the STG
    // on this recommendation is refused, the input kept.
    let meeting = "00000000-0000-7000-8000-000000000001";
    let refused = petra
        .submit(
            &edited,
            "form#decision-form",
            &[
                ("decision_kind", "adopt"),
                ("decision_text", "Das STG verabschiedet die Empfehlung."),
                ("basis_meeting", meeting),
                ("basis_item", "3"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.has("#decision-errors").unwrap());
    assert_eq!(
        refused.attrs("#basis_meeting", "value").unwrap(),
        vec![meeting.to_owned()]
    );
    // Neither a meeting with its item nor a resolution: the basis field.
    let incomplete = petra
        .submit(
            &refused,
            "form#decision-form",
            &[("basis_meeting", ""), ("basis_item", "")],
        )
        .await
        .unwrap();
    assert_eq!(incomplete.status, 422);
    assert!(incomplete.field_error("basis_meeting").unwrap().is_some());
    assert_eq!(
        incomplete.text("h1").unwrap(),
        "Eine Ansprechperson für Arbeitgebende"
    );

    // A new version of a published recommendation is the STG's decision
    // too: without its basis the form comes back, the new text kept.
    let published = petra.get("/recommendations?stage=published").await.unwrap();
    let first = published.attrs("tbody th a", "href").unwrap()[0].clone();
    let amend = petra.get(&format!("{first}/amend")).await.unwrap();
    assert_eq!(
        amend.text("h1").unwrap(),
        "Neue Fassung der Empfehlung erfassen"
    );
    let refused = petra
        .submit(
            &amend,
            "form#recommendation-form",
            &[
                (
                    "text",
                    "Die neue Fassung verlangt eine Anlaufstelle je Kanton.",
                ),
                ("decision", "Das STG beschliesst die neue Fassung."),
                ("summary", "Eine Anlaufstelle je Kanton."),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("basis_meeting").unwrap().is_some());
    assert!(refused.text("#text").unwrap().contains("je Kanton"));
}

async fn pages_in_two_languages(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // The STG member reads Italian: the register and a recommendation
    // with its trace from the concerns on.
    let marco = Browser::new(&app).unwrap();
    marco.sign_in(MARCO, DEMO_PASSWORD).await.unwrap();
    let list = marco.get("/recommendations").await.unwrap();
    assert_eq!(list.lang().unwrap(), "it");
    assert_eq!(list.text("h1").unwrap(), "Raccomandazioni");
    assert!(list.text("table caption").unwrap().contains("STG"));
    assert!(
        list.has("nav.main-nav a[href='/recommendations'][aria-current=page]")
            .unwrap()
    );
    let published = marco.get("/recommendations?stage=published").await.unwrap();
    let links = published.attrs("tbody th a", "href").unwrap();
    assert!(!links.is_empty());
    assert!(
        published
            .texts("tbody td .badge")
            .unwrap()
            .iter()
            .all(|badge| badge == "Pubblicata")
    );
    let mut traced = false;
    for link in &links {
        let page = marco.get(link).await.unwrap();
        assert_eq!(page.status, 200);
        assert_eq!(page.lang().unwrap(), "it");
        assert!(page.has("table.addressees caption").unwrap());
        traced |= page.has("#rec-trace ~ ol a[href^='/concerns/']").unwrap();
    }
    assert!(traced, "a published demo recommendation rests on a concern");

    // The ZH coordinator, in German, filters by addressee.
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let list = anna.get("/recommendations?addressee=ZH").await.unwrap();
    assert_eq!(list.lang().unwrap(), "de");
    assert_eq!(list.text("h1").unwrap(), "Empfehlungen");
    assert!(!list.texts("tbody tr").unwrap().is_empty());
    assert!(!list.has("a[href='/recommendations/new']").unwrap());
    assert_eq!(
        anna.get("/recommendations?stage=nonsense")
            .await
            .unwrap()
            .status,
        400
    );
}

on_both_backends!(
    a_canton_answers_and_reports,
    the_fachstelle_drafts_edits_and_records_decisions,
    pages_in_two_languages,
);
