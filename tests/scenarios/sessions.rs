//! The life of a session (issue 15): a new session id at every sign-in,
//! sign-out everywhere (GraphQL and the profile page), a password change
//! ending the person's other sessions, expired sessions purged, API tokens
//! that expire; and the demo refusing a database of real people.

use std::time::Duration;

use chrono::Utc;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::Browser;
use iiz_tests::{As, Backend, Session, TestApp, error_code, spawn_app};
use serde_json::json;

crate::on_both_backends!(
    sessions_are_renewed_ended_everywhere_and_purged,
    a_password_change_ends_the_other_sessions,
    api_tokens_may_expire,
    the_demo_refuses_a_database_of_real_people
);

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const ADMIN: &str = "admin@demo.iiz.invalid";

async fn me(app: &TestApp, session: &Session) -> Option<String> {
    let (_, body) = app
        .graphql(As::Session(session), "{ me { id } }", json!({}))
        .await
        .unwrap();
    body["data"]["me"]["id"].as_str().map(str::to_owned)
}

async fn sessions_are_renewed_ended_everywhere_and_purged(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // Signing in with a session cookie gives a new session and ends the
    // old one: an id planted before the sign-in is worth nothing after.
    let first = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let response = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("cookie", &first.cookie)
        .header(iiz_gateway::CSRF_HEADER, &first.csrf)
        .json(&json!({
            "query": "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }",
            "variables": { "email": ANNA, "password": DEMO_PASSWORD },
        }))
        .send()
        .await
        .unwrap();
    let renewed = response
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .unwrap()
        .to_owned();
    let body: serde_json::Value = response.json().await.unwrap();
    let renewed = Session {
        cookie: renewed,
        csrf: body["data"]["signIn"]["csrfToken"]
            .as_str()
            .unwrap()
            .to_owned(),
    };
    assert_ne!(renewed.cookie, first.cookie);
    assert!(me(&app, &first).await.is_none(), "the old session ended");
    assert!(me(&app, &renewed).await.is_some());

    // Sign-out everywhere ends every session of the person.
    let other = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let luc = app
        .sign_in("luc.exemple@ge.demo.iiz.invalid", DEMO_PASSWORD)
        .await
        .unwrap();
    let (_, ended) = app
        .graphql(
            As::Session(&renewed),
            "mutation { signOutEverywhere }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(ended["data"]["signOutEverywhere"], 2, "{ended}");
    assert!(me(&app, &renewed).await.is_none());
    assert!(me(&app, &other).await.is_none());
    assert!(
        me(&app, &luc).await.is_some(),
        "other people stay signed in"
    );

    // The profile page's button does the same.
    let browser = Browser::new(&app).unwrap();
    browser.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let elsewhere = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let profile = browser.get("/profile").await.unwrap();
    let signed_out = browser
        .submit(&profile, "form[action='/profile/sessions/end']", &[])
        .await
        .unwrap();
    assert_eq!(signed_out.path, "/signin");
    assert!(me(&app, &elsewhere).await.is_none());
    assert!(
        browser
            .get("/profile")
            .await
            .unwrap()
            .path
            .starts_with("/signin")
    );

    // The periodic purge removes sessions idle for longer than the timeout
    // (two hours by default): here, as if it ran three hours from now.
    assert!(me(&app, &luc).await.is_some());
    let purged = app
        .app()
        .purge_expired_sessions(Utc::now() + chrono::Duration::hours(3))
        .await
        .unwrap();
    assert!(purged.sessions >= 1, "{purged:?}");
    assert!(me(&app, &luc).await.is_none());
}

async fn a_password_change_ends_the_other_sessions(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let here = Browser::new(&app).unwrap();
    here.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let there = Browser::new(&app).unwrap();
    there.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let api = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();

    let profile = here.get("/profile").await.unwrap();
    let changed = here
        .submit(
            &profile,
            "#password-form",
            &[
                ("old_password", DEMO_PASSWORD),
                ("new_password", "ein ganz neues Passwort"),
                ("new_password_again", "ein ganz neues Passwort"),
            ],
        )
        .await
        .unwrap();
    assert_eq!((changed.status, changed.path.as_str()), (200, "/profile"));
    // This browser stays signed in; the others are out.
    assert_eq!(here.get("/profile").await.unwrap().path, "/profile");
    assert!(
        there
            .get("/profile")
            .await
            .unwrap()
            .path
            .starts_with("/signin")
    );
    assert!(me(&app, &api).await.is_none());
}

async fn api_tokens_may_expire(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let create = "mutation($at: DateTime) { createApiToken(name: \"short\", tenant: \"ZH\", roles: [COORDINATOR], expiresAt: $at) { secret token { expiresAt } } }";
    let (_, past) = app
        .graphql(
            As::Session(&anna),
            create,
            json!({ "at": (Utc::now() - chrono::Duration::minutes(1)).to_rfc3339() }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&past), Some("VALIDATION"), "{past}");

    let expires = Utc::now() + chrono::Duration::seconds(4);
    let (_, created) = app
        .graphql(
            As::Session(&anna),
            create,
            json!({ "at": expires.to_rfc3339() }),
        )
        .await
        .unwrap();
    let secret = created["data"]["createApiToken"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{created}"))
        .to_owned();
    assert!(created["data"]["createApiToken"]["token"]["expiresAt"].is_string());
    let read = "{ tenant(id: \"ZH\") { id } }";
    let (status, body) = app
        .graphql(As::Token(&secret), read, json!({}))
        .await
        .unwrap();
    assert_eq!(
        (status, &body["data"]["tenant"]["id"]),
        (200, &json!("ZH")),
        "{body}"
    );
    // Once past its expiry the token opens nothing.
    let wait = (expires - Utc::now()).to_std().unwrap_or_default() + Duration::from_secs(1);
    tokio::time::sleep(wait).await;
    let (status, body) = app
        .graphql(As::Token(&secret), read, json!({}))
        .await
        .unwrap();
    assert_eq!(
        (status, error_code(&body)),
        (401, Some("UNAUTHENTICATED")),
        "{body}"
    );
}

async fn the_demo_refuses_a_database_of_real_people(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // The demo loads again into a database of demo people only.
    app.app().load_demo_guarded(false).await.unwrap();
    // A real person is registered.
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let (_, registered) = app
        .graphql(
            As::Session(&admin),
            "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }",
            json!({ "input": {
                "home": "ZH", "name": "Echte Person", "email": "echte.person@zh.example",
                "language": "DE", "password": "ein echtes Passwort"
            }}),
        )
        .await
        .unwrap();
    assert!(
        registered["data"]["registerPerson"]["id"].is_string(),
        "{registered}"
    );

    // `serve --demo` against this database refuses to start …
    let config = |force: bool| iiz::config::Config {
        demo_force: force,
        ..iiz_tests::test_config(&app.database.url, app.data_dir.path())
    };
    let refused = iiz::start(config(false), true, std::future::pending()).await;
    let Err(error) = refused else {
        panic!("the demo is refused");
    };
    let error = format!("{error:#}");
    assert!(error.contains("not demo people"), "{error}");
    // … and so does `iiz demo`, unless forced.
    assert!(app.app().load_demo_guarded(false).await.is_err());
    let forced = iiz::start(config(true), true, std::future::pending())
        .await
        .unwrap();
    forced.stop().await.unwrap();
}
