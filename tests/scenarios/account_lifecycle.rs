//! The account lifecycle over HTTP: a tenant admin invites a person, who
//! sets their password through the e-mailed link (once); a forgotten
//! password is reset by a single-use link asked for with equal answers for
//! known and unknown addresses; deactivation ends every session and API
//! token at once; an e-mail address in use is `CONFLICT`, never a 500.
//! The links are read from the `.eml` files the embedded default writes.

use std::time::{Duration, Instant};

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::Browser;
use iiz_tests::{As, Backend, Session, TestApp, error_code, spawn_app};
use serde_json::{Value, json};

use crate::requests::{ok, refused_code};

crate::on_both_backends!(
    an_invited_person_sets_a_password_through_a_single_use_link,
    a_forgotten_password_is_reset_by_a_single_use_link,
    deactivation_ends_every_session_and_token_at_once,
);

pub const ADMIN: &str = "admin@demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const INVITE: &str = "mutation($home: ID!, $name: String!, $email: String!) { invitePerson(home: $home, name: $name, email: $email, language: DE) { person { id email } expiresAt } }";
const REGISTER: &str =
    "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }";
const ACCEPT: &str = "mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) }";
const RESET: &str = "mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }";
const FORGOT: &str = "mutation($email: String!) { requestPasswordReset(email: $email) }";

pub async fn demo(backend: Backend) -> Option<TestApp> {
    spawn_app(backend, true).await.unwrap()
}

