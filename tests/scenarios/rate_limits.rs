//! The rate limit at its default: per person when signed in (two people
//! from one address are counted apart), per client address otherwise, a
//! spoofed `X-Forwarded-For` ignored unless it comes from a trusted proxy,
//! an unknown API token counted before anything is written, and the pages'
//! POSTs and operations over the socket counted alike.

use futures::SinkExt;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, error_code, spawn_app_with};
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

use crate::live::{connect, receive};

crate::on_both_backends!(
    the_default_rate_limit_counts_people_and_addresses_apart,
    forwarded_addresses_count_only_from_trusted_proxies
);

const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";

/// The limit the platform ships with (not lowered for the test).
fn default_limit() -> usize {
    let limit = iiz_gateway::GatewaySettings::default().requests_per_minute;
    usize::try_from(limit).unwrap()
}

/// Sends `request` until it is answered 429; returns how many passed
/// before. The limit refills one request per 100 ms, so a test that takes
/// a few seconds sees a few dozen more than the burst.
async fn until_limited(app: &TestApp, request: impl Fn() -> reqwest::RequestBuilder) -> usize {
    let limit = default_limit();
    for passed in 0..limit * 2 {
        let response = request().send().await.unwrap();
        if response.status() == 429 {
            let body: serde_json::Value = response.json().await.unwrap();
            assert_eq!(error_code(&body), Some("RATE_LIMITED"), "{body}");
            return passed;
        }
        assert_eq!(
            response.status(),
            200,
            "request {passed} of {}",
            app.base_url
        );
    }
    panic!("no 429 within {} requests", limit * 2);
}

fn query(app: &TestApp, who: &Session, query: &str) -> reqwest::RequestBuilder {
    app.http
        .post(format!("{}/graphql", app.base_url))
        .header("cookie", &who.cookie)
        .json(&json!({ "query": query }))
}

