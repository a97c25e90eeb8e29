//! Two `iiz serve` processes on one PostgreSQL and one NATS: a subscriber on
//! one sees a change made through the other within a second, and when the
//! process that holds the relay dies the other takes it over.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use iiz_notifier::testing::{NatsServer, nats_server_installed};
use iiz_store::testing::TestDatabase;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::support::{Instance, Session, Shared, eventually, published_ids, stream_ids};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }";
const COMMENT: &str = "mutation($id: ID!, $text: String!) { commentOnConcern(id: $id, text: $text, visibility: SHARED) { id } }";

fn zurich_draft(title: &str) -> Value {
    json!({ "input": { "tenant": "ZH", "content": {
        "title": title,
        "description": "Lehrabbrüche bei IV-Versicherten werden zu spät erkannt.",
        "language": "DE"
    }}})
}

async fn follow(instance: &Instance, session: &Session, id: &str) -> Socket {
    let url = format!(
        "{}/graphql/ws",
        instance.base_url.replace("http://", "ws://")
    );
    let mut request = url.into_client_request().unwrap();
    request
        .headers_mut()
        .insert("cookie", session.cookie.parse().unwrap());
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let init = json!({ "type": "connection_init", "payload": { "csrfToken": session.csrf } });
    socket.send(Message::text(init.to_string())).await.unwrap();
    assert_eq!(receive(&mut socket).await["type"], "connection_ack");
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": {
        "query": "subscription($id: ID!) { concernChanged(id: $id) { version } }",
        "variables": { "id": id },
    }});
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .unwrap();
    socket
}

async fn receive(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")
            .unwrap()
            .unwrap();
        if let Message::Text(text) = message {
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["type"] != "ping" && value["type"] != "pong" {
                return value;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_live_updates_and_the_relay() {
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
    let mut a = shared.serve(data.path(), "a");
    let mut b = shared.serve(data.path(), "b");

    // A change through A reaches a subscriber on B within a second.
    let anna_a = a.sign_in("anna.beispiel@zh.demo.iiz.invalid").await;
    let anna_b = b.sign_in("anna.beispiel@zh.demo.iiz.invalid").await;
    let id = a
        .graphql(&anna_a, DRAFT, zurich_draft("Lehrabbrüche früher erkennen"))
        .await["draftConcern"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut socket = follow(&b, &anna_b, &id).await;
    let first = receive(&mut socket).await;
    let version = first["payload"]["data"]["concernChanged"]["version"]
        .as_u64()
        .unwrap_or_else(|| panic!("{first}"));
    for round in 0..3 {
        let sent = Instant::now();
        a.graphql(
            &anna_a,
            COMMENT,
            json!({ "id": id, "text": format!("Ergänzung {round}") }),
        )
        .await;
        let change = receive(&mut socket).await;
        let elapsed = sent.elapsed();
        assert_eq!(
            change["payload"]["data"]["concernChanged"]["version"],
            version + 1 + round,
            "{change}"
        );
        assert!(
            elapsed < Duration::from_secs(1),
            "B heard of A's change after {elapsed:?}"
        );
    }

    // Exactly one of them relays; kill it and the other takes over.
    let leading_a = a.metric("iiz_relay_leading").await == Some(1.0);
    let leading_b = b.metric("iiz_relay_leading").await == Some(1.0);
    assert!(
        leading_a != leading_b,
        "exactly one instance relays ({leading_a}, {leading_b})"
    );
    let (leader, survivor) = if leading_a {
        (&mut a, &b)
    } else {
        (&mut b, &a)
    };
    leader.kill();
    let anna = survivor.sign_in("anna.beispiel@zh.demo.iiz.invalid").await;
    for n in 0..5 {
        survivor
            .graphql(&anna, DRAFT, zurich_draft(&format!("Nach dem Ausfall {n}")))
            .await;
    }
    eventually(
        Duration::from_secs(10),
        "the survivor takes the relay over",
        || async { survivor.metric("iiz_relay_leading").await == Some(1.0) },
    )
    .await;
    let expected = published_ids(&database.store).await;
    eventually(
        Duration::from_secs(30),
        "the survivor publishes everything",
        || async {
            survivor.metric("iiz_relay_lag_events").await == Some(0.0)
                && stream_ids(&nats.url(), &shared.stream).await.len() >= expected.len()
        },
    )
    .await;
    let in_stream = stream_ids(&nats.url(), &shared.stream).await;
    let unique: BTreeSet<_> = in_stream.iter().copied().collect();
    assert_eq!(unique.len(), in_stream.len(), "nothing was published twice");
    assert_eq!(unique, expected, "nothing was lost");
}
