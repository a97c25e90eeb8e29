//! A rebuild while commands keep coming: nothing appended meanwhile is
//! lost, and readers see the old generation or the new one, complete.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use iiz_app::App;
use iiz_app::tenants::{body_stream, seeded_body_id};
use iiz_domain::TenantId;
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::text::FreeText;
use iiz_projections::BODIES;
use iiz_store::{DocKey, EventMetadata, EventStore};

use crate::replay::everything;
use iiz_tests::{Backend, database};

crate::on_both_backends!(appends_during_a_rebuild_reach_the_new_generation);

async fn appends_during_a_rebuild_reach_the_new_generation(backend: Backend) {
    let Some(db) = database(backend).await else {
        return;
    };
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    app.load_demo().await.unwrap();
    let stg = seeded_body_id(TenantId::National, "STG");
    let tenants_before = app.tenants(100, None).await.unwrap().items.len();

    // Commands and reads run from before the rebuild starts until after it
    // ends.
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, done) = (app.clone(), done.clone());
        tokio::spawn(async move {
            let mut amended = 0u32;
            while !done.load(Ordering::Relaxed) || amended < 5 {
                amended += 1;
                let mandate = FreeText::parse(format!("Mandat, Fassung {amended}")).unwrap();
                app.execute::<Body>(
                    body_stream(TenantId::National, stg),
                    BodyCommand::AmendMandate { mandate },
                    EventMetadata::new("person:test"),
                )
                .await
                .unwrap();
            }
            amended
        })
    };
    let reader = {
        let (app, done) = (app.clone(), done.clone());
        tokio::spawn(async move {
            let mut reads = 0u32;
            while !done.load(Ordering::Relaxed) {
                // Every read sees a complete generation: all tenants.
                assert_eq!(
                    app.tenants(100, None).await.unwrap().items.len(),
                    tenants_before
                );
                reads += 1;
            }
            reads
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let report = iiz_projections::rebuild(app.store(), app.projections(), &|_| {})
        .await
        .unwrap();
    done.store(true, Ordering::Relaxed);
    let amended = writer.await.unwrap();
    let reads = reader.await.unwrap();
    assert!(reads > 0);
    assert!(
        report.caught_up > 0,
        "appends landed while the rebuild ran ({amended} commands)"
    );

    let last = format!("Mandat, Fassung {amended}");
    let stream = body_stream(TenantId::National, stg);
    let body = app
        .store()
        .doc(&DocKey::new(BODIES, &stream.stream_id))
        .await
        .unwrap()
        .expect("the STG");
    assert_eq!(body.body["mandate"], last, "the last command's mandate");
    // The switched-in generation equals one rebuilt with nothing running.
    let switched = everything(&app).await;
    let quiet = iiz_projections::rebuild(app.store(), app.projections(), &|_| {})
        .await
        .unwrap();
    assert_eq!(quiet.caught_up, 0);
    assert_eq!(everything(&app).await, switched);
    assert!(
        iiz_projections::staleness(app.store(), app.projections())
            .await
            .unwrap()
            .stale
            .is_empty()
    );
    assert_eq!(quiet.head, app.store().head().await.unwrap());
}
