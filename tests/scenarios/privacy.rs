//! Personal data (revFADP) over HTTP: a person registered and corrected
//! (the sign-in e-mail follows), their name and address sealed in the log,
//! forgotten by a platform admin with a reason; afterwards every read shows
//! "erased person", they cannot sign in, and after `iiz replay` no trace of
//! any of their names or addresses is left in the database files (SQLite:
//! the file and its write-ahead log; PostgreSQL: every row of every table
//! as text) nor in the e-mails written as files.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_store::Store;
use iiz_tests::pages::Browser;
use iiz_tests::{As, Backend, TestApp, error_code, spawn_app};
use serde_json::{Value, json};

use crate::on_both_backends;

on_both_backends!(a_forgotten_person_leaves_no_trace_after_replay);

const ADMIN: &str = "admin@demo.iiz.invalid";
const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
/// Names and addresses unlikely to occur anywhere by chance.
const FIRST_NAME: &str = "Zorabel Quellmann-Vexler";
const FIRST_EMAIL: &str = "zorabel.qvexler@privacy.example";
const NAME: &str = "Zorabel Vexler-Ostrander";
const EMAIL: &str = "zorabel.ostrander@privacy.example";
const PASSWORD: &str = "a long enough password";

const PERSON: &str = "query($id: ID!) { person(id: $id) { name email erased roles { role } } }";

/// Every place of the database a trace could hide in, as text.
async fn database_text(app_database: &iiz_store::testing::TestDatabase) -> String {
    match &app_database.store {
        Store::Sqlite(_) => {
            let path = app_database
                .url
                .strip_prefix("sqlite://")
                .expect("a sqlite URL")
                .to_owned();
            let mut text = String::new();
            for file in [
                path.clone(),
                format!("{path}-wal"),
                format!("{path}-journal"),
            ] {
                if let Ok(bytes) = std::fs::read(&file) {
                    text.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
            text
        }
        Store::Postgres(store) => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT quote_ident(table_name) FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            )
            .fetch_all(store.pool())
            .await
            .unwrap();
            let mut text = String::new();
            for table in tables {
                let sql = format!("SELECT COALESCE(string_agg(t::text, ' '), '') FROM {table} t");
                let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_one(store.pool())
                    .await
                    .unwrap();
                text.push_str(&rows);
            }
            text
        }
    }
}

/// The names and addresses found in `text`.
fn traces(text: &str) -> Vec<String> {
    found(
        text,
        [
            FIRST_NAME,
            FIRST_EMAIL,
            NAME,
            EMAIL,
            "Ostrander",
            "Quellmann",
        ]
        .map(str::to_owned),
    )
}

/// The sign-in throttle's keys of her addresses (hashes: pseudonymous, but
/// hers) found in `text`.
fn throttle_traces(text: &str) -> Vec<String> {
    found(
        text,
        [FIRST_EMAIL, EMAIL].map(iiz_app::throttle::account_key),
    )
}

fn found<const N: usize>(text: &str, needles: [String; N]) -> Vec<String> {
    let text = text.to_lowercase();
    needles
        .into_iter()
        .filter(|needle| text.contains(&needle.to_lowercase()))
        .collect()
}

