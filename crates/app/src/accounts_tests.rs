//! Passwords, secrets and changing a password with the old one.

use super::*;

#[test]
fn passwords_verify_only_against_their_own_hash() {
    let hash = hash_password("correct horse battery").unwrap();
    assert!(hash.starts_with("$argon2id$"));
    assert!(password_matches("correct horse battery", &hash));
    assert!(!password_matches("correct horse battery!", &hash));
    assert!(!password_matches("correct horse battery", "not a hash"));
}

#[test]
fn secrets_are_random_and_stored_hashed() {
    let one = random_secret().unwrap();
    let two = random_secret().unwrap();
    assert_ne!(one, two);
    assert_eq!(one.len(), 43);
    assert_eq!(secret_hash(&one).len(), 64);
    assert_ne!(secret_hash(&one), one);
}

#[tokio::test]
async fn a_password_changes_only_with_the_old_one() {
    // Given a person who signs in with a password
    let db = iiz_store::testing::TestDatabase::sqlite_with(crate::upcasters()).await;
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let person = crate::people::NewPerson {
        id: PersonId::new(),
        home: TenantId::parse("ZH").unwrap(),
        name: iiz_domain::PersonName::parse("Vera Probe").unwrap(),
        email: iiz_domain::Email::parse("vera.probe@zh.example").unwrap(),
        language: iiz_domain::Language::De,
    };
    let id = person.id;
    app.register_person(person, "test").await.unwrap();
    app.set_password(id, "vera.probe@zh.example", "first password 1")
        .await
        .unwrap();
    let principal = app.principal_of(id, None).await.unwrap().unwrap();

    // When the old password is wrong, then it is refused like a sign-in
    let wrong = app
        .change_password(&principal, "not my password", "second password 2")
        .await;
    assert!(matches!(
        wrong,
        Err(AppError::Denied(Denied::Unauthenticated))
    ));
    // and a new password too short is refused as invalid
    let short = app
        .change_password(&principal, "first password 1", "short")
        .await;
    assert!(matches!(short, Err(AppError::Validation { .. })));
    // and through a token nobody changes the password
    let mut token = principal.clone();
    token.scope = Some(TokenScope {
        tenant: principal.home,
        roles: BTreeSet::new(),
    });
    assert!(
        app.change_password(&token, "first password 1", "second password 2")
            .await
            .is_err()
    );
    assert!(
        app.sign_in("vera.probe@zh.example", "first password 1")
            .await
            .is_ok()
    );

    // When the old password is right, then only the new one signs in
    app.change_password(&principal, "first password 1", "second password 2")
        .await
        .unwrap();
    assert!(
        app.sign_in("vera.probe@zh.example", "first password 1")
            .await
            .is_err()
    );
    assert!(
        app.sign_in("vera.probe@zh.example", "second password 2")
            .await
            .is_ok()
    );
    app.store().close().await;
}
