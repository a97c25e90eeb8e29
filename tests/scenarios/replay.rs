//! A read model rebuilt from the log equals the one kept live.

use chrono::NaiveDate;
use iiz_app::App;
use iiz_app::tenants::{body_stream, seeded_body_id, tenant_stream};
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::tenant::{Tenant, TenantCommand};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{Language, TenantId};
use iiz_store::{Doc, DocQuery, EventMetadata, EventStore};
use iiz_tests::{Backend, database};

crate::on_both_backends!(a_rebuilt_read_model_equals_the_live_one);

/// Every document of every read model, collection by collection.
pub(crate) async fn everything(app: &App) -> Vec<Doc> {
    let mut all = Vec::new();
    for collection in app.projections().collections() {
        let query = DocQuery {
            collection: collection.to_owned(),
            limit: 100_000,
            ..DocQuery::default()
        };
        all.extend(app.store().docs(&query).await.unwrap());
    }
    all
}

async fn a_rebuilt_read_model_equals_the_live_one(backend: Backend) {
    let Some(db) = database(backend).await else {
        return;
    };
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    app.load_demo().await.unwrap();
    // Exercise every event type, not only the creating ones.
    let meta = || EventMetadata::new("person:test");
    let stg = seeded_body_id(TenantId::National, "STG");
    let ekg = seeded_body_id(TenantId::National, "EKG");
    let text = |s: &str| FreeText::parse(s).unwrap();
    app.execute::<Body>(
        body_stream(TenantId::National, stg),
        BodyCommand::AmendMandate {
            mandate: text("Neues Mandat"),
        },
        meta(),
    )
    .await
    .unwrap();
    let renamed = LocalizedName::parse([(Language::De, "EKG IIZ".to_owned())]).unwrap();
    app.execute::<Body>(
        body_stream(TenantId::National, ekg),
        BodyCommand::Rename { names: renamed },
        meta(),
    )
    .await
    .unwrap();
    let dissolve = BodyCommand::Dissolve {
        active_to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        reason: text("Aufgaben an das EKG übertragen"),
    };
    app.execute::<Body>(body_stream(TenantId::National, ekg), dissolve, meta())
        .await
        .unwrap();
    let zh = TenantId::parse("ZH").unwrap();
    let names = LocalizedName::parse([
        (Language::De, "Kanton Zürich".to_owned()),
        (Language::Fr, "Canton de Zurich".to_owned()),
        (Language::It, "Cantone di Zurigo".to_owned()),
    ])
    .unwrap();
    app.execute::<Tenant>(tenant_stream(zh), TenantCommand::Rename { names }, meta())
        .await
        .unwrap();

    let live = everything(&app).await;
    let national = app.tenant(TenantId::National).await.unwrap().unwrap();
    assert_eq!(
        national.active_bodies, 2,
        "STG and Fachstelle remain active"
    );
    assert!(live.len() > 50, "{} documents", live.len());

    let report = iiz_projections::rebuild(app.store(), app.projections(), &|_| {})
        .await
        .unwrap();
    assert_eq!(report.events, events_in_log(&app).await);
    let rebuilt = everything(&app).await;
    assert_eq!(rebuilt, live);
    for projection in app.projections().iter() {
        let checkpoint = app
            .store()
            .checkpoint(projection.name())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(checkpoint.cursor, report.head);
        assert_eq!(checkpoint.version, projection.version());
    }
    assert!(
        iiz_projections::staleness(app.store(), app.projections())
            .await
            .unwrap()
            .stale
            .is_empty()
    );
}

/// Every event committed so far, counted by reading the log to its head.
async fn events_in_log(app: &App) -> u64 {
    let head = app.store().head().await.unwrap();
    let mut cursor = iiz_store::LogCursor::START;
    let mut count = 0;
    while cursor < head {
        let batch = app.store().read_all(cursor, 1000).await.unwrap();
        let Some(last) = batch.last() else { break };
        cursor = last.cursor;
        count += batch.len() as u64;
    }
    count
}
