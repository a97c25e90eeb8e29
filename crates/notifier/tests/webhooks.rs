//! The webhook dispatcher against a real HTTP receiver on loopback: every
//! request carries a signature the receiver verifies as the documentation
//! tells it to; a receiver answering 500 twice gets the event on the third
//! attempt; one that keeps failing ends in the dead letters, and a replay
//! delivers it once it answers again. A target that is private where
//! private targets are not allowed is never called.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use chrono::Utc;
use hmac::{Hmac, Mac};
use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_domain::{CantonCode, PersonId, TenantId, TenantRole};
use iiz_notifier::contract::{AggregateRef, PublishedEvent};
use iiz_notifier::webhooks::{self, DispatchSettings};
use iiz_store::Webhook;
use iiz_store::testing::TestDatabase;
use serde_json::json;
use sha2::Sha256;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use uuid::Uuid;

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
struct Received {
    hook: String,
    event_id: String,
    event_type: String,
    signature_valid: bool,
    body: String,
    answered: StatusCode,
}

/// Per path: the secret to verify with and how many 500s to answer before 200s.
#[derive(Debug, Default)]
struct Receiver {
    secrets: Mutex<HashMap<String, String>>,
    failures_left: Mutex<HashMap<String, u32>>,
    received: Mutex<Vec<Received>>,
}

impl Receiver {
    fn of(&self, hook: &str) -> Vec<Received> {
        let received = self.received.lock().unwrap();
        received
            .iter()
            .filter(|r| r.hook == hook)
            .cloned()
            .collect()
    }

    fn fail(&self, hook: &str, times: u32) {
        self.failures_left
            .lock()
            .unwrap()
            .insert(hook.to_owned(), times);
    }
}

/// Verifies as a receiver would: HMAC-SHA256 keyed with the secret's text
/// over "<timestamp>.<body>", compared in constant time by `verify_slice`.
fn verify(secret: &str, headers: &HeaderMap, body: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let (Some(timestamp), Some(signature)) = (header("x-iiz-timestamp"), header("x-iiz-signature"))
    else {
        return false;
    };
    let fresh = timestamp
        .parse::<i64>()
        .is_ok_and(|at| (Utc::now().timestamp() - at).abs() < 300);
    let Some(Ok(signature)) = signature.strip_prefix("sha256=").map(hex::decode) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{body}").as_bytes());
    fresh && mac.verify_slice(&signature).is_ok()
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    Path(hook): Path<String>,
    headers: HeaderMap,
    body: String,
) -> StatusCode {
    let secret = receiver.secrets.lock().unwrap().get(&hook).cloned();
    let signature_valid = secret.is_some_and(|secret| verify(&secret, &headers, &body))
        && headers.get("content-type").and_then(|v| v.to_str().ok()) == Some("application/json");
    let answered = {
        let mut failures = receiver.failures_left.lock().unwrap();
        match failures.get_mut(&hook) {
            Some(left) if *left > 0 => {
                *left -= 1;
                StatusCode::INTERNAL_SERVER_ERROR
            }
            _ => StatusCode::OK,
        }
    };
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    receiver.received.lock().unwrap().push(Received {
        hook,
        event_id: header("x-iiz-event-id"),
        event_type: header("x-iiz-event-type"),
        signature_valid,
        body,
        answered,
    });
    answered
}

/// The receiver on 127.0.0.1 and its base URL.
async fn start_receiver() -> (Arc<Receiver>, String) {
    let receiver = Arc::new(Receiver::default());
    let router = Router::new()
        .route("/{hook}", post(receive))
        .with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (receiver, format!("http://{address}"))
}

fn admin_of(code: &str) -> (TenantId, Principal) {
    let tenant = TenantId::Canton(CantonCode::parse(code).unwrap());
    let principal = Principal {
        person: PersonId::new(),
        home: tenant,
        roles: [(tenant, TenantRole::TenantAdmin)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    };
    (tenant, principal)
}

fn event(tenant: &str) -> PublishedEvent {
    PublishedEvent {
        id: Uuid::now_v7(),
        event_type: "concern.Decided".to_owned(),
        version: 1,
        tenant: tenant.to_owned(),
        aggregate: AggregateRef {
            stream_type: "concern".to_owned(),
            id: Uuid::now_v7().to_string(),
            version: 7,
        },
        recorded_at: Utc::now(),
        actor: "person:stg".to_owned(),
        correlation_id: Uuid::now_v7(),
        causation_id: None,
        data: json!({ "decision": "recommendation" }),
    }
}

fn quick(allow_private: bool, max_attempts: u32) -> DispatchSettings {
    DispatchSettings {
        first_retry: Duration::from_millis(50),
        max_retry: Duration::from_millis(200),
        max_attempts,
        timeout: Duration::from_secs(2),
        idle: Duration::from_millis(20),
        ..DispatchSettings::new(allow_private)
    }
}

fn dispatch(app: &App, settings: DispatchSettings) -> (oneshot::Sender<()>, JoinHandle<()>) {
    let (stop, stopped) = oneshot::channel::<()>();
    let app = app.clone();
    let task = tokio::spawn(async move {
        let shutdown = async {
            stopped.await.ok();
        };
        webhooks::run_with(app, settings, shutdown).await.unwrap();
    });
    (stop, task)
}

async fn stop(dispatcher: (oneshot::Sender<()>, JoinHandle<()>)) {
    dispatcher.0.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(2), dispatcher.1)
        .await
        .expect("the dispatcher stops promptly")
        .unwrap();
}

