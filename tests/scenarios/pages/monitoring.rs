//! The monitoring dashboard through the real server: the pipeline, the
//! acceptance and implementation per recommendation, implementation over
//! time and the two maps, each picture with its text alternative and its
//! table, for the national bodies and for a canton, in two languages.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, spawn_app};

use crate::on_both_backends;

const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
/// The demo recommendation addressed to all 26 cantons.
const TO_ALL_CANTONS: &str = "Klare Fallführung bei Mehrfachbetreuung";

/// Every picture of `page` is an image with a title and a description it
/// names, and has a table with a caption and headed rows and columns.
fn assert_charts_are_described(page: &Page, charts: &[&str]) {
    for chart in charts {
        let svg = format!("#{chart} svg.chart-svg");
        assert_eq!(page.attrs(&svg, "role").unwrap(), ["img"], "{chart}");
        assert_eq!(
            page.attrs(&svg, "aria-labelledby").unwrap(),
            [format!("{chart}-title {chart}-desc")]
        );
        assert!(!page.text(&format!("#{chart}-title")).unwrap().is_empty());
        assert!(!page.text(&format!("#{chart}-desc")).unwrap().is_empty());
        assert!(
            !page
                .text(&format!("#{chart} table caption"))
                .unwrap()
                .is_empty()
        );
        assert!(page.has(&format!("#{chart} thead th[scope=col]")).unwrap());
        assert!(page.has(&format!("#{chart} tbody th[scope=row]")).unwrap());
    }
}

/// The map's title of canton `code` (its name and value).
fn canton_title(page: &Page, map: &str, code: &str) -> String {
    page.text(&format!("#{map} path[data-canton={code}] title"))
        .unwrap()
}

async fn the_national_bodies_see_every_picture(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // An STG member, in Italian.
    let marco = Browser::new(&app).unwrap();
    marco.sign_in(MARCO, DEMO_PASSWORD).await.unwrap();
    let page = marco.get("/monitoring").await.unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(page.lang().unwrap(), "it");
    assert_eq!(page.text("h1").unwrap(), "Monitoraggio");
    assert_eq!(
        page.attrs("nav.main-nav a[aria-current=page]", "href")
            .unwrap(),
        ["/monitoring"]
    );
    let charts = [
        "pipeline",
        "acceptance",
        "over-time",
        "status-map",
        "concerns-map",
    ];
    assert_charts_are_described(&page, &charts);
    // The pipeline: a row per stage, Swiss numbers.
    let stages = page.texts("#pipeline tbody th").unwrap();
    assert_eq!(stages.len(), 15);
    assert!(stages.contains(&"Allo STG".to_owned()), "{stages:?}");
    // Acceptance per recommendation, with the legend of its categories.
    assert!(
        page.texts("#acceptance tbody th")
            .unwrap()
            .iter()
            .any(|title| title.starts_with(TO_ALL_CANTONS))
    );
    let legend = page.texts("#acceptance .chart-key li").unwrap();
    assert_eq!(legend.len(), 5);
    assert!(legend.contains(&"Attuata".to_owned()), "{legend:?}");
    // Both maps show the 26 cantons, each with its title and table row.
    for map in ["status-map", "concerns-map"] {
        let cantons = page
            .attrs(&format!("#{map} path.canton"), "data-canton")
            .unwrap();
        assert_eq!(cantons.len(), 26, "{map}");
        assert_eq!(page.texts(&format!("#{map} tbody tr")).unwrap().len(), 26);
    }
    assert!(canton_title(&page, "concerns-map", "GE").starts_with("Ginevra (GE): "));
    // The exports are linked.
    let links = page.links().unwrap();
    assert!(links.contains(&"/exports/recommendations/monitoring.csv".to_owned()));
    assert!(links.contains(&"/exports/recommendations/monitoring.json".to_owned()));

    // Choosing the recommendation to all cantons (a GET form) recolours
    // the map: Geneva implemented it, Zug never answered.
    let options = page.attrs("#recommendation option", "value").unwrap();
    let labels = page.texts("#recommendation option").unwrap();
    let chosen = options
        .iter()
        .zip(&labels)
        .find(|(_, label)| label.starts_with(TO_ALL_CANTONS))
        .map(|(value, _)| value.clone())
        .unwrap();
    let before = canton_title(&page, "status-map", "GE");
    let recoloured = marco
        .submit(&page, "form.map-choice", &[("recommendation", &chosen)])
        .await
        .unwrap();
    assert_eq!(recoloured.status, 200);
    assert_eq!(
        recoloured
            .attrs("#recommendation option[selected]", "value")
            .unwrap(),
        std::slice::from_ref(&chosen)
    );
    let after = canton_title(&recoloured, "status-map", "GE");
    assert_eq!(after, "Ginevra (GE): Attuata");
    assert_ne!(before, after);
    assert_eq!(
        canton_title(&recoloured, "status-map", "ZG"),
        "Zugo (ZG): Ancora nessuna risposta"
    );
    assert_ne!(
        page.attrs("#status-map path[data-canton=GE]", "fill")
            .unwrap(),
        recoloured
            .attrs("#status-map path[data-canton=GE]", "fill")
            .unwrap()
    );
    assert!(
        recoloured
            .text("#status-map caption")
            .unwrap()
            .contains(TO_ALL_CANTONS)
    );

    // The Fachstelle, in German: the same pictures and the summary.
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let page = petra
        .get(&format!("/monitoring?recommendation={chosen}"))
        .await
        .unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(page.lang().unwrap(), "de");
    assert_eq!(page.text("h1").unwrap(), "Monitoring");
    assert_charts_are_described(&page, &charts);
    assert!(page.texts(".monitoring-facts dt").unwrap().len() >= 4);
    assert_eq!(
        canton_title(&page, "status-map", "GE"),
        "Genf (GE): Umgesetzt"
    );
    assert_eq!(
        page.texts("#over-time .chart-key li").unwrap(),
        ["Zugesagt", "Umgesetzt"]
    );
    // An unknown choice falls back to the newest recommendation.
    let fallback = petra
        .get("/monitoring?recommendation=nonsense")
        .await
        .unwrap();
    assert_eq!(fallback.status, 200);
    assert_eq!(fallback.texts("#status-map path.canton").unwrap().len(), 26);
}

async fn a_canton_sees_its_own_part(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let page = anna.get("/monitoring").await.unwrap();
    assert_eq!(page.status, 200);
    // No national dashboard for a canton: no summary, no time series.
    assert!(!page.has(".monitoring-facts").unwrap());
    assert!(!page.has("#over-time").unwrap());
    assert_charts_are_described(&page, &["pipeline", "acceptance", "concerns-map"]);
    assert_eq!(
        page.attrs("#concerns-map path.canton", "data-canton")
            .unwrap()
            .len(),
        26
    );
}

on_both_backends!(
    the_national_bodies_see_every_picture,
    a_canton_sees_its_own_part,
);
