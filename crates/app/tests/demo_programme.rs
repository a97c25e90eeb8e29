//! The demo steering: two working groups (one national with members from
//! several tenants and a progress report, one of Solothurn with the
//! approval of the IIZ-Leitung), a programme running today with the three
//! focus areas, action fields and four projects, one milestone late, the
//! STG's rotation and the EKG's chair, a budget with a noted report;
//! loading twice adds nothing.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeSet;

use common::{all, fachstelle};
use iiz_app::App;
use iiz_app::recommendations::today;
use iiz_app::working_groups::WorkingGroupFilter;
use iiz_domain::{Partner, Party, TenantId};
use iiz_projections::{BUDGETS, BudgetView, CHAIRS, ChairView, PROJECTS, ProjectView};
use iiz_store::testing::TestDatabase;

async fn demo_steering_is_complete(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let report = app.load_demo().await.unwrap();
    assert_eq!(report.working_groups, 2);
    assert_eq!(report.projects, 4);
    assert_eq!(report.programmes, 1);
    assert_eq!(report.chair_terms, 6);
    assert_eq!(report.budgets, 1);

    let office = fachstelle();
    let caller = app.caller(Some(&office));
    let groups = caller
        .working_groups(WorkingGroupFilter::default(), 50, None)
        .await
        .unwrap()
        .items;
    assert_eq!(groups.len(), 2);
    let national = groups
        .iter()
        .find(|group| group.tenant == TenantId::National)
        .unwrap();
    let tenants: BTreeSet<TenantId> = national.members.iter().map(|m| m.tenant).collect();
    assert!(tenants.len() >= 3, "{tenants:?}");
    assert_eq!(national.progress.len(), 1);
    let cantonal = groups
        .iter()
        .find(|group| group.tenant != TenantId::National)
        .unwrap();
    assert!(cantonal.approved_by.is_some());

    let today = today();
    let programme = caller.current_work_programme(today).await.unwrap().unwrap();
    assert_eq!(programme.focus_areas.len(), 3);
    assert_eq!(programme.action_fields.len(), 5);
    assert_eq!(programme.linked().count(), 4);
    let projects: Vec<ProjectView> = all(&app, PROJECTS).await;
    let late: usize = projects.iter().map(|p| p.late_on(today).count()).sum();
    assert_eq!(late, 2, "one late milestone in each IIZ project");
    assert_eq!(projects.iter().filter(|p| !p.steered).count(), 2);

    let chairs: Vec<ChairView> = all(&app, CHAIRS).await;
    assert_eq!(chairs.len(), 2);
    for view in &chairs {
        assert!(view.current_on(today).is_some(), "{view:?}");
    }
    let stg = chairs.iter().find(|view| view.terms.len() == 4).unwrap();
    let offices: BTreeSet<Party> = stg.terms.iter().map(|term| term.office).collect();
    assert_eq!(offices.len(), 4);
    assert!(offices.contains(&Party::Partner(Partner::Sem)));

    let budgets: Vec<BudgetView> = all(&app, BUDGETS).await;
    assert_eq!(budgets.len(), 1);
    assert_eq!(budgets[0].share * 4, budgets[0].total);
    assert!(budgets[0].reports[0].note.is_some());

    let again = app.load_demo().await.unwrap();
    assert_eq!(again.working_groups + again.projects + again.programmes, 0);
    assert_eq!(all::<ProjectView>(&app, PROJECTS).await.len(), 4);
    app.store().close().await;
}

#[tokio::test]
async fn demo_steering_on_sqlite() {
    demo_steering_is_complete(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn demo_steering_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        demo_steering_is_complete(db).await;
    }
}