async fn the_default_rate_limit_counts_people_and_addresses_apart(backend: Backend) {
    let limit = default_limit();
    let Some(app) = spawn_app_with(backend, true, |config| {
        config.requests_per_minute = u32::try_from(limit).unwrap();
    })
    .await
    .unwrap() else {
        return;
    };
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let luc = app.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let create = "mutation { createApiToken(name: \"reporting\", tenant: \"ZH\", roles: [COORDINATOR]) { secret } }";
    let (_, created) = app
        .graphql(As::Session(&anna), create, json!({}))
        .await
        .unwrap();
    let secret = created["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{created}"))
        .to_owned();
    // A socket opened before Anna runs out.
    let mut socket = connect(&app, &anna, json!({ "csrfToken": anna.csrf })).await;
    assert_eq!(
        receive(&mut socket).await.unwrap()["type"],
        "connection_ack"
    );

    // Anna runs out after the burst the default allows.
    let passed = until_limited(&app, || query(&app, &anna, "{ me { id } }")).await;
    assert!(passed >= limit - 4, "only {passed} of {limit} passed");
    // Her token is counted against her too, and its use is not written
    // when refused.
    // On a slow machine the bucket may refill between her last request and
    // this one: then the token passes once, and she runs out again.
    let mut passed_again = 0;
    let refused = loop {
        let (status, body) = app
            .graphql(As::Token(&secret), "{ me { id } }", json!({}))
            .await
            .unwrap();
        if status == 429 {
            break body;
        }
        passed_again += 1;
        assert!(
            passed_again < 3,
            "the token passed right after the limit: {body}"
        );
        until_limited(&app, || query(&app, &anna, "{ me { id } }")).await;
    };
    assert_eq!(error_code(&refused), Some("RATE_LIMITED"));
    let person = app
        .app()
        .store()
        .credential_by_email(ANNA)
        .await
        .unwrap()
        .unwrap()
        .person;
    let tokens = app.app().store().api_tokens_of(person).await.unwrap();
    if passed_again == 0 {
        assert_eq!(tokens[0].last_used_at, None, "{tokens:?}");
    }
    // The socket's queries go through the same limit. Under load the
    // bucket may refill (every 100 ms) before the socket's query: drain it
    // again and ask again, a few times at most.
    let ask = json!({ "id": "q", "type": "subscribe", "payload": { "query": "{ me { id } }" } });
    let mut answered = 0;
    let answer = loop {
        socket.send(Message::text(ask.to_string())).await.unwrap();
        let answer = receive(&mut socket).await.unwrap();
        if answer["payload"]["errors"][0]["extensions"]["code"] == "RATE_LIMITED" {
            break answer;
        }
        answered += 1;
        assert!(
            answered < 3,
            "the socket's query passed the limit: {answer}"
        );
        // The query's own completion message follows its result.
        let _complete = receive(&mut socket).await;
        until_limited(&app, || query(&app, &anna, "{ me { id } }")).await;
    };
    assert_eq!(
        answer["payload"]["errors"][0]["extensions"]["code"], "RATE_LIMITED",
        "{answer}"
    );
    // Luc, from the same address, is not.
    let (status, me) = app
        .graphql(As::Session(&luc), "{ me { id } }", json!({}))
        .await
        .unwrap();
    assert_eq!(status, 200, "{me}");

    // Anonymous callers are counted per address; a forwarding header
    // from an untrusted peer does not make them someone else.
    let spoofed = until_limited(&app, || {
        app.http
            .post(format!("{}/graphql", app.base_url))
            .header("x-forwarded-for", format!("203.0.113.{}", fastrand_octet()))
            .json(&json!({ "query": "{ __typename }" }))
    })
    .await;
    // Two sign-ins were counted against the address already.
    assert!(spoofed >= limit - 6, "only {spoofed} of {limit} passed");
    // An unknown token is counted against the address before it is looked
    // at twice: over the limit it is refused as too many, not unknown.
    // (The bucket refills every 100 ms, which a loaded machine may take
    // between two requests: a few tries, the first of them at the limit.)
    let mut statuses = Vec::new();
    for _ in 0..20 {
        let (status, _) = app
            .graphql(As::Token("iiz_unknown"), "{ me { id } }", json!({}))
            .await
            .unwrap();
        statuses.push(status);
        if status == 429 {
            break;
        }
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    // The pages' POSTs count too, and say so in the visitor's language.
    let page = app
        .http
        .post(format!("{}/language", app.base_url))
        .header("accept-language", "fr")
        .form(&[("language", "fr"), ("_csrf", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.text().await.unwrap().contains("Trop de requêtes"));
    // Luc's page POSTs are his own.
    let page = app
        .http
        .post(format!("{}/language", app.base_url))
        .header("cookie", &luc.cookie)
        .form(&[
            ("language", "fr"),
            ("back", "/"),
            ("_csrf", luc.csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_ne!(page.status(), 429);
}

/// A different last octet for each request.
fn fastrand_octet() -> u8 {
    use std::sync::atomic::{AtomicU8, Ordering};
    static NEXT: AtomicU8 = AtomicU8::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

async fn forwarded_addresses_count_only_from_trusted_proxies(backend: Backend) {
    let limit = default_limit();
    let Some(app) = spawn_app_with(backend, false, |config| {
        config.requests_per_minute = u32::try_from(limit).unwrap();
        config.traffic.trusted_proxies =
            iiz_gateway::TrustedProxies::parse(["127.0.0.1/32", "::1"]).unwrap();
    })
    .await
    .unwrap() else {
        return;
    };
    let from = |client: &'static str| {
        let app = &app;
        move || {
            app.http
                .post(format!("{}/graphql", app.base_url))
                .header("x-forwarded-for", format!("192.0.2.77, {client}"))
                .json(&json!({ "query": "{ __typename }" }))
        }
    };
    // The test's loopback peer is a trusted proxy: the client it names
    // (the rightmost untrusted hop) is counted, not the proxy.
    let passed = until_limited(&app, from("203.0.113.1")).await;
    assert!(passed >= limit, "only {passed} of {limit} passed");
    let other = from("203.0.113.2")().send().await.unwrap();
    assert_eq!(other.status(), 200);
    // The proxy itself, without a header, is a client of its own.
    let own = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
    // The hop the client wrote itself does not count: same client, limited.
    // The bucket refills one request per 100 ms, which a loaded machine
    // may take between two requests; a bucket of its own would pass a
    // whole burst, so a few tries tell the two apart.
    let spoofed = || {
        app.http
            .post(format!("{}/graphql", app.base_url))
            .header("x-forwarded-for", "198.51.100.99, 203.0.113.1")
            .json(&json!({ "query": "{ __typename }" }))
    };
    let mut limited = false;
    for _ in 0..20 {
        if spoofed().send().await.unwrap().status() == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "the spoofed hop got a burst of its own");
}
