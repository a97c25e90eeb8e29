//! Webhooks: registration per tenant, one delivery per event, retries,
//! dead letters and replay.

use std::collections::HashSet;

use iiz_store::{DeliveryFailure, Store, Webhook, WebhookDeliveryStatus};
use uuid::Uuid;

use crate::outbound::at;

fn webhook(tenant: &str, url: &str, created: i64) -> Webhook {
    Webhook {
        id: Uuid::now_v7(),
        tenant: tenant.to_owned(),
        url: url.to_owned(),
        secret: format!("secret of {url}"),
        created_by: "admin".to_owned(),
        created_at: at(created),
    }
}

pub async fn webhooks_are_added_listed_and_removed_per_tenant(store: &Store) {
    let zh = [
        webhook("ZH", "https://zh.example.ch/a", 0),
        webhook("ZH", "https://zh.example.ch/b", 1),
    ];
    let ge = webhook("GE", "https://ge.example.ch/", 2);
    for hook in zh.iter().chain([&ge]) {
        store.add_webhook(hook).await.unwrap();
    }
    assert_eq!(store.webhooks("ZH").await.unwrap(), zh);
    assert_eq!(
        store.webhooks("GE").await.unwrap(),
        std::slice::from_ref(&ge)
    );
    assert!(store.webhooks("BE").await.unwrap().is_empty());

    assert!(!store.remove_webhook("GE", zh[0].id).await.unwrap());
    assert!(store.remove_webhook("ZH", zh[0].id).await.unwrap());
    assert!(!store.remove_webhook("ZH", zh[0].id).await.unwrap());
    assert_eq!(store.webhooks("ZH").await.unwrap(), zh[1..]);
    assert_eq!(store.webhooks("GE").await.unwrap(), [ge]);
}