/// Waits up to 10 s for `done`.
async fn eventually(what: &str, mut done: impl AsyncFnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !done().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn deliveries_retry_die_and_are_replayed(db: TestDatabase) {
    let app = App::new(db.store.clone()).with_webhooks_allow_private(true);
    app.prepare().await.unwrap();
    let (receiver, base) = start_receiver().await;
    let (zh, zh_admin) = admin_of("ZH");
    let (ge, ge_admin) = admin_of("GE");
    for (tenant, admin, hook) in [(zh, &zh_admin, "flaky"), (ge, &ge_admin, "down")] {
        let webhook = app
            .caller(Some(admin))
            .register_webhook(tenant, &format!("{base}/{hook}"))
            .await
            .unwrap();
        receiver
            .secrets
            .lock()
            .unwrap()
            .insert(hook.to_owned(), webhook.secret);
    }
    receiver.fail("flaky", 2);
    receiver.fail("down", u32::MAX);

    let decided = event("ZH");
    let elsewhere = event("GE");
    // Queued once per webhook however often the consumer hands it over.
    webhooks::enqueue(&app, &decided).await.unwrap();
    webhooks::enqueue(&app, &decided).await.unwrap();
    webhooks::enqueue(&app, &elsewhere).await.unwrap();
    webhooks::enqueue(&app, &event("BE")).await.unwrap();
    let dispatcher = dispatch(&app, quick(true, 3));

    let ge_caller = app.caller(Some(&ge_admin));
    eventually(
        "the flaky receiver accepts and GE's delivery dies",
        async || {
            receiver.of("flaky").len() >= 3
                && !ge_caller.webhook_dead_letters(ge).await.unwrap().is_empty()
        },
    )
    .await;
    let flaky = receiver.of("flaky");
    assert_eq!(
        flaky.iter().map(|r| r.answered).collect::<Vec<_>>(),
        [
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::OK
        ]
    );
    for request in &flaky {
        assert!(request.signature_valid, "{request:?}");
        assert_eq!(request.event_id, decided.id.to_string());
        assert_eq!(request.event_type, "concern.Decided");
        assert_eq!(
            PublishedEvent::from_json(request.body.as_bytes()).unwrap(),
            decided
        );
    }

    let dead = ge_caller.webhook_dead_letters(ge).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].event_id, elsewhere.id);
    assert_eq!(dead[0].attempts, 3);
    assert!(
        dead[0].last_error.as_deref().unwrap().contains("500"),
        "{dead:?}"
    );
    let down = receiver.of("down");
    assert_eq!(down.len(), 3);
    assert!(down.iter().all(|request| request.signature_valid));
    assert!(
        app.caller(Some(&zh_admin))
            .webhook_dead_letters(zh)
            .await
            .unwrap()
            .is_empty()
    );

    // The receiver is back; the tenant admin replays the dead letter.
    receiver.fail("down", 0);
    ge_caller
        .replay_webhook_delivery(ge, dead[0].id)
        .await
        .unwrap();
    eventually("the replayed delivery arrives", async || {
        receiver.of("down").len() >= 4
    })
    .await;
    let replayed = receiver.of("down");
    assert_eq!(replayed[3].answered, StatusCode::OK);
    assert!(replayed[3].signature_valid);
    assert_eq!(replayed[3].event_id, elsewhere.id.to_string());

    // Delivered is done: nothing arrives twice, nothing is left dead.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(receiver.of("flaky").len(), 3);
    assert_eq!(receiver.of("down").len(), 4);
    assert!(ge_caller.webhook_dead_letters(ge).await.unwrap().is_empty());
    stop(dispatcher).await;
    app.store().close().await;
}

async fn private_targets_are_not_called_unless_allowed(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let (receiver, base) = start_receiver().await;
    // Registered while the installation allowed private targets (or under
    // a name that resolved elsewhere then): checked again at delivery.
    let url = base.replace("http://", "https://") + "/private";
    let webhook = Webhook {
        id: Uuid::now_v7(),
        tenant: "ZH".to_owned(),
        url,
        secret: "0".repeat(64),
        created_by: PersonId::new().to_string(),
        created_at: Utc::now(),
    };
    app.store().add_webhook(&webhook).await.unwrap();
    webhooks::enqueue(&app, &event("ZH")).await.unwrap();
    let dispatcher = dispatch(&app, quick(false, 2));
    let (zh, admin) = admin_of("ZH");
    let caller = app.caller(Some(&admin));
    eventually("the delivery to a private target dies", async || {
        !caller.webhook_dead_letters(zh).await.unwrap().is_empty()
    })
    .await;
    let dead = caller.webhook_dead_letters(zh).await.unwrap();
    assert!(
        dead[0].last_error.as_deref().unwrap().contains("private"),
        "{dead:?}"
    );
    assert!(receiver.of("private").is_empty());
    stop(dispatcher).await;
    app.store().close().await;
}

#[tokio::test]
async fn deliveries_retry_die_and_are_replayed_on_sqlite() {
    deliveries_retry_die_and_are_replayed(TestDatabase::sqlite_with(iiz_app::upcasters()).await)
        .await;
}

#[tokio::test]
async fn deliveries_retry_die_and_are_replayed_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        deliveries_retry_die_and_are_replayed(db).await;
    }
}

#[tokio::test]
async fn private_targets_are_not_called_unless_allowed_on_sqlite() {
    private_targets_are_not_called_unless_allowed(
        TestDatabase::sqlite_with(iiz_app::upcasters()).await,
    )
    .await;
}

#[tokio::test]
async fn private_targets_are_not_called_unless_allowed_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        private_targets_are_not_called_unless_allowed(db).await;
    }
}
