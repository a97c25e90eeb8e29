//! The limits of the GraphQL WebSocket over a real socket: open sockets per
//! address and per person, operations per socket, message size, the
//! `connection_init` deadline; and a live socket ending when its session
//! is signed out or its token revoked, and dropping what a removed role
//! allowed.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, spawn_app_with};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::live::Socket;

crate::on_both_backends!(
    a_socket_is_held_to_its_limits,
    a_socket_ends_with_its_credentials
);

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const ADMIN: &str = "admin@demo.iiz.invalid";

/// Opens a socket (with the cookie, if any) without sending anything.
async fn open(app: &TestApp, cookie: Option<&str>) -> Result<Socket, u16> {
    let url = format!("{}/graphql/ws", app.base_url.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    let headers = request.headers_mut();
    if let Some(cookie) = cookie {
        headers.insert("cookie", cookie.parse().unwrap());
    }
    headers.insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(response.status().as_u16())
        }
        Err(error) => panic!("{error}"),
    }
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .unwrap();
}

/// A socket that sent `connection_init` with `payload`. Opening is
/// retried while the slots of sockets just closed are being given back.
async fn init(app: &TestApp, cookie: Option<&str>, payload: Value) -> Socket {
    for _ in 0..50 {
        match open(app, cookie).await {
            Ok(mut socket) => {
                send(
                    &mut socket,
                    json!({ "type": "connection_init", "payload": payload }),
                )
                .await;
                return socket;
            }
            Err(429) => tokio::time::sleep(Duration::from_millis(100)).await,
            Err(status) => panic!("upgrade refused with {status}"),
        }
    }
    panic!("the address's slots were not given back");
}

/// What the socket says next: a protocol message, or its close code.
#[derive(Debug)]
enum Heard {
    Message(Value),
    Closed(u16, String),
}

async fn hear(socket: &mut Socket) -> Heard {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(10), socket.next())
            .await
            .expect("nothing heard within 10 s");
        match message {
            Some(Ok(Message::Text(text))) => {
                let value: Value = serde_json::from_str(&text).unwrap();
                if value["type"] != "ping" && value["type"] != "pong" {
                    return Heard::Message(value);
                }
            }
            Some(Ok(Message::Close(frame))) => {
                return frame.map_or(Heard::Closed(1005, String::new()), |frame| {
                    Heard::Closed(u16::from(frame.code), frame.reason.as_str().to_owned())
                });
            }
            Some(Ok(_)) => {}
            Some(Err(_)) | None => return Heard::Closed(1006, String::new()),
        }
    }
}

async fn acked(socket: &mut Socket) {
    match hear(socket).await {
        Heard::Message(message) if message["type"] == "connection_ack" => {}
        other => panic!("no ack: {other:?}"),
    }
}

/// The close that ends the socket. A few results already on their way
/// when the server decided to close may arrive first (under load they do);
/// more than that means it did not close.
async fn closed(socket: &mut Socket) -> (u16, String) {
    for _ in 0..5 {
        match hear(socket).await {
            Heard::Closed(code, reason) => return (code, reason),
            Heard::Message(message) if message["type"] == "next" => {}
            other => panic!("still open: {other:?}"),
        }
    }
    panic!("still open after five results")
}

fn subscribe(id: &str, query: &str, variables: Value) -> Value {
    json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } })
}

const INBOX: &str = "subscription { inboxChanged { unreadCount } }";

fn session_init(session: &Session) -> Value {
    json!({ "csrfToken": session.csrf })
}

