//! The frame of every page: signing in and out, the language (profile,
//! switcher, `<html lang>`), forms refused without their token, assets
//! with content hashes, and error pages in the visitor's language.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::Browser;
use iiz_tests::{Backend, spawn_app};

use crate::on_both_backends;

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

async fn signing_in_and_out(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let browser = Browser::new(&app).unwrap();
    // Signed out, the home page leads to the sign-in page.
    let page = browser.get("/").await.unwrap();
    assert_eq!(page.path, "/signin");
    assert_eq!(page.status, 200);
    assert_eq!(page.lang().unwrap(), "de");

    // A wrong password: the same form again, the e-mail kept, the error
    // next to the password.
    let refused = browser
        .submit(
            &page,
            "form[action='/signin']",
            &[("email", ANNA), ("password", "wrong")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.attrs("#email", "value").unwrap(),
        vec![ANNA.to_owned()]
    );
    assert!(refused.field_error("password").unwrap().is_some());

    let home = browser.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    assert_eq!(home.text("h1").unwrap(), "Übersicht");
    assert!(home.text(".account").unwrap().contains("Anna Beispiel"));
    assert!(home.has("nav.main-nav a[href='/concerns']").unwrap());
    // A coordinator has no intake queue and no administration.
    assert!(!home.has("nav.main-nav a[href='/queue']").unwrap());
    assert!(!home.has("nav.main-nav a[href='/admin']").unwrap());

    let out = browser
        .submit(&home, "form[action='/signout']", &[])
        .await
        .unwrap();
    assert_eq!(out.path, "/signin");
    assert!(out.text("[role=status]").unwrap().contains("abgemeldet"));
    assert_eq!(browser.get("/").await.unwrap().path, "/signin");
}

async fn the_language_follows_the_profile_and_the_switcher(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // Luc's profile is French.
    let luc = Browser::new(&app).unwrap();
    let home = luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    assert_eq!(home.lang().unwrap(), "fr");
    assert_eq!(home.text("h1").unwrap(), "Aperçu");

    // Switching to Italian changes the profile: the next page, and the
    // next session, are Italian.
    let switched = luc
        .submit(&home, "form[action='/language']", &[("language", "it")])
        .await
        .unwrap();
    assert_eq!(switched.path, "/");
    assert_eq!(switched.lang().unwrap(), "it");
    assert_eq!(switched.text("h1").unwrap(), "Panoramica");
    let again = Browser::new(&app).unwrap();
    assert_eq!(
        again
            .sign_in(LUC, DEMO_PASSWORD)
            .await
            .unwrap()
            .lang()
            .unwrap(),
        "it"
    );

    // Anonymous visitors: the browser's language, then their choice.
    let anonymous = Browser::speaking(&app, "fr-CH,fr;q=0.9").unwrap();
    let page = anonymous.get("/signin").await.unwrap();
    assert_eq!(page.lang().unwrap(), "fr");
    assert_eq!(page.text("h1").unwrap(), "Connexion");
    let chosen = anonymous
        .submit(&page, "form[action='/language']", &[("language", "de")])
        .await
        .unwrap();
    assert_eq!(chosen.path, "/signin");
    assert_eq!(chosen.lang().unwrap(), "de");
}

async fn forms_without_their_token_change_nothing(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let browser = Browser::new(&app).unwrap();
    let home = browser.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    // A forged form (no token, or another one) is refused; the language stays.
    for token in [None, Some("not-the-token")] {
        let mut fields = vec![("language", "de"), ("back", "/")];
        if let Some(token) = token {
            fields.push(("_csrf", token));
        }
        let refused = browser.post("/language", &fields).await.unwrap();
        assert_eq!(refused.status, 403);
        assert_eq!(refused.lang().unwrap(), "fr");
    }
    assert_eq!(browser.get("/").await.unwrap().lang().unwrap(), "fr");
    // A sign-in form without the visitor's form token is refused too.
    let stranger = Browser::new(&app).unwrap();
    let refused = stranger
        .post("/signin", &[("email", ANNA), ("password", DEMO_PASSWORD)])
        .await
        .unwrap();
    assert_eq!(refused.status, 403);
    let _ = home;
}

async fn assets_and_errors(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let browser = Browser::new(&app).unwrap();
    let page = browser.get("/signin").await.unwrap();
    let css = page.attrs("link[rel=stylesheet]", "href").unwrap();
    assert_eq!(css.len(), 1);
    let response = app.get(&css[0]).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(app.get("/assets/iiz.css").await.unwrap().status(), 404);
    // Every script is served by iiz itself.
    for script in page.attrs("script", "src").unwrap() {
        assert!(script.starts_with("/assets/"), "{script}");
        assert_eq!(app.get(&script).await.unwrap().status(), 200);
    }
    let headers = app.get("/signin").await.unwrap();
    let policy = headers.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("default-src 'self'"), "{policy}");

    // A page that does not exist, in the visitor's language.
    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let missing = luc
        .get("/concerns/00000000-0000-7000-8000-000000000000")
        .await
        .unwrap();
    assert_eq!(missing.status, 404);
    assert_eq!(missing.lang().unwrap(), "fr");
    assert_eq!(missing.text("h1").unwrap(), "Introuvable");
    // The error page has the language switcher too, and comes back to itself.
    let switched = luc
        .submit(&missing, "form[action='/language']", &[("language", "it")])
        .await
        .unwrap();
    assert_eq!(switched.status, 404);
    assert_eq!(switched.lang().unwrap(), "it");
    assert_eq!(
        switched.path,
        "/concerns/00000000-0000-7000-8000-000000000000"
    );
}

on_both_backends!(
    signing_in_and_out,
    the_language_follows_the_profile_and_the_switcher,
    forms_without_their_token_change_nothing,
    assets_and_errors,
);
