//! What the steering tests share: a platform with the national and
//! cantonal bodies, an STG member, a BSV delegate in the STG and an EKG
//! member, and helpers to read refusals.

use chrono::NaiveDate;
pub use iiz_app::authz::Denied;
use iiz_app::authz::Principal;
use iiz_app::people::NewPerson;
use iiz_app::tenants::{body_stream, seeded_body_id};
use iiz_app::{App, AppError, CantonCatalog};
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::error::ErrorKind;
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

pub async fn world(db: &TestDatabase) -> World {
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
