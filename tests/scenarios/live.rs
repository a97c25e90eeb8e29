//! Subscriptions over WebSocket through the real server: a coordinator
//! follows her concern live; a session cookie alone (what another site's
//! page would send) cannot subscribe; another canton cannot follow a draft.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

crate::on_both_backends!(a_concern_is_followed_live);

pub(crate) type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub(crate) async fn connect(app: &TestApp, session: &Session, init: Value) -> Socket {
    let url = format!("{}/graphql/ws", app.base_url.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    let headers = request.headers_mut();
    headers.insert("cookie", session.cookie.parse().unwrap());
    headers.insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let init = json!({ "type": "connection_init", "payload": init });
    socket.send(Message::text(init.to_string())).await.unwrap();
    socket
}

/// The next protocol message (pings skipped), or `None` once closed.
pub(crate) async fn receive(socket: &mut Socket) -> Option<Value> {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("no message within 10 s")?;
        match message.ok()? {
            Message::Text(text) => {
                let value: Value = serde_json::from_str(&text).unwrap();
                if value["type"] != "ping" && value["type"] != "pong" {
                    return Some(value);
                }
            }
            Message::Close(_) => return None,
            _ => {}
        }
    }
}

async fn subscribe(socket: &mut Socket, id: &str) {
    let subscribe = json!({
        "id": "1",
        "type": "subscribe",
        "payload": {
            "query": "subscription($id: ID!) { concernChanged(id: $id) { stage version timeline { kind } } }",
            "variables": { "id": id },
        },
    });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .unwrap();
}

async fn a_concern_is_followed_live(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = app
        .sign_in("anna.beispiel@zh.demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let luc = app
        .sign_in("luc.exemple@ge.demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let (_, drafted) = app
        .graphql(
            As::Session(&anna),
            "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }",
            json!({ "input": { "tenant": "ZH", "content": {
                "title": "Schnittstelle IV und Berufsbildung",
                "description": "Lehrabbrüche bei IV-Versicherten werden zu spät erkannt.",
                "language": "DE"
            }}}),
        )
        .await
        .unwrap();
    let id = drafted["data"]["draftConcern"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{drafted}"))
        .to_owned();

    // The cookie alone does not open a subscription.
    let mut forged = connect(&app, &anna, json!({})).await;
    let refused = receive(&mut forged).await;
    assert!(
        refused
            .as_ref()
            .is_none_or(|message| message["type"] != "connection_ack"),
        "{refused:?}"
    );

    // Anna follows her draft: first its state, then each change.
    let mut socket = connect(&app, &anna, json!({ "csrfToken": anna.csrf })).await;
    assert_eq!(
        receive(&mut socket).await.unwrap()["type"],
        "connection_ack"
    );
    subscribe(&mut socket, &id).await;
    let first = receive(&mut socket).await.unwrap();
    assert_eq!(first["type"], "next", "{first}");
    assert_eq!(first["payload"]["data"]["concernChanged"]["stage"], "DRAFT");
    let version = first["payload"]["data"]["concernChanged"]["version"]
        .as_u64()
        .unwrap();
    let (_, commented) = app
        .graphql(
            As::Session(&anna),
            "mutation($id: ID!) { commentOnConcern(id: $id, text: \"Bitte Zahlen ergänzen\") { version } }",
            json!({ "id": id }),
        )
        .await
        .unwrap();
    assert!(commented["errors"].is_null(), "{commented}");
    let change = receive(&mut socket).await.unwrap();
    let changed = &change["payload"]["data"]["concernChanged"];
    assert_eq!(changed["version"], version + 1, "{change}");
    assert_eq!(changed["timeline"][1]["kind"], "commented");

    // Geneva cannot follow Zurich's draft.
    let mut geneva = connect(&app, &luc, json!({ "csrfToken": luc.csrf })).await;
    assert_eq!(
        receive(&mut geneva).await.unwrap()["type"],
        "connection_ack"
    );
    subscribe(&mut geneva, &id).await;
    let hidden = receive(&mut geneva).await.unwrap();
    // A resolver's refusal arrives as the subscription's only result.
    assert!(hidden["payload"]["data"].is_null(), "{hidden}");
    assert_eq!(
        hidden["payload"]["errors"][0]["extensions"]["code"],
        "NOT_FOUND"
    );
}