async fn register(app: &TestApp, admin: &iiz_tests::Session) -> String {
    let (_, body) = app
        .graphql(
            As::Session(admin),
            "mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }",
            json!({"input": {"home": "ZH", "name": FIRST_NAME, "email": FIRST_EMAIL,
                    "language": "DE", "password": PASSWORD}}),
        )
        .await
        .unwrap();
    let id = body["data"]["registerPerson"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    let (_, granted) = app
        .graphql(
            As::Session(admin),
            "mutation($id: ID!) { grantTenantRole(person: $id, tenant: \"ZH\", role: COORDINATOR) { id } }",
            json!({"id": id}),
        )
        .await
        .unwrap();
    assert!(granted["errors"].is_null(), "{granted}");
    // A correction is a new event; the sign-in e-mail follows it.
    let (_, corrected) = app
        .graphql(
            As::Session(admin),
            "mutation($id: ID!, $name: String!, $email: String!) { changePersonProfile(id: $id, name: $name, email: $email, language: DE) { name email } }",
            json!({"id": id, "name": NAME, "email": EMAIL}),
        )
        .await
        .unwrap();
    assert_eq!(
        corrected["data"]["changePersonProfile"]["email"], EMAIL,
        "{corrected}"
    );
    id
}

async fn a_forgotten_person_leaves_no_trace_after_replay(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let admin = app.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let id = register(&app, &admin).await;
    assert!(
        app.sign_in(FIRST_EMAIL, PASSWORD).await.is_err(),
        "the old address still signs in"
    );
    // A wrong password (counted under a hash of the address) and a reset
    // link (which keeps the address it was sent to) are hers too.
    let (_, reset) = app
        .graphql(
            As::Anonymous,
            "mutation($email: String!) { requestPasswordReset(email: $email) }",
            json!({"email": EMAIL}),
        )
        .await
        .unwrap();
    assert_eq!(reset["data"]["requestPasswordReset"], true, "{reset}");
    let zorabel = app.sign_in(EMAIL, PASSWORD).await.unwrap();
    // After her sign-in, which clears the count.
    assert!(app.sign_in(EMAIL, "not her password").await.is_err());

    // At rest the log holds the name and address sealed; the read model
    // (and so the database file) has them, which the grep below must see.
    let stored = app.app().store().clone();
    let events = iiz_store::EventStore::read_stream(
        &stored,
        &iiz_store::StreamRef::new("ZH", "person", id.clone()),
        0,
    )
    .await
    .unwrap();
    let payloads: Vec<&Value> = events.iter().map(|event| &event.payload).collect();
    let log = serde_json::to_string(&payloads).unwrap();
    assert!(log.contains("sealed") && traces(&log).is_empty(), "{log}");
    let before = database_text(&app.database).await;
    assert!(
        !traces(&before).is_empty() && !throttle_traces(&before).is_empty(),
        "the grep finds nothing even before erasure"
    );

    // A mail file addressed to her and one naming her (the embedded default
    // writes e-mails to data_dir/mail).
    let mail = app.data_dir.path().join("mail");
    std::fs::create_dir_all(&mail).unwrap();
    std::fs::write(
        mail.join("to-her.eml"),
        format!("To: {EMAIL}\r\nSubject: Hallo\r\n\r\nHallo {NAME}"),
    )
    .unwrap();
    std::fs::write(
        mail.join("about-her.eml"),
        format!("To: {ANNA}\r\n\r\n{NAME} koordiniert."),
    )
    .unwrap();

    // Only a platform admin forgets, and only with a reason.
    let anna = app.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let forget = "mutation($id: ID!, $reason: String!) { forgetPerson(id: $id, reason: $reason) { newlyForgotten keyDeleted accountsRemoved } }";
    let (_, refused) = app
        .graphql(
            As::Session(&anna),
            forget,
            json!({"id": id, "reason": "left"}),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
    let (_, no_reason) = app
        .graphql(
            As::Session(&admin),
            forget,
            json!({"id": id, "reason": "  "}),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&no_reason), Some("VALIDATION"), "{no_reason}");
    let (_, before) = app
        .graphql(As::Session(&admin), PERSON, json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(before["data"]["person"]["name"], NAME, "{before}");

    let (_, forgotten) = app
        .graphql(
            As::Session(&admin),
            forget,
            json!({"id": id, "reason": "left the office, asked for erasure"}),
        )
        .await
        .unwrap();
    let forgotten = &forgotten["data"]["forgetPerson"];
    assert_eq!(forgotten["newlyForgotten"], true, "{forgotten}");
    assert_eq!(forgotten["keyDeleted"], true, "{forgotten}");
    assert!(
        forgotten["accountsRemoved"].as_u64().unwrap() >= 2,
        "credential and session: {forgotten}"
    );
    // Her failed sign-ins are counted no more (checked now: the sign-in
    // tried below counts anew, as it would for any address typed).
    let erased = database_text(&app.database).await;
    assert!(
        throttle_traces(&erased).is_empty(),
        "{:?}",
        throttle_traces(&erased)
    );
    let (_, again) = app
        .graphql(
            As::Session(&admin),
            forget,
            json!({"id": id, "reason": "again"}),
        )
        .await
        .unwrap();
    assert_eq!(
        again["data"]["forgetPerson"]["newlyForgotten"], false,
        "{again}"
    );

    // Every read shows the erased person; she can no longer sign in.
    let (_, after) = app
        .graphql(As::Session(&admin), PERSON, json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(
        after["data"]["person"],
        json!({"name": "erased person", "email": null, "erased": true, "roles": []})
    );
    let (_, me) = app
        .graphql(As::Session(&zorabel), "{ me { id } }", json!({}))
        .await
        .unwrap();
    assert_eq!(error_code(&me), Some("UNAUTHENTICATED"), "{me}");
    assert!(app.sign_in(EMAIL, PASSWORD).await.is_err());
    let page = Browser::new(&app).unwrap();
    page.sign_in(ADMIN, DEMO_PASSWORD).await.unwrap();
    let shown = page.get(&format!("/admin/people/{id}")).await.unwrap();
    assert_eq!(shown.status, 200);
    assert_eq!(shown.text("h1").unwrap(), "gelöschte Person");
    assert!(shown.has("#erased-notice").unwrap());
    let people = page.get("/admin/people?tenant=ZH").await.unwrap();
    assert!(people.html.contains("gelöschte Person") && traces(&people.html).is_empty());
    assert!(!mail.join("to-her.eml").exists());
    let about = std::fs::read_to_string(mail.join("about-her.eml")).unwrap();
    assert!(traces(&about).is_empty(), "{about}");

    // `iiz replay` rebuilds every read model from the log: still erased,
    // and no trace anywhere in the database.
    let TestApp {
        server,
        database,
        data_dir,
        ..
    } = app;
    server.stop().await.unwrap();
    let config = iiz_tests::test_config(&database.url, data_dir.path());
    iiz::serve::replay(&config).await.unwrap();
    let replayed = iiz_app::App::new(database.store.clone());
    let view = replayed
        .person_view(iiz_domain::PersonId::parse(&id).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(view.erased && view.name == "erased person" && view.email.is_empty());
    let text = database_text(&database).await;
    assert!(
        traces(&text).is_empty(),
        "found {:?} in the database",
        traces(&text)
    );
    for entry in std::fs::read_dir(&mail).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(traces(&text).is_empty(), "{text}");
    }
}