/// The secrets of the `/account/{kind}/…` links e-mailed to `address`.
pub fn links_to(app: &TestApp, address: &str, kind: &str) -> Vec<String> {
    use mailparse::MailHeaderMap as _;
    let Ok(entries) = std::fs::read_dir(app.data_dir.path().join("mail")) else {
        return Vec::new();
    };
    let marker = format!("/account/{kind}/");
    entries
        .filter_map(|entry| std::fs::read(entry.ok()?.path()).ok())
        .filter_map(|raw| {
            let mail = mailparse::parse_mail(&raw).ok()?;
            let to = mail.headers.get_first_value("To")?;
            if !to.contains(address) {
                return None;
            }
            let body = mail.get_body().ok()?;
            let start = body.find(&marker)? + marker.len();
            let secret: String = body[start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            Some(secret)
        })
        .collect()
}

/// Waits for a link to `address` not among `seen` (resets are sent after
/// the answer, so their e-mail may take a moment).
pub async fn new_link(app: &TestApp, address: &str, kind: &str, seen: &[String]) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(link) = links_to(app, address, kind)
            .into_iter()
            .find(|link| !seen.contains(link))
        {
            return link;
        }
        assert!(Instant::now() < deadline, "no {kind} e-mail to {address}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A GraphQL request without a session.
pub async fn anonymous(app: &TestApp, query: &str, variables: Value) -> Value {
    app.graphql(As::Anonymous, query, variables)
        .await
        .unwrap()
        .1
}

/// Whether a request as `who` is refused as not signed in.
async fn signed_out(app: &TestApp, who: As<'_>) -> bool {
    let (status, body) = app.graphql(who, "{ me { id } }", json!({})).await.unwrap();
    status == 401 || error_code(&body) == Some("UNAUTHENTICATED")
}

async fn me(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn an_invited_person_sets_a_password_through_a_single_use_link(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();

    // An address in use is CONFLICT at its field, however it is written,
    // with a password or without, and registers nobody.
    for email in [ANNA, "Anna.Beispiel@ZH.demo.iiz.invalid"] {
        for password in [Value::Null, json!("a long enough password")] {
            let input = json!({ "input": { "home": "ZH", "name": "Anna Doppelt", "email": email,
                "language": "DE", "password": password } });
            let (status, body) = app
                .graphql(As::Session(&admin), REGISTER, input)
                .await
                .unwrap();
            assert_eq!(status, 200);
            assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
            assert_eq!(body["errors"][0]["extensions"]["field"], "email");
        }
    }

    // The admin invites Ines; the link arrives by e-mail.
    let invited = ok(
        &app,
        &admin,
        INVITE,
        json!({ "home": "ZH", "name": "Ines Eingeladen",
        "email": "ines.eingeladen@zh.example" }),
    )
    .await;
    assert!(invited["invitePerson"]["expiresAt"].is_string());
    let token = new_link(&app, "ines.eingeladen@zh.example", "invitation", &[]).await;
    assert_eq!(token.len(), 43, "{token}");

    // Her page greets her; a short or mistyped password leaves the link usable.
    let browser = Browser::new(&app).unwrap();
    let page = browser
        .get(&format!("/account/invitation/{token}"))
        .await
        .unwrap();
    assert_eq!(page.status, 200);
    assert!(page.html.contains("Ines Eingeladen"));
    let form = "#set-password-form";
    let short = browser
        .submit(
            &page,
            form,
            &[("password", "kurz"), ("password_again", "kurz")],
        )
        .await
        .unwrap();
    assert_eq!(short.status, 422);
    assert!(short.field_error("password").unwrap().is_some());
    let typo = browser
        .submit(
            &page,
            form,
            &[
                ("password", "ines password 1"),
                ("password_again", "ines password 2"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(typo.status, 422);
    let body = anonymous(&app, ACCEPT, json!({ "token": token, "password": "short" })).await;
    assert_eq!(error_code(&body), Some("VALIDATION"), "{body}");

    // The form sets it; she signs in with it.
    let set = browser
        .submit(
            &page,
            form,
            &[
                ("password", "ines password 1"),
                ("password_again", "ines password 1"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(set.path, "/signin", "{}", set.html);
    let ines = app
        .sign_in("ines.eingeladen@zh.example", "ines password 1")
        .await
        .unwrap();
    assert!(!me(&app, &ines).await.is_empty());

    // The link worked once: GraphQL and the page say it is gone.
    let again = anonymous(
        &app,
        ACCEPT,
        json!({ "token": token, "password": "someone else 1" }),
    )
    .await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");
    assert_eq!(
        browser
            .get(&format!("/account/invitation/{token}"))
            .await
            .unwrap()
            .status,
        404
    );
    assert!(
        app.sign_in("ines.eingeladen@zh.example", "someone else 1")
            .await
            .is_err()
    );
    // A made-up link is answered alike.
    let made_up = anonymous(
        &app,
        ACCEPT,
        json!({ "token": "x".repeat(43), "password": "someone else 1" }),
    )
    .await;
    assert_eq!(error_code(&made_up), Some("NOT_FOUND"));

    // Her address is taken now; someone who signs in is not invited again.
    let body = app
        .graphql(
            As::Session(&admin),
            INVITE,
            json!({ "home": "GE", "name": "Ines Zwei",
        "email": "ines.eingeladen@zh.example" }),
        )
        .await
        .unwrap()
        .1;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    let ines_id = invited["invitePerson"]["person"]["id"].clone();
    let resend = "mutation($person: ID!) { resendInvitation(person: $person) { expiresAt } }";
    assert_eq!(
        refused_code(&app, &admin, resend, json!({ "person": ines_id })).await,
        "CONFLICT"
    );

    // Through GraphQL: a second invitation replaces the first link.
    ok(
        &app,
        &admin,
        INVITE,
        json!({ "home": "ZH", "name": "Gian Gast", "email": "gian.gast@zh.example" }),
    )
    .await;
    let first = new_link(&app, "gian.gast@zh.example", "invitation", &[]).await;
    let people = ok(
        &app,
        &admin,
        "{ people(tenant: \"ZH\", first: 100) { edges { node { id email } } } }",
        json!({}),
    )
    .await;
    let gian_id = people["people"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|edge| edge["node"]["email"] == "gian.gast@zh.example")
        .unwrap()["node"]["id"]
        .clone();
    ok(&app, &admin, resend, json!({ "person": gian_id })).await;
    let second = new_link(
        &app,
        "gian.gast@zh.example",
        "invitation",
        std::slice::from_ref(&first),
    )
    .await;
    let old = anonymous(
        &app,
        ACCEPT,
        json!({ "token": first, "password": "gian password 1" }),
    )
    .await;
    assert_eq!(error_code(&old), Some("NOT_FOUND"), "{old}");
    let accepted = anonymous(
        &app,
        ACCEPT,
        json!({ "token": second, "password": "gian password 1" }),
    )
    .await;
    assert_eq!(accepted["data"]["acceptInvitation"], true, "{accepted}");
    app.sign_in("gian.gast@zh.example", "gian password 1")
        .await
        .unwrap();

    // Someone who does not run ZH invites nobody there.
    let luc = app.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let code = refused_code(
        &app,
        &luc,
        INVITE,
        json!({ "home": "ZH", "name": "Niemand", "email": "niemand@zh.example" }),
    )
    .await;
    assert_eq!(code, "NOT_FOUND");
    assert!(links_to(&app, "niemand@zh.example", "invitation").is_empty());
    app.server.stop().await.unwrap();
}

async fn a_forgotten_password_is_reset_by_a_single_use_link(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };

    // Known and unknown addresses get the same answer; only the known one
    // gets an e-mail.
    let known = anonymous(&app, FORGOT, json!({ "email": ANNA })).await;
    let unknown = anonymous(&app, FORGOT, json!({ "email": "nobody@zh.example" })).await;
    assert_eq!(known, unknown);
    assert_eq!(known["data"]["requestPasswordReset"], true, "{known}");
    let invalid = anonymous(&app, FORGOT, json!({ "email": "not an address" })).await;
    assert_eq!(error_code(&invalid), Some("VALIDATION"));
    let token = new_link(&app, ANNA, "reset", &[]).await;
    assert!(links_to(&app, "nobody@zh.example", "reset").is_empty());
    // An invitation link is no reset link.
    let wrong_kind = anonymous(
        &app,
        ACCEPT,
        json!({ "token": token, "password": "anna password 2" }),
    )
    .await;
    assert_eq!(error_code(&wrong_kind), Some("NOT_FOUND"));

    let short = anonymous(&app, RESET, json!({ "token": token, "password": "short" })).await;
    assert_eq!(error_code(&short), Some("VALIDATION"));
    let done = anonymous(
        &app,
        RESET,
        json!({ "token": token, "password": "anna password 2" }),
    )
    .await;
    assert_eq!(done["data"]["resetPassword"], true, "{done}");
    assert!(app.sign_in(ANNA, DEMO_PASSWORD).await.is_err());
    app.sign_in(ANNA, "anna password 2").await.unwrap();
    let again = anonymous(
        &app,
        RESET,
        json!({ "token": token, "password": "anna password 3" }),
    )
    .await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"));

    // The pages: forgot, then the link's page sets it.
    let browser = Browser::new(&app).unwrap();
    let signin = browser.get("/signin").await.unwrap();
    assert!(
        signin
            .links()
            .unwrap()
            .contains(&"/account/forgot".to_owned())
    );
    let forgot = browser.get("/account/forgot").await.unwrap();
    let sent = browser
        .submit(&forgot, "#forgot-form", &[("email", ANNA)])
        .await
        .unwrap();
    assert_eq!(sent.path, "/signin");
    let second = new_link(&app, ANNA, "reset", std::slice::from_ref(&token)).await;
    let page = browser
        .get(&format!("/account/reset/{second}"))
        .await
        .unwrap();
    assert_eq!(page.status, 200);
    let set = browser
        .submit(
            &page,
            "#set-password-form",
            &[
                ("password", "anna password 4"),
                ("password_again", "anna password 4"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(set.path, "/signin");
    app.sign_in(ANNA, "anna password 4").await.unwrap();
    assert_eq!(
        browser
            .get(&format!("/account/reset/{second}"))
            .await
            .unwrap()
            .status,
        404
    );
    app.server.stop().await.unwrap();
}

async fn deactivation_ends_every_session_and_token_at_once(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let anna_too = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let anna_id = me(&app, &anna).await;
    let created = ok(&app, &anna, "mutation { createApiToken(name: \"Skript\", tenant: \"ZH\", roles: [COORDINATOR]) { secret } }", json!({})).await;
    let token = created["createApiToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(!signed_out(&app, As::Token(&token)).await);
    let browser = Browser::new(&app).unwrap();
    browser.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();

    // Nobody deactivates themselves; a coordinator of another canton does
    // not deactivate Anna.
    let deactivate = "mutation($person: ID!) { deactivatePerson(person: $person) { id } }";
    let admin_id = me(&app, &admin).await;
    assert_eq!(
        refused_code(&app, &admin, deactivate, json!({ "person": admin_id })).await,
        "CONFLICT"
    );
    let luc = app.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    assert_eq!(
        refused_code(&app, &luc, deactivate, json!({ "person": anna_id })).await,
        "NOT_FOUND"
    );
    assert!(!signed_out(&app, As::Session(&anna)).await);

    // The admin deactivates her: both sessions, the token and the page
    // session end at once, and her password opens nothing.
    ok(&app, &admin, deactivate, json!({ "person": anna_id })).await;
    assert!(signed_out(&app, As::Session(&anna)).await);
    assert!(signed_out(&app, As::Session(&anna_too)).await);
    assert!(signed_out(&app, As::Token(&token)).await);
    let page = browser.get("/profile").await.unwrap();
    assert_eq!(
        page.path.split('?').next(),
        Some("/signin"),
        "{}",
        page.path
    );
    assert!(app.sign_in(ANNA, DEMO_PASSWORD).await.is_err());

    // Reactivated, she signs in anew; what was ended stays ended.
    let reactivate = "mutation($person: ID!) { reactivatePerson(person: $person) { id } }";
    ok(&app, &admin, reactivate, json!({ "person": anna_id })).await;
    let back = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    assert!(!signed_out(&app, As::Session(&back)).await);
    assert!(signed_out(&app, As::Session(&anna)).await);
    assert!(signed_out(&app, As::Token(&token)).await);

    // The administration page deactivates too and shows it.
    let admin_browser = Browser::new(&app).unwrap();
    admin_browser.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let person = admin_browser
        .get(&format!("/admin/people/{anna_id}"))
        .await
        .unwrap();
    let done = admin_browser
        .submit(&person, "#deactivation-form", &[])
        .await
        .unwrap();
    assert_eq!(done.status, 200);
    assert!(done.html.contains("badge-warning"), "{}", done.html);
    assert!(signed_out(&app, As::Session(&back)).await);
    app.server.stop().await.unwrap();
}
