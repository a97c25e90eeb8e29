//! Commands through the application layer: refusals, idempotency, races.

use iiz_app::tenants::{body_stream, seeded_body_id};
use iiz_app::{App, AppError};
use iiz_domain::TenantId;
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::error::ErrorKind;
use iiz_domain::text::FreeText;
use iiz_store::{EventMetadata, EventStore};
use iiz_tests::{Backend, database};

crate::on_both_backends!(
    demo_data_loads_once_and_refusals_change_nothing,
    a_repeated_idempotency_key_runs_the_command_once,
    concurrent_commands_on_one_body_all_land,
);

async fn prepared(backend: Backend) -> Option<(iiz_store::testing::TestDatabase, App)> {
    let db = database(backend).await?;
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    app.load_demo().await.unwrap();
    Some((db, app))
}

fn stg() -> iiz_store::StreamRef {
    body_stream(
        TenantId::National,
        seeded_body_id(TenantId::National, "STG"),
    )
}

async fn demo_data_loads_once_and_refusals_change_nothing(backend: Backend) {
    let Some((_db, app)) = prepared(backend).await else {
        return;
    };
    let head = app.store().head().await.unwrap();
    let again = app.load_demo().await.unwrap();
    assert_eq!((again.tenants_registered, again.bodies_established), (0, 0));
    assert_eq!(app.store().head().await.unwrap(), head, "nothing appended");
    let refused = app
        .execute::<Body>(
            stg(),
            BodyCommand::Dissolve {
                active_to: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
                reason: FreeText::parse("x").unwrap(),
            },
            EventMetadata::new("person:test"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            refused,
            AppError::Domain {
                kind: ErrorKind::Validation,
                ..
            }
        ),
        "{refused:?}"
    );
    assert_eq!(
        app.store().head().await.unwrap(),
        head,
        "a refusal appends nothing"
    );
}

async fn a_repeated_idempotency_key_runs_the_command_once(backend: Backend) {
    let Some((_db, app)) = prepared(backend).await else {
        return;
    };
    let command = BodyCommand::AmendMandate {
        mandate: FreeText::parse("Mandat 2027").unwrap(),
    };
    let meta = EventMetadata::new("person:test").with_idempotency_key("amend-1");
    let before = app.store().read_stream(&stg(), 0).await.unwrap().len();
    let first = app
        .execute::<Body>(stg(), command.clone(), meta.clone())
        .await
        .unwrap();
    let again = app.execute::<Body>(stg(), command, meta).await.unwrap();
    assert!(again.deduplicated);
    assert_eq!(again.events, first.events);
    assert_eq!(
        app.store().read_stream(&stg(), 0).await.unwrap().len(),
        before + 1
    );
}

async fn concurrent_commands_on_one_body_all_land(backend: Backend) {
    let Some((_db, app)) = prepared(backend).await else {
        return;
    };
    let before = app.store().read_stream(&stg(), 0).await.unwrap().len();
    let writers = (0..8).map(|n| {
        let app = app.clone();
        tokio::spawn(async move {
            let command = BodyCommand::AmendMandate {
                mandate: FreeText::parse(format!("Fassung {n}")).unwrap(),
            };
            app.execute::<Body>(stg(), command, EventMetadata::new("person:test"))
                .await
        })
    });
    for result in futures::future::join_all(writers).await {
        result.unwrap().unwrap();
    }
    let events = app.store().read_stream(&stg(), 0).await.unwrap();
    assert_eq!(events.len(), before + 8, "eight amendments");
    let view = app.bodies(&Default::default(), 500, None).await.unwrap();
    let stg_view = view
        .items
        .iter()
        .find(|b| b.id == seeded_body_id(TenantId::National, "STG"))
        .unwrap();
    assert_eq!(
        stg_view.version,
        events.len() as u64,
        "the read model saw every amendment"
    );
    assert_eq!(
        stg_view.mandate,
        events.last().unwrap().payload["mandate"].as_str().unwrap()
    );
}
