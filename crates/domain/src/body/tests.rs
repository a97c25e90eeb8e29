use chrono::NaiveDate;

use super::*;
use crate::ids::Language;
use crate::testing::given;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn name(de: &str) -> LocalizedName {
    LocalizedName::parse([(Language::De, de.to_owned())]).unwrap()
}

fn text(s: &str) -> FreeText {
    FreeText::parse(s).unwrap()
}

fn stg_id() -> BodyId {
    BodyId::parse("01930000-0000-7000-8000-000000000001").unwrap()
}

pub(super) fn established() -> BodyEvent {
    BodyEvent::Established {
        id: stg_id(),
        tenant: TenantId::National,
        kind: BodyKind::Steering,
        names: name("Steuerungsgremium"),
        mandate: text("Entscheidet über Empfehlungen"),
        parent: None,
        active_from: date(2017, 1, 1),
    }
}

#[test]
fn a_body_is_established() {
    given::<Body>([])
        .when(BodyCommand::Establish {
            id: stg_id(),
            tenant: TenantId::National,
            kind: BodyKind::Steering,
            names: name("Steuerungsgremium"),
            mandate: text("Entscheidet über Empfehlungen"),
            parent: None,
            active_from: date(2017, 1, 1),
        })
        .then([established()]);
}

#[test]
fn a_body_cannot_be_established_twice_or_be_its_own_parent() {
    let establish = BodyCommand::Establish {
        id: stg_id(),
        tenant: TenantId::National,
        kind: BodyKind::Steering,
        names: name("STG"),
        mandate: FreeText::default(),
        parent: Some(stg_id()),
        active_from: date(2017, 1, 1),
    };
    given::<Body>([established()])
        .when(establish.clone())
        .then_err(BodyError::AlreadyEstablished);
    given::<Body>([])
        .when(establish)
        .then_err(BodyError::OwnParent);
}

#[test]
fn the_mandate_is_amended_only_when_it_changes() {
    given::<Body>([established()])
        .when(BodyCommand::AmendMandate {
            mandate: text("Neues Mandat"),
        })
        .then([BodyEvent::MandateAmended {
            mandate: text("Neues Mandat"),
        }]);
    given::<Body>([established()])
        .when(BodyCommand::AmendMandate {
            mandate: text("Entscheidet über Empfehlungen"),
        })
        .then([]);
    given::<Body>([established()])
        .when(BodyCommand::Rename { names: name("STG") })
        .then([BodyEvent::Renamed { names: name("STG") }]);
}

#[test]
fn dissolving_needs_a_reason_and_a_date_after_the_start() {
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2016, 12, 31),
            reason: text("Mandat erfüllt"),
        })
        .then_err(BodyError::DissolvedBeforeActive {
            active_from: date(2017, 1, 1),
            active_to: date(2016, 12, 31),
        });
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2025, 12, 31),
            reason: FreeText::default(),
        })
        .then_err(BodyError::ReasonRequired);
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2025, 12, 31),
            reason: text("Mandat erfüllt"),
        })
        .then([BodyEvent::Dissolved {
            active_to: date(2025, 12, 31),
            reason: text("Mandat erfüllt"),
        }]);
}

#[test]
fn a_dissolved_body_refuses_changes() {
    let dissolved = BodyEvent::Dissolved {
        active_to: date(2025, 12, 31),
        reason: text("Mandat erfüllt"),
    };
    given::<Body>([established(), dissolved])
        .when(BodyCommand::AmendMandate { mandate: text("x") })
        .then_err(BodyError::Dissolved(date(2025, 12, 31)));
    given::<Body>([])
        .when(BodyCommand::Rename { names: name("x") })
        .then_err(BodyError::NotEstablished);
}