pub async fn an_event_is_queued_once_per_webhook(store: &Store) {
    let zh = [
        webhook("ZH", "https://zh.example.ch/a", 0),
        webhook("ZH", "https://zh.example.ch/b", 1),
    ];
    for hook in zh
        .iter()
        .chain([&webhook("GE", "https://ge.example.ch/", 2)])
    {
        store.add_webhook(hook).await.unwrap();
    }
    let (first, second) = (Uuid::now_v7(), Uuid::now_v7());
    let enqueue =
        |event, body: &'static str| store.enqueue_webhook_deliveries("ZH", event, body, at(10));
    assert_eq!(enqueue(first, r#"{"n":1}"#).await.unwrap(), 2);
    assert_eq!(enqueue(first, r#"{"n":1}"#).await.unwrap(), 0);
    assert_eq!(enqueue(second, r#"{"n":2}"#).await.unwrap(), 2);
    assert_eq!(
        store
            .enqueue_webhook_deliveries("BE", first, "{}", at(10))
            .await
            .unwrap(),
        0
    );

    let claimed = store
        .claim_webhook_deliveries(at(10), at(70), 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 4);
    let pairs: HashSet<(Uuid, Uuid)> = claimed.iter().map(|d| (d.webhook, d.event_id)).collect();
    let expected = zh
        .iter()
        .flat_map(|hook| [(hook.id, first), (hook.id, second)])
        .collect();
    assert_eq!(pairs, expected);
    for delivery in &claimed {
        let hook = zh.iter().find(|hook| hook.id == delivery.webhook).unwrap();
        assert_eq!(delivery.tenant, "ZH");
        assert_eq!(delivery.url, hook.url);
        assert_eq!(delivery.secret, hook.secret);
        let n = if delivery.event_id == first { 1 } else { 2 };
        assert_eq!(delivery.body, format!(r#"{{"n":{n}}}"#));
        assert_eq!(delivery.status, WebhookDeliveryStatus::Pending);
        assert_eq!(delivery.attempts, 1);
        assert_eq!(delivery.last_error, None);
        assert_eq!(delivery.next_attempt_at, at(70));
        assert_eq!(delivery.created_at, at(10));
    }
    assert!(
        store
            .claim_webhook_deliveries(at(69), at(130), 10)
            .await
            .unwrap()
            .is_empty()
    );

    // A removed webhook takes its queue with it.
    assert!(store.remove_webhook("ZH", zh[0].id).await.unwrap());
    let again = store
        .claim_webhook_deliveries(at(70), at(130), 10)
        .await
        .unwrap();
    assert_eq!(again.len(), 2);
    assert!(
        again
            .iter()
            .all(|d| d.webhook == zh[1].id && d.attempts == 2)
    );
}

pub async fn failed_deliveries_are_retried_then_dead_lettered_and_replayed(store: &Store) {
    let hook = webhook("ZH", "https://zh.example.ch/", 0);
    store.add_webhook(&hook).await.unwrap();
    let (kept, ok) = (Uuid::now_v7(), Uuid::now_v7());
    store
        .enqueue_webhook_deliveries("ZH", kept, "{}", at(1))
        .await
        .unwrap();
    store
        .enqueue_webhook_deliveries("ZH", ok, "{}", at(1))
        .await
        .unwrap();
    let claimed = store
        .claim_webhook_deliveries(at(1), at(61), 10)
        .await
        .unwrap();
    let id_of = |event| claimed.iter().find(|d| d.event_id == event).unwrap().id;
    let (failing, delivered) = (id_of(kept), id_of(ok));
    store.webhook_delivered(delivered, at(2)).await.unwrap();
    store
        .webhook_failed(
            failing,
            "HTTP 503",
            DeliveryFailure::RetryAt(at(100)),
            at(3),
        )
        .await
        .unwrap();
    assert!(
        store
            .claim_webhook_deliveries(at(99), at(160), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let retried = store
        .claim_webhook_deliveries(at(100), at(160), 10)
        .await
        .unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!((retried[0].id, retried[0].attempts), (failing, 2));
    assert_eq!(retried[0].last_error.as_deref(), Some("HTTP 503"));

    store
        .webhook_failed(failing, "HTTP 500", DeliveryFailure::Permanent, at(101))
        .await
        .unwrap();
    let dead = store.dead_webhook_deliveries("ZH").await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].id, failing);
    assert_eq!(dead[0].status, WebhookDeliveryStatus::Dead);
    assert_eq!(dead[0].last_error.as_deref(), Some("HTTP 500"));
    assert_eq!(dead[0].attempts, 2);
    assert_eq!(dead[0].url, hook.url);
    assert!(
        store
            .dead_webhook_deliveries("GE")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .claim_webhook_deliveries(at(10_000), at(10_060), 10)
            .await
            .unwrap()
            .is_empty()
    );

    assert!(
        !store
            .replay_webhook_delivery("GE", failing, at(200))
            .await
            .unwrap()
    );
    assert!(
        !store
            .replay_webhook_delivery("ZH", delivered, at(200))
            .await
            .unwrap()
    );
    assert!(
        store
            .replay_webhook_delivery("ZH", failing, at(200))
            .await
            .unwrap()
    );
    assert!(
        !store
            .replay_webhook_delivery("ZH", failing, at(200))
            .await
            .unwrap()
    );
    assert!(
        store
            .dead_webhook_deliveries("ZH")
            .await
            .unwrap()
            .is_empty()
    );
    let replayed = store
        .claim_webhook_deliveries(at(200), at(260), 10)
        .await
        .unwrap();
    assert_eq!(replayed.len(), 1);
    assert_eq!((replayed[0].id, replayed[0].attempts), (failing, 1));
    store.webhook_delivered(failing, at(201)).await.unwrap();
    assert!(
        store
            .claim_webhook_deliveries(at(10_000), at(10_060), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .dead_webhook_deliveries("ZH")
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn concurrent_claimers_get_disjoint_deliveries(store: &Store) {
    let hooks: Vec<Webhook> = (0..4)
        .map(|n| webhook("ZH", &format!("https://zh.example.ch/{n}"), n))
        .collect();
    for hook in &hooks {
        store.add_webhook(hook).await.unwrap();
    }
    for _ in 0..10 {
        store
            .enqueue_webhook_deliveries("ZH", Uuid::now_v7(), "{}", at(5))
            .await
            .unwrap();
    }
    let claimers: Vec<_> = (0..4)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut claimed = Vec::new();
                loop {
                    let batch = store
                        .claim_webhook_deliveries(at(5), at(600), 3)
                        .await
                        .unwrap();
                    if batch.is_empty() {
                        return claimed;
                    }
                    claimed.extend(batch.into_iter().map(|d| d.id));
                }
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for claimer in claimers {
        claimed.extend(claimer.await.unwrap());
    }
    let distinct: HashSet<Uuid> = claimed.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        claimed.len(),
        "a delivery was claimed twice"
    );
    assert_eq!(distinct.len(), 40);
}
