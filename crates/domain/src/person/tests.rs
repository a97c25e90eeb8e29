use super::*;
use crate::testing::given;

fn anna() -> PersonId {
    PersonId::parse("01930000-0000-7000-8000-0000000000a1").unwrap()
}

fn zh() -> TenantId {
    TenantId::parse("ZH").unwrap()
}

fn name(s: &str) -> PersonName {
    PersonName::parse(s).unwrap()
}

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

fn registered() -> PersonEvent {
    PersonEvent::Registered {
        id: anna(),
        home: zh(),
        name: Some(name("Anna Muster")),
        email: Some(email("anna.muster@zh.ch")),
        language: Language::De,
    }
}

fn coordinator_in_zh() -> PersonEvent {
    PersonEvent::TenantRoleGranted {
        tenant: zh(),
        role: TenantRole::Coordinator,
    }
}

#[test]
fn a_person_is_registered_in_a_home_tenant() {
    given::<Person>([])
        .when(PersonCommand::Register {
            id: anna(),
            home: zh(),
            name: name("Anna Muster"),
            email: email("Anna.Muster@ZH.ch"),
            language: Language::De,
        })
        .then([registered()]);
}

#[test]
fn a_person_is_registered_only_once() {
    given::<Person>([registered()])
        .when(PersonCommand::Register {
            id: anna(),
            home: zh(),
            name: name("Anna Muster"),
            email: email("anna.muster@zh.ch"),
            language: Language::De,
        })
        .then_err(PersonError::AlreadyRegistered);
}

#[test]
fn an_unregistered_person_refuses_every_other_command() {
    for command in [
        PersonCommand::ChangeProfile {
            name: name("Anna Muster"),
            email: email("anna@zh.ch"),
            language: Language::Fr,
        },
        PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::Member,
        },
        PersonCommand::RevokeTenantRole {
            tenant: zh(),
            role: TenantRole::Member,
        },
        PersonCommand::GrantPlatformAdmin,
        PersonCommand::RevokePlatformAdmin,
    ] {
        given::<Person>([])
            .when(command)
            .then_err(PersonError::NotRegistered);
    }
}

#[test]
fn the_profile_changes_when_any_part_of_it_changes() {
    let changed = PersonEvent::ProfileChanged {
        name: Some(name("Anna Muster-Rüegg")),
        email: Some(email("anna.muster@zh.ch")),
        language: Language::De,
    };
    given::<Person>([registered()])
        .when(PersonCommand::ChangeProfile {
            name: name("Anna Muster-Rüegg"),
            email: email("anna.muster@zh.ch"),
            language: Language::De,
        })
        .then([changed.clone()]);
    given::<Person>([registered(), changed])
        .when(PersonCommand::ChangeProfile {
            name: name("Anna Muster-Rüegg"),
            email: email("anna.muster@zh.ch"),
            language: Language::Fr,
        })
        .then([PersonEvent::ProfileChanged {
            name: Some(name("Anna Muster-Rüegg")),
            email: Some(email("anna.muster@zh.ch")),
            language: Language::Fr,
        }]);
}

#[test]
fn an_identical_profile_is_refused() {
    given::<Person>([registered()])
        .when(PersonCommand::ChangeProfile {
            name: name(" Anna Muster "),
            email: email("ANNA.MUSTER@zh.ch"),
            language: Language::De,
        })
        .then_err(PersonError::NothingChanged);
}

#[test]
fn tenant_roles_are_granted_once_and_revoked_when_held() {
    given::<Person>([registered()])
        .when(PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::Coordinator,
        })
        .then([coordinator_in_zh()]);
    given::<Person>([registered(), coordinator_in_zh()])
        .when(PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::Coordinator,
        })
        .then_err(PersonError::RoleAlreadyHeld {
            tenant: zh(),
            role: TenantRole::Coordinator,
        });
    given::<Person>([registered(), coordinator_in_zh()])
        .when(PersonCommand::RevokeTenantRole {
            tenant: zh(),
            role: TenantRole::Coordinator,
        })
        .then([PersonEvent::TenantRoleRevoked {
            tenant: zh(),
            role: TenantRole::Coordinator,
        }]);
}

#[test]
fn a_role_held_in_another_tenant_is_not_the_same_role() {
    given::<Person>([registered(), coordinator_in_zh()])
        .when(PersonCommand::RevokeTenantRole {
            tenant: TenantId::National,
            role: TenantRole::Coordinator,
        })
        .then_err(PersonError::RoleNotHeld {
            tenant: TenantId::National,
            role: TenantRole::Coordinator,
        });
    given::<Person>([registered(), coordinator_in_zh()])
        .when(PersonCommand::GrantTenantRole {
            tenant: TenantId::National,
            role: TenantRole::Coordinator,
        })
        .then([PersonEvent::TenantRoleGranted {
            tenant: TenantId::National,
            role: TenantRole::Coordinator,
        }]);
}

#[test]
fn a_revoked_role_can_be_granted_again() {
    let revoked = PersonEvent::TenantRoleRevoked {
        tenant: zh(),
        role: TenantRole::Coordinator,
    };
    given::<Person>([registered(), coordinator_in_zh(), revoked])
        .when(PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::Coordinator,
        })
        .then([coordinator_in_zh()]);
}

