//! A tenant's webhooks, their dead letters and the refused e-mails of its
//! people through the caller API on both backends: all are its tenant
//! admin's; a webhook URL to a private target is refused unless allowed.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[path = "common/outbound.rs"]
mod outbound;

use chrono::{Duration, Utc};
use iiz_app::authz::Denied;
use iiz_app::{App, AppError};
use iiz_domain::TenantRole;
use iiz_domain::error::ErrorKind;
use iiz_store::DeliveryFailure;
use iiz_store::testing::TestDatabase;
use outbound::{canton, denied, kind, notify, someone};
use uuid::Uuid;

async fn webhooks_are_registered_by_the_tenant_admin_only(app: &App) {
    let zh = canton("ZH");
    let admin = someone(zh, TenantRole::TenantAdmin);
    let caller = app.caller(Some(&admin));
    let url = "https://hooks.example.ch/iiz";

    for refused in [
        "not a url",
        "ftp://hooks.example.ch/",
        "http://hooks.example.ch/",
        "https://127.0.0.1/hook",
        "https://[::1]/hook",
        "https://10.0.0.8/hook",
        "https://169.254.169.254/",
        "https://localhost:8080/",
    ] {
        match caller.register_webhook(zh, refused).await {
            Err(AppError::Domain {
                kind: ErrorKind::Validation,
                details: Some(details),
                ..
            }) => assert_eq!(details["field"], "url", "{refused}"),
            other => panic!("{refused}: {other:?}"),
        }
    }
    assert!(caller.webhooks(zh).await.unwrap().is_empty());

    let coordinator = someone(zh, TenantRole::Coordinator);
    let geneva = someone(canton("GE"), TenantRole::TenantAdmin);
    for outsider in [&coordinator, &geneva] {
        let outsider = app.caller(Some(outsider));
        assert_eq!(
            denied(outsider.register_webhook(zh, url).await),
            Denied::Forbidden
        );
        assert_eq!(denied(outsider.webhooks(zh).await), Denied::Forbidden);
        assert_eq!(
            denied(outsider.rejected_emails(zh).await),
            Denied::Forbidden
        );
    }
    assert_eq!(
        denied(app.caller(None).register_webhook(zh, url).await),
        Denied::Unauthenticated
    );

    let registered = caller.register_webhook(zh, url).await.unwrap();
    assert_eq!(registered.url, url);
    assert_eq!(registered.tenant, "ZH");
    assert_eq!(registered.created_by, admin.person.to_string());
    assert_eq!(registered.secret.len(), 64);
    assert!(registered.secret.chars().all(|c| c.is_ascii_hexdigit()));
    // The secret is shown once.
    let listed = caller.webhooks(zh).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, registered.id);
    assert!(listed[0].secret.is_empty());
    assert!(
        app.caller(Some(&geneva))
            .webhooks(canton("GE"))
            .await
            .unwrap()
            .is_empty()
    );

    // Another tenant's admin cannot remove it, not even through their own tenant.
    assert_eq!(
        kind(
            app.caller(Some(&geneva))
                .remove_webhook(canton("GE"), registered.id)
                .await
        ),
        ErrorKind::NotFound
    );
    caller.remove_webhook(zh, registered.id).await.unwrap();
    assert!(caller.webhooks(zh).await.unwrap().is_empty());
    assert_eq!(
        kind(caller.remove_webhook(zh, registered.id).await),
        ErrorKind::NotFound
    );

    // Where the installation allows private targets, they and http pass.
    let closed_network = app.clone().with_webhooks_allow_private(true);
    let local = closed_network
        .caller(Some(&admin))
        .register_webhook(zh, "http://127.0.0.1:9/hook")
        .await
        .unwrap();
    assert_eq!(local.url, "http://127.0.0.1:9/hook");
    caller.remove_webhook(zh, local.id).await.unwrap();
}