async fn a_socket_is_held_to_its_limits(backend: Backend) {
    let Some(app) = spawn_app_with(backend, true, |config| {
        config.traffic.ws_connections_per_person = 2;
        config.traffic.ws_connections_per_address = 3;
        config.traffic.ws_subscriptions_per_connection = 2;
        config.traffic.ws_max_message_bytes = 4096;
        config.traffic.ws_init_timeout_seconds = 1;
    })
    .await
    .unwrap() else {
        return;
    };
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();

    // Per address: the fourth socket is refused before the upgrade.
    let mut anonymous = Vec::new();
    for _ in 0..3 {
        let mut socket = init(&app, None, json!({})).await;
        acked(&mut socket).await;
        anonymous.push(socket);
    }
    assert_eq!(open(&app, None).await.err(), Some(429));
    for mut socket in anonymous {
        socket.close(None).await.unwrap();
        while socket.next().await.is_some() {}
    }

    // Per person: Anna's third socket is closed at connection_init.
    let cookie = Some(anna.cookie.as_str());
    let mut first = init(&app, cookie, session_init(&anna)).await;
    acked(&mut first).await;
    let mut second = init(&app, cookie, session_init(&anna)).await;
    acked(&mut second).await;
    let mut third = init(&app, cookie, session_init(&anna)).await;
    let (code, reason) = closed(&mut third).await;
    assert_eq!(code, 4429, "{reason}");
    assert!(reason.contains("per person"), "{reason}");

    // Per socket: two operations at once, the third refused.
    send(&mut first, subscribe("1", INBOX, json!({}))).await;
    send(&mut first, subscribe("2", INBOX, json!({}))).await;
    for _ in 0..2 {
        let Heard::Message(next) = hear(&mut first).await else {
            panic!("closed")
        };
        assert_eq!(next["type"], "next", "{next}");
    }
    send(&mut first, subscribe("3", INBOX, json!({}))).await;
    let Heard::Message(refused) = hear(&mut first).await else {
        panic!("closed")
    };
    assert_eq!(
        refused["payload"]["errors"][0]["extensions"]["code"], "RATE_LIMITED",
        "{refused}"
    );
    // Once one is stopped, another may start.
    send(&mut first, json!({ "id": "1", "type": "complete" })).await;
    send(&mut first, subscribe("4", INBOX, json!({}))).await;
    loop {
        let Heard::Message(next) = hear(&mut first).await else {
            panic!("closed")
        };
        if next["id"] == "4" {
            assert_eq!(next["type"], "next", "{next}");
            break;
        }
    }

    // A message over the size limit ends the socket.
    let big = subscribe(
        "5",
        &format!("{{ me {{ id }} }} #{}", "x".repeat(8192)),
        json!({}),
    );
    send(&mut second, big).await;
    let (code, _) = closed(&mut second).await;
    assert!(code == 1009 || code == 1006, "{code}");

    // connection_init must come within the deadline.
    let mut silent = loop {
        match open(&app, None).await {
            Ok(socket) => break socket,
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    };
    let (code, _) = closed(&mut silent).await;
    assert_eq!(code, 4408);
}

async fn a_socket_ends_with_its_credentials(backend: Backend) {
    // The default limits: the credentials are checked again every minute,
    // so what follows ends the sockets through signals, at once.
    let Some(app) = spawn_app_with(backend, true, |_| {}).await.unwrap() else {
        return;
    };
    // Signing out ends the socket of the session.
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let mut socket = init(&app, Some(&anna.cookie), session_init(&anna)).await;
    acked(&mut socket).await;
    send(&mut socket, subscribe("1", INBOX, json!({}))).await;
    assert!(matches!(hear(&mut socket).await, Heard::Message(_)));
    let (_, out) = app
        .graphql(As::Session(&anna), "mutation { signOut }", json!({}))
        .await
        .unwrap();
    assert_eq!(out["data"]["signOut"], true);
    assert_eq!(closed(&mut socket).await.0, 4401);

    // Revoking a token ends the socket opened with it.
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let create = "mutation { createApiToken(name: \"live\", tenant: \"ZH\", roles: [COORDINATOR]) { secret token { id } } }";
    let (_, created) = app
        .graphql(As::Session(&anna), create, json!({}))
        .await
        .unwrap();
    let secret = created["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap();
    let token = created["data"]["createApiToken"]["token"]["id"]
        .as_str()
        .unwrap();
    let mut socket = init(
        &app,
        None,
        json!({ "authorization": format!("Bearer {secret}") }),
    )
    .await;
    acked(&mut socket).await;
    let (_, revoked) = app
        .graphql(
            As::Session(&anna),
            "mutation($id: ID!) { revokeApiToken(id: $id) }",
            json!({ "id": token }),
        )
        .await
        .unwrap();
    assert_eq!(revoked["data"]["revokeApiToken"], true, "{revoked}");
    assert_eq!(closed(&mut socket).await.0, 4401);

    // A role removed: the subscription that needed it ends, the socket
    // (and what needs no role) stays.
    let (_, drafted) = app
        .graphql(
            As::Session(&anna),
            "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }",
            json!({ "input": { "tenant": "ZH", "content": {
                "title": "Übergänge nach der Lehre",
                "description": "Abbrüche werden zu spät erkannt.",
                "language": "DE"
            }}}),
        )
        .await
        .unwrap();
    let concern = drafted["data"]["draftConcern"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{drafted}"))
        .to_owned();
    let (_, me) = app
        .graphql(As::Session(&anna), "{ me { id } }", json!({}))
        .await
        .unwrap();
    let person = me["data"]["me"]["id"].as_str().unwrap().to_owned();
    let mut socket = init(&app, Some(&anna.cookie), session_init(&anna)).await;
    acked(&mut socket).await;
    let follow = "subscription($id: ID!) { concernChanged(id: $id) { version } }";
    send(
        &mut socket,
        subscribe("c", follow, json!({ "id": concern })),
    )
    .await;
    let Heard::Message(first) = hear(&mut socket).await else {
        panic!("closed")
    };
    assert_eq!(first["type"], "next", "{first}");
    assert!(first["payload"]["errors"].is_null(), "{first}");
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let (_, removed) = app
        .graphql(
            As::Session(&admin),
            "mutation($person: ID!) { revokeTenantRole(person: $person, tenant: \"ZH\", role: COORDINATOR) { id } }",
            json!({ "person": person }),
        )
        .await
        .unwrap();
    assert!(removed["errors"].is_null(), "{removed}");
    let Heard::Message(ended) = hear(&mut socket).await else {
        panic!("the socket closed instead of the subscription")
    };
    assert_eq!(ended["id"], "c", "{ended}");
    let code = &ended["payload"]["errors"][0]["extensions"]["code"];
    assert!(code == "NOT_FOUND" || code == "FORBIDDEN", "{ended}");
    let Heard::Message(complete) = hear(&mut socket).await else {
        panic!("closed")
    };
    assert_eq!(complete["type"], "complete", "{complete}");
    send(&mut socket, subscribe("i", INBOX, json!({}))).await;
    let Heard::Message(inbox) = hear(&mut socket).await else {
        panic!("closed")
    };
    assert_eq!(inbox["id"], "i", "{inbox}");
    assert!(inbox["payload"]["errors"].is_null(), "{inbox}");
}
