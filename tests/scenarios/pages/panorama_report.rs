//! The panorama reports through the real server, without JavaScript: the
//! published 2020 panorama (its national figures list the cantons behind
//! them, as the app computes them; Geneva's section in French; a range and
//! a "k.A." shown as reported), its print page without navigation, the
//! comparison side by side and, once the test publishes the demo's 2026
//! round, the change between the two rounds; the 2020 panorama unchanged.

use iiz_app::authz::Principal;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_domain::panorama::Year;
use iiz_domain::panorama::national::{Cantons, NationalFigures};
use iiz_domain::{PersonId, TenantId, TenantRole};
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, TestApp, spawn_app};

use crate::on_both_backends;

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

fn year(value: u16) -> Year {
    Year::parse(value).unwrap()
}

/// Someone of the Fachstelle, for the app's own answer.
fn fachstelle() -> Principal {
    Principal {
        person: PersonId::new(),
        home: TenantId::National,
        roles: [(TenantId::National, TenantRole::Office)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

async fn national_figures(app: &TestApp, at: u16) -> NationalFigures {
    let office = fachstelle();
    app.app()
        .caller(Some(&office))
        .national_figures(year(at))
        .await
        .unwrap()
}

fn codes(cantons: &Cantons) -> Vec<String> {
    cantons.iter().map(ToString::to_string).collect()
}

/// The cantons the page lists behind one key of one figure.
fn behind(page: &Page, figure: &str, key: &str) -> Vec<String> {
    let row = format!("table[data-figure={figure}] tr[data-key=\"{key}\"]");
    assert!(page.has(&row).unwrap(), "no row {row}");
    page.attrs(&format!("{row} td.cantons a"), "data-canton")
        .unwrap()
}

fn count(page: &Page, figure: &str, key: &str) -> String {
    page.text(&format!(
        "table[data-figure={figure}] tr[data-key=\"{key}\"] td.count"
    ))
    .unwrap()
}

/// Every figure of the page against the app's national figures.
fn figures_match(page: &Page, figures: &NationalFigures) {
    let pairs = [
        ("offices", "with_office", &figures.offices.with_office),
        ("offices", "without_office", &figures.offices.without_office),
        (
            "steering_institutions",
            "not_stated",
            &figures.steering_institutions.not_stated,
        ),
        (
            "coordinator_seats",
            "not_stated",
            &figures.coordinator_seats.not_stated,
        ),
        ("case_counts", "counted", &figures.case_counts.counted),
        (
            "case_counts",
            "without_count",
            &figures.case_counts.without_count,
        ),
        (
            "potential_shares",
            "without_figures",
            &figures.potential_shares.without_figures,
        ),
    ];
    for (figure, key, cantons) in pairs {
        assert_eq!(behind(page, figure, key), codes(cantons), "{figure} {key}");
        assert_eq!(count(page, figure, key), cantons.len().to_string());
    }
    for (kind, cantons) in &figures.steering_institutions.by_kind {
        assert_eq!(
            behind(page, "steering_institutions", kind.as_str()),
            codes(cantons)
        );
    }
    for (answer, cantons) in &figures.documented_process {
        let key = serde_json::to_value(answer).unwrap();
        assert_eq!(
            behind(page, "documented_process", key.as_str().unwrap()),
            codes(cantons)
        );
    }
    for (kind, cantons) in &figures.implementation_types {
        let key = serde_json::to_value(kind).unwrap();
        assert_eq!(
            behind(page, "implementation_types", key.as_str().unwrap()),
            codes(cantons)
        );
    }
    for (key, extreme) in [
        ("lowest", &figures.case_counts.lowest),
        ("highest", &figures.case_counts.highest),
    ] {
        let extreme = extreme.as_ref().unwrap();
        assert_eq!(behind(page, "case_counts", key), codes(&extreme.cantons));
        let value = page
            .text(&format!(
                "table[data-figure=case_counts] tr[data-key={key}] td.value"
            ))
            .unwrap();
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        assert_eq!(digits, extreme.value.to_string());
    }
    for canton in figures.potential_shares.computed.keys() {
        assert_eq!(
            behind(page, "potential_shares", canton.as_str()),
            [canton.to_string()]
        );
    }
}

async fn the_published_panorama_is_generated_from_the_data(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let page = petra.get("/panorama/2020").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.html);
    assert_eq!(page.lang().unwrap(), "de");
    assert_eq!(page.text("h1").unwrap(), "Panorama 2020");
    let figures = national_figures(&app, 2020).await;
    assert_eq!(figures.considered.len(), 21);
    figures_match(&page, &figures);
    assert_eq!(
        page.texts("table.national").unwrap().len(),
        7,
        "every national figure"
    );

    // Geneva's section in French, Zürich's in German.
    assert_eq!(page.attrs("#canton-GE", "lang").unwrap(), ["fr"]);
    assert_eq!(page.text("#canton-GE h2").unwrap(), "Genève (GE)");
    assert_eq!(page.text("#canton-GE .answer-kind").unwrap(), "Mis à jour");
    assert!(
        page.texts("#canton-GE h3")
            .unwrap()
            .contains(&"Pratique".to_owned())
    );
    assert_eq!(page.attrs("#canton-ZH", "lang").unwrap(), ["de"]);
    // Figures as reported: Schaffhausen's range, Basel-Landschaft's "k.A.".
    let range = "#canton-SH tr[data-year=\"2019\"] td.cases-total";
    assert_eq!(
        page.attrs(&format!("{range} .figure"), "data-kind")
            .unwrap(),
        ["range"]
    );
    assert_eq!(page.text(&format!("{range} .figure")).unwrap(), "80–100");
    assert!(
        page.text(&format!("{range} .as-written"))
            .unwrap()
            .contains("80 – 100 Fälle pro Jahr")
    );
    let missing = "#canton-BL tr[data-year=\"2019\"] td.cases-total .figure";
    assert_eq!(page.attrs(missing, "data-kind").unwrap(), ["not_available"]);
    assert_eq!(page.text(missing).unwrap(), "k.A.");
    // Tables are described for assistive technology.
    assert!(page.has("table.canton-figures caption").unwrap());
    assert!(
        page.has("table.canton-figures tbody th[scope=row]")
            .unwrap()
    );
    // The print page, the comparison and the six exports are linked.
    let links = page.links().unwrap();
    for link in [
        "/panorama/2020/print",
        "/exports/panorama/2020/profiles.csv",
        "/exports/panorama/2020/profiles.json",
        "/exports/panorama/2020/figures.csv",
        "/exports/panorama/2020/figures.json",
        "/exports/panorama/2020/national.csv",
        "/exports/panorama/2020/national.json",
        "/cantons/GE/profile/2020",
    ] {
        assert!(links.contains(&link.to_owned()), "{link}");
    }

    // The printable page: the same content, no navigation at all.
    let print = petra.get("/panorama/2020/print").await.unwrap();
    assert_eq!(print.status, 200);
    assert!(!print.has("nav").unwrap());
    assert!(!print.has(".site-header").unwrap());
    assert_eq!(print.text("h1").unwrap(), "Panorama 2020");
    assert_eq!(print.attrs("#canton-GE", "lang").unwrap(), ["fr"]);
    figures_match(&print, &figures);
    let sheets = print.attrs("link[rel=stylesheet]", "href").unwrap();
    let sheet = sheets
        .iter()
        .find(|href| href.contains("panorama-print"))
        .unwrap();
    let css = app.get(sheet).await.unwrap().text().await.unwrap();
    assert!(css.contains("@media print"), "{css}");
    assert!(css.contains(".canton-section { break-before: page; }"));

    // A round not published, a year never kept, no year at all: no page.
    for path in ["/panorama/2026", "/panorama/1999", "/panorama/zwanzig"] {
        assert_eq!(petra.get(path).await.unwrap().status, 404, "{path}");
    }
    assert_eq!(petra.get("/panorama/2026/print").await.unwrap().status, 404);
    // Signed out, the page asks to sign in first.
    let stranger = Browser::new(&app).unwrap();
    let signin = stranger.get("/panorama/2020").await.unwrap();
    assert!(signin.path.starts_with("/signin"), "{}", signin.path);
}

async fn cantons_compare_side_by_side_and_across_rounds(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let form = luc.get("/panorama/compare").await.unwrap();
    assert_eq!(form.status, 200);
    assert_eq!(form.lang().unwrap(), "fr");
    assert!(!form.has("table.side-by-side").unwrap());
    assert_eq!(form.attrs("input[name=canton]", "value").unwrap().len(), 26);
    let compared = luc
        .submit(
            &form,
            "form.compare-choice",
            &[
                ("field", "bodies"),
                ("year", "2020"),
                ("canton", "VD"),
                ("canton", "GE"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(compared.status, 200, "{}", compared.html);
    assert_eq!(
        compared
            .attrs("table.side-by-side thead th", "data-canton")
            .unwrap(),
        ["GE", "VD"]
    );
    assert_eq!(
        compared
            .attrs("table.side-by-side tbody td", "lang")
            .unwrap(),
        ["fr", "fr"]
    );
    let cells = compared.texts("table.side-by-side tbody td").unwrap();
    assert!(cells[1].contains("COPIL"), "{cells:?}");
    assert_eq!(
        compared
            .attrs("input[name=canton][checked]", "value")
            .unwrap(),
        ["GE", "VD"]
    );

    // Refused next to the field, nothing compared.
    let none = luc
        .get("/panorama/compare?field=bodies&year=2020")
        .await
        .unwrap();
    assert_eq!(none.status, 422);
    assert!(none.field_error("canton").unwrap().is_some());
    assert!(!none.has("table.side-by-side").unwrap());
    let unknown = luc
        .get("/panorama/compare?field=salary&year=2020&canton=GE")
        .await
        .unwrap();
    assert_eq!(unknown.status, 422);
    assert!(unknown.field_error("field").unwrap().is_some());
    let unpublished = luc
        .get("/panorama/compare?field=office&year=2026&canton=GE")
        .await
        .unwrap();
    assert_eq!(unpublished.status, 422);
    assert!(unpublished.field_error("year").unwrap().is_some());

    // The Fachstelle closes and publishes the demo's 2026 round.
    let before = national_figures(&app, 2020).await;
    let office = fachstelle();
    let caller = app.app().caller(Some(&office));
    caller.close_panorama_round(year(2026)).await.unwrap();
    caller.publish_panorama_round(year(2026)).await.unwrap();

    let changes = luc
        .get(
            "/panorama/compare?field=office&year=2026&canton=ZH&canton=GE&canton=AG&from=2020&to=2026",
        )
        .await
        .unwrap();
    assert_eq!(changes.status, 200, "{}", changes.html);
    let changed = |code: &str| {
        changes
            .attrs(
                &format!("table.round-changes tr[data-canton={code}] td.changed"),
                "data-changed",
            )
            .unwrap()
    };
    // Zürich attached its office to the AWA; Geneva's office is the same;
    // Aargau answered in 2020 and not in 2026.
    assert_eq!(changed("ZH"), ["true"]);
    assert_eq!(changed("GE"), ["false"]);
    assert_eq!(changed("AG"), ["true"]);
    let zurich = changes
        .texts("table.round-changes tr[data-canton=ZH] td")
        .unwrap();
    assert!(zurich[1].contains("AWA"), "{zurich:?}");
    assert!(!zurich[0].contains("AWA"));
    assert_eq!(
        changes
            .text("table.round-changes tr[data-canton=AG] td:nth-of-type(2)")
            .unwrap(),
        "Pas de réponse"
    );
    let same = luc
        .get("/panorama/compare?field=office&year=2026&canton=ZH&from=2026&to=2026")
        .await
        .unwrap();
    assert_eq!(same.status, 422);
    assert!(same.field_error("to").unwrap().is_some());

    // The 2026 panorama: Aargau without an answer; the 2020 panorama as it was.
    let page = luc.get("/panorama/2026").await.unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(
        page.text("#canton-AG .no-answer").unwrap(),
        "Pas de réponse"
    );
    assert!(
        page.attrs("p.without-answer abbr", "title")
            .unwrap()
            .contains(&"Argovie".to_owned())
    );
    let after = national_figures(&app, 2020).await;
    assert_eq!(before, after);
    let again = luc.get("/panorama/2020").await.unwrap();
    figures_match(&again, &before);
}

on_both_backends!(
    the_published_panorama_is_generated_from_the_data,
    cantons_compare_side_by_side_and_across_rounds,
);
