//! Projects, the work programme, chairs and the budget through the caller
//! API: each step by whom the rules name, refusals for the others, and the
//! read models after.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;
#[path = "common/focus.rs"]
mod focus_areas;
#[path = "common/steering.rs"]
mod world;

use std::collections::BTreeMap;

use common::{all, fachstelle};
use focus_areas::{first_focus_areas, focus};
use iiz_app::steering::{NewBudget, NewProgramme, NewProject};
use iiz_domain::budget::BudgetCommand;
use iiz_domain::chair::ChairRule;
use iiz_domain::decision::ItemSubject;
use iiz_domain::error::ErrorKind;
use iiz_domain::programme::{ActionField, EkgConsultation, ProgrammeCommand};
use iiz_domain::project::{IizProject, ProjectCommand, ProjectKind};
use iiz_domain::{CantonCode, ConceptRule, Partner, Party, TenantId, TenantRole};
use iiz_projections::{BUDGETS, BudgetView, MilestoneStatus};
use iiz_store::testing::TestDatabase;
use world::{
    Denied, World, day, denied, kind, minuted_decision, minuted_item, someone, text, title, world,
};

fn iiz_project() -> NewProject {
    NewProject {
        title: title("Pilot Erstabklärung"),
        // Registered before a programme is adopted: no focus area yet.
        focus_area: None,
        kind: ProjectKind::Iiz(Box::new(IizProject {
            lead: Party::Partner(Partner::Bsv),
            funding: BTreeMap::from([
                (Party::Partner(Partner::Bsv), 120_000),
                (Party::Partner(Partner::Seco), 80_000),
            ]),
            resources: text("0.5 Stellen"),
            question: text("Wirkt eine gemeinsame Erstabklärung?"),
            goal: text("Pilot in drei Kantonen"),
            output: text("Evaluationsbericht"),
            process: text("Pilot, Evaluation"),
            group: text("BSV, SECO, drei Kantone"),
            communication: text("Tagung"),
        })),
    }
}

