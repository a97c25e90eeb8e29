//! The profile, the inbox and the administration, through the pages: a
//! password changed only with the old one, a notification preference
//! switched, an API token issued and revoked; notifications read one by
//! one and all at once (and the header's badge for htmx); a tenant admin
//! registering a person, granting a role, seating them in a new body and
//! defining a route; a coordinator kept out of the administration.

use chrono::Utc;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_store::{NewNotification, NotificationBatch};
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{As, Backend, TestApp, error_code, spawn_app};
use serde_json::json;

use crate::on_both_backends;

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";

/// The number the header's unread badge shows.
fn unread(page: &Page) -> u64 {
    let text = page.text("#unread-count").unwrap();
    text.split_whitespace().next().unwrap().parse().unwrap()
}

async fn the_profile_changes_password_preferences_and_tokens(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let profile = anna.get("/profile").await.unwrap();
    assert_eq!(profile.status, 200);
    assert_eq!(profile.text("h1").unwrap(), "Profil");
    assert!(profile.text(".facts").unwrap().contains(ANNA));

    // A wrong old password: refused at its field, nothing changed.
    let refused = anna
        .submit(
            &profile,
            "#password-form",
            &[
                ("old_password", "not my password"),
                ("new_password", "ein neues Passwort"),
                ("new_password_again", "ein neues Passwort"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.field_error("old_password").unwrap().unwrap(),
        "Das bisherige Passwort ist falsch."
    );
    assert_eq!(refused.field_error("new_password").unwrap(), None);
    let changed = anna
        .submit(
            &refused,
            "#password-form",
            &[
                ("old_password", DEMO_PASSWORD),
                ("new_password", "ein neues Passwort"),
                ("new_password_again", "ein neues Passwort"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(changed.path, "/profile");
    assert!(changed.text("[role=status]").unwrap().contains("geändert"));
    assert!(
        Browser::new(&app)
            .unwrap()
            .sign_in(ANNA, DEMO_PASSWORD)
            .await
            .is_err()
    );
    let again = Browser::new(&app).unwrap();
    again.sign_in(ANNA, "ein neues Passwort").await.unwrap();

    // E-mails about due answers switched off: the page shows the choice.
    let chosen = |page: &Page| {
        page.attrs("#pref-due_reminder option[selected]", "value")
            .unwrap()
    };
    assert_eq!(chosen(&changed), ["immediately"]);
    let saved = anna
        .submit(&changed, "#notifications-form", &[("due_reminder", "off")])
        .await
        .unwrap();
    assert_eq!(saved.path, "/profile");
    assert_eq!(chosen(&saved), ["off"]);
    assert_eq!(
        saved
            .attrs("#pref-agenda option[selected]", "value")
            .unwrap(),
        ["immediately"]
    );

    // A token for Zurich as coordinator: the secret shown once, and it works.
    let issued = anna
        .submit(
            &saved,
            "#token-form",
            &[
                ("name", "Auswertung"),
                ("tenant", "ZH"),
                ("roles", "coordinator"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(issued.status, 200);
    let secret = issued.text("#new-token-secret").unwrap();
    assert!(secret.starts_with("iiz_"), "{secret}");
    assert!(issued.text("table.tokens").unwrap().contains("Auswertung"));
    let me = "{ me { id } }";
    let (status, answer) = app
        .graphql(As::Token(&secret), me, json!({}))
        .await
        .unwrap();
    assert_eq!(status, 200, "{answer}");
    assert!(answer["data"]["me"]["id"].is_string(), "{answer}");
    // Reloaded, the profile no longer shows the secret.
    assert!(
        !anna
            .get("/profile")
            .await
            .unwrap()
            .has("#new-token-secret")
            .unwrap()
    );

    let revoked = anna
        .submit(&issued, "form.revoke-token", &[])
        .await
        .unwrap();
    assert_eq!(revoked.path, "/profile");
    assert!(revoked.text("table.tokens").unwrap().contains("Widerrufen"));
    assert!(!revoked.has("form.revoke-token").unwrap());
    let (status, refused) = app
        .graphql(As::Token(&secret), me, json!({}))
        .await
        .unwrap();
    assert_eq!(
        (status, error_code(&refused)),
        (401, Some("UNAUTHENTICATED"))
    );

    // Luc's profile is French.
    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let profil = luc.get("/profile").await.unwrap();
    assert_eq!(profil.lang().unwrap(), "fr");
    assert_eq!(
        profil.text("#profile-password").unwrap(),
        "Changer le mot de passe"
    );
}

/// Writes a notification for `person` as the notifier does.
async fn notify(app: &TestApp, person: &str, title: &str) {
    let notification = NewNotification {
        event_id: iiz_domain::ConcernId::new().as_uuid(),
        recipient: person.to_owned(),
        tenant: "GE".to_owned(),
        kind: "concern_decided".to_owned(),
        subject_type: "concern".to_owned(),
        subject_id: "c-42".to_owned(),
        title: title.to_owned(),
        body: "Il préparera une recommandation.".to_owned(),
        link: "https://iiz.example/concerns/c-42".to_owned(),
        email: None,
    };
    let batch = NotificationBatch {
        reminder: None,
        items: vec![notification],
    };
    app.app()
        .store()
        .record_notifications(&batch, Utc::now())
        .await
        .unwrap();
}

async fn the_inbox_is_read_one_by_one_and_all_at_once(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // The demo's own notifications arrive first; the counts below are
    // then Luc's alone to change.
    app.notifier_caught_up().await.unwrap();
    let session = app.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let (_, me) = app
        .graphql(As::Session(&session), "{ me { id } }", json!({}))
        .await
        .unwrap();
    let person = me["data"]["me"]["id"].as_str().unwrap().to_owned();
    let first = "Le STG a tranché votre demande";
    let second = "Votre demande figure à l’ordre du jour";
    notify(&app, &person, first).await;
    notify(&app, &person, second).await;

    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let inbox = luc.get("/inbox").await.unwrap();
    assert_eq!(inbox.status, 200);
    assert_eq!(inbox.lang().unwrap(), "fr");
    assert_eq!(inbox.text("h1").unwrap(), "Notifications");
    let before = unread(&inbox);
    assert!(before >= 2, "{before}");
    let titles = inbox.texts("li.unread h2").unwrap();
    assert!(titles.contains(&first.to_owned()), "{titles:?}");
    // The link leads to the subject on these pages.
    assert!(
        inbox
            .attrs("li.unread h2 a", "href")
            .unwrap()
            .contains(&"/concerns/c-42".to_owned())
    );

    // Marking one read: gone from the unread, the badge one lower.
    let ids = inbox.attrs("li.unread", "id").unwrap();
    let index = titles.iter().position(|title| title == first).unwrap();
    let read = luc
        .submit(&inbox, &format!("#{} form.mark-read", ids[index]), &[])
        .await
        .unwrap();
    assert_eq!(read.path, "/inbox");
    assert!(
        read.text("[role=status]")
            .unwrap()
            .contains("marquée comme lue")
    );
    assert_eq!(unread(&read), before - 1);
    assert!(
        !read
            .texts("li.unread h2")
            .unwrap()
            .contains(&first.to_owned())
    );
    let only_unread = luc.get("/inbox?unread=1").await.unwrap();
    let left = only_unread.texts("li h2").unwrap();
    assert!(!left.contains(&first.to_owned()), "{left:?}");
    assert!(left.contains(&second.to_owned()), "{left:?}");

    // The badge for htmx is a fragment; a plain visit gets the whole inbox.
    let fragment = app
        .http
        .get(format!("{}/inbox/count", app.base_url))
        .header("cookie", &session.cookie)
        .header("hx-request", "true")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        fragment
            .trim_start()
            .starts_with("<span id=\"unread-count\""),
        "{fragment}"
    );
    assert!(!fragment.contains("<h1"), "{fragment}");
    let plain = luc.get("/inbox/count").await.unwrap();
    assert_eq!(plain.text("h1").unwrap(), "Notifications");

    let all = luc.submit(&read, "form.mark-all-read", &[]).await.unwrap();
    assert_eq!(all.path, "/inbox");
    assert_eq!(unread(&all), 0);
    assert!(!all.has("li.unread").unwrap());
}

async fn a_coordinator_may_not_administer(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    for path in [
        "/admin",
        "/admin/people?tenant=ZH",
        "/admin/routes",
        "/admin/bodies",
    ] {
        let page = anna.get(path).await.unwrap();
        assert_eq!(page.status, 403, "{path}");
        assert_eq!(page.text("h1").unwrap(), "Kein Zugriff");
    }
    // A form made by hand with her own token changes nothing either.
    let profile = anna.get("/profile").await.unwrap();
    let token = profile.attrs("input[name=_csrf]", "value").unwrap();
    let forged = anna
        .post(
            "/admin/people",
            &[
                ("_csrf", token[0].as_str()),
                ("home", "ZH"),
                ("name", "Nora Neu"),
                ("email", "nora@zh.example"),
                ("language", "de"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(forged.status, 403);
}

mod flow;
use flow::a_tenant_admin_registers_seats_and_routes;

on_both_backends!(
    the_profile_changes_password_preferences_and_tokens,
    the_inbox_is_read_one_by_one_and_all_at_once,
    a_coordinator_may_not_administer,
    a_tenant_admin_registers_seats_and_routes,
);
