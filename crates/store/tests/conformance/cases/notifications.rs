//! Notifications, reminders, the inbox and preferences.

use iiz_store::{EmailDelivery, NotificationBatch, Preference, Store, notification_id};
use uuid::Uuid;

use crate::outbound::{at, batch, notification, notify};

pub async fn notifications_are_written_once_per_event_and_recipient(store: &Store) {
    let event = Uuid::now_v7();
    let first = batch(vec![
        notification(event, "alice", Some(EmailDelivery::Immediately)),
        notification(event, "bob", Some(EmailDelivery::Digest)),
        notification(event, "carol", None),
    ]);
    let written = store.record_notifications(&first, at(0)).await.unwrap();
    let recipients: Vec<&str> = written.iter().map(|i| i.recipient.as_str()).collect();
    assert_eq!(recipients, ["alice", "bob", "carol"]);
    assert!(written.windows(2).all(|w| w[0].sequence < w[1].sequence));
    let alice = &written[0];
    assert_eq!(alice.id, notification_id(event, "alice"));
    assert_eq!(alice.event_id, event);
    assert_eq!(
        (alice.kind.as_str(), alice.subject_type.as_str()),
        ("concern_decided", "concern")
    );
    assert_eq!(alice.subject_id, "c-1");
    assert_eq!(alice.title, "Title for alice");
    assert_eq!(alice.body, "Body");
    assert_eq!(alice.link, "/concerns/c-1");
    assert_eq!(alice.created_at, at(0));
    assert_eq!(alice.read_at, None);

    // A redelivery writes nothing; a batch mixing old and new writes the new.
    let again = store.record_notifications(&first, at(5)).await.unwrap();
    assert!(again.is_empty());
    let mixed = batch(vec![
        notification(event, "alice", Some(EmailDelivery::Immediately)),
        notification(event, "dave", Some(EmailDelivery::Immediately)),
    ]);
    let written = store.record_notifications(&mixed, at(6)).await.unwrap();
    assert_eq!(written.len(), 1);
    assert_eq!(written[0].recipient, "dave");

    assert_eq!(
        store.inbox("alice", false, 10, None).await.unwrap().len(),
        1
    );
    assert_eq!(store.inbox_unread("carol").await.unwrap(), 1);
    // One e-mail each for alice and dave, none doubled; bob's waits for his digest.
    let claimed = store.claim_emails(at(10), at(20), 10).await.unwrap();
    let ids: Vec<Uuid> = claimed.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        [
            notification_id(event, "alice"),
            notification_id(event, "dave")
        ]
    );
    let held = store.held_emails("bob").await.unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].id, notification_id(event, "bob"));
    assert!(store.held_emails("carol").await.unwrap().is_empty());
}

pub async fn a_recorded_reminder_is_never_written_again(store: &Store) {
    let reminder = |key: &str, recipient: &str| NotificationBatch {
        reminder: Some(key.to_owned()),
        items: vec![notification(
            Uuid::now_v7(),
            recipient,
            Some(EmailDelivery::Immediately),
        )],
    };
    let written = store
        .record_notifications(&reminder("answer-due-30:r-1:ZH", "alice"), at(0))
        .await
        .unwrap();
    assert_eq!(written.len(), 1);
    // The same key with other items (a scheduler that ran twice): nothing.
    let repeated = store
        .record_notifications(&reminder("answer-due-30:r-1:ZH", "bob"), at(1))
        .await
        .unwrap();
    assert!(repeated.is_empty());
    assert!(
        store
            .inbox("bob", false, 10, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.claim_emails(at(2), at(60), 10).await.unwrap().len(),
        1
    );
    let other = store
        .record_notifications(&reminder("answer-due-7:r-1:ZH", "bob"), at(3))
        .await
        .unwrap();
    assert_eq!(other.len(), 1);
    assert_eq!(store.inbox_unread("bob").await.unwrap(), 1);
}

pub async fn the_inbox_pages_newest_first_and_counts_unread(store: &Store) {
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(notify(store, "alice", None, at(n)).await);
        notify(store, "bob", None, at(n)).await;
    }
    ids.reverse(); // newest first, as the inbox lists them
    let page = |unread_only, first, before| async move {
        let items = store
            .inbox("alice", unread_only, first, before)
            .await
            .unwrap();
        assert!(items.iter().all(|item| item.recipient == "alice"));
        items
    };
    let first_page = page(false, 2, None).await;
    assert_eq!(
        first_page.iter().map(|i| i.id).collect::<Vec<_>>(),
        ids[..2]
    );
    let second_page = page(false, 2, Some(first_page[1].sequence)).await;
    assert_eq!(
        second_page.iter().map(|i| i.id).collect::<Vec<_>>(),
        ids[2..4]
    );
    let last_page = page(false, 2, Some(second_page[1].sequence)).await;
    assert_eq!(last_page.iter().map(|i| i.id).collect::<Vec<_>>(), ids[4..]);
    assert!(page(false, 2, Some(last_page[0].sequence)).await.is_empty());
    assert_eq!(store.inbox_unread("alice").await.unwrap(), 5);

    let read = store
        .mark_read("alice", &[ids[1], ids[3]], at(100))
        .await
        .unwrap();
    assert_eq!(read, 2);
    assert_eq!(
        store.mark_read("alice", &[ids[1]], at(101)).await.unwrap(),
        0
    );
    assert_eq!(store.mark_read("alice", &[], at(101)).await.unwrap(), 0);
    assert_eq!(store.inbox_unread("alice").await.unwrap(), 3);
    let all = page(false, 10, None).await;
    assert_eq!(all[1].read_at, Some(at(100)));
    assert_eq!(all[0].read_at, None);
    let unread = page(true, 2, None).await;
    assert_eq!(
        unread.iter().map(|i| i.id).collect::<Vec<_>>(),
        [ids[0], ids[2]]
    );
    let unread_rest = page(true, 2, Some(unread[1].sequence)).await;
    assert_eq!(
        unread_rest.iter().map(|i| i.id).collect::<Vec<_>>(),
        [ids[4]]
    );
    assert_eq!(store.inbox_unread("bob").await.unwrap(), 5);
    assert_eq!(store.inbox_unread("nobody").await.unwrap(), 0);
}

