//! Sign-in under attack (issue 15): every attempt counts, aliases and
//! batches included; an account is locked after ten and its person and
//! tenant admins are told; unknown e-mails are answered like known ones;
//! a page of another site cannot sign anyone in (login CSRF).

use std::time::{Duration, Instant};

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::throttle::account_key;
use iiz_tests::pages::Browser;
use iiz_tests::{As, Backend, TestApp, error_code, spawn_app_with};
use serde_json::{Value, json};

crate::on_both_backends!(
    two_hundred_aliased_sign_ins_are_two_hundred_attempts,
    unknown_emails_are_answered_like_known_ones,
    pages_of_other_sites_cannot_sign_in,
    the_sign_in_page_says_how_long_to_wait
);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const ADMIN: &str = "admin@demo.iiz.invalid";
const SIGN_IN: &str = "signIn(email: $email, password: $password) { csrfToken }";

/// The demo with a minute's back-off, so no answer depends on how fast
/// the test runs.
async fn demo(backend: Backend) -> Option<TestApp> {
    spawn_app_with(backend, true, |config| {
        config.sessions.signin_backoff_seconds = 60;
    })
    .await
    .unwrap()
}

/// One request with `n` aliased `signIn` fields.
fn aliased(n: usize) -> String {
    let fields: String = (0..n).map(|i| format!(" a{i}: {SIGN_IN}")).collect();
    format!("mutation($email: String!, $password: String!) {{{fields} }}")
}

