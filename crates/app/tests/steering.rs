//! Working groups, projects, the work programme, chairs and the budget
//! through the caller API: each step by whom the rules name, refusals for
//! the others, and the read models after.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::{all, fachstelle};
use iiz_app::authz::{Denied, Principal};
use iiz_app::people::NewPerson;
use iiz_app::steering::{NewBudget, NewProgramme, NewProject};
use iiz_app::tenants::{body_stream, seeded_body_id};
use iiz_app::working_groups::{NewWorkingGroup, WorkingGroupFilter};
use iiz_app::{App, AppError, CantonCatalog};
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::budget::BudgetCommand;
use iiz_domain::chair::ChairRule;
use iiz_domain::error::ErrorKind;
use iiz_domain::programme::{ActionField, EkgConsultation, ProgrammeCommand};
use iiz_domain::project::{IizProject, ProjectCommand, ProjectKind};
use iiz_domain::recommendation::FocusArea;
use iiz_domain::text::{FreeText, Title};
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroupCommand};
use iiz_domain::{
    BodyId, BodyRole, CantonCode, Email, Institution, Language, Partner, Party, PersonId,
    PersonName, TenantId, TenantRole,
};
use iiz_projections::{BUDGETS, BudgetView, MilestoneStatus};
use iiz_store::EventMetadata;
use iiz_store::testing::TestDatabase;

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

fn so() -> TenantId {
    TenantId::Canton(CantonCode::parse("SO").unwrap())
}

fn someone(roles: &[(TenantId, TenantRole)]) -> Principal {
    Principal {
        person: PersonId::new(),
        home: roles
            .first()
            .map_or(TenantId::National, |(tenant, _)| *tenant),
        roles: roles.iter().copied().collect(),
        platform_admin: false,
        scope: None,
    }
}

fn denied(result: Result<impl std::fmt::Debug, AppError>) -> Denied {
    match result {
        Err(AppError::Denied(denied)) => denied,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn kind(result: Result<impl std::fmt::Debug, AppError>) -> ErrorKind {
    match result {
        Err(error) => error.kind().unwrap_or_else(|| panic!("{error:?}")),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

struct World {
    app: App,
    stg: BodyId,
    ekg: BodyId,
    stg_member: Principal,
    bsv_delegate: Principal,
    ekg_member: Principal,
}

/// Registers a person and seats them in a national body.
async fn seated(app: &App, n: u8, body: BodyId, institution: &str) -> Principal {
    let principal = someone(&[(TenantId::National, TenantRole::Member)]);
    let person = NewPerson {
        id: principal.person,
        home: TenantId::National,
        name: PersonName::parse(&format!("Person {n}")).unwrap(),
        email: Email::parse(&format!("p{n}@test.invalid")).unwrap(),
        language: Language::De,
    };
    app.register_person(person, "test").await.unwrap();
    let command = BodyCommand::AdmitMember {
        person: principal.person,
        role: BodyRole::Member,
        institution: Institution::parse(institution).unwrap(),
        from: day("2024-01-01"),
    };
    app.execute::<Body>(
        body_stream(TenantId::National, body),
        command,
        EventMetadata::new("test"),
    )
    .await
    .unwrap();
    principal
}

async fn world(db: &TestDatabase) -> World {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "test").await.unwrap();
    app.seed_national_bodies("test").await.unwrap();
    app.seed_cantonal_bodies(&catalog, "test").await.unwrap();
    let stg = seeded_body_id(TenantId::National, "STG");
    let ekg = seeded_body_id(TenantId::National, "EKG");
    let stg_member = seated(&app, 1, stg, "SEM").await;
    let bsv_delegate = seated(&app, 2, stg, "BSV").await;
    let ekg_member = seated(&app, 3, ekg, "SKOS").await;
    World {
        app,
        stg,
        ekg,
        stg_member,
        bsv_delegate,
        ekg_member,
    }
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
    ekg.working_group_command(
        id,
        WorkingGroupCommand::TakeNote {
            decision: text("Dem STG vorlegen"),
            next_steps: text("Fachstelle entwirft eine Empfehlung"),
        },
    )
    .await
    .unwrap();

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
        .working_groups(WorkingGroupFilter {
            tenant: None,
            active: Some(true),
        })
        .await
        .unwrap();
    assert_eq!(active.len(), 1);
    let group = &active[0];
    assert_eq!(group.id, id);
    assert_eq!(group.lead(), Some(w.ekg_member.person));
    assert_eq!(group.members.len(), 2);
    assert!(group.result.as_ref().unwrap().decision.is_some());
    let solothurn = reader
        .working_groups(WorkingGroupFilter {
            tenant: Some(so()),
            active: None,
        })
        .await
        .unwrap();
    assert_eq!(solothurn.len(), 1);
    assert_eq!(solothurn[0].approved_by, Some(leitung));
    assert!(!solothurn[0].active);
}

fn iiz_project() -> NewProject {
    NewProject {
        title: title("Pilot Erstabklärung"),
        focus_area: Some(FocusArea::LabourMarketIntegration),
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

    let stg = w.app.caller(Some(&w.stg_member));
    let new = NewProgramme {
        from: day("2025-01-01"),
        adopted_on: day("2024-11-20"),
        decision: text("STG-Sitzung 2024/4"),
        consultation: EkgConsultation {
            on: day("2024-10-15"),
            reference: title("EKG 2024/3"),
            statement: text("Das EKG unterstützt den Entwurf"),
        },
        focus_areas: BTreeMap::new(),
        action_fields: vec![ActionField {
            focus_area: FocusArea::LabourMarketIntegration,
            title: title("Erstabklärung"),
            description: text("Gemeinsame Abklärung"),
        }],
    };
    assert_eq!(
        denied(
            w.app
                .caller(Some(&w.ekg_member))
                .adopt_work_programme(new.clone())
                .await
        ),
        Denied::Forbidden
    );
    let (programme, _) = stg.adopt_work_programme(new.clone()).await.unwrap();
    let overlapping = NewProgramme {
        from: day("2026-01-01"),
        ..new
    };
    assert_eq!(
        kind(stg.adopt_work_programme(overlapping).await),
        ErrorKind::InvalidState
    );
    let link = |project| ProgrammeCommand::LinkProject {
        programme,
        project,
        focus_area: FocusArea::LabourMarketIntegration,
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
    let seco = Party::Partner(Partner::Seco);
    assert_eq!(
        kind(
            fachstelle
                .record_chair_term(w.stg, seco, None, day("2025-01-01"), day("2026-12-31"))
                .await
        ),
        ErrorKind::InvalidState
    );
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
        .budget_command(
            budget,
            BudgetCommand::ReportYear {
                year: 2025,
                spent: 590_000,
                narrative: text("Personal, Tagung, Website"),
            },
        )
        .await
        .unwrap();
    let note = BudgetCommand::NoteReport {
        year: 2025,
        note: text("Das STG nimmt Kenntnis"),
    };
    assert_eq!(
        denied(fachstelle.budget_command(budget, note.clone()).await),
        Denied::Forbidden
    );
    stg.budget_command(budget, note).await.unwrap();
    let view = stg.budget(budget).await.unwrap();
    assert_eq!(view.share, 600_000);
    assert_eq!(view.spent(), 590_000);
    assert!(view.reports[0].note.is_some());
    let stored: Vec<BudgetView> = all(&w.app, BUDGETS).await;
    assert_eq!(stored, [view]);
}

async fn steering(db: TestDatabase) {
    let w = world(&db).await;
    working_groups_are_mandated_run_and_dissolved(&w).await;
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
