//! Links, letters and deactivation against a real store (SQLite).

use std::sync::Arc;

use iiz_domain::{Email, Language, PersonCommand, PersonName, TenantId, TenantRole};

use super::*;
use crate::account_mail::MemoryAccountMail;
use crate::authz::{Denied, Principal};
use crate::people::NewPerson;

struct World {
    app: App,
    mail: Arc<MemoryAccountMail>,
    admin: Principal,
    _db: iiz_store::testing::TestDatabase,
}

async fn world() -> World {
    let db = iiz_store::testing::TestDatabase::sqlite_with(crate::upcasters()).await;
    let mail = Arc::new(MemoryAccountMail::default());
    let app = App::new(db.store.clone()).with_account_mail(mail.clone());
    app.prepare().await.unwrap();
    let admin = PersonId::new();
    app.register_person(person(admin, "Ada Admin", "ada@zh.example"), "test")
        .await
        .unwrap();
    app.person_command(
        admin,
        PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::TenantAdmin,
        },
        "test",
    )
    .await
    .unwrap();
    let admin = app.principal_of(admin, None).await.unwrap().unwrap();
    World {
        app,
        mail,
        admin,
        _db: db,
    }
}

fn zh() -> TenantId {
    TenantId::parse("ZH").unwrap()
}

fn person(id: PersonId, name: &str, email: &str) -> NewPerson {
    NewPerson {
        id,
        home: zh(),
        name: PersonName::parse(name).unwrap(),
        email: Email::parse(email).unwrap(),
        language: Language::Fr,
    }
}

/// The secret at the end of a letter's link.
fn secret(path: &str) -> String {
    path.rsplit('/').next().unwrap().to_owned()
}

#[tokio::test]
async fn an_invitation_link_sets_a_password_once_and_is_stored_hashed() {
    let world = world().await;
    let id = PersonId::new();
    let caller = world.app.caller(Some(&world.admin));
    caller
        .invite_person(person(id, "Ines Probe", "ines@zh.example"))
        .await
        .unwrap();
    let letters = world.mail.letters();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].language, Language::Fr);
    assert_eq!(letters[0].to, "ines@zh.example");
    let token = secret(&letters[0].path);
    // Only the hash is stored: the secret itself finds nothing there.
    let now = Utc::now();
    let store = world.app.store();
    assert!(
        store
            .account_link(&token, LinkPurpose::Invitation, now)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .account_link(&secret_hash(&token), LinkPurpose::Invitation, now)
            .await
            .unwrap()
            .is_some()
    );
    let short = world.app.accept_invitation(&token, "short").await;
    assert_eq!(short.unwrap_err().field(), Some("password"));
    assert_eq!(
        world
            .app
            .accept_invitation(&token, "ines password 1")
            .await
            .unwrap(),
        id
    );
    let again = world.app.accept_invitation(&token, "ines password 2").await;
    assert_eq!(again.unwrap_err().field(), Some("token"));
    assert!(
        world
            .app
            .sign_in("ines@zh.example", "ines password 1")
            .await
            .is_ok()
    );
    world.app.store().close().await;
}

#[tokio::test]
async fn a_deactivated_person_signs_in_nowhere_and_gets_no_reset_link() {
    let world = world().await;
    let id = PersonId::new();
    let caller = world.app.caller(Some(&world.admin));
    caller
        .register_person(person(id, "Dora Probe", "dora@zh.example"))
        .await
        .unwrap();
    world
        .app
        .set_password(id, "dora@zh.example", "dora password 1")
        .await
        .unwrap();
    let session = world
        .app
        .sign_in("dora@zh.example", "dora password 1")
        .await
        .unwrap();
    // Nobody deactivates themselves.
    let own = caller
        .person_command(world.admin.person, PersonCommand::Deactivate)
        .await;
    assert!(matches!(own, Err(AppError::Domain { .. })));
    caller
        .person_command(id, PersonCommand::Deactivate)
        .await
        .unwrap();
    assert!(
        world
            .app
            .session(&session.session_token)
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        world
            .app
            .sign_in("dora@zh.example", "dora password 1")
            .await,
        Err(AppError::Denied(Denied::Unauthenticated))
    ));
    world
        .app
        .send_reset(&Email::parse("dora@zh.example").unwrap())
        .await
        .unwrap();
    world
        .app
        .send_reset(&Email::parse("nobody@zh.example").unwrap())
        .await
        .unwrap();
    assert!(world.mail.letters().is_empty());
    caller
        .person_command(id, PersonCommand::Reactivate)
        .await
        .unwrap();
    world
        .app
        .send_reset(&Email::parse("DORA@zh.example").unwrap())
        .await
        .unwrap();
    assert_eq!(world.mail.letters().len(), 1);
    world.app.store().close().await;
}

#[tokio::test]
async fn an_address_in_use_is_a_conflict_at_its_field() {
    let world = world().await;
    let caller = world.app.caller(Some(&world.admin));
    let taken = caller
        .register_person(person(PersonId::new(), "Ada Zwei", "ADA@zh.example"))
        .await
        .unwrap_err();
    assert_eq!(taken.kind(), Some(ErrorKind::AlreadyExists));
    assert_eq!(taken.field(), Some("email"));
    world.app.store().close().await;
}
