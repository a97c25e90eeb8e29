//! Two `iiz serve` processes start on one PostgreSQL after a read model's
//! version changed: exactly one rebuilds it, both keep answering with
//! complete data meanwhile, and every concern drafted during the rebuild
//! is in the generation switched in.

use std::collections::BTreeSet;
use std::time::Duration;

use iiz_notifier::testing::{NatsServer, nats_server_installed};
use iiz_store::testing::TestDatabase;
use iiz_store::{Doc, DocQuery, EventStore};
use serde_json::{Value, json};

use crate::support::{Instance, Session, Shared, eventually, fill_log};

const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }";
const CONCERNS: &str =
    "{ concerns(first: 500) { nodes { id } } tenants(first: 50) { nodes { id } } }";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
/// Working groups of 100 events each appended before the start, so the
/// rebuild runs long enough to be watched (40 000 events were once enough;
/// since rebuilds write beside applying, a debug build replays them within
/// the first draft's round trip).
const FILLER_BODIES: usize = 1_200;

fn draft(title: &str) -> Value {
    json!({ "input": { "tenant": "ZH", "content": {
        "title": title,
        "description": "Lehrabbrüche bei IV-Versicherten werden zu spät erkannt.",
        "language": "DE"
    }}})
}

/// The concerns the instance lists to Anna, after checking it lists every
/// tenant (a half-built generation would miss some).
async fn listed(instance: &Instance, session: &Session) -> BTreeSet<String> {
    let data = instance.graphql(session, CONCERNS, json!({})).await;
    let tenants = data["tenants"]["nodes"].as_array().unwrap().len();
    assert_eq!(tenants, 27, "{} lists every tenant", instance.name);
    data["concerns"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn rebuilding(instance: &Instance) -> bool {
    instance.metric("iiz_read_models_rebuilding").await == Some(1.0)
}

async fn everything(store: &iiz_store::Store, collections: &[&str]) -> Vec<Doc> {
    let mut all = Vec::new();
    for collection in collections {
        let query = DocQuery {
            collection: (*collection).to_owned(),
            limit: 1_000_000,
            ..DocQuery::default()
        };
        all.extend(store.docs(&query).await.unwrap());
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_of_two_instances_rebuilds_while_both_serve() {
    if !nats_server_installed() {
        return;
    }
    let mut nats = NatsServer::new();
    nats.start();
    let Some(database) = TestDatabase::postgres_with(iiz_app::upcasters()).await else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let shared = Shared::new(&database.url, &nats.url(), None);
    shared.load_demo(data.path());
    let app = iiz_app::App::new(database.store.clone());
    fill_log(&app, FILLER_BODIES).await;
    // A new version of the concern register's code, as after an upgrade.
    let store = &database.store;
    let iiz_store::Store::Postgres(postgres) = store else {
        unreachable!("a PostgreSQL test database")
    };
    let changed =
        sqlx::query("UPDATE checkpoints SET version = version - 1 WHERE name = 'concern_register'")
            .execute(postgres.pool())
            .await
            .unwrap();
    assert_eq!(changed.rows_affected(), 1);

    let mut a = shared.serve(data.path(), "a");
    let mut b = shared.serve(data.path(), "b");
    let anna_a = a.sign_in(ANNA).await;
    let anna_b = b.sign_in(ANNA).await;
    let mut expected = listed(&a, &anna_a).await;
    assert!(!expected.is_empty());
    eventually(Duration::from_secs(30), "a rebuild starts", || async {
        rebuilding(&a).await || rebuilding(&b).await
    })
    .await;

    // Draft through both while it runs; after each draft both list every
    // concern drafted so far.
    let mut during = 0;
    let mut n = 0;
    loop {
        let before = rebuilding(&a).await || rebuilding(&b).await;
        let (instance, session) = if n % 2 == 0 {
            (&a, &anna_a)
        } else {
            (&b, &anna_b)
        };
        let id = instance
            .graphql(
                session,
                DRAFT,
                draft(&format!("Während des Neuaufbaus {n}")),
            )
            .await["draftConcern"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        expected.insert(id);
        n += 1;
        assert_eq!(listed(&a, &anna_a).await, expected, "a answers completely");
        assert_eq!(listed(&b, &anna_b).await, expected, "b answers completely");
        let after = rebuilding(&a).await || rebuilding(&b).await;
        if before && after {
            during += 1;
        }
        if !after {
            break;
        }
    }
    eprintln!("drafts: {n}, while rebuilding: {during}");
    assert!(during > 0, "no draft landed while the rebuild ran");

    let rebuilt_a = a.metric("iiz_read_model_rebuilds").await.unwrap();
    let rebuilt_b = b.metric("iiz_read_model_rebuilds").await.unwrap();
    assert_eq!(
        rebuilt_a + rebuilt_b,
        1.0,
        "exactly one instance rebuilt (a {rebuilt_a}, b {rebuilt_b})"
    );
    let stale = iiz_projections::staleness(store, app.projections())
        .await
        .unwrap();
    assert!(stale.stale.is_empty(), "{:?}", stale.stale);
    assert_eq!(listed(&a, &anna_a).await, expected);
    assert_eq!(listed(&b, &anna_b).await, expected);

    // Nothing appended during the rebuild is missing: the generation
    // switched in equals one rebuilt from the log with nothing running.
    a.kill();
    b.kill();
    let collections = app.projections().collections();
    let switched = everything(store, &collections).await;
    let quiet = iiz_projections::rebuild(store, app.projections(), &|_| {})
        .await
        .unwrap();
    assert_eq!(quiet.head, store.head().await.unwrap());
    assert!(everything(store, &collections).await == switched);
}
