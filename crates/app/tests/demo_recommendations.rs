//! The demo data holds recommendations in every stage, with answers,
//! reports over several periods, an amendment, flags and a priority; the
//! published one that carries out an STG decision answered its concern;
//! the national dashboard has something to show; loading twice adds
//! nothing.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeMap;

use common::{all, fachstelle};
use iiz_app::App;
use iiz_app::recommendations::today;
use iiz_domain::concern::ConcernStage;
use iiz_domain::recommendation::{Acceptance, ImplementationStatus, RecommendationStage};
use iiz_domain::{CantonCode, Language, Party, TenantId};
use iiz_projections::{
    CONCERNS, ConcernView, MonitoringPolicy, RECOMMENDATIONS, RecommendationView,
};
use iiz_store::EventStore;
use iiz_store::testing::TestDatabase;

fn canton(code: &str) -> Party {
    Party::Tenant(TenantId::Canton(CantonCode::parse(code).unwrap()))
}

async fn demo_recommendations_cover_every_stage_once(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let report = app.load_demo().await.unwrap();
    let views: Vec<RecommendationView> = all(&app, RECOMMENDATIONS).await;
    assert_eq!(views.len(), report.recommendations);
    assert!(report.recommendations >= 5, "{}", report.recommendations);

    let mut stages = BTreeMap::new();
    for view in &views {
        *stages.entry(view.stage).or_insert(0_usize) += 1;
    }
    for stage in [
        RecommendationStage::Draft,
        RecommendationStage::Adopted,
        RecommendationStage::Published,
        RecommendationStage::Closed,
        RecommendationStage::Superseded,
    ] {
        assert!(
            stages.contains_key(&stage),
            "no demo recommendation is {stage}: {stages:?}"
        );
    }
    assert!(views.iter().any(|view| view.language == Language::Fr));
    assert!(
        views
            .iter()
            .filter(|view| view.translations.contains_key(&Language::Fr))
            .count()
            >= 2
    );
    let by_title = |words: &str| {
        views
            .iter()
            .find(|view| view.title.contains(words))
            .unwrap_or_else(|| panic!("no demo recommendation «{words}»"))
    };

    // Amended after reports to version 1: two versions, an added addressee.
    let amended = views.iter().find(|view| view.version == 2).unwrap();
    assert_eq!(amended.stage, RecommendationStage::Published);
    let second = &amended.versions[1];
    assert!(
        second.summary.is_some() && !second.added.is_empty(),
        "{second:?}"
    );

    // The superseded one names its published successor.
    let superseded = views
        .iter()
        .find(|view| view.stage == RecommendationStage::Superseded)
        .unwrap();
    let successor = views
        .iter()
        .find(|view| Some(view.id) == superseded.superseded_by)
        .unwrap();
    assert_eq!(successor.stage, RecommendationStage::Published);
    assert!(
        views
            .iter()
            .any(|view| view.stage == RecommendationStage::Closed && view.assessment.is_some())
    );

    // Publishing the recommendation answered the concern it carries out;
    // the one adopted but not yet published leaves its concern decided.
    let data_exchange = by_title("Datenaustausch zwischen Sozialdiensten und RAV");
    assert_eq!(successor.id, data_exchange.id);
    let concerns: Vec<ConcernView> = all(&app, CONCERNS).await;
    let concern = |title: &str| concerns.iter().find(|view| view.title == title).unwrap();
    let answered = concern("Datenaustausch zwischen Sozialdiensten und RAV");
    assert_eq!(answered.stage, ConcernStage::Answered);
    let answer = answered.answer.as_ref().unwrap();
    assert_eq!(answer.recommendation, Some(data_exchange.id));
    assert!(data_exchange.basis.concerns.contains(&answered.id));
    let interim = by_title("Zwischenverdiensten");
    assert_eq!(interim.stage, RecommendationStage::Adopted);
    let waiting =
        concern("Zwischenverdienst: Anrechnung in Sozialhilfe und Arbeitslosenversicherung");
    assert_eq!(waiting.stage, ConcernStage::Decided);

    // The recommendation to all cantons: every kind of answer, reports up
    // to implementation, a shared narrative, flags and a priority.
    let principal = fachstelle();
    let caller = app.caller(Some(&principal));
    let all_cantons = by_title("Fallführung");
    assert_eq!(all_cantons.addressees.len(), 27);
    let tracking = caller
        .recommendation_tracking(all_cantons.id, today())
        .await
        .unwrap();
    let acceptance = &tracking.distribution.acceptance;
    for kind in Acceptance::ALL {
        assert!(
            acceptance.contains_key(&kind),
            "no answer {kind:?}: {acceptance:?}"
        );
    }
    assert!(tracking.overdue_count >= 15, "{}", tracking.overdue_count);
    let zurich = tracking
        .items
        .iter()
        .find(|tracked| tracked.item.addressee == canton("ZH"))
        .unwrap();
    let statuses: Vec<_> = zurich
        .item
        .reports
        .iter()
        .map(|report| report.status)
        .collect();
    assert_eq!(
        statuses,
        [
            ImplementationStatus::Planned,
            ImplementationStatus::InProgress,
            ImplementationStatus::Implemented
        ]
    );
    assert!(zurich.item.shareable);
    assert!(
        zurich
            .item
            .reports
            .iter()
            .any(|report| !report.evidence.is_empty())
    );

    let dashboard = caller
        .recommendation_dashboard(today(), MonitoringPolicy::default())
        .await
        .unwrap();
    assert!(!dashboard.overdue.is_empty());
    assert!(
        dashboard
            .flagged
            .iter()
            .any(|flag| flag.addressee.is_none())
    );
    assert!(
        dashboard
            .flagged
            .iter()
            .any(|flag| flag.addressee.is_some())
    );
    assert!(!dashboard.priority.is_empty());
    assert!(dashboard.distribution.implemented() > 0);
    assert!(dashboard.open_recommendations >= 2);

    // A second load adds nothing.
    let head = app.store().head().await.unwrap();
    let again = app.load_demo().await.unwrap();
    assert_eq!(again.recommendations, 0);
    assert_eq!(app.store().head().await.unwrap(), head, "nothing appended");
    let reloaded: Vec<RecommendationView> = all(&app, RECOMMENDATIONS).await;
    assert_eq!(reloaded.len(), views.len());
    app.store().close().await;
}

#[tokio::test]
async fn demo_recommendations_on_sqlite() {
    demo_recommendations_cover_every_stage_once(
        TestDatabase::sqlite_with(iiz_app::upcasters()).await,
    )
    .await;
}

#[tokio::test]
async fn demo_recommendations_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        demo_recommendations_cover_every_stage_once(db).await;
    }
}
