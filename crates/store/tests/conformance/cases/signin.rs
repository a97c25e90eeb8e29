//! Sign-in attempts and the session lifecycle (issue 15).

use chrono::{Duration, Utc};
use iiz_store::{
    AccountLink, ApiTokenRecord, AttemptCount, AttemptWrite, Decide, LinkPurpose, SessionRecord,
    Store,
};
use uuid::Uuid;

/// One attempt that adds a failure to `key`.
fn one_more(key: &str) -> Decide<'static, u32> {
    let key = key.to_owned();
    let now = Utc::now();
    Box::new(move |counts| {
        let failures = counts[0].map_or(0, |count| count.failures) + 1;
        let count = AttemptCount {
            failures,
            last_attempt_at: now,
            locked_until: None,
        };
        (
            AttemptWrite {
                counts: vec![(key, count)],
                lock: None,
            },
            failures,
        )
    })
}

pub async fn concurrent_sign_in_attempts_are_all_counted(store: &Store) {
    let key = "account:concurrent".to_owned();
    let attempts = (0..24).map(|_| {
        let store = store.clone();
        let key = key.clone();
        tokio::spawn(async move {
            store
                .count_signin_attempt(std::slice::from_ref(&key), one_more(&key))
                .await
        })
    });
    let mut seen: Vec<u32> = Vec::new();
    for attempt in attempts {
        seen.push(attempt.await.unwrap().unwrap());
    }
    seen.sort_unstable();
    // Each attempt saw the one before it: no two counted from the same.
    assert_eq!(seen, (1..=24).collect::<Vec<_>>());
    let count = store.signin_attempts(&key).await.unwrap().unwrap();
    assert_eq!(count.failures, 24);
    store.clear_signin_attempts(&key).await.unwrap();
    assert!(store.signin_attempts(&key).await.unwrap().is_none());
}

pub async fn sessions_end_after_their_lifetime_or_when_idle(store: &Store) {
    let person = Uuid::now_v7();
    let now = Utc::now();
    let session = |expires_in: Duration| SessionRecord {
        person,
        csrf_token: "csrf".to_owned(),
        expires_at: now + expires_in,
    };
    store
        .create_session("one", &session(Duration::hours(12)))
        .await
        .unwrap();
    store
        .create_session("two", &session(Duration::hours(12)))
        .await
        .unwrap();
    store
        .create_session("old", &session(Duration::seconds(-1)))
        .await
        .unwrap();
    let idle = now - Duration::hours(2);
    let live = |hash: &'static str, at: chrono::DateTime<Utc>, cutoff| {
        store.live_session(hash, at, cutoff, at - Duration::minutes(1))
    };
    assert!(live("one", now, idle).await.unwrap().is_some());
    // past its lifetime
    assert!(live("old", now, idle).await.unwrap().is_none());
    assert!(
        live("one", now + Duration::hours(13), now)
            .await
            .unwrap()
            .is_none()
    );
    // unused since before the idle cutoff
    assert!(
        live("two", now, now + Duration::seconds(1))
            .await
            .unwrap()
            .is_none()
    );
    // using a session moves its last use: "one" was touched above at +13 h
    // only if it was live, so it still counts from its creation
    let later = now + Duration::minutes(30);
    assert!(live("one", later, idle).await.unwrap().is_some());
    assert!(
        live("one", later, later - Duration::minutes(1))
            .await
            .unwrap()
            .is_some(),
        "the use at +30 min was recorded"
    );

    // Ending the person's other sessions keeps the one named.
    assert_eq!(
        store.delete_sessions_of(person, Some("one")).await.unwrap(),
        2
    );
    assert!(live("one", later, idle).await.unwrap().is_some());
    assert!(live("two", later, idle).await.unwrap().is_none());

    // The purge removes idle and expired sessions.
    store
        .create_session("stale", &session(Duration::seconds(-5)))
        .await
        .unwrap();
    let purged = store
        .purge_signin_state(now, now - Duration::hours(2), now - Duration::days(1))
        .await
        .unwrap();
    assert_eq!(purged.sessions, 1, "{purged:?}");
    assert!(live("one", later, idle).await.unwrap().is_some());
    let purged = store
        .purge_signin_state(now + Duration::hours(13), now, now - Duration::days(1))
        .await
        .unwrap();
    assert_eq!(purged.sessions, 1, "{purged:?}");
}

pub async fn api_tokens_are_live_until_revoked_or_past_their_expiry(store: &Store) {
    let person = Uuid::now_v7();
    let now = Utc::now();
    let token = |expires_at| ApiTokenRecord {
        id: Uuid::now_v7(),
        person,
        name: "export".to_owned(),
        tenant: "ZH".to_owned(),
        roles: vec!["coordinator".to_owned()],
        created_at: now,
        last_used_at: None,
        revoked_at: None,
        expires_at,
    };
    let lasting = token(None);
    let expiring = token(Some(now + Duration::hours(1)));
    store
        .create_api_token("hash-lasting", &lasting)
        .await
        .unwrap();
    store
        .create_api_token("hash-expiring", &expiring)
        .await
        .unwrap();

    let live = |hash: &'static str, at| {
        let store = store.clone();
        async move { store.live_api_token(hash, at).await.unwrap().map(|t| t.id) }
    };
    assert_eq!(live("hash-lasting", now).await, Some(lasting.id));
    assert_eq!(live("hash-expiring", now).await, Some(expiring.id));
    // Past its expiry the token is gone; the one without lasts.
    let later = now + Duration::hours(2);
    assert_eq!(live("hash-expiring", later).await, None);
    assert_eq!(live("hash-lasting", later).await, Some(lasting.id));
    assert_eq!(live("hash-unknown", now).await, None);
    // Revoked, it opens nothing either.
    assert!(
        store
            .revoke_api_token(person, lasting.id, now)
            .await
            .unwrap()
    );
    assert_eq!(live("hash-lasting", now).await, None);
}

pub async fn the_purge_removes_used_and_expired_account_links(store: &Store) {
    let now = Utc::now();
    let link = |expires_in: Duration| AccountLink {
        person: Uuid::now_v7(),
        email: "someone@zh.example".to_owned(),
        purpose: LinkPurpose::Reset,
        expires_at: now + expires_in,
    };
    for (hash, lasts) in [
        ("link-open", Duration::hours(1)),
        ("link-expired", Duration::minutes(-1)),
        ("link-used", Duration::hours(1)),
    ] {
        store
            .create_account_link(hash, &link(lasts), now - Duration::hours(1))
            .await
            .unwrap();
    }
    let taken = store
        .take_account_link("link-used", LinkPurpose::Reset, now)
        .await
        .unwrap();
    assert!(taken.is_some());

    let purged = store
        .purge_signin_state(now, now - Duration::hours(2), now - Duration::days(1))
        .await
        .unwrap();
    assert_eq!(purged.links, 2, "{purged:?}");
    let open = store
        .account_link("link-open", LinkPurpose::Reset, now)
        .await
        .unwrap();
    assert!(open.is_some(), "an open link outlives the purge");
}
