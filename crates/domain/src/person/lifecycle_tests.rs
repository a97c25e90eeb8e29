//! Deactivation and availability to other tenants' admins.

use super::*;
use crate::testing::given;

fn registered() -> PersonEvent {
    PersonEvent::Registered {
        id: PersonId::parse("01930000-0000-7000-8000-0000000000b2").unwrap(),
        home: TenantId::parse("ZH").unwrap(),
        name: Some(PersonName::parse("Bea Probe").unwrap()),
        email: Some(Email::parse("bea.probe@zh.example").unwrap()),
        language: Language::De,
    }
}

fn be() -> TenantId {
    TenantId::parse("BE").unwrap()
}

#[test]
fn a_person_is_deactivated_once_and_reactivated_once() {
    given::<Person>([registered()])
        .when(PersonCommand::Deactivate)
        .then([PersonEvent::Deactivated]);
    given::<Person>([registered(), PersonEvent::Deactivated])
        .when(PersonCommand::Deactivate)
        .then_err(PersonError::AlreadyDeactivated);
    given::<Person>([registered()])
        .when(PersonCommand::Reactivate)
        .then_err(PersonError::NotDeactivated);
    given::<Person>([registered(), PersonEvent::Deactivated])
        .when(PersonCommand::Reactivate)
        .then([PersonEvent::Reactivated]);
    let state = Person::replay(&[registered(), PersonEvent::Deactivated]);
    assert!(state.is_deactivated());
}

#[test]
fn a_person_is_available_to_their_home_and_the_tenants_named() {
    let state = Person::replay(&[registered()]);
    assert!(state.is_available_to(TenantId::parse("ZH").unwrap()));
    assert!(!state.is_available_to(be()));
    given::<Person>([registered()])
        .when(PersonCommand::MakeAvailable { tenant: be() })
        .then([PersonEvent::MadeAvailable { tenant: be() }]);
    given::<Person>([registered()])
        .when(PersonCommand::MakeAvailable {
            tenant: TenantId::parse("ZH").unwrap(),
        })
        .then_err(PersonError::AlreadyAvailable {
            tenant: TenantId::parse("ZH").unwrap(),
        });
    let made = PersonEvent::MadeAvailable { tenant: be() };
    assert!(Person::replay(&[registered(), made.clone()]).is_available_to(be()));
    given::<Person>([registered(), made])
        .when(PersonCommand::WithdrawAvailability { tenant: be() })
        .then([PersonEvent::AvailabilityWithdrawn { tenant: be() }]);
    given::<Person>([registered()])
        .when(PersonCommand::WithdrawAvailability { tenant: be() })
        .then_err(PersonError::NotAvailable { tenant: be() });
}
