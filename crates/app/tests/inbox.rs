//! A person's inbox and preferences, and a tenant's webhooks, dead letters
//! and refused e-mails, through the caller API on both backends: each
//! person reaches their own inbox only, a tenant's webhooks are its tenant
//! admin's, a webhook URL to a private target is refused unless allowed.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

use chrono::{Duration, Utc};
use iiz_app::authz::{Denied, Principal};
use iiz_app::outbound::{LiveSignal, NotificationKind};
use iiz_app::{App, AppError};
use iiz_domain::error::ErrorKind;
use iiz_domain::{CantonCode, PersonId, TenantId, TenantRole};
use iiz_store::testing::TestDatabase;
use iiz_store::{
    DeliveryFailure, EmailDelivery, NewEmail, NewNotification, NotificationBatch, Preference,
};
use uuid::Uuid;

fn canton(code: &str) -> TenantId {
    TenantId::Canton(CantonCode::parse(code).unwrap())
}

fn someone(tenant: TenantId, role: TenantRole) -> Principal {
    Principal {
        person: PersonId::new(),
        home: tenant,
        roles: [(tenant, role)].into(),
        platform_admin: false,
        scope: None,
    }
}

fn denied<T: std::fmt::Debug>(result: Result<T, AppError>) -> Denied {
    match result {
        Err(AppError::Denied(denied)) => denied,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn kind<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorKind {
    match result {
        Err(error) => error.kind().unwrap_or_else(|| panic!("{error:?}")),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

/// Writes one notification to `person`, with an e-mail to `to` if given.
async fn notify(app: &App, person: &Principal, title: &str, to: Option<&str>) -> Uuid {
    let item = NewNotification {
        event_id: Uuid::now_v7(),
        recipient: person.person.to_string(),
        tenant: person.home.as_str().to_owned(),
        kind: NotificationKind::ConcernDecided.as_str().to_owned(),
        subject_type: "concern".to_owned(),
        subject_id: "c-1".to_owned(),
        title: title.to_owned(),
        body: "Die STG hat entschieden.".to_owned(),
        link: "/concerns/c-1".to_owned(),
        email: to.map(|to| NewEmail {
            to: to.to_owned(),
            subject: title.to_owned(),
            text: "Die STG hat entschieden.".to_owned(),
            html: None,
            calendar: None,
            delivery: EmailDelivery::Immediately,
        }),
    };
    let batch = NotificationBatch {
        reminder: None,
        items: vec![item],
    };
    let written = app
        .store()
        .record_notifications(&batch, Utc::now())
        .await
        .unwrap();
    written[0].id
}

async fn inbox_is_paged_read_and_private(app: &App) {
    let anna = someone(canton("ZH"), TenantRole::Coordinator);
    let luc = someone(canton("GE"), TenantRole::Coordinator);
    let mut ids = Vec::new();
    for n in 1..=5 {
        ids.push(notify(app, &anna, &format!("Meldung {n}"), None).await);
    }
    let lucs = notify(app, &luc, "Notification", None).await;
    let caller = app.caller(Some(&anna));

    // Newest first, two at a time, the cursor continuing after the last.
    let first = caller.inbox(false, 2, None).await.unwrap();
    let titles = |page: &iiz_app::Page<iiz_store::InboxItem>| -> Vec<String> {
        page.items.iter().map(|item| item.title.clone()).collect()
    };
    assert_eq!(titles(&first), ["Meldung 5", "Meldung 4"]);
    let second = caller
        .inbox(false, 2, first.next.as_deref())
        .await
        .unwrap();
    assert_eq!(titles(&second), ["Meldung 3", "Meldung 2"]);
    let last = caller
        .inbox(false, 2, second.next.as_deref())
        .await
        .unwrap();
    assert_eq!(titles(&last), ["Meldung 1"]);
    assert_eq!(last.next, None);
    assert_eq!(kind(caller.inbox(false, 2, Some("x")).await), ErrorKind::Validation);
    assert_eq!(caller.inbox_unread_count().await.unwrap(), 5);

    // Marking read tells the person's other tabs; someone else's item
    // cannot be marked from here.
    let mut live = app.live().subscribe();
    assert_eq!(caller.mark_read(&[ids[0], ids[1], lucs]).await.unwrap(), 2);
    assert_eq!(
        live.try_recv().unwrap(),
        LiveSignal::Inbox {
            person: anna.person.to_string()
        }
    );
    assert_eq!(caller.inbox_unread_count().await.unwrap(), 3);
    let luc_caller = app.caller(Some(&luc));
    assert_eq!(luc_caller.inbox_unread_count().await.unwrap(), 1);
    let lucs_inbox = luc_caller.inbox(false, 10, None).await.unwrap();
    assert_eq!(lucs_inbox.items.len(), 1);
    assert!(lucs_inbox.items[0].read_at.is_none());

    let unread = caller.inbox(true, 10, None).await.unwrap();
    assert_eq!(titles(&unread), ["Meldung 5", "Meldung 4", "Meldung 3"]);
    assert!(unread.items.iter().all(|item| item.read_at.is_none()));
    // Nothing changed, nobody is told.
    assert_eq!(caller.mark_read(&[ids[0]]).await.unwrap(), 0);
    assert!(live.try_recv().is_err());

    assert_eq!(caller.mark_all_read().await.unwrap(), 3);
    assert!(matches!(live.try_recv(), Ok(LiveSignal::Inbox { .. })));
    assert_eq!(caller.inbox_unread_count().await.unwrap(), 0);
    assert_eq!(luc_caller.inbox_unread_count().await.unwrap(), 1);

    let anonymous = app.caller(None);
    assert_eq!(denied(anonymous.inbox(false, 10, None).await), Denied::Unauthenticated);
    assert_eq!(denied(anonymous.mark_all_read().await), Denied::Unauthenticated);
}

async fn preferences_default_to_immediately(app: &App) {
    let anna = someone(canton("ZH"), TenantRole::Member);
    let luc = someone(canton("GE"), TenantRole::Member);
    let caller = app.caller(Some(&anna));
    let preferences = caller.notification_preferences().await.unwrap();
    assert_eq!(
        preferences.iter().map(|p| p.kind).collect::<Vec<_>>(),
        NotificationKind::ALL
    );
    assert!(preferences.iter().all(|p| p.delivery == Preference::Immediately));

    caller
        .set_notification_preference(NotificationKind::Agenda, Preference::DailyDigest)
        .await
        .unwrap();
    caller
        .set_notification_preference(NotificationKind::DueReminder, Preference::Off)
        .await
        .unwrap();
    caller
        .set_notification_preference(NotificationKind::DueReminder, Preference::Immediately)
        .await
        .unwrap();
    let chosen = caller.notification_preferences().await.unwrap();
    let of = |kind: NotificationKind| chosen.iter().find(|p| p.kind == kind).unwrap().delivery;
    assert_eq!(of(NotificationKind::Agenda), Preference::DailyDigest);
    assert_eq!(of(NotificationKind::DueReminder), Preference::Immediately);
    assert_eq!(of(NotificationKind::ConcernDecided), Preference::Immediately);
    let lucs = app.caller(Some(&luc)).notification_preferences().await.unwrap();
    assert!(lucs.iter().all(|p| p.delivery == Preference::Immediately));
    assert_eq!(
        denied(app.caller(None).notification_preferences().await),
        Denied::Unauthenticated
    );
}

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
        assert_eq!(denied(outsider.register_webhook(zh, url).await), Denied::Forbidden);
        assert_eq!(denied(outsider.webhooks(zh).await), Denied::Forbidden);
        assert_eq!(denied(outsider.rejected_emails(zh).await), Denied::Forbidden);
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
    assert!(app.caller(Some(&geneva)).webhooks(canton("GE")).await.unwrap().is_empty());

    // Another tenant's admin cannot remove it, not even through their own tenant.
    assert_eq!(
        kind(app.caller(Some(&geneva)).remove_webhook(canton("GE"), registered.id).await),
        ErrorKind::NotFound
    );
    caller.remove_webhook(zh, registered.id).await.unwrap();
    assert!(caller.webhooks(zh).await.unwrap().is_empty());
    assert_eq!(kind(caller.remove_webhook(zh, registered.id).await), ErrorKind::NotFound);

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
        denied(app.caller(Some(&outsider)).replay_webhook_delivery(zh, dead[0].id).await),
        Denied::Forbidden
    );
    assert_eq!(
        kind(caller.replay_webhook_delivery(zh, Uuid::now_v7()).await),
        ErrorKind::NotFound
    );

    caller.replay_webhook_delivery(zh, dead[0].id).await.unwrap();
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
    let id = notify(app, &member, "Traktandenliste", Some("nobody@example.invalid")).await;
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
    assert!(app.caller(Some(&geneva)).rejected_emails(canton("GE")).await.unwrap().is_empty());
    assert_eq!(
        denied(app.caller(Some(&member)).rejected_emails(zh).await),
        Denied::Forbidden
    );
}

async fn inbox_and_webhooks(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    inbox_is_paged_read_and_private(&app).await;
    preferences_default_to_immediately(&app).await;
    webhooks_are_registered_by_the_tenant_admin_only(&app).await;
    dead_letters_are_listed_and_replayed(&app).await;
    refused_emails_are_shown_to_the_tenant_admin(&app).await;
    app.store().close().await;
}

#[tokio::test]
async fn inbox_and_webhooks_on_sqlite() {
    inbox_and_webhooks(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn inbox_and_webhooks_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        inbox_and_webhooks(db).await;
    }
}
