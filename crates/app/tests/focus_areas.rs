//! Focus areas are the work programme's data: a project, recommendation or
//! concern names one of the programme in force (the refusal names the rule
//! and the known keys), the STG revises them, and a programme adopted
//! without its own keeps those of the one before.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[allow(dead_code, reason = "helpers shared with the other tests")]
mod common;
#[path = "common/focus.rs"]
mod focus_helpers;
#[allow(dead_code, reason = "helpers shared with the other steering tests")]
#[path = "common/steering.rs"]
mod world;

use std::collections::BTreeMap;

use focus_helpers::{first_focus_areas, focus};
use iiz_app::AppError;
use iiz_app::steering::{NewProgramme, NewProject};
use iiz_domain::ConceptRule;
use iiz_domain::decision::ItemSubject;
use iiz_domain::programme::{EkgConsultation, FocusAreaDefinition};
use iiz_domain::project::ProjectKind;
use iiz_domain::{Partner, Party};
use iiz_store::testing::TestDatabase;
use world::{World, day, text, title, world};

fn project(focus_area: &str) -> NewProject {
    NewProject {
        title: title("Arbeitgebende informieren"),
        focus_area: Some(focus(focus_area)),
        kind: ProjectKind::Associated {
            owner: Party::Partner(Partner::Seco),
            summary: text("Informationsanlass"),
        },
    }
}

fn new_programme(from: &str) -> NewProgramme {
    NewProgramme {
        from: day(from),
        adopted_on: day("2024-11-20"),
        decision: text("STG-Sitzung 2024/4"),
        consultation: EkgConsultation {
            on: day("2024-10-15"),
            reference: title("EKG 2024/3"),
            statement: text("Das EKG unterstützt den Entwurf"),
        },
        focus_areas: first_focus_areas(),
        action_fields: Vec::new(),
    }
}

/// The refusal's rule and message.
fn refusal(result: Result<impl std::fmt::Debug, AppError>) -> (Option<ConceptRule>, String) {
    match result {
        Err(error) => (error.rule(), error.to_string()),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

async fn focus_areas_come_from_the_programme(w: &World) {
    let office = common::fachstelle();
    let fachstelle = w.app.caller(Some(&office));
    let stg = w.app.caller(Some(&w.stg_member));

    // No programme yet: no focus area exists.
    let (rule, message) = refusal(fachstelle.register_project(project("key_actors")).await);
    assert_eq!(rule, Some(ConceptRule::WorkProgrammeByStg));
    assert!(message.contains("known keys: none"), "{message}");

    // The STG decides as a body; the Fachstelle records its minuted
    // decisions.
    let period = |from: &str| ItemSubject::WorkProgramme(day(from));
    let basis = world::minuted_decision(&w.app, &office, w.stg, period("2025-01-01")).await;
    let (programme, _) = fachstelle
        .adopt_work_programme(new_programme("2025-01-01"), basis)
        .await
        .unwrap();
    fachstelle
        .register_project(project("key_actors"))
        .await
        .unwrap();
    let (rule, message) = refusal(fachstelle.register_project(project("housing")).await);
    assert_eq!(rule, Some(ConceptRule::WorkProgrammeByStg));
    assert!(
        message.contains("key_actors, labour_market_integration, professionalisation"),
        "{message}"
    );

    // The STG adds a focus area and renames one; projects may name it now.
    let mut revised = first_focus_areas();
    revised.insert(
        focus("housing"),
        FocusAreaDefinition {
            title: title("Wohnen"),
            description: text("Wohnen als Voraussetzung der Integration"),
            goal: text("Ein Merkblatt für die Sozialdienste"),
        },
    );
    // A member alone does not revise the focus: the STG does, as a body.
    let basis = world::minuted_decision(&w.app, &office, w.stg, period("2025-01-01")).await;
    let (rule, _) = refusal(
        stg.revise_focus_areas(programme, revised.clone(), basis)
            .await,
    );
    assert_eq!(rule, Some(ConceptRule::BodyDecidesAsBody));
    fachstelle
        .revise_focus_areas(programme, revised, basis)
        .await
        .unwrap();
    fachstelle
        .register_project(project("housing"))
        .await
        .unwrap();
    let listed = fachstelle.programme_focus(None).await.unwrap().unwrap();
    assert_eq!(listed.id, programme);
    assert!(listed.has_focus_area(&focus("housing")));
    assert_eq!(listed.focus_areas.len(), 4);
    let same = fachstelle
        .programme_focus(Some(programme))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(same, listed);

    // The next programme keeps the focus when it names none of its own.
    let next = NewProgramme {
        focus_areas: BTreeMap::new(),
        ..new_programme("2027-01-01")
    };
    let basis = world::minuted_decision(&w.app, &office, w.stg, period("2027-01-01")).await;
    let (next, _) = fachstelle.adopt_work_programme(next, basis).await.unwrap();
    let view = stg.work_programme(next).await.unwrap();
    assert_eq!(view.focus_area_keys(), listed.focus_area_keys());
    w.app.store().close().await;
}

#[tokio::test]
async fn focus_areas_on_sqlite() {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    focus_areas_come_from_the_programme(&world(&db).await).await;
}

#[tokio::test]
async fn focus_areas_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        focus_areas_come_from_the_programme(&world(&db).await).await;
    }
}