/// The (code, message) of each error of an answer, in field order.
fn refusals(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|error| {
                    (
                        error["extensions"]["code"]
                            .as_str()
                            .unwrap_or("")
                            .to_owned(),
                        error["message"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn token_for(app: &TestApp, email: &str, role: &str) -> String {
    let session = app.sign_in(email, DEMO_PASSWORD).await.unwrap();
    let create = format!(
        "mutation {{ createApiToken(name: \"watch\", tenant: \"CH\", roles: [{role}]) {{ secret }} }}"
    );
    let (_, created) = app
        .graphql(As::Session(&session), &create, json!({}))
        .await
        .unwrap();
    created["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{created}"))
        .to_owned()
}

/// Waits (bounded) until the token's owner has a lock notice.
async fn lock_notice(app: &TestApp, token: &str) -> Option<Value> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let (_, inbox) = app
            .graphql(
                As::Token(token),
                "{ inbox(first: 100) { edges { node { kind title link } } } }",
                json!({}),
            )
            .await
            .unwrap();
        let found = inbox["data"]["inbox"]["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|edge| edge["node"].clone())
            .find(|node| node["kind"] == "SIGN_IN_LOCKED");
        if found.is_some() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    None
}

async fn two_hundred_aliased_sign_ins_are_two_hundred_attempts(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    // Tokens made before the attack read the inboxes afterwards (the
    // address is locked by then, too).
    let petra = token_for(&app, PETRA, "OFFICE").await;
    let admin = token_for(&app, ADMIN, "TENANT_ADMIN").await;

    let (status, body) = app
        .graphql(
            As::Anonymous,
            &aliased(200),
            json!({ "email": PETRA, "password": "not the password" }),
        )
        .await
        .unwrap();
    assert_eq!(status, 200);
    let refused = refusals(&body);
    assert_eq!(refused.len(), 200, "{body}");
    let codes: Vec<&str> = refused.iter().map(|(code, _)| code.as_str()).collect();
    // Three passwords are checked; every later attempt is refused unchecked.
    assert!(
        codes[..3].iter().all(|code| *code == "UNAUTHENTICATED"),
        "{codes:?}"
    );
    assert!(
        codes[3..].iter().all(|code| *code == "TOO_MANY_ATTEMPTS"),
        "{codes:?}"
    );
    let retry = body["errors"][199]["extensions"]["retryAfter"]
        .as_u64()
        .unwrap();
    assert!(retry > 14 * 60, "locked for the lock's duration: {retry}");

    // Each alias counted: the database holds 200 attempts and a lock.
    let count = app
        .app()
        .store()
        .signin_attempts(&account_key(PETRA))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(count.failures, 200);
    assert!(count.locked_until.is_some());

    // The right password is refused while the lock lasts.
    let (_, right) = app
        .graphql(
            As::Anonymous,
            &aliased(1),
            json!({ "email": PETRA, "password": DEMO_PASSWORD }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&right), Some("TOO_MANY_ATTEMPTS"), "{right}");
    assert!(right["data"].is_null() || right["data"]["a0"].is_null());

    // Petra and the tenant admin of her tenant are told.
    let told = lock_notice(&app, &petra).await.expect("Petra is told");
    assert!(
        told["title"].as_str().unwrap().contains("Petra Muster"),
        "{told}"
    );
    let told = lock_notice(&app, &admin)
        .await
        .expect("the tenant admin is told");
    assert!(
        told["link"].as_str().unwrap().starts_with("/admin/people/"),
        "{told}"
    );
}

async fn unknown_emails_are_answered_like_known_ones(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let attempt = |email: &'static str| {
        let app = &app;
        async move {
            let (status, body) = app
                .graphql(
                    As::Anonymous,
                    &aliased(12),
                    json!({ "email": email, "password": "not the password" }),
                )
                .await
                .unwrap();
            (status, refusals(&body), body["data"].clone())
        }
    };
    let known = attempt(PETRA).await;
    let unknown = attempt("nobody@fachstelle.demo.iiz.invalid").await;
    assert_eq!(known, unknown, "the answers tell known and unknown apart");
    assert_eq!(known.1.len(), 12);
    assert_eq!(known.1[0].0, "UNAUTHENTICATED");
    assert_eq!(known.1[11].0, "TOO_MANY_ATTEMPTS");
    // The unknown e-mail was counted and locked like the known one.
    let count = app
        .app()
        .store()
        .signin_attempts(&account_key("nobody@fachstelle.demo.iiz.invalid"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(count.failures, 12);
    assert!(count.locked_until.is_some());
}

async fn pages_of_other_sites_cannot_sign_in(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let query = aliased(1);
    let body =
        json!({ "query": query, "variables": { "email": PETRA, "password": DEMO_PASSWORD } })
            .to_string();
    let url = format!("{}/graphql", app.base_url);
    // A form of another site can send these without asking the browser.
    // (multipart as GraphQL uploads are sent: the operations and a map)
    let multipart = format!(
        "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{body}\r\n\
         --x\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{}}\r\n--x--\r\n"
    );
    for (content_type, sent) in [
        ("text/plain", &body),
        ("application/x-www-form-urlencoded", &body),
        ("multipart/form-data; boundary=x", &multipart),
    ] {
        let response = app
            .http
            .post(&url)
            .header("content-type", content_type)
            .body(sent.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 415, "{content_type}");
        let refused: Value = response.json().await.unwrap();
        assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{content_type}");
    }
    // Nor through GET or HEAD.
    for method in [reqwest::Method::GET, reqwest::Method::HEAD] {
        let response = app
            .http
            .request(method.clone(), &url)
            .query(&[("query", "mutation { signOut }")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 405, "{method}");
    }
    // JSON from a page of another site: refused by its Origin.
    let foreign = app
        .http
        .post(&url)
        .header("content-type", "application/json")
        .header("origin", "https://evil.example")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert!(foreign.headers().get("set-cookie").is_none());
    let foreign: Value = foreign.json().await.unwrap();
    assert_eq!(error_code(&foreign), Some("FORBIDDEN"), "{foreign}");
    // The platform's own origin (its Host) signs in.
    let own = app
        .http
        .post(&url)
        .header("content-type", "application/json")
        .header("origin", &app.base_url)
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(own.headers().get("set-cookie").is_some());
    let own: Value = own.json().await.unwrap();
    assert!(own["data"]["a0"]["csrfToken"].is_string(), "{own}");

    // The sign-in page refuses a form posted from another site even with
    // a valid form token and its cookie.
    let form = app
        .http
        .get(format!("{}/signin", app.base_url))
        .send()
        .await
        .unwrap();
    let cookie = form
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| value.starts_with("iiz_form="))
        .and_then(|value| value.split(';').next())
        .unwrap()
        .to_owned();
    let page = iiz_tests::pages::Page {
        status: 200,
        path: "/signin".to_owned(),
        html: form.text().await.unwrap(),
    };
    let token = page.attrs("input[name='_csrf']", "value").unwrap()[0].clone();
    // Without following the redirect, to see the cookie it sets.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let post = |origin: &str| {
        http.post(format!("{}/signin", app.base_url))
            .header("origin", origin)
            .header("cookie", cookie.clone())
            .form(&[
                ("_csrf", token.as_str()),
                ("email", PETRA),
                ("password", DEMO_PASSWORD),
                ("next", "/"),
            ])
            .send()
    };
    let forged = post("https://evil.example").await.unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    let signed_in = |response: &reqwest::Response| {
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .any(|value| {
                value
                    .to_str()
                    .unwrap_or_default()
                    .starts_with("iiz_session=")
            })
    };
    assert!(!signed_in(&forged));
    // The same form from the platform's own page signs in: the test can fail.
    let genuine = post(&app.base_url).await.unwrap();
    assert_eq!(genuine.status().as_u16(), 303);
    assert!(signed_in(&genuine));
}

async fn the_sign_in_page_says_how_long_to_wait(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let browser = Browser::new(&app).unwrap();
    let mut last = None;
    for _ in 0..4 {
        let form = browser.get("/signin").await.unwrap();
        let answer = browser
            .submit(
                &form,
                "form[action='/signin']",
                &[("email", PETRA), ("password", "not the password")],
            )
            .await
            .unwrap();
        last = Some(answer);
    }
    let last = last.unwrap();
    assert_eq!(last.status, 429);
    let error = last.field_error("password").unwrap().unwrap_or_default();
    assert!(error.contains("Zu viele Anmeldeversuche"), "{error}");
    assert!(error.contains("Minute"), "{error}");
}