async fn dead_letters_are_listed_and_replayed(app: &App) {
    let zh = canton("ZH");
    let admin = someone(zh, TenantRole::TenantAdmin);
    let caller = app.caller(Some(&admin));
    let webhook = caller
        .register_webhook(zh, "https://hooks.example.ch/dead")
        .await
        .unwrap();
    let store = app.store();
    let now = Utc::now();
    let event = Uuid::now_v7();
    assert_eq!(
        store
            .enqueue_webhook_deliveries("ZH", event, "{\"type\":\"concern.Decided\"}", now)
            .await
            .unwrap(),
        1
    );
    let claimed = store
        .claim_webhook_deliveries(now, now + Duration::seconds(60), 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    store
        .webhook_failed(claimed[0].id, "HTTP 500", DeliveryFailure::Permanent, now)
        .await
        .unwrap();

    let dead = caller.webhook_dead_letters(zh).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].webhook, webhook.id);
    assert_eq!(dead[0].event_id, event);
    assert_eq!(dead[0].last_error.as_deref(), Some("HTTP 500"));
    assert!(dead[0].secret.is_empty());
    let outsider = someone(zh, TenantRole::Office);
    assert_eq!(
        denied(app.caller(Some(&outsider)).webhook_dead_letters(zh).await),
        Denied::Forbidden
    );
    assert_eq!(
        denied(
            app.caller(Some(&outsider))
                .replay_webhook_delivery(zh, dead[0].id)
                .await
        ),
        Denied::Forbidden
    );
    assert_eq!(
        kind(caller.replay_webhook_delivery(zh, Uuid::now_v7()).await),
        ErrorKind::NotFound
    );

    caller
        .replay_webhook_delivery(zh, dead[0].id)
        .await
        .unwrap();
    assert!(caller.webhook_dead_letters(zh).await.unwrap().is_empty());
    let later = Utc::now() + Duration::seconds(1);
    let again = store
        .claim_webhook_deliveries(later, later + Duration::seconds(60), 10)
        .await
        .unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].id, dead[0].id);
    assert_eq!(again[0].attempts, 1);
    // A replayed delivery is no dead letter any more: replaying twice is refused.
    assert_eq!(
        kind(caller.replay_webhook_delivery(zh, dead[0].id).await),
        ErrorKind::NotFound
    );
}

async fn refused_emails_are_shown_to_the_tenant_admin(app: &App) {
    let zh = canton("ZH");
    let admin = someone(zh, TenantRole::TenantAdmin);
    let member = someone(zh, TenantRole::Member);
    let id = notify(
        app,
        &member,
        "Traktandenliste",
        Some("nobody@example.invalid"),
    )
    .await;
    let store = app.store();
    let now = Utc::now();
    let claimed = store
        .claim_emails(now, now + Duration::seconds(60), 10)
        .await
        .unwrap();
    assert!(claimed.iter().any(|email| email.id == id));
    store
        .email_failed(id, "550 no such user", DeliveryFailure::Permanent, now)
        .await
        .unwrap();
    let rejected = app.caller(Some(&admin)).rejected_emails(zh).await.unwrap();
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].to, "nobody@example.invalid");
    assert_eq!(rejected[0].recipient, member.person.to_string());
    assert_eq!(rejected[0].error, "550 no such user");
    let geneva = someone(canton("GE"), TenantRole::TenantAdmin);
    assert!(
        app.caller(Some(&geneva))
            .rejected_emails(canton("GE"))
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        denied(app.caller(Some(&member)).rejected_emails(zh).await),
        Denied::Forbidden
    );
}

async fn webhooks(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    webhooks_are_registered_by_the_tenant_admin_only(&app).await;
    dead_letters_are_listed_and_replayed(&app).await;
    refused_emails_are_shown_to_the_tenant_admin(&app).await;
    app.store().close().await;
}

#[tokio::test]
async fn webhooks_on_sqlite() {
    webhooks(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn webhooks_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        webhooks(db).await;
    }
}
