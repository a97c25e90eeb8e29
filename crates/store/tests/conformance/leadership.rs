//! Leadership of singleton tasks: one instance leads on PostgreSQL, and the
//! lead passes on when it is released or its holder dies.

use std::time::{Duration, Instant};

use iiz_store::{Leadership, PgEventStore, Store};

/// Tries to lead until it works or `within` has passed.
async fn lead_within(store: &Store, name: &str, within: Duration) -> Option<Leadership> {
    let deadline = Instant::now() + within;
    loop {
        if let Some(leadership) = store.try_lead(name).await.unwrap() {
            return Some(leadership);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A second instance on the same database.
async fn second_instance(url: &str) -> Store {
    Store::Postgres(PgEventStore::connect(url, 2).await.unwrap())
}

#[tokio::test]
async fn sqlite_always_leads() {
    let db = crate::support::sqlite().await;
    let mut first = db.store.try_lead("relay").await.unwrap().unwrap();
    let mut second = db.store.try_lead("relay").await.unwrap().unwrap();
    assert!(first.holds().await && second.holds().await);
    first.release().await;
    second.release().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_one_instance_leads_until_it_releases() {
    let Some(db) = crate::support::postgres().await else {
        return;
    };
    let other = second_instance(&db.url).await;
    let mut leader = db.store.try_lead("relay").await.unwrap().unwrap();
    assert!(leader.holds().await);
    assert!(other.try_lead("relay").await.unwrap().is_none());
    assert!(db.store.try_lead("relay").await.unwrap().is_none());
    // Tasks of other names are led independently.
    let digest = other.try_lead("digest").await.unwrap().unwrap();

    leader.release().await;
    let mut successor = lead_within(&other, "relay", Duration::from_secs(5))
        .await
        .expect("the released lead passes on");
    assert!(successor.holds().await);
    assert!(db.store.try_lead("relay").await.unwrap().is_none());
    successor.release().await;
    digest.release().await;
    other.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_dropped_leader_passes_the_lead_on() {
    let Some(db) = crate::support::postgres().await else {
        return;
    };
    let first = second_instance(&db.url).await;
    let leader = first.try_lead("relay").await.unwrap().unwrap();
    assert!(db.store.try_lead("relay").await.unwrap().is_none());
    // The instance goes away without releasing: its connections close.
    drop(leader);
    first.close().await;
    let successor = lead_within(&db.store, "relay", Duration::from_secs(5))
        .await
        .expect("a dropped lead passes on");
    successor.release().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_leader_whose_connection_died_knows_it() {
    let Some(db) = crate::support::postgres().await else {
        return;
    };
    let pg = PgEventStore::connect(&db.url, 2).await.unwrap();
    let other = Store::Postgres(pg.clone());
    let mut leader = db.store.try_lead("relay").await.unwrap().unwrap();
    // The server ends the lock's session, as on a failover or a network cut.
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_locks \
         WHERE locktype = 'advisory' \
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .fetch_all(pg.pool())
    .await
    .unwrap();
    assert_eq!(ended, [true]);
    let deadline = Instant::now() + Duration::from_secs(5);
    while leader.holds().await {
        assert!(
            Instant::now() < deadline,
            "the leader still thinks it leads"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let successor = lead_within(&other, "relay", Duration::from_secs(5))
        .await
        .expect("the lead of a dead session passes on");
    successor.release().await;
    leader.release().await;
    other.close().await;
}
