//! What STG decisions lead to, through the minutes of an STG meeting: a
//! decision "new action field" without a current work programme is refused
//! with the rule and leaves the concern undecided; with one, the field is
//! added to it; a decision "project" registers the project; each is linked
//! on the concern; carrying the decisions out again creates nothing twice.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;
#[path = "common/steering.rs"]
#[allow(dead_code)]
mod world;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime};
use common::{all, fachstelle};
use iiz_app::authz::Principal;
use iiz_app::concerns::NewConcern;
use iiz_app::meetings::{NewMeeting, swiss_today};
use iiz_app::steering::NewProgramme;
use iiz_app::tenants::seeded_body_id;
use iiz_app::{App, CantonCatalog};
use iiz_domain::concern::{AffectedInstitution, Channel, ConcernContent, ConcernStage, StgOutcome};
use iiz_domain::follow_up::{FollowUp, FollowUpLink};
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{
    AgendaItem, Decision, DecisionEffect, ItemPurpose, ItemSubject, MeetingCommand, Propagation,
    Resolution, Slot,
};
use iiz_domain::programme::{ActionField, EkgConsultation, FocusAreaDefinition};
use iiz_domain::project::ProjectKind;
use iiz_domain::recommendation::FocusArea;
use iiz_domain::text::FreeText;
use iiz_domain::{ConcernCommand, ConcernId, Language, Party, PersonId, TenantId, Title};
use iiz_projections::{PROJECTS, ProjectView};
use iiz_store::testing::TestDatabase;

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

async fn request(app: &App, office: &Principal, name: &str) -> ConcernId {
    let caller = app.caller(Some(office));
    let content = ConcernContent {
        title: title(name),
        description: text("Die Fachstelle beantragt eine nationale Klärung."),
        why_not_cantonal: text("Betrifft die nationale Strategie."),
        institutions: BTreeSet::from([AffectedInstitution::AlvRav]),
        focus_area: None,
        attachments: vec![],
        language: Language::De,
    };
    let new = NewConcern {
        origin: TenantId::National,
        on_behalf_of: None,
        content,
    };
    let (id, _) = caller.draft_concern(new).await.unwrap();
    let channel = Channel::ViaFachstelle;
    caller
        .concern_command(id, ConcernCommand::Submit { channel })
        .await
        .unwrap();
    caller
        .bring_concern_to_stg(id, text("Strategische Frage"))
        .await
        .unwrap();
    id
}

async fn stg_meeting(app: &App, office: &Principal, concerns: &[ConcernId]) -> MeetingId {
    let day = swiss_today();
    let at = |h| NaiveDateTime::new(day, chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap());
    let new = NewMeeting {
        body: seeded_body_id(TenantId::National, "STG"),
        joint_with: None,
        title: title("STG-Sitzung 1/2027"),
        slot: Slot {
            starts_at: at(8),
            ends_at: at(10),
            place: Some(title("Bern")),
            online: None,
        },
    };
    let caller = app.caller(Some(office));
    let (id, _) = caller.schedule_meeting(new).await.unwrap();
    for concern in concerns {
        let item = AgendaItem {
            title: title("Antrag"),
            purpose: ItemPurpose::Decision,
            subject: ItemSubject::Concern(*concern),
            note: FreeText::default(),
            documents: vec![],
        };
        let add = MeetingCommand::AddItem {
            item,
            reason: FreeText::default(),
        };
        caller.meeting_command(id, add).await.unwrap();
    }
    caller
        .meeting_command(id, MeetingCommand::SendAgenda)
        .await
        .unwrap();
    id
}

async fn decide(
    app: &App,
    office: &Principal,
    meeting: MeetingId,
    number: u32,
    outcome: StgOutcome,
    follow_up: FollowUp,
) -> Option<Propagation> {
    let decision = Decision {
        outcome: text("Beschluss gemäss Antrag"),
        rationale: FreeText::default(),
        resolution: Resolution::Consensus,
        present: BTreeSet::from([PersonId::new()]),
        effect: Some(DecisionEffect::Decide {
            outcome,
            follow_up: Some(follow_up),
        }),
    };
    let minutes = MeetingCommand::RecordMinutes {
        number,
        note: FreeText::default(),
        decision: Some(decision),
    };
    let caller = app.caller(Some(office));
    caller.meeting_command(meeting, minutes).await.unwrap();
    let view = caller.meeting(meeting).await.unwrap();
    view.item(number).unwrap().propagation.clone()
}

