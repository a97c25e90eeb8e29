//! The demo data holds concerns in every stage, written in German and in
//! French, in several cantons; loading it twice adds nothing.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeSet;

use common::{all, fachstelle};
use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_app::concerns::ConcernFilter;
use iiz_domain::concern::{ConcernStage, StepActor};
use iiz_domain::{Language, PersonId, TenantId, TenantRole};
use iiz_projections::{CONCERNS, ConcernView};
use iiz_store::EventStore;
use iiz_store::testing::TestDatabase;

async fn demo_concerns_cover_every_stage_once(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let report = app.load_demo().await.unwrap();
    let principal = fachstelle();
    let caller = app.caller(Some(&principal));

    let concerns = all::<ConcernView>(&app, CONCERNS).await;
    assert_eq!(concerns.len(), report.concerns);
    // The Fachstelle counts every shared concern and its own; a draft is
    // counted only for its tenant (docs/security.md, drafts stay in their
    // tenant on every read path).
    let stats = caller.concern_statistics().await.unwrap();
    for stage in ConcernStage::ALL {
        assert!(
            concerns.iter().any(|view| view.stage == stage),
            "no demo concern is {stage}"
        );
        let seen_nationally = concerns
            .iter()
            .filter(|view| view.stage == stage)
            .filter(|view| view.shared || view.origin == TenantId::National)
            .count();
        assert_eq!(
            stats.by_stage.get(&stage).copied().unwrap_or(0),
            u64::try_from(seen_nationally).unwrap(),
            "{stage}: {:?}",
            stats.by_stage
        );
    }
    let draft = concerns
        .iter()
        .find(|view| view.stage == ConcernStage::Draft)
        .unwrap();
    let owner = Principal {
        person: PersonId::new(),
        home: draft.origin,
        roles: [(draft.origin, TenantRole::Coordinator)].into(),
        platform_admin: false,
        scope: None,
        language: Language::De,
    };
    let own = app.caller(Some(&owner)).concern_statistics().await.unwrap();
    assert!(own.by_stage.get(&ConcernStage::Draft).copied().unwrap_or(0) >= 1);
    let languages: BTreeSet<Language> = concerns.iter().map(|view| view.language).collect();
    assert!(languages.contains(&Language::De) && languages.contains(&Language::Fr));
    let origins: BTreeSet<&str> = concerns.iter().map(|view| view.origin.as_str()).collect();
    for canton in ["ZH", "GE", "SO", "BE", "VD"] {
        assert!(origins.contains(canton), "no concern from {canton}");
    }
    for view in concerns.iter().filter(|view| view.language == Language::Fr) {
        assert!(
            ["GE", "VD"].contains(&view.origin.as_str()),
            "{}",
            view.title
        );
    }

    // Zurich and Solothurn route through their bodies; others go direct.
    let route_of = |canton: &str| {
        concerns
            .iter()
            .find(|view| view.origin.as_str() == canton)
            .map(|view| view.route.clone())
            .unwrap()
    };
    assert_eq!(route_of("SO").steps.len(), 3);
    let zh = route_of("ZH");
    assert!(matches!(zh.steps[1].actor, StepActor::Body(_)), "{zh:?}");
    assert!(route_of("GE").is_direct());

    // The merged concern went to the one that carries it on, which now
    // answers to both cantons.
    let merged = concerns
        .iter()
        .find(|view| view.stage == ConcernStage::Merged)
        .unwrap();
    let survivor = concerns
        .iter()
        .find(|view| Some(view.id) == merged.merged_into)
        .unwrap();
    assert!(survivor.absorbed.contains(&merged.id));
    assert!(survivor.submitters.len() >= 2, "{:?}", survivor.submitters);

    // The texts are searchable in both languages.
    for word in ["Sozialhilfe", "formation"] {
        let filter = ConcernFilter {
            text: Some(word.to_owned()),
            ..ConcernFilter::default()
        };
        let found = caller.concerns(&filter, 50, None).await.unwrap();
        assert!(!found.items.is_empty(), "nothing found for {word}");
    }

    // A second load adds nothing.
    let head = app.store().head().await.unwrap();
    let again = app.load_demo().await.unwrap();
    assert_eq!(again.concerns, 0);
    assert_eq!(app.store().head().await.unwrap(), head, "nothing appended");
    assert_eq!(caller.concern_statistics().await.unwrap(), stats);
    app.store().close().await;
}

#[tokio::test]
async fn demo_concerns_on_sqlite() {
    demo_concerns_cover_every_stage_once(TestDatabase::sqlite_with(iiz_app::upcasters()).await)
        .await;
}

#[tokio::test]
async fn demo_concerns_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        demo_concerns_cover_every_stage_once(db).await;
    }
}
