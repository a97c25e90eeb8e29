//! A person registered before sealing existed (name and address in the
//! clear in the log) is sealed in place when the application is prepared,
//! once; forgetting them afterwards leaves no plaintext in their stream.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_domain::{PersonId, TenantId};
use iiz_store::testing::TestDatabase;
use iiz_store::{AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, StreamRef};
use serde_json::json;

async fn legacy_person_is_sealed_then_forgotten(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.store().migrate().await.unwrap();
    let id = PersonId::new();
    let stream = StreamRef::new("ZH", "person", id.to_string());
    // What the log held before: a registration in the clear.
    app.store()
        .append(
            AppendRequest {
                stream: stream.clone(),
                expected: ExpectedVersion::NoStream,
                events: vec![NewEvent::new(
                    "Registered",
                    1,
                    json!({"id": id, "home": "ZH", "name": "Ottilie Legacyname",
                           "email": "ottilie@legacy.example", "language": "de"}),
                )],
                metadata: EventMetadata::new("system:test"),
            },
            app.projections(),
        )
        .await
        .unwrap();
    app.prepare().await.unwrap();
    let stored = app.store().read_stream(&stream, 0).await.unwrap();
    let text = stored[0].payload.to_string();
    assert!(
        text.contains("sealed") && !text.contains("Ottilie"),
        "{text}"
    );
    // Opened through the app, the person reads as before.
    assert_eq!(
        app.person_view(id).await.unwrap().unwrap().name,
        "Ottilie Legacyname"
    );
    assert_eq!(
        app.seal_legacy_personal_fields().await.unwrap(),
        0,
        "runs once"
    );

    let admin = Principal {
        person: PersonId::new(),
        home: TenantId::National,
        roles: Default::default(),
        platform_admin: true,
        scope: None,
        language: iiz_domain::Language::De,
    };
    app.caller(Some(&admin))
        .forget_person(id, "asked for erasure")
        .await
        .unwrap();
    let view = app.person_view(id).await.unwrap().unwrap();
    assert!(view.erased && !view.name.contains("Ottilie"));
    let (loaded, _) = app.load::<iiz_domain::Person>(&stream).await.unwrap();
    assert!(loaded.is_forgotten() && loaded.name().is_none());
}

#[tokio::test]
async fn sqlite() {
    legacy_person_is_sealed_then_forgotten(TestDatabase::sqlite_with(iiz_app::upcasters()).await)
        .await;
}

#[tokio::test]
async fn postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        legacy_person_is_sealed_then_forgotten(db).await;
    }
}
