//! Working groups through the caller API: mandated by a body (a cantonal
//! one with the approval of the body above), members from several
//! tenants, progress, result, the body's note and the dissolution; each
//! step refused for whom the rules do not name.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;
#[path = "common/steering.rs"]
mod world;

use common::{all, fachstelle};
use iiz_app::tenants::seeded_body_id;
use iiz_app::working_groups::{NewWorkingGroup, WorkingGroupFilter};
use iiz_domain::decision::ItemSubject;
use iiz_domain::error::ErrorKind;
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroupCommand};
use iiz_domain::{CantonCode, ConceptRule, TenantId, TenantRole};
use iiz_projections::{WORKING_GROUPS, WorkingGroupView};
use iiz_store::testing::TestDatabase;
use world::{Denied, World, day, denied, kind, minuted_decision, someone, text, title, world};

fn so() -> TenantId {
    TenantId::Canton(CantonCode::parse("SO").unwrap())
}

fn mandate(name: &str) -> Mandate {
    Mandate {
        title: title(name),
        question: text("Doppelte Abklärungen"),
        goal: text("Gemeinsames Instrument"),
        output: text("Bericht"),
        composition: text("RAV, IV, SD"),
        communication: text("Über das EKG"),
        financing: text("Keine Mittel"),
        resources: text("Zwei Tage je Mitglied"),
        until: day("2026-12-31"),
        concerns: std::collections::BTreeSet::new(),
    }
}
async fn working_groups_are_mandated_run_and_dissolved(w: &World) {
    let office = fachstelle();
    let zh = someone(&[(
        TenantId::Canton(CantonCode::parse("ZH").unwrap()),
        TenantRole::Coordinator,
    )]);
    let national = NewWorkingGroup {
        mandated_by: w.ekg,
        approved_by: None,
        mandate: mandate("AG Erstabklärung"),
        on: day("2025-02-01"),
    };
    assert_eq!(
        denied(
            w.app
                .caller(Some(&zh))
                .mandate_working_group(national.clone())
                .await
        ),
        Denied::Forbidden
    );
    let fachstelle_body = NewWorkingGroup {
        mandated_by: seeded_body_id(TenantId::National, "Fachstelle"),
        ..national.clone()
    };
    assert_eq!(
        kind(
            w.app
                .caller(Some(&office))
                .mandate_working_group(fachstelle_body)
                .await
        ),
        ErrorKind::Validation
    );
    let (id, _) = w
        .app
        .caller(Some(&office))
        .mandate_working_group(national)
        .await
        .unwrap();
    let ekg = w.app.caller(Some(&w.ekg_member));
    ekg.join_working_group(id, w.ekg_member.person, GroupRole::Lead)
        .await
        .unwrap();
    ekg.join_working_group(id, w.stg_member.person, GroupRole::Member)
        .await
        .unwrap();
    // A plain member reports progress but does not submit the result.
    let member = w.app.caller(Some(&w.stg_member));
    member
        .working_group_command(
            id,
            WorkingGroupCommand::ReportProgress {
                text: text("Zwei Sitzungen"),
                on: day("2025-06-30"),
            },
        )
        .await
        .unwrap();
    let submit = WorkingGroupCommand::SubmitResult {
        summary: text("Instrument"),
        documents: vec![],
        on: day("2026-10-01"),
    };
    assert_eq!(
        denied(member.working_group_command(id, submit.clone()).await),
        Denied::Forbidden
    );
    ekg.working_group_command(id, submit).await.unwrap();
    // Taking note is the EKG's decision: a member (here the group's lead)
    // does not take it alone; the Fachstelle records it with the minutes.
    let basis = minuted_decision(&w.app, &office, w.ekg, ItemSubject::WorkingGroup(id)).await;
    let refused = ekg
        .note_working_group_result(id, text("Dem STG vorlegen"), text("-"), basis)
        .await
        .unwrap_err();
    assert_eq!(refused.rule(), Some(ConceptRule::BodyDecidesAsBody));
    let stg_basis = minuted_decision(&w.app, &office, w.stg, ItemSubject::WorkingGroup(id)).await;
    let wrong_body = w
        .app
        .caller(Some(&office))
        .note_working_group_result(id, text("Dem STG vorlegen"), text("-"), stg_basis)
        .await
        .unwrap_err();
    assert_eq!(wrong_body.rule(), Some(ConceptRule::BodyDecidesAsBody));
    w.app
        .caller(Some(&office))
        .note_working_group_result(
            id,
            text("Dem STG vorlegen"),
            text("Fachstelle entwirft eine Empfehlung"),
            basis,
        )
        .await
        .unwrap();

    // An STG delegate is neither in the EKG nor in the group.
    let dissolve = WorkingGroupCommand::Dissolve {
        reason: text("Mandat erfüllt"),
        on: day("2026-12-31"),
    };
    assert_eq!(
        denied(
            w.app
                .caller(Some(&w.bsv_delegate))
                .working_group_command(id, dissolve)
                .await
        ),
        Denied::Forbidden
    );

    // Solothurn's EKG mandates with the approval of the IIZ-Leitung.
    let so_ekg = seeded_body_id(so(), "IIZ-Entwicklungs- und Koordinationsgremium");
    let leitung = seeded_body_id(so(), "IIZ-Leitung");
    let so_office = someone(&[(so(), TenantRole::Office)]);
    let cantonal = NewWorkingGroup {
        mandated_by: so_ekg,
        approved_by: Some(leitung),
        mandate: mandate("Fachgruppe Jugendliche"),
        on: day("2025-03-01"),
    };
    let across = NewWorkingGroup {
        approved_by: Some(w.stg),
        ..cantonal.clone()
    };
    assert_eq!(
        kind(
            w.app
                .caller(Some(&so_office))
                .mandate_working_group(across)
                .await
        ),
        ErrorKind::Validation
    );
    assert_eq!(
        denied(
            w.app
                .caller(Some(&office))
                .mandate_working_group(cantonal.clone())
                .await
        ),
        Denied::Forbidden
    );
    let (cantonal_id, _) = w
        .app
        .caller(Some(&so_office))
        .mandate_working_group(cantonal)
        .await
        .unwrap();
    w.app
        .caller(Some(&so_office))
        .working_group_command(
            cantonal_id,
            WorkingGroupCommand::Dissolve {
                reason: text("Mandat erfüllt"),
                on: day("2025-12-31"),
            },
        )
        .await
        .unwrap();

    let reader = w.app.caller(Some(&zh));
    let active = reader
        .working_groups(
            WorkingGroupFilter {
                tenant: None,
                active: Some(true),
            },
            50,
            None,
        )
        .await
        .unwrap()
        .items;
    assert_eq!(active.len(), 1);
    let group = &active[0];
    assert_eq!(group.id, id);
    assert_eq!(group.lead(), Some(w.ekg_member.person));
    assert_eq!(group.members.len(), 2);
    assert!(group.result.as_ref().unwrap().decision.is_some());
    let solothurn = reader
        .working_groups(
            WorkingGroupFilter {
                tenant: Some(so()),
                active: None,
            },
            50,
            None,
        )
        .await
        .unwrap()
        .items;
    assert_eq!(solothurn.len(), 1);
    assert_eq!(solothurn[0].approved_by, Some(leitung));
    assert!(!solothurn[0].active);
    assert_eq!(
        all::<WorkingGroupView>(&w.app, WORKING_GROUPS).await.len(),
        2
    );
}

async fn working_groups(db: TestDatabase) {
    let w = world(&db).await;
    working_groups_are_mandated_run_and_dissolved(&w).await;
    w.app.store().close().await;
}

#[tokio::test]
async fn working_groups_on_sqlite() {
    working_groups(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn working_groups_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        working_groups(db).await;
    }
}
