//! A tenant admin at work, through the pages only: registering a person
//! (a refused form first), granting and revoking a role, establishing a
//! body and seating the person in it, and defining Zurich's route.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::Browser;
use iiz_tests::{Backend, spawn_app};

const ADMIN: &str = "admin@demo.iiz.invalid";

pub async fn a_tenant_admin_registers_seats_and_routes(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let admin = Browser::new(&app).unwrap();
    let home = admin.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    assert!(home.has("nav.main-nav a[href='/admin']").unwrap());
    let overview = admin.get("/admin").await.unwrap();
    assert_eq!(overview.status, 200);
    assert_eq!(overview.text("h1").unwrap(), "Verwaltung");
    assert_eq!(
        overview
            .attrs("nav.main-nav a[aria-current=page]", "href")
            .unwrap(),
        ["/admin"]
    );
    let tenants = admin.get("/admin/tenants").await.unwrap();
    assert!(tenants.text("table").unwrap().contains("ZH"));

    // A person without a name and with a broken address: refused, what
    // was typed kept, each error at its field.
    let people = admin.get("/admin/people?tenant=ZH").await.unwrap();
    assert_eq!(people.status, 200);
    let refused = admin
        .submit(
            &people,
            "#register-form",
            &[("name", " "), ("email", "nora-at-zh")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("name").unwrap().is_some());
    assert!(refused.field_error("email").unwrap().is_some());
    assert_eq!(refused.attrs("#email", "value").unwrap(), ["nora-at-zh"]);

    let registered = admin
        .submit(
            &refused,
            "#register-form",
            &[
                ("name", "Nora Neu"),
                ("email", "nora.neu@zh.example"),
                ("password", "ein gutes Passwort"),
            ],
        )
        .await
        .unwrap();
    assert!(
        registered.path.starts_with("/admin/people/"),
        "{}",
        registered.path
    );
    assert_eq!(registered.text("h1").unwrap(), "Nora Neu");
    assert!(
        registered
            .text("[role=status]")
            .unwrap()
            .contains("erfasst")
    );
    let person = registered
        .path
        .trim_start_matches("/admin/people/")
        .to_owned();

    let granted = admin
        .submit(
            &registered,
            "#grant-form",
            &[("tenant", "ZH"), ("role", "coordinator")],
        )
        .await
        .unwrap();
    assert_eq!(granted.path, registered.path);
    assert!(
        granted
            .text("table.roles")
            .unwrap()
            .contains("IIZ-Koordination")
    );
    // Nora signs in with her password and works as Zurich's coordinator.
    let nora = Browser::new(&app).unwrap();
    let her_home = nora
        .sign_in("nora.neu@zh.example", "ein gutes Passwort")
        .await
        .unwrap();
    assert!(her_home.has("nav.main-nav a[href='/concerns']").unwrap());
    assert!(!her_home.has("nav.main-nav a[href='/admin']").unwrap());
    let listed = admin.get("/admin/people?tenant=ZH").await.unwrap();
    assert!(listed.text("table.people").unwrap().contains("Nora Neu"));

    // A new body in Zurich, and Nora seated in it.
    let bodies = admin.get("/admin/bodies?tenant=ZH").await.unwrap();
    let established = admin
        .submit(
            &bodies,
            "#establish-form",
            &[
                ("kind", "steering"),
                ("name_de", "IIZ-Leitung Zürich"),
                ("mandate", "Steuert die IIZ im Kanton."),
            ],
        )
        .await
        .unwrap();
    assert!(
        established.path.starts_with("/admin/bodies/"),
        "{}",
        established.path
    );
    assert_eq!(established.text("h1").unwrap(), "IIZ-Leitung Zürich");
    let seated = admin
        .submit(
            &established,
            "#seat-form",
            &[
                ("person", person.as_str()),
                ("role", "chair"),
                ("institution", "Sozialamt Zürich"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(seated.path, established.path);
    let seats = seated.text("table.seats").unwrap();
    assert!(
        seats.contains("Nora Neu") && seats.contains("Vorsitz"),
        "{seats}"
    );
    let ended = admin.submit(&seated, "form.unseat", &[]).await.unwrap();
    assert!(ended.text("[role=status]").unwrap().contains("beendet"));
    assert!(!ended.has("form.unseat").unwrap());

    // Zurich's route: a step without a label is refused at its field.
    let route = admin.get("/admin/routes?tenant=ZH").await.unwrap();
    let refused = admin
        .submit(
            &route,
            "#route-form",
            &[
                ("label", ""),
                ("actor", "role:office"),
                ("kind", "approves"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("label-1").unwrap().is_some());
    assert_eq!(
        refused.attrs("#actor-1 option[selected]", "value").unwrap(),
        ["role:office"]
    );
    let defined = admin
        .submit(
            &refused,
            "#route-form",
            &[
                ("label", "Prüfung Geschäftsstelle"),
                ("actor", "role:office"),
                ("kind", "approves"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(defined.path, "/admin/routes?tenant=ZH");
    let steps = defined.text("ol.route-steps").unwrap();
    assert!(steps.contains("Prüfung Geschäftsstelle"), "{steps}");

    // Revoking the role; and the administration in French.
    let person_page = admin.get(&registered.path).await.unwrap();
    let revoked = admin
        .submit(&person_page, "form.revoke-role", &[])
        .await
        .unwrap();
    assert!(!revoked.has("table.roles").unwrap());
    let french = admin
        .submit(&revoked, "form[action='/language']", &[("language", "fr")])
        .await
        .unwrap();
    assert_eq!(french.lang().unwrap(), "fr");
    assert_eq!(
        admin.get("/admin").await.unwrap().text("h1").unwrap(),
        "Administration"
    );
}
