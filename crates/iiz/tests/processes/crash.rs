//! Kill the process that relays and notifies mid-stream, take NATS away for
//! a while, keep SMTP down until the end: every event reaches the stream
//! exactly once and every e-mail arrives exactly once.

use std::collections::BTreeSet;
use std::time::Duration;

use iiz_notifier::testing::{NatsServer, SmtpServer, nats_server_installed};
use iiz_store::testing::TestDatabase;
use serde_json::json;

use crate::support::{Shared, eventually, fill_log, published_ids, stream_ids};

const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }";
const SUBMIT: &str = "mutation($id: ID!) { submitConcern(id: $id) { concern { stage } } }";

fn geneva_concern(n: usize) -> serde_json::Value {
    json!({ "input": { "tenant": "GE", "content": {
        "title": format!("Fin de droits: coordination ORP et aide sociale ({n})"),
        "description": "Les personnes en fin de droit sont évaluées deux fois, par l'ORP puis par l'aide sociale.",
        "whyNotCantonal": "Le droit fédéral (LACI) fixe les compétences.",
        "institutions": ["ALV_RAV", "SH"],
        "language": "FR"
    }}})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crashes_and_outages_lose_and_double_nothing() {
    if !nats_server_installed() {
        return;
    }
    let mut nats = NatsServer::new();
    nats.start();
    // Not started: SMTP is down until the end, e-mails wait in the outbox.
    let Some(mut smtp) = SmtpServer::prepare(&[]) else {
        return;
    };
    let Some(database) = TestDatabase::postgres_with(iiz_app::upcasters()).await else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let shared = Shared::new(&database.url, &nats.url(), Some(smtp.port));
    shared.load_demo(data.path());
    // A long stream, so the kill lands while the relay is still at work.
    fill_log(&iiz_app::App::new(database.store.clone()), 100).await;
    let expected_demo = published_ids(&database.store).await;

    // 1. The relay and the notifier die mid-stream.
    let mut first = shared.serve(data.path(), "first");
    eventually(
        Duration::from_secs(30),
        "the relay starts publishing",
        || async { stream_count(&shared).await > 0 },
    )
    .await;
    first.kill();
    let published_at_kill = stream_count(&shared).await;

    // 2. A new process picks up where the checkpoint says; people work on.
    let second = shared.serve(data.path(), "second");
    let luc = second.sign_in("luc.exemple@ge.demo.iiz.invalid").await;
    let mut concerns = Vec::new();
    for n in 0..3 {
        let id = second.graphql(&luc, DRAFT, geneva_concern(n)).await["draftConcern"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        second.graphql(&luc, SUBMIT, json!({ "id": id })).await;
        concerns.push(id);
    }

    // 3. NATS goes away; the platform keeps taking commands and stays ready.
    nats.kill();
    for n in 3..6 {
        let id = second.graphql(&luc, DRAFT, geneva_concern(n)).await["draftConcern"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        second.graphql(&luc, SUBMIT, json!({ "id": id })).await;
        concerns.push(id);
    }
    // The client notices the lost connection on its own time (a loaded
    // machine may take a while): readiness says so once it has.
    let readyz = format!("{}/readyz", second.base_url);
    eventually(
        Duration::from_secs(30),
        "readiness reports the bus unreachable",
        || async {
            let ready = reqwest::get(&readyz).await.unwrap();
            assert_eq!(ready.status(), 200, "NATS down does not fail readiness");
            let readiness: serde_json::Value = ready.json().await.unwrap();
            readiness["bus"] == "unreachable"
        },
    )
    .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    nats.start();

    // 4. Everything is published exactly once.
    let expected = published_ids(&database.store).await;
    assert!(
        expected.len() > expected_demo.len() + 6,
        "the new commands were logged"
    );
    eventually(Duration::from_secs(60), "the relay catches up", || async {
        stream_count(&shared).await >= expected.len() as u64
    })
    .await;
    let in_stream = stream_ids(&nats.url(), &shared.stream).await;
    let unique: BTreeSet<_> = in_stream.iter().copied().collect();
    assert_eq!(
        unique.len(),
        in_stream.len(),
        "no event is in the stream twice"
    );
    assert_eq!(unique, expected, "every published event is in the stream");
    assert!(
        published_at_kill < expected_demo.len() as u64,
        "the kill came mid-stream ({published_at_kill} of {})",
        expected_demo.len()
    );

    // 5. SMTP comes back: every e-mail the notifications asked for arrives once.
    smtp.start();
    let delivered = || async {
        let expected: BTreeSet<String> = notification_ids(&database.store)
            .await
            .iter()
            .map(|id| format!("<{id}@iiz>"))
            .collect();
        let received: BTreeSet<String> = smtp
            .received()
            .into_iter()
            .map(|mail| mail.message_id)
            .collect();
        !expected.is_empty() && expected == received
    };
    eventually(
        Duration::from_secs(120),
        "every e-mail is delivered",
        delivered,
    )
    .await;
    // Give a late duplicate or a late notification the chance to show.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(delivered().await, "nothing arrived after the count matched");
    let ids: Vec<String> = smtp
        .received()
        .into_iter()
        .map(|mail| mail.message_id)
        .collect();
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no e-mail arrived twice");
    drop(second);
}

async fn stream_count(shared: &Shared) -> u64 {
    let Ok(client) = async_nats::connect(&shared.nats_url).await else {
        return 0;
    };
    let jetstream = async_nats::jetstream::new(client);
    match jetstream.get_stream(&shared.stream).await {
        Ok(mut stream) => stream.info().await.map_or(0, |info| info.state.messages),
        Err(_) => 0,
    }
}

/// The ids of every notification written, over every person's inbox.
async fn notification_ids(store: &iiz_store::Store) -> BTreeSet<uuid::Uuid> {
    use iiz_store::{DocQuery, EventStore};
    let mut ids = BTreeSet::new();
    let people = store
        .docs(&DocQuery {
            collection: iiz_projections::PEOPLE.to_owned(),
            limit: 10_000,
            ..DocQuery::default()
        })
        .await
        .unwrap();
    for person in people {
        let mut before = None;
        loop {
            let page = store
                .inbox(&person.key.id, false, 500, before)
                .await
                .unwrap();
            let Some(last) = page.last() else { break };
            before = Some(last.sequence);
            ids.extend(page.iter().map(|item| item.id));
        }
    }
    ids
}