#[test]
fn platform_administration_is_granted_and_revoked_once() {
    given::<Person>([registered()])
        .when(PersonCommand::GrantPlatformAdmin)
        .then([PersonEvent::PlatformAdminGranted]);
    given::<Person>([registered()])
        .when(PersonCommand::RevokePlatformAdmin)
        .then_err(PersonError::NotPlatformAdmin);
    given::<Person>([registered(), PersonEvent::PlatformAdminGranted])
        .when(PersonCommand::GrantPlatformAdmin)
        .then_err(PersonError::AlreadyPlatformAdmin);
    given::<Person>([registered(), PersonEvent::PlatformAdminGranted])
        .when(PersonCommand::RevokePlatformAdmin)
        .then([PersonEvent::PlatformAdminRevoked]);
}

#[test]
fn the_state_answers_what_the_app_asks() {
    let empty = Person::default();
    assert!(!empty.is_registered());
    assert_eq!(empty.home(), None);
    assert_eq!(empty.tenant_roles().count(), 0);
    let person = Person::replay(&[
        registered(),
        PersonEvent::TenantRoleGranted {
            tenant: zh(),
            role: TenantRole::TenantAdmin,
        },
        coordinator_in_zh(),
        PersonEvent::TenantRoleGranted {
            tenant: TenantId::National,
            role: TenantRole::Member,
        },
        PersonEvent::PlatformAdminGranted,
        PersonEvent::ProfileChanged {
            name: Some(name("Anna Muster-Rüegg")),
            email: Some(email("anna@zh.ch")),
            language: Language::It,
        },
    ]);
    assert!(person.is_registered());
    assert_eq!(person.id(), Some(anna()));
    assert_eq!(person.home(), Some(zh()));
    assert_eq!(person.name(), Some(&name("Anna Muster-Rüegg")));
    assert_eq!(person.email(), Some(&email("anna@zh.ch")));
    assert_eq!(person.language(), Some(Language::It));
    assert!(person.is_platform_admin());
    assert!(person.has_tenant_role(zh(), TenantRole::TenantAdmin));
    assert!(!person.has_tenant_role(TenantId::National, TenantRole::TenantAdmin));
    assert_eq!(
        person.tenant_roles().collect::<Vec<_>>(),
        [
            (TenantId::National, TenantRole::Member),
            (zh(), TenantRole::Coordinator),
            (zh(), TenantRole::TenantAdmin),
        ]
    );
}

#[test]
fn errors_are_classified() {
    assert_eq!(
        PersonError::AlreadyRegistered.kind(),
        ErrorKind::AlreadyExists
    );
    assert_eq!(PersonError::NotRegistered.kind(), ErrorKind::NotFound);
    assert_eq!(PersonError::NothingChanged.kind(), ErrorKind::InvalidState);
    assert_eq!(
        PersonError::RoleNotHeld {
            tenant: zh(),
            role: TenantRole::Chair
        }
        .to_string(),
        "the person does not hold the role chair in ZH"
    );
}

#[test]
fn events_round_trip_through_their_stored_form() {
    for event in [
        registered(),
        coordinator_in_zh(),
        PersonEvent::PlatformAdminGranted,
    ] {
        let (event_type, payload) = event.encode().unwrap();
        assert_eq!(PersonEvent::decode(event_type, payload).unwrap(), event);
    }
    let (event_type, payload) = registered().encode().unwrap();
    assert_eq!(event_type, "Registered");
    assert_eq!(payload["email"], "anna.muster@zh.ch");
    assert_eq!(payload["language"], "de");
    assert_eq!(
        PersonEvent::PlatformAdminRevoked.encode().unwrap(),
        ("PlatformAdminRevoked", serde_json::Value::Null)
    );
    let bad = serde_json::json!({"id": anna(), "home": "ZH", "name": "A", "email": "no-at", "language": "de"});
    assert!(PersonEvent::decode("Registered", bad).is_err());
}

fn reason() -> FreeText {
    FreeText::parse("left the office, asked to be erased").unwrap()
}

#[test]
fn a_forgotten_person_loses_roles_name_and_address() {
    let forgotten = PersonEvent::Forgotten { reason: reason() };
    given::<Person>([registered(), coordinator_in_zh()])
        .when(PersonCommand::Forget { reason: reason() })
        .then([forgotten.clone()]);
    let person = Person::replay(&[registered(), coordinator_in_zh(), forgotten]);
    assert!(person.is_forgotten());
    assert_eq!(person.name(), None);
    assert_eq!(person.email(), None);
    assert_eq!(person.tenant_roles().count(), 0);
}

#[test]
fn nothing_more_is_recorded_about_a_forgotten_person() {
    let forgotten = PersonEvent::Forgotten { reason: reason() };
    given::<Person>([registered(), forgotten.clone()])
        .when(PersonCommand::Forget { reason: reason() })
        .then_err(PersonError::Forgotten);
    given::<Person>([registered(), forgotten.clone()])
        .when(PersonCommand::GrantTenantRole {
            tenant: zh(),
            role: TenantRole::Coordinator,
        })
        .then_err(PersonError::Forgotten);
    given::<Person>([registered(), forgotten])
        .when(PersonCommand::ChangeProfile {
            name: name("Anna"),
            email: email("anna@zh.ch"),
            language: Language::De,
        })
        .then_err(PersonError::Forgotten);
}

#[test]
fn names_and_addresses_are_the_personal_fields_and_read_null_once_erased() {
    assert_eq!(registered().personal_fields(), ["name", "email"]);
    assert!(coordinator_in_zh().personal_fields().is_empty());
    let erased = serde_json::json!({"id": anna(), "home": "ZH", "name": null, "email": null, "language": "de"});
    let decoded = PersonEvent::decode("Registered", erased).unwrap();
    assert!(matches!(
        decoded,
        PersonEvent::Registered {
            name: None,
            email: None,
            ..
        }
    ));
}
