//! E-mails: claims under a lease, retries, refusals and digests.

use std::collections::HashSet;

use iiz_store::{DeliveryFailure, EmailDelivery, Store};
use uuid::Uuid;

use crate::outbound::{at, email, notify};

pub async fn a_claimed_email_waits_for_its_lease(store: &Store) {
    let ids = [
        notify(store, "alice", Some(EmailDelivery::Immediately), at(0)).await,
        notify(store, "bob", Some(EmailDelivery::Immediately), at(1)).await,
        notify(store, "carol", Some(EmailDelivery::Immediately), at(2)).await,
    ];
    assert!(
        store
            .claim_emails(at(-1), at(100), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let first = store.claim_emails(at(5), at(125), 2).await.unwrap();
    assert_eq!(first.iter().map(|e| e.id).collect::<Vec<_>>(), ids[..2]);
    assert!(first.iter().all(|e| e.attempts == 1));
    let alice = &first[0];
    assert_eq!(alice.recipient, "alice");
    assert_eq!(alice.tenant, "ZH");
    let written = email("alice@example.ch", EmailDelivery::Immediately);
    assert_eq!(alice.to, written.to);
    assert_eq!(alice.subject, written.subject);
    assert_eq!(alice.text, written.text);
    assert_eq!(alice.html, written.html);
    assert_eq!(alice.calendar, written.calendar);
    assert_eq!(alice.created_at, at(0));

    let second = store.claim_emails(at(6), at(126), 10).await.unwrap();
    assert_eq!(second.iter().map(|e| e.id).collect::<Vec<_>>(), ids[2..]);
    assert!(
        store
            .claim_emails(at(124), at(300), 10)
            .await
            .unwrap()
            .is_empty()
    );
    // The sender of the first two died: once their lease passed, they are due again.
    let again = store.claim_emails(at(125), at(300), 10).await.unwrap();
    assert_eq!(again.iter().map(|e| e.id).collect::<Vec<_>>(), ids[..2]);
    assert!(again.iter().all(|e| e.attempts == 2));
    store.email_sent(ids[0], at(130)).await.unwrap();
    store.email_sent(ids[1], at(130)).await.unwrap();
    store.email_sent(ids[2], at(130)).await.unwrap();
    assert!(
        store
            .claim_emails(at(10_000), at(10_100), 10)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn concurrent_claimers_get_disjoint_emails(store: &Store) {
    let mut written = HashSet::new();
    for n in 0..40 {
        let recipient = format!("p{n}");
        written.insert(notify(store, &recipient, Some(EmailDelivery::Immediately), at(0)).await);
    }
    let claimers: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut claimed = Vec::new();
                loop {
                    let batch = store.claim_emails(at(1), at(600), 7).await.unwrap();
                    if batch.is_empty() {
                        return claimed;
                    }
                    claimed.extend(batch.into_iter().map(|e| e.id));
                }
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for claimer in claimers {
        claimed.extend(claimer.await.unwrap());
    }
    let distinct: HashSet<Uuid> = claimed.iter().copied().collect();
    assert_eq!(distinct.len(), claimed.len(), "an e-mail was claimed twice");
    assert_eq!(distinct, written);
}

pub async fn failed_emails_are_retried_or_rejected(store: &Store) {
    let refused = notify(store, "alice", Some(EmailDelivery::Immediately), at(0)).await;
    let sent = notify(store, "bob", Some(EmailDelivery::Immediately), at(0)).await;
    assert_eq!(
        store.claim_emails(at(1), at(121), 10).await.unwrap().len(),
        2
    );
    store.email_sent(sent, at(2)).await.unwrap();
    store
        .email_failed(
            refused,
            "421 try later",
            DeliveryFailure::RetryAt(at(300)),
            at(3),
        )
        .await
        .unwrap();
    assert!(
        store
            .claim_emails(at(299), at(400), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let retried = store.claim_emails(at(300), at(420), 10).await.unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!((retried[0].id, retried[0].attempts), (refused, 2));
    assert!(store.rejected_emails("ZH").await.unwrap().is_empty());

    store
        .email_failed(
            refused,
            "550 no such user",
            DeliveryFailure::Permanent,
            at(301),
        )
        .await
        .unwrap();
    let rejected = store.rejected_emails("ZH").await.unwrap();
    assert_eq!(rejected.len(), 1);
    let entry = &rejected[0];
    assert_eq!(entry.id, refused);
    assert_eq!(entry.recipient, "alice");
    assert_eq!(entry.to, "alice@example.ch");
    assert_eq!(entry.subject, "Subject for alice@example.ch");
    assert_eq!(entry.error, "550 no such user");
    assert_eq!(entry.at, at(301));
    assert!(store.rejected_emails("GE").await.unwrap().is_empty());
    // Settled e-mails stay settled, whatever a late sender reports.
    store.email_sent(refused, at(302)).await.unwrap();
    store
        .email_failed(sent, "late", DeliveryFailure::RetryAt(at(303)), at(303))
        .await
        .unwrap();
    assert_eq!(store.rejected_emails("ZH").await.unwrap().len(), 1);
    assert!(
        store
            .claim_emails(at(10_000), at(10_100), 10)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn a_digest_bundles_held_emails_once(store: &Store) {
    let bobs = [
        notify(store, "bob", Some(EmailDelivery::Digest), at(0)).await,
        notify(store, "bob", Some(EmailDelivery::Digest), at(1)).await,
    ];
    let carols = notify(store, "carol", Some(EmailDelivery::Digest), at(2)).await;
    assert!(
        store
            .claim_emails(at(10), at(100), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.digest_recipients().await.unwrap(), ["bob", "carol"]);
    let held = store.held_emails("bob").await.unwrap();
    assert_eq!(held.iter().map(|e| e.id).collect::<Vec<_>>(), bobs);
    assert_eq!(held[0].attempts, 0);
    assert_eq!(held[0].created_at, at(0));

    let digest = Uuid::now_v7();
    let mut summary = email("bob@example.ch", EmailDelivery::Immediately);
    summary.subject = "Your digest".to_owned();
    let late = notify(store, "bob", Some(EmailDelivery::Digest), at(3)).await;
    // Another person's e-mail is not bundled into bob's digest.
    let bundled = store
        .bundle_digest(
            digest,
            "bob",
            "ZH",
            &summary,
            &[bobs[0], bobs[1], carols],
            at(20),
        )
        .await
        .unwrap();
    assert!(bundled);
    let held = store.held_emails("bob").await.unwrap();
    assert_eq!(held.iter().map(|e| e.id).collect::<Vec<_>>(), [late]);
    assert_eq!(store.held_emails("carol").await.unwrap().len(), 1);
    let claimed = store.claim_emails(at(20), at(140), 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let sent = &claimed[0];
    assert_eq!((sent.id, sent.subject.as_str()), (digest, "Your digest"));
    assert_eq!(
        (sent.recipient.as_str(), sent.tenant.as_str()),
        ("bob", "ZH")
    );
    assert_eq!(sent.created_at, at(20));

    // The same digest again (a rerun of the day) changes nothing.
    let rerun = store
        .bundle_digest(digest, "bob", "ZH", &summary, &[late], at(30))
        .await
        .unwrap();
    assert!(!rerun);
    assert_eq!(store.held_emails("bob").await.unwrap().len(), 1);
    assert!(
        store
            .claim_emails(at(30), at(150), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.digest_recipients().await.unwrap(), ["bob", "carol"]);
}
