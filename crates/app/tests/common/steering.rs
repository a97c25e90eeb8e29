//! What the steering tests share: a platform with the national and
//! cantonal bodies, an STG member, a BSV delegate in the STG and an EKG
//! member, and helpers to read refusals.

use chrono::NaiveDate;
pub use iiz_app::authz::Denied;
use iiz_app::authz::Principal;
use iiz_app::meetings::NewMeeting;
use iiz_app::people::NewPerson;
use iiz_app::tenants::{body_stream, seeded_body_id};
use iiz_app::{App, AppError, CantonCatalog};
use iiz_domain::basis::DecisionSource;
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::decision::ItemSubject;
use iiz_domain::error::ErrorKind;
use iiz_domain::meeting::{AgendaItem, Decision, ItemPurpose, MeetingCommand, Resolution, Slot};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{
    BodyId, BodyRole, Email, Institution, Language, PersonId, PersonName, TenantId, TenantRole,
};
use iiz_store::EventMetadata;
use iiz_store::testing::TestDatabase;

pub fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

pub fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

pub fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

pub fn someone(roles: &[(TenantId, TenantRole)]) -> Principal {
    Principal {
        person: PersonId::new(),
        home: roles
            .first()
            .map_or(TenantId::National, |(tenant, _)| *tenant),
        roles: roles.iter().copied().collect(),
        platform_admin: false,
        scope: None,
        language: Language::De,
    }
}

pub fn denied(result: Result<impl std::fmt::Debug, AppError>) -> Denied {
    match result {
        Err(AppError::Denied(denied)) => denied,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub fn kind(result: Result<impl std::fmt::Debug, AppError>) -> ErrorKind {
    match result {
        Err(error) => error.kind().unwrap_or_else(|| panic!("{error:?}")),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

pub struct World {
    pub app: App,
    pub stg: BodyId,
    pub ekg: BodyId,
    pub stg_member: Principal,
    pub bsv_delegate: Principal,
    pub ekg_member: Principal,
}

/// Registers a person and seats them in a national body.
pub async fn seated(app: &App, n: u8, body: BodyId, institution: &str) -> Principal {
    seated_as(app, n, body, institution, BodyRole::Member).await
}

/// Registers a person and seats them in a national body with `role`.
pub async fn seated_as(
    app: &App,
    n: u8,
    body: BodyId,
    institution: &str,
    role: BodyRole,
) -> Principal {
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
        role,
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

pub async fn world(db: &TestDatabase) -> World {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "test").await.unwrap();
    app.seed_national_bodies("test").await.unwrap();
    app.import_panorama_2020(&catalog).await.unwrap();
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

/// The body minutes a decision on `subject` at a past meeting (scheduled
/// and run by the office of the body's tenant, `office`) and returns it as
/// the basis the secretariat records the step with: the body decides as a
/// body (IIZ 3.0, 2.1).
pub async fn minuted_decision(
    app: &App,
    office: &Principal,
    body: BodyId,
    subject: ItemSubject,
) -> DecisionSource {
    minuted_item(app, office, body, subject, true).await
}

/// Like [`minuted_decision`], with `decided` false: the item is minuted
/// without a decision (discussed only).
pub async fn minuted_item(
    app: &App,
    office: &Principal,
    body: BodyId,
    subject: ItemSubject,
    decided: bool,
) -> DecisionSource {
    let caller = app.caller(Some(office));
    let starts_at = day("2025-03-04").and_hms_opt(9, 30, 0).unwrap();
    let new = NewMeeting {
        body,
        joint_with: None,
        title: title("Sitzung 1/2025"),
        slot: Slot {
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(2),
            place: Some(title("Bern")),
            online: None,
        },
    };
    let (meeting, _) = caller.schedule_meeting(new).await.unwrap();
    let item = AgendaItem {
        title: title("Beschluss"),
        purpose: if decided {
            ItemPurpose::Decision
        } else {
            ItemPurpose::Discussion
        },
        subject,
        note: FreeText::default(),
        documents: vec![],
    };
    let add = MeetingCommand::AddItem {
        item,
        reason: FreeText::default(),
    };
    caller.meeting_command(meeting, add).await.unwrap();
    caller
        .meeting_command(meeting, MeetingCommand::SendAgenda)
        .await
        .unwrap();
    let decision = decided.then(|| Decision {
        outcome: text("Beschlossen"),
        rationale: FreeText::default(),
        resolution: Resolution::Consensus,
        present: [office.person].into(),
        effect: None,
    });
    let minutes = MeetingCommand::RecordMinutes {
        number: 1,
        note: text("Besprochen"),
        decision,
    };
    caller.meeting_command(meeting, minutes).await.unwrap();
    DecisionSource::Meeting { meeting, item: 1 }
}