async fn projects_and_the_programme(w: &World) {
    let office = fachstelle();
    let zh = someone(&[(
        TenantId::Canton(CantonCode::parse("ZH").unwrap()),
        TenantRole::Coordinator,
    )]);
    assert_eq!(
        denied(
            w.app
                .caller(Some(&zh))
                .register_project(iiz_project())
                .await
        ),
        Denied::Forbidden
    );
    let (project, _) = w
        .app
        .caller(Some(&office))
        .register_project(iiz_project())
        .await
        .unwrap();
    let lead = w.app.caller(Some(&w.bsv_delegate));
    for (name, due) in [("Konzept", "2025-03-31"), ("Pilot", "2025-09-30")] {
        lead.project_command(
            project,
            ProjectCommand::PlanMilestone {
                title: title(name),
                due: day(due),
            },
        )
        .await
        .unwrap();
    }
    assert_eq!(
        denied(
            w.app
                .caller(Some(&w.stg_member))
                .project_command(
                    project,
                    ProjectCommand::ReachMilestone {
                        number: 1,
                        on: day("2025-03-20")
                    }
                )
                .await
        ),
        Denied::Forbidden
    );
    lead.project_command(
        project,
        ProjectCommand::ReachMilestone {
            number: 1,
            on: day("2025-03-20"),
        },
    )
    .await
    .unwrap();
    let note = ProjectCommand::NoteMilestone {
        number: 1,
        note: text("Das EKG nimmt Kenntnis"),
    };
    assert_eq!(
        denied(lead.project_command(project, note.clone()).await),
        Denied::Forbidden
    );
    w.app
        .caller(Some(&w.ekg_member))
        .project_command(project, note)
        .await
        .unwrap();
    let view = w.app.caller(Some(&zh)).project(project).await.unwrap();
    let statuses: Vec<_> = view
        .milestones
        .iter()
        .map(|milestone| milestone.status_on(day("2025-10-01")))
        .collect();
    assert_eq!(statuses, [MilestoneStatus::Reached, MilestoneStatus::Late]);

    // The lead submits the result; the STG accepts it as a body.
    lead.project_command(
        project,
        ProjectCommand::SubmitResult {
            summary: text("Die Erstabklärung wirkt"),
            documents: vec![],
        },
    )
    .await
    .unwrap();
    let accepted = minuted_decision(&w.app, &office, w.stg, ItemSubject::Project(project)).await;
    let refused = w
        .app
        .caller(Some(&w.stg_member))
        .accept_project_result(project, text("Angenommen"), accepted)
        .await
        .unwrap_err();
    assert_eq!(refused.rule(), Some(ConceptRule::BodyDecidesAsBody));
    w.app
        .caller(Some(&office))
        .accept_project_result(project, text("Angenommen"), accepted)
        .await
        .unwrap();

    let new = NewProgramme {
        from: day("2025-01-01"),
        adopted_on: day("2024-11-20"),
        decision: text("STG-Sitzung 2024/4"),
        consultation: EkgConsultation {
            on: day("2024-10-15"),
            reference: title("EKG 2024/3"),
            statement: text("Das EKG unterstützt den Entwurf"),
        },
        focus_areas: first_focus_areas(),
        action_fields: vec![ActionField {
            focus_area: focus("labour_market_integration"),
            title: title("Erstabklärung"),
            description: text("Gemeinsame Abklärung"),
        }],
    };
    // The STG adopts its programme as a body: neither an EKG nor an STG
    // member takes that step, even naming a real decision; the Fachstelle
    // records it with the minutes of the STG's meeting.
    let period = ItemSubject::WorkProgramme(day("2025-01-01"));
    let basis = minuted_decision(&w.app, &office, w.stg, period.clone()).await;
    for member in [&w.ekg_member, &w.stg_member] {
        let refused = w
            .app
            .caller(Some(member))
            .adopt_work_programme(new.clone(), basis)
            .await
            .unwrap_err();
        assert_eq!(refused.rule(), Some(ConceptRule::BodyDecidesAsBody));
        assert_eq!(refused.kind(), Some(ErrorKind::Forbidden));
    }
    let secretariat = w.app.caller(Some(&office));
    // A basis naming the wrong body, another subject, or an item the
    // minutes record no decision on is refused.
    let wrong_body = minuted_decision(&w.app, &office, w.ekg, period.clone()).await;
    let other_period = minuted_decision(
        &w.app,
        &office,
        w.stg,
        ItemSubject::WorkProgramme(day("2027-01-01")),
    )
    .await;
    let undecided = minuted_item(&w.app, &office, w.stg, period.clone(), false).await;
    for wrong in [wrong_body, other_period, undecided] {
        let refused = secretariat
            .adopt_work_programme(new.clone(), wrong)
            .await
            .unwrap_err();
        assert_eq!(
            refused.rule(),
            Some(ConceptRule::BodyDecidesAsBody),
            "{refused}"
        );
        assert_eq!(refused.kind(), Some(ErrorKind::Validation));
    }
    let (programme, _) = secretariat
        .adopt_work_programme(new.clone(), basis)
        .await
        .unwrap();
    let view = secretariat.work_programme(programme).await.unwrap();
    assert_eq!(view.from, day("2025-01-01"));
    let overlapping = NewProgramme {
        from: day("2026-01-01"),
        ..new
    };
    let later = ItemSubject::WorkProgramme(day("2026-01-01"));
    let later = minuted_decision(&w.app, &office, w.stg, later).await;
    assert_eq!(
        kind(secretariat.adopt_work_programme(overlapping, later).await),
        ErrorKind::InvalidState
    );
    let stg = w.app.caller(Some(&w.stg_member));
    let link = |project| ProgrammeCommand::LinkProject {
        programme,
        project,
        focus_area: focus("labour_market_integration"),
        action_field: Some(1),
    };
    assert_eq!(
        kind(
            stg.programme_command(link(iiz_domain::ids::ProjectId::new()))
                .await
        ),
        ErrorKind::Validation
    );
    w.app
        .caller(Some(&office))
        .programme_command(link(project))
        .await
        .unwrap();
    let current = w
        .app
        .caller(Some(&zh))
        .current_work_programme(day("2025-06-01"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(current.id, programme);
    assert_eq!(current.focus_areas.len(), 3);
    assert_eq!(current.linked().count(), 1);
}
async fn chairs_and_the_budget(w: &World) {
    let office = fachstelle();
    let fachstelle = w.app.caller(Some(&office));
    let stg = w.app.caller(Some(&w.stg_member));
    assert_eq!(
        denied(stg.establish_chair(w.stg, ChairRule::stg()).await),
        Denied::Forbidden
    );
    fachstelle
        .establish_chair(w.stg, ChairRule::stg())
        .await
        .unwrap();
    let sem = Party::Partner(Partner::Sem);
    let bsv = Party::Partner(Partner::Bsv);
    fachstelle
        .record_chair_term(w.stg, sem, None, day("2023-01-01"), day("2024-12-31"))
        .await
        .unwrap();
    // Any office but the current one: SEM again is refused with the rule.
    let repeated = fachstelle
        .record_chair_term(w.stg, sem, None, day("2025-01-01"), day("2026-12-31"))
        .await;
    assert_eq!(
        repeated.as_ref().err().and_then(iiz_app::AppError::rule),
        Some(ConceptRule::StgChairRotation)
    );
    assert_eq!(kind(repeated), ErrorKind::InvalidState);
    fachstelle
        .record_chair_term(
            w.stg,
            bsv,
            Some(w.bsv_delegate.person),
            day("2025-01-01"),
            day("2026-12-31"),
        )
        .await
        .unwrap();
    fachstelle
        .establish_chair(w.ekg, ChairRule::ekg())
        .await
        .unwrap();
    // The EKG chooses its chair itself: a term without its decision is
    // refused with the rule.
    let vsaa = Party::Partner(Partner::Vsaa);
    let undecided = fachstelle
        .record_chair_term(w.ekg, vsaa, None, day("2025-01-01"), day("2026-12-31"))
        .await;
    assert_eq!(
        undecided.as_ref().err().and_then(iiz_app::AppError::rule),
        Some(ConceptRule::EkgChairEveryTwoYears)
    );
    let chairs = stg.chairs(w.stg).await.unwrap();
    let current = chairs.current_on(day("2025-05-01")).unwrap();
    assert_eq!(current.office, bsv);
    assert_eq!(chairs.past_on(day("2025-05-01")).count(), 1);

    let plan = NewBudget {
        first_year: 2025,
        total: 2_400_000,
        purpose: text("Betrieb der Fachstelle"),
    };
    assert_eq!(
        denied(stg.plan_budget(plan.clone()).await),
        Denied::Forbidden
    );
    let (budget, _) = fachstelle.plan_budget(plan.clone()).await.unwrap();
    let overlapping = NewBudget {
        first_year: 2027,
        ..plan
    };
    assert_eq!(
        kind(fachstelle.plan_budget(overlapping).await),
        ErrorKind::InvalidState
    );
    fachstelle
        .budget_command(BudgetCommand::ReportYear {
            budget,
            year: 2025,
            spent: 590_000,
            narrative: text("Personal, Tagung, Website"),
        })
        .await
        .unwrap();
    let note = BudgetCommand::NoteReport {
        budget,
        year: 2025,
        note: text("Das STG nimmt Kenntnis"),
    };
    assert_eq!(
        denied(fachstelle.budget_command(note.clone()).await),
        Denied::Forbidden
    );
    stg.budget_command(note).await.unwrap();
    let view = stg.budget(budget).await.unwrap();
    assert_eq!(view.share, 600_000);
    assert_eq!(view.spent(), 590_000);
    assert!(view.reports[0].note.is_some());
    let stored: Vec<BudgetView> = all(&w.app, BUDGETS).await;
    assert_eq!(stored, [view]);
}

async fn steering(db: TestDatabase) {
    let w = world(&db).await;
    projects_and_the_programme(&w).await;
    chairs_and_the_budget(&w).await;
    w.app.store().close().await;
}

#[tokio::test]
async fn steering_on_sqlite() {
    steering(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn steering_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        steering(db).await;
    }
}
