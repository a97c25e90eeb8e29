//! The monitoring reads are kept in memory per instance until the log
//! changes them: a second instance on the same database that changes a
//! recommendation is seen by the first one's next read, which reads only
//! the changed recommendation again and shows what a full read shows.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[allow(dead_code, reason = "shared by the app's tests, each uses a part")]
mod common;

use common::fachstelle;
use iiz_app::App;
use iiz_app::recommendations::today;
use iiz_domain::Party;
use iiz_domain::recommendation::RecommendationCommand;
use iiz_domain::text::FreeText;
use iiz_projections::MonitoringPolicy;
use iiz_store::testing::TestDatabase;

async fn a_change_by_another_instance_is_seen_on_the_next_read(db: TestDatabase) {
    let first = App::new(db.store.clone());
    first.prepare().await.unwrap();
    first.load_demo().await.unwrap();
    let second = App::new(db.store.clone());
    let principal = fachstelle();
    let reader = first.caller(Some(&principal));
    let writer = second.caller(Some(&principal));
    let policy = MonitoringPolicy::default();

    let before = reader
        .recommendation_dashboard(today(), policy)
        .await
        .unwrap();
    // Read twice: the second read is served from memory.
    let again = reader
        .recommendation_dashboard(today(), policy)
        .await
        .unwrap();
    assert_eq!(before, again);
    let table = reader.monitoring_table(today(), policy).await.unwrap();
    let item = table
        .iter()
        .find(|record| record.recommendation_stage == "published" && !record.priority)
        .unwrap();
    let addressee = Party::parse(&item.addressee).unwrap();

    writer
        .recommendation_command(
            item.recommendation_id,
            RecommendationCommand::Prioritize {
                addressee,
                priority: true,
                note: FreeText::parse("Vordringlich").unwrap(),
            },
        )
        .await
        .unwrap();

    let after = reader
        .recommendation_dashboard(today(), policy)
        .await
        .unwrap();
    assert_eq!(after.priority.len(), before.priority.len() + 1);
    assert!(after.priority.iter().any(|open| {
        open.recommendation == item.recommendation_id && open.addressee == addressee
    }));
    let table = reader.monitoring_table(today(), policy).await.unwrap();
    assert!(table.iter().any(|record| {
        record.recommendation_id == item.recommendation_id
            && record.addressee == item.addressee
            && record.priority
    }));
    // The reader refreshed only the changed recommendation: what it shows
    // equals what an instance reading everything afresh shows.
    let fresh = App::new(db.store.clone());
    let afresh = fresh.caller(Some(&principal));
    assert_eq!(
        after,
        afresh
            .recommendation_dashboard(today(), policy)
            .await
            .unwrap()
    );
    assert_eq!(
        table,
        afresh.monitoring_table(today(), policy).await.unwrap()
    );
}

#[tokio::test]
async fn monitoring_cache_on_sqlite() {
    a_change_by_another_instance_is_seen_on_the_next_read(TestDatabase::sqlite().await).await;
}

#[tokio::test]
async fn monitoring_cache_on_postgres() {
    let Some(db) = TestDatabase::postgres().await else {
        return;
    };
    a_change_by_another_instance_is_seen_on_the_next_read(db).await;
}