pub async fn an_inbox_page_is_capped(store: &Store) {
    let event = Uuid::now_v7();
    let many = (0..105)
        .map(|n| notification(event, &format!("p{n}"), None))
        .chain((0..105).map(|_| notification(Uuid::now_v7(), "alice", None)))
        .collect();
    let written = store
        .record_notifications(&batch(many), at(0))
        .await
        .unwrap();
    assert_eq!(written.len(), 210);
    assert_eq!(
        store.inbox("alice", false, 1000, None).await.unwrap().len(),
        100
    );
    assert_eq!(
        store
            .inbox("alice", true, usize::MAX, None)
            .await
            .unwrap()
            .len(),
        100
    );
    assert_eq!(store.inbox_unread("alice").await.unwrap(), 105);
}

pub async fn marking_read_touches_only_the_recipients_own_items(store: &Store) {
    let alices = [
        notify(store, "alice", None, at(0)).await,
        notify(store, "alice", None, at(1)).await,
    ];
    let bobs = notify(store, "bob", None, at(2)).await;
    assert_eq!(store.mark_read("bob", &alices, at(10)).await.unwrap(), 0);
    assert_eq!(store.inbox_unread("alice").await.unwrap(), 2);
    assert_eq!(
        store
            .mark_read("bob", &[alices[0], bobs], at(10))
            .await
            .unwrap(),
        1
    );
    assert_eq!(store.mark_all_read("bob", at(11)).await.unwrap(), 0);
    assert_eq!(store.inbox_unread("alice").await.unwrap(), 2);
    assert_eq!(store.mark_all_read("alice", at(12)).await.unwrap(), 2);
    assert_eq!(store.mark_all_read("alice", at(13)).await.unwrap(), 0);
    let items = store.inbox("alice", false, 10, None).await.unwrap();
    assert!(items.iter().all(|item| item.read_at == Some(at(12))));
    let bob = store.inbox("bob", false, 10, None).await.unwrap();
    assert_eq!(bob[0].read_at, Some(at(10)));
}

pub async fn preferences_are_upserted_per_kind(store: &Store) {
    assert!(store.preferences("alice").await.unwrap().is_empty());
    store
        .set_preference("alice", "meeting_agenda", Preference::Immediately)
        .await
        .unwrap();
    store
        .set_preference("alice", "concern_decided", Preference::Off)
        .await
        .unwrap();
    store
        .set_preference("alice", "meeting_agenda", Preference::DailyDigest)
        .await
        .unwrap();
    store
        .set_preference("bob", "concern_decided", Preference::Immediately)
        .await
        .unwrap();
    assert_eq!(
        store.preferences("alice").await.unwrap(),
        [
            ("concern_decided".to_owned(), Preference::Off),
            ("meeting_agenda".to_owned(), Preference::DailyDigest),
        ]
    );
    assert_eq!(
        store.preferences("bob").await.unwrap(),
        [("concern_decided".to_owned(), Preference::Immediately)]
    );
}

pub async fn concurrent_redeliveries_write_once(store: &Store) {
    let event = Uuid::now_v7();
    let same = batch(
        ["alice", "bob", "carol"]
            .map(|who| notification(event, who, Some(EmailDelivery::Immediately)))
            .into(),
    );
    let reminder = |n: usize| NotificationBatch {
        reminder: Some("overdue:r-1:ZH".to_owned()),
        items: vec![notification(Uuid::now_v7(), &format!("r{n}"), None)],
    };
    let writers: Vec<_> = (0..4)
        .map(|n| {
            let (store, same, reminder) = (store.clone(), same.clone(), reminder(n));
            tokio::spawn(async move {
                let event = store.record_notifications(&same, at(0)).await.unwrap();
                let reminded = store.record_notifications(&reminder, at(0)).await.unwrap();
                (event.len(), reminded.len())
            })
        })
        .collect();
    let (mut events, mut reminders) = (0, 0);
    for writer in writers {
        let (event, reminded) = writer.await.unwrap();
        events += event;
        reminders += reminded;
    }
    assert_eq!((events, reminders), (3, 1));
    assert_eq!(
        store.claim_emails(at(1), at(60), 100).await.unwrap().len(),
        3
    );
}
