//! A body decides as a body (IIZ 3.0, 2.1 and 2.2): the STG's adoption of a
//! recommendation is recorded by the Fachstelle as its secretariat, naming
//! the meeting item whose minutes hold the decision. A guest of the STG
//! (the EKG's chair, the head of the Fachstelle: "ohne Stimmrecht"), a
//! single member and the chair cannot take it; a basis naming the wrong
//! body, the wrong subject or an item without a decision is refused.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]
#![allow(
    dead_code,
    reason = "the steering world's helpers serve several test files"
)]

mod common;
#[path = "common/steering.rs"]
mod world;

use std::collections::{BTreeMap, BTreeSet};

use common::fachstelle;
use iiz_app::AppError;
use iiz_app::recommendations::NewRecommendation;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::decision::ItemSubject;
use iiz_domain::error::ErrorKind;
use iiz_domain::recommendation::{
    Basis, RecommendationAction, RecommendationContent, RecommendationSource, RecommendationStage,
    ReportingRhythm, Schedule,
};
use iiz_domain::{BodyRole, ConceptRule, Language, Party, RecommendationCommand, TenantId};
use iiz_store::testing::TestDatabase;
use world::{World, day, minuted_decision, minuted_item, seated_as, text, title, world};

fn new_recommendation() -> NewRecommendation {
    NewRecommendation {
        content: RecommendationContent {
            title: title("Gemeinsame Erstabklärung"),
            text: text("Die Kantone klären gemeinsam ab."),
            language: Language::De,
            translations: BTreeMap::new(),
            rationale: text("Doppelspurigkeiten"),
            source: RecommendationSource::Study,
            basis: Basis::default(),
            focus_area: None,
        },
        addressees: BTreeSet::from([Party::Tenant(TenantId::National)]),
        schedule: Schedule {
            answer_due: day("2027-06-30"),
            rhythm: ReportingRhythm::Yearly,
        },
    }
}

fn adopt(decided_by: DecisionReference) -> RecommendationCommand {
    RecommendationCommand::Adopt {
        decision: text("STG-Sitzung 1/2025, Traktandum 1"),
        on: day("2025-03-04"),
        decided_by,
    }
}

fn refused_as_body(result: Result<impl std::fmt::Debug, AppError>, kind: ErrorKind) {
    let error = result.unwrap_err();
    assert_eq!(
        error.rule(),
        Some(ConceptRule::BodyDecidesAsBody),
        "{error}"
    );
    assert_eq!(error.kind(), Some(kind), "{error}");
}

async fn only_the_secretariat_records_the_stgs_decision(w: &World) {
    let office = fachstelle();
    let secretariat = w.app.caller(Some(&office));
    let (id, _) = secretariat
        .draft_recommendation(new_recommendation())
        .await
        .unwrap();
    let subject = ItemSubject::Recommendation(id);
    let basis = minuted_decision(&w.app, &office, w.stg, subject.clone()).await;

    // The EKG's chair attends the STG as a guest, without a vote; the
    // STG's chair and a member vote, but none decides for the STG alone.
    let guest = seated_as(&w.app, 10, w.stg, "SKOS", BodyRole::Guest).await;
    let chair = seated_as(&w.app, 11, w.stg, "SECO", BodyRole::Chair).await;
    for who in [&guest, &chair, &w.stg_member] {
        let caller = w.app.caller(Some(who));
        refused_as_body(
            caller
                .record_recommendation_decision(id, basis, adopt)
                .await,
            ErrorKind::Forbidden,
        );
        // Nor by naming a reference of their own.
        let reference = DecisionReference {
            source: basis,
            label: title("STG"),
        };
        refused_as_body(
            caller.recommendation_command(id, adopt(reference)).await,
            ErrorKind::Forbidden,
        );
        // And the step is not offered to them.
        let view = caller.recommendation(id).await.unwrap();
        let actions = caller.recommendation_actions(&view).await.unwrap();
        assert!(
            !actions.contains(&RecommendationAction::Adopt),
            "{actions:?}"
        );
    }
    // The guest reads what the STG reads, drafts included.
    assert!(w.app.caller(Some(&guest)).recommendation(id).await.is_ok());

    // A basis must be the STG's decision on this recommendation.
    let (other, _) = secretariat
        .draft_recommendation(new_recommendation())
        .await
        .unwrap();
    let wrong_body = minuted_decision(&w.app, &office, w.ekg, subject.clone()).await;
    let wrong_subject =
        minuted_decision(&w.app, &office, w.stg, ItemSubject::Recommendation(other)).await;
    let undecided = minuted_item(&w.app, &office, w.stg, subject.clone(), false).await;
    let no_item = match basis {
        DecisionSource::Meeting { meeting, .. } => DecisionSource::Meeting { meeting, item: 9 },
        resolution => resolution,
    };
    for wrong in [wrong_body, wrong_subject, undecided, no_item] {
        refused_as_body(
            secretariat
                .record_recommendation_decision(id, wrong, adopt)
                .await,
            ErrorKind::Validation,
        );
    }
    let view = secretariat.recommendation(id).await.unwrap();
    assert_eq!(view.stage, RecommendationStage::Draft);

    secretariat
        .record_recommendation_decision(id, basis, adopt)
        .await
        .unwrap();
    let view = secretariat.recommendation(id).await.unwrap();
    assert_eq!(view.stage, RecommendationStage::Adopted);
    let adoption = view.adoption.unwrap();
    let reference = adoption.decided_by.unwrap();
    assert_eq!(reference.source, basis);
    assert_eq!(reference.label.as_str(), "Sitzung 1/2025, Traktandum 1");
}

async fn body_decisions(db: TestDatabase) {
    let w = world(&db).await;
    only_the_secretariat_records_the_stgs_decision(&w).await;
    w.app.store().close().await;
}

#[tokio::test]
async fn body_decisions_on_sqlite() {
    body_decisions(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn body_decisions_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        body_decisions(db).await;
    }
}
