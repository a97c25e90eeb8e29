//! The reach of account administration over HTTP: a cantonal admin grants
//! roles only to the people of their tenant and to those a national admin
//! made available; a person's e-mail address and roles show only to
//! themselves, their tenant's admins and platform admins; and an API token
//! uses a seat's power (a vote in the STG) only through a role that
//! carries it.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, Session, TestApp, error_code};
use serde_json::{Value, json};

use crate::account_lifecycle::{ADMIN, demo};
use crate::requests::{ok, refused_code};

crate::on_both_backends!(
    roles_are_granted_within_the_tenant_and_contacts_shown_to_its_admins,
    a_token_uses_a_seat_power_only_through_a_role_that_carries_it,
);

const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const RETO: &str = "reto.vorlage@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const HANS: &str = "hans.probe@be.demo.iiz.invalid";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const GRANT: &str = "mutation($person: ID!, $tenant: ID!, $role: TenantRoleValue!) { grantTenantRole(person: $person, tenant: $tenant, role: $role) { id } }";
const AVAILABLE: &str = "mutation($person: ID!, $tenant: ID!) { makePersonAvailable(person: $person, tenant: $tenant) { id } }";
const PERSON: &str = "query($id: ID!) { person(id: $id) { name email roles { tenant role } } }";

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

async fn me(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn person(app: &TestApp, who: &Session, id: &str) -> Value {
    ok(app, who, PERSON, json!({ "id": id })).await["person"].clone()
}

async fn roles_are_granted_within_the_tenant_and_contacts_shown_to_its_admins(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let admin = sign_in(&app, ADMIN).await;
    // Zora administers Zurich, and Zurich only.
    let input = json!({ "input": { "home": "ZH", "name": "Zora Verwalterin", "email": "zora@zh.example",
        "language": "DE", "password": "zora password 1" } });
    let registered = ok(
        &app,
        &admin,
        "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }",
        input,
    )
    .await;
    let zora_id = registered["registerPerson"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(
        &app,
        &admin,
        GRANT,
        json!({ "person": zora_id, "tenant": "ZH", "role": "TENANT_ADMIN" }),
    )
    .await;
    let zora = app
        .sign_in("zora@zh.example", "zora password 1")
        .await
        .unwrap();
    let (anna, reto, luc, petra) = (
        sign_in(&app, ANNA).await,
        sign_in(&app, RETO).await,
        sign_in(&app, LUC).await,
        sign_in(&app, PETRA).await,
    );
    let (anna_id, reto_id, luc_id) = (
        me(&app, &anna).await,
        me(&app, &reto).await,
        me(&app, &luc).await,
    );

    // Zora grants to Zurich's people, not to Geneva's coordinator.
    ok(
        &app,
        &zora,
        GRANT,
        json!({ "person": reto_id, "tenant": "ZH", "role": "OBSERVER" }),
    )
    .await;
    let pulled = json!({ "person": luc_id, "tenant": "ZH", "role": "OBSERVER" });
    assert_eq!(
        refused_code(&app, &zora, GRANT, pulled.clone()).await,
        "FORBIDDEN"
    );
    // Only a national admin makes him available; then Zora may.
    let to_zh = json!({ "person": luc_id, "tenant": "ZH" });
    assert_eq!(
        refused_code(&app, &zora, AVAILABLE, to_zh.clone()).await,
        "NOT_FOUND"
    );
    assert_eq!(
        refused_code(&app, &petra, AVAILABLE, to_zh.clone()).await,
        "FORBIDDEN"
    );
    ok(&app, &admin, AVAILABLE, to_zh).await;
    ok(&app, &zora, GRANT, pulled).await;

    // Anna's e-mail and roles: herself, Zurich's admin and the platform
    // admin; colleagues and the Fachstelle see her name only.
    for who in [&anna, &zora, &admin] {
        let seen = person(&app, who, &anna_id).await;
        assert_eq!(seen["email"], ANNA, "{seen}");
        assert!(!seen["roles"].as_array().unwrap().is_empty(), "{seen}");
    }
    for who in [&reto, &petra] {
        let seen = person(&app, who, &anna_id).await;
        assert_eq!(seen["name"], "Anna Beispiel");
        assert!(seen["email"].is_null(), "{seen}");
        assert!(seen["roles"].as_array().unwrap().is_empty(), "{seen}");
    }
    // Bern's coordinator has no business in Zurich: Anna does not exist
    // for him (Luc, with his new role in Zurich, now sees her name).
    let hans = sign_in(&app, HANS).await;
    let (_, body) = app
        .graphql(As::Session(&hans), PERSON, json!({ "id": anna_id }))
        .await
        .unwrap();
    assert_eq!(error_code(&body), Some("NOT_FOUND"), "{body}");
    let listed = ok(
        &app,
        &reto,
        "{ people(tenant: \"ZH\", first: 100) { edges { node { name email } } } }",
        json!({}),
    )
    .await;
    let edges = listed["people"]["edges"].as_array().unwrap();
    assert!(edges.len() > 2);
    // Every address but his own is left out.
    for edge in edges {
        let own = edge["node"]["name"] == "Reto Vorlage";
        assert_eq!(edge["node"]["email"].is_null(), !own, "{listed}");
    }
    app.server.stop().await.unwrap();
}

const PROJECT: &str =
    "mutation($input: IizProjectInput!) { registerIizProject(input: $input) { id } }";

fn project(title: &str) -> Value {
    json!({ "input": { "title": title, "lead": "SEM", "question": "Frage", "goal": "Ziel", "output": "Bericht" } })
}

async fn a_token_uses_a_seat_power_only_through_a_role_that_carries_it(backend: Backend) {
    let Some(app) = demo(backend).await else {
        return;
    };
    let admin = sign_in(&app, ADMIN).await;
    // Marco votes in the STG (a seat) and also observes the national tenant.
    let marco = sign_in(&app, MARCO).await;
    let marco_id = me(&app, &marco).await;
    ok(
        &app,
        &admin,
        GRANT,
        json!({ "person": marco_id, "tenant": "CH", "role": "OBSERVER" }),
    )
    .await;
    let token = |roles: &str| {
        format!(
            "mutation {{ createApiToken(name: \"Skript\", tenant: \"CH\", roles: [{roles}]) {{ secret }} }}"
        )
    };
    let observer =
        ok(&app, &marco, &token("OBSERVER"), json!({})).await["createApiToken"]["secret"]
            .as_str()
            .unwrap()
            .to_owned();
    let member = ok(&app, &marco, &token("MEMBER"), json!({})).await["createApiToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();

    // A voting STG member registers projects: with the session, and with a
    // token whose role carries the seat, never with a reading token.
    ok(&app, &marco, PROJECT, project("Projekt der Sitzung")).await;
    let (_, body) = app
        .graphql(
            As::Token(&member),
            PROJECT,
            project("Projekt des Mitglieds"),
        )
        .await
        .unwrap();
    assert!(body["errors"].is_null(), "{body}");
    let (_, body) = app
        .graphql(As::Token(&observer), PROJECT, project("Projekt des Lesers"))
        .await
        .unwrap();
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    app.server.stop().await.unwrap();
}
