//! The inbox over GraphQL and live: a coordinator's open tab hears of a
//! notification as soon as the feed says so, reads it in the inbox and
//! marks it read, and the subscription shows it read. A tenant admin runs
//! the tenant's webhooks; a private target and someone else are refused.
//! Metrics and readiness report the relay and the bus.

use chrono::Utc;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::outbound::LiveSignal;
use iiz_store::{NewNotification, NotificationBatch};
use iiz_tests::{As, Backend, error_code, spawn_app};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

use crate::live::{connect, receive};

crate::on_both_backends!(
    an_inbox_is_followed_and_read_live,
    webhooks_are_run_by_the_tenant_admin
);

const ITEMS: &str =
    "subscription { inboxChanged(first: 5) { unreadCount items { id title readAt } } }";

/// The next `inboxChanged` payload.
async fn next_update(socket: &mut crate::live::Socket) -> Value {
    let message = receive(socket).await.unwrap();
    assert_eq!(message["type"], "next", "{message}");
    message["payload"]["data"]["inboxChanged"].clone()
}

fn item<'a>(update: &'a Value, title: &str) -> Option<&'a Value> {
    update["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["title"] == title)
}

async fn an_inbox_is_followed_and_read_live(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // The platform administrator holds no role the rules notify, so the
    // notifier, busy with the demo's own events, adds nothing to this inbox
    // while the test counts.
    let anna = app
        .sign_in("admin@demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let (_, me) = app
        .graphql(As::Session(&anna), "{ me { id } }", json!({}))
        .await
        .unwrap();
    let person = me["data"]["me"]["id"].as_str().unwrap().to_owned();

    let mut socket = connect(&app, &anna, json!({ "csrfToken": anna.csrf })).await;
    assert_eq!(
        receive(&mut socket).await.unwrap()["type"],
        "connection_ack"
    );
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": ITEMS } });
    futures::SinkExt::send(&mut socket, Message::text(subscribe.to_string()))
        .await
        .unwrap();
    let baseline = next_update(&mut socket).await["unreadCount"]
        .as_u64()
        .unwrap();

    // A notification is written and the feed tells this instance, as the
    // notifier does.
    let title = "Die STG hat über Ihr Anliegen entschieden";
    let notification = NewNotification {
        // Any fresh id: a UUIDv7 like the event ids.
        event_id: iiz_domain::ConcernId::new().as_uuid(),
        recipient: person.clone(),
        tenant: "ZH".to_owned(),
        kind: "concern_decided".to_owned(),
        subject_type: "concern".to_owned(),
        subject_id: "c-42".to_owned(),
        title: title.to_owned(),
        body: "Sie wird eine Empfehlung vorbereiten.".to_owned(),
        link: "/concerns/c-42".to_owned(),
        email: None,
    };
    let batch = NotificationBatch {
        reminder: None,
        items: vec![notification],
    };
    app.app()
        .store()
        .record_notifications(&batch, Utc::now())
        .await
        .unwrap();
    app.app().live().publish(LiveSignal::Inbox {
        person: person.clone(),
    });
    let arrived = next_update(&mut socket).await;
    assert_eq!(arrived["unreadCount"], baseline + 1, "{arrived}");
    let id = item(&arrived, title).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let (_, inbox) = app
        .graphql(
            As::Session(&anna),
            "{ inbox(unread: true, first: 1) { unreadCount pageInfo { hasNextPage }
               edges { node { id kind title link subjectType subjectId readAt } } } }",
            json!({}),
        )
        .await
        .unwrap();
    let inbox = &inbox["data"]["inbox"];
    assert_eq!(inbox["unreadCount"], baseline + 1, "{inbox}");
    let node = &inbox["edges"][0]["node"];
    assert_eq!(node["id"], id.as_str());
    assert_eq!(node["kind"], "CONCERN_DECIDED");
    assert_eq!(node["link"], "/concerns/c-42");
    assert_eq!(node["subjectType"], "concern");
    assert!(node["readAt"].is_null());

    // Read in this tab: the subscription (any other tab) sees it read.
    let (_, marked) = app
        .graphql(
            As::Session(&anna),
            "mutation($ids: [ID!]!) { markRead(ids: $ids) }",
            json!({ "ids": [id] }),
        )
        .await
        .unwrap();
    assert_eq!(marked["data"]["markRead"], baseline, "{marked}");
    let read = next_update(&mut socket).await;
    assert_eq!(read["unreadCount"], baseline, "{read}");
    assert!(!item(&read, title).unwrap()["readAt"].is_null());
}

async fn webhooks_are_run_by_the_tenant_admin(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let admin = app
        .sign_in("admin@demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let anna = app
        .sign_in("anna.beispiel@zh.demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let register = "mutation($url: String!) { registerWebhook(tenant: \"CH\", url: $url) {
        secret webhook { id url } } }";
    let (_, private) = app
        .graphql(
            As::Session(&admin),
            register,
            json!({ "url": "https://169.254.169.254/latest" }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&private), Some("VALIDATION"), "{private}");
    assert_eq!(
        private["errors"][0]["extensions"]["details"]["field"],
        "url"
    );
    let (_, forbidden) = app
        .graphql(
            As::Session(&anna),
            register,
            json!({ "url": "https://hooks.example.ch/iiz" }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&forbidden), Some("FORBIDDEN"), "{forbidden}");

    let (_, registered) = app
        .graphql(
            As::Session(&admin),
            register,
            json!({ "url": "https://hooks.example.ch/iiz" }),
        )
        .await
        .unwrap();
    let registered = &registered["data"]["registerWebhook"];
    assert_eq!(registered["secret"].as_str().unwrap().len(), 64);
    let id = registered["webhook"]["id"].as_str().unwrap();
    let list = "{ webhooks(tenant: \"CH\") { id url } webhookDeadLetters(tenant: \"CH\") { id } }";
    let (_, listed) = app
        .graphql(As::Session(&admin), list, json!({}))
        .await
        .unwrap();
    assert_eq!(
        listed["data"],
        json!({ "webhooks": [{ "id": id, "url": "https://hooks.example.ch/iiz" }],
                "webhookDeadLetters": [] })
    );
    let (_, removed) = app
        .graphql(
            As::Session(&admin),
            "mutation($id: ID!) { removeWebhook(tenant: \"CH\", id: $id) }",
            json!({ "id": id }),
        )
        .await
        .unwrap();
    assert_eq!(removed["data"]["removeWebhook"], true, "{removed}");

    let ready: Value = app.get("/readyz").await.unwrap().json().await.unwrap();
    assert_eq!(ready["bus"], "in_process");
    let metrics = app.get("/metrics").await.unwrap().text().await.unwrap();
    for gauge in [
        "iiz_relay_lag_events ",
        "iiz_relay_lag_seconds ",
        "iiz_relay_leading ",
        "iiz_relay_published_events ",
        "iiz_bus_connected 1",
    ] {
        assert!(metrics.contains(gauge), "{gauge} missing in {metrics}");
    }
}