fn field() -> FollowUp {
    FollowUp::AddActionField {
        field: ActionField {
            focus_area: FocusArea::parse("labour_market_integration").unwrap(),
            title: title("Digitale Zusammenarbeit"),
            description: text("Daten zwischen RAV und IV austauschen"),
        },
    }
}

async fn stg_decisions_lead_to_projects_and_action_fields(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "system:test")
        .await
        .unwrap();
    app.seed_national_bodies("system:test").await.unwrap();
    let office = fachstelle();
    let caller = app.caller(Some(&office));
    let fields = request(&app, &office, "Antrag: neues Handlungsfeld").await;
    let project = request(&app, &office, "Antrag: Pilotprojekt").await;
    let meeting = stg_meeting(&app, &office, &[fields, fields, project]).await;

    // No programme is current: refused, and the concern stays undecided.
    let refused = decide(
        &app,
        &office,
        meeting,
        1,
        StgOutcome::NewActionField,
        field(),
    )
    .await;
    let Some(Propagation::Refused { reason }) = refused else {
        panic!("{refused:?}");
    };
    assert!(reason.contains("work programme"), "{reason}");
    assert_eq!(
        caller.concern(fields).await.unwrap().stage,
        ConcernStage::AtStg
    );

    // With the current programme, the field is added to it and linked.
    let today = swiss_today();
    let from = today.with_day(1).unwrap();
    let new = NewProgramme {
        from,
        adopted_on: from,
        decision: text("STG-Sitzung 4/2026"),
        consultation: EkgConsultation {
            on: from,
            reference: title("EKG 4/2026"),
            statement: text("Die EKG unterstützt den Entwurf"),
        },
        // The first programme names its focus areas.
        focus_areas: BTreeMap::from([(
            FocusArea::parse("labour_market_integration").unwrap(),
            FocusAreaDefinition {
                title: title("Arbeitsmarktintegration"),
                description: text("Bildung und Arbeitsmarktintegration"),
                goal: text("Übergänge verbessern"),
            },
        )]),
        action_fields: vec![],
    };
    // The STG adopts it as a body: the Fachstelle records its minuted
    // decision.
    let basis = world::minuted_decision(
        &app,
        &office,
        seeded_body_id(TenantId::National, "STG"),
        ItemSubject::WorkProgramme(from),
    )
    .await;
    let (programme, _) = caller.adopt_work_programme(new, basis).await.unwrap();
    let applied = decide(
        &app,
        &office,
        meeting,
        2,
        StgOutcome::NewActionField,
        field(),
    )
    .await;
    assert_eq!(applied, Some(Propagation::Applied));
    let view = caller.work_programme(programme).await.unwrap();
    let added = view.action_fields.last().unwrap();
    assert_eq!(added.title.as_str(), "Digitale Zusammenarbeit");
    let concern = caller.concern(fields).await.unwrap();
    assert_eq!(concern.stage, ConcernStage::Decided);
    assert_eq!(
        concern.follow_ups[0].link,
        FollowUpLink::ActionField {
            programme,
            number: added.number
        }
    );

    // A decision "project" registers it; the concern links it.
    let register = FollowUp::RegisterProject {
        title: title("Pilot RAV–IV"),
        focus_area: Some(FocusArea::parse("labour_market_integration").unwrap()),
        project: Box::new(ProjectKind::Associated {
            owner: Party::Tenant(TenantId::National),
            summary: text("Pilot der Fachstelle"),
        }),
    };
    let applied = decide(&app, &office, meeting, 3, StgOutcome::Project, register).await;
    assert_eq!(applied, Some(Propagation::Applied));
    let concern = caller.concern(project).await.unwrap();
    let FollowUpLink::Project { project: id } = concern.follow_ups[0].link else {
        panic!("{:?}", concern.follow_ups);
    };
    assert_eq!(
        caller.project(id).await.unwrap().title.as_str(),
        "Pilot RAV–IV"
    );

    // Carried out again (a crash after the minutes): nothing twice.
    assert_eq!(app.resume_propagations().await.unwrap(), 0);
    assert_eq!(caller.concern(project).await.unwrap().follow_ups.len(), 1);
    assert_eq!(all::<ProjectView>(&app, PROJECTS).await.len(), 1);
    app.store().close().await;
}

#[tokio::test]
async fn follow_ups_on_sqlite() {
    stg_decisions_lead_to_projects_and_action_fields(
        TestDatabase::sqlite_with(iiz_app::upcasters()).await,
    )
    .await;
}

#[tokio::test]
async fn follow_ups_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        stg_decisions_lead_to_projects_and_action_fields(db).await;
    }
}