#[test]
fn errors_are_classified() {
    let on = date(2020, 1, 1);
    let anna = PersonId::parse("01930000-0000-7000-8000-0000000000a1").unwrap();
    for (error, kind) in [
        (BodyError::AlreadyEstablished, ErrorKind::AlreadyExists),
        (BodyError::NotEstablished, ErrorKind::NotFound),
        (BodyError::NotAMember(anna), ErrorKind::NotFound),
        (BodyError::Dissolved(on), ErrorKind::InvalidState),
        (BodyError::AlreadyMember(anna), ErrorKind::InvalidState),
        (
            BodyError::ChairOccupied { by: anna },
            ErrorKind::InvalidState,
        ),
        (BodyError::AlreadyChair(anna), ErrorKind::InvalidState),
        (BodyError::ReasonRequired, ErrorKind::Validation),
        (
            BodyError::DateBeforeLastChange {
                last_change: on,
                date: on,
            },
            ErrorKind::Validation,
        ),
        (
            BodyError::MembershipBeforeBody {
                active_from: on,
                date: on,
            },
            ErrorKind::Validation,
        ),
    ] {
        assert_eq!(error.kind(), kind, "{error}");
    }
}

#[test]
fn events_round_trip_through_their_stored_form() {
    let anna = PersonId::parse("01930000-0000-7000-8000-0000000000a1").unwrap();
    let admitted = BodyEvent::MemberAdmitted {
        person: anna,
        role: BodyRole::Deputy,
        institution: Institution::parse("SECO").unwrap(),
        from: date(2020, 1, 1),
    };
    for (event, name) in [
        (established(), "Established"),
        (admitted.clone(), "MemberAdmitted"),
        (
            BodyEvent::MemberRoleChanged {
                person: anna,
                role: BodyRole::Member,
                from: date(2022, 1, 1),
            },
            "MemberRoleChanged",
        ),
        (
            BodyEvent::MemberRemoved {
                person: anna,
                on: date(2023, 1, 1),
            },
            "MemberRemoved",
        ),
    ] {
        let (event_type, payload) = event.encode().unwrap();
        assert_eq!(event_type, name);
        assert_eq!(BodyEvent::decode(event_type, payload).unwrap(), event);
    }
    let (_, payload) = admitted.encode().unwrap();
    assert_eq!(payload["role"], "deputy");
    assert_eq!(payload["institution"], "SECO");
    assert_eq!(payload["from"], "2020-01-01");
    // The payload of an event stored before memberships existed.
    let stored = serde_json::json!({
        "id": stg_id(), "tenant": "CH", "kind": "steering", "names": {"de": "STG"},
        "mandate": "", "parent": null, "active_from": "2017-01-01"
    });
    assert!(BodyEvent::decode("Established", stored).is_ok());
}

#[test]
fn a_body_sets_its_circular_resolution_rules_and_keeps_the_default_until_then() {
    let state = Body::replay(&[established()]);
    assert_eq!(state.resolution_rules(), ResolutionRules::default());
    let consensus_in_three_days = ResolutionRules {
        minimum_days: 3,
        ..ResolutionRules::default()
    };
    given::<Body>([established()])
        .when(BodyCommand::SetResolutionRules {
            rules: consensus_in_three_days,
        })
        .then([BodyEvent::ResolutionRulesSet {
            rules: consensus_in_three_days,
        }]);
    let set = BodyEvent::ResolutionRulesSet {
        rules: consensus_in_three_days,
    };
    assert_eq!(
        Body::replay(&[established(), set.clone()]).resolution_rules(),
        consensus_in_three_days
    );
    given::<Body>([established(), set])
        .when(BodyCommand::SetResolutionRules {
            rules: consensus_in_three_days,
        })
        .then([]);
}

#[test]
fn a_minimum_period_beyond_a_year_is_refused() {
    given::<Body>([established()])
        .when(BodyCommand::SetResolutionRules {
            rules: ResolutionRules {
                minimum_days: 400,
                ..ResolutionRules::default()
            },
        })
        .then_err(BodyError::MinimumDaysTooLong {
            max: ResolutionRules::MAX_MINIMUM_DAYS,
        });
}
