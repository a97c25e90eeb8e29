//! A person's inbox and notification preferences through the caller API
//! on both backends: each person reaches their own inbox only, marking
//! read tells the person's other tabs.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[path = "common/outbound.rs"]
mod outbound;

use iiz_app::App;
use iiz_app::authz::Denied;
use iiz_app::outbound::{LiveSignal, NotificationKind};
use iiz_domain::TenantRole;
use iiz_domain::error::ErrorKind;
use iiz_store::Preference;
use iiz_store::testing::TestDatabase;
use outbound::{canton, denied, kind, notify, someone};

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
    let second = caller.inbox(false, 2, first.next.as_deref()).await.unwrap();
    assert_eq!(titles(&second), ["Meldung 3", "Meldung 2"]);
    let last = caller
        .inbox(false, 2, second.next.as_deref())
        .await
        .unwrap();
    assert_eq!(titles(&last), ["Meldung 1"]);
    assert_eq!(last.next, None);
    assert_eq!(
        kind(caller.inbox(false, 2, Some("x")).await),
        ErrorKind::Validation
    );
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
    assert_eq!(
        denied(anonymous.inbox(false, 10, None).await),
        Denied::Unauthenticated
    );
    assert_eq!(
        denied(anonymous.mark_all_read().await),
        Denied::Unauthenticated
    );
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
    assert!(
        preferences
            .iter()
            .all(|p| p.delivery == Preference::Immediately)
    );

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
    assert_eq!(
        of(NotificationKind::ConcernDecided),
        Preference::Immediately
    );
    let lucs = app
        .caller(Some(&luc))
        .notification_preferences()
        .await
        .unwrap();
    assert!(lucs.iter().all(|p| p.delivery == Preference::Immediately));
    assert_eq!(
        denied(app.caller(None).notification_preferences().await),
        Denied::Unauthenticated
    );
}

async fn inbox_and_preferences(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    inbox_is_paged_read_and_private(&app).await;
    preferences_default_to_immediately(&app).await;
    app.store().close().await;
}

#[tokio::test]
async fn inbox_and_preferences_on_sqlite() {
    inbox_and_preferences(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn inbox_and_preferences_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        inbox_and_preferences(db).await;
    }
}
