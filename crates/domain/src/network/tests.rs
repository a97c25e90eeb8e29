use super::*;
use crate::error::{Classify, ErrorKind};
use crate::ids::Language;
use crate::testing::given;
use crate::{Aggregate, DomainEvent};

fn canton(code: &str) -> CantonCode {
    CantonCode::parse(code).unwrap()
}

fn cantons(codes: &[&str]) -> Vec<CantonCode> {
    codes.iter().map(|code| canton(code)).collect()
}

fn names(de: &str) -> LocalizedName {
    LocalizedName::parse([(Language::De, de.to_owned())]).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn east() -> NetworkId {
    NetworkId::parse("01930000-0000-7000-8000-0000000000e1").unwrap()
}

fn west() -> NetworkId {
    NetworkId::parse("01930000-0000-7000-8000-0000000000e2").unwrap()
}

fn anna() -> PersonId {
    PersonId::parse("01930000-0000-7000-8000-0000000000a1").unwrap()
}

fn bruno() -> PersonId {
    PersonId::parse("01930000-0000-7000-8000-0000000000b2").unwrap()
}

/// The eastern network: SG, TG and the two Appenzells.
fn east_formed() -> NetworkEvent {
    NetworkEvent::Formed {
        id: east(),
        names: names("IIZ Ostschweiz"),
        cantons: cantons(&["AI", "AR", "SG", "TG"]),
    }
}

fn anna_delegated() -> NetworkEvent {
    NetworkEvent::CoordinatorDelegated {
        id: east(),
        person: anna(),
        from: date(2024, 1, 1),
    }
}

#[test]
fn a_network_is_formed_with_its_cantons_in_order() {
    given::<NetworkRegistry>([])
        .when(NetworkCommand::Form {
            id: east(),
            names: names("IIZ Ostschweiz"),
            cantons: cantons(&["SG", "TG", "AR", "AI"]),
        })
        .then([east_formed()]);
}

#[test]
fn a_network_is_formed_only_once() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::Form {
            id: east(),
            names: names("IIZ Ostschweiz"),
            cantons: cantons(&["GR"]),
        })
        .then_err(NetworkError::NetworkExists(east()));
}

#[test]
fn a_network_needs_distinct_cantons() {
    given::<NetworkRegistry>([])
        .when(NetworkCommand::Form {
            id: west(),
            names: names("IIZ Westschweiz"),
            cantons: vec![],
        })
        .then_err(NetworkError::NoCantons);
    given::<NetworkRegistry>([])
        .when(NetworkCommand::Form {
            id: west(),
            names: names("IIZ Westschweiz"),
            cantons: cantons(&["VD", "GE", "vd"]),
        })
        .then_err(NetworkError::DuplicateCanton(canton("VD")));
}

#[test]
fn a_canton_belongs_to_at_most_one_network() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::Form {
            id: west(),
            names: names("IIZ Nordostschweiz"),
            cantons: cantons(&["ZH", "TG"]),
        })
        .then_err(NetworkError::CantonTaken {
            canton: canton("TG"),
            network: east(),
        });
    let west_formed = NetworkEvent::Formed {
        id: west(),
        names: names("IIZ Westschweiz"),
        cantons: cantons(&["GE", "VD"]),
    };
    given::<NetworkRegistry>([east_formed(), west_formed])
        .when(NetworkCommand::AssignCanton {
            id: west(),
            canton: canton("SG"),
        })
        .then_err(NetworkError::CantonTaken {
            canton: canton("SG"),
            network: east(),
        });
}

#[test]
fn a_free_canton_is_assigned_and_an_assigned_one_is_left_alone() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::AssignCanton {
            id: east(),
            canton: canton("GL"),
        })
        .then([NetworkEvent::CantonAssigned {
            id: east(),
            canton: canton("GL"),
        }]);
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::AssignCanton {
            id: east(),
            canton: canton("SG"),
        })
        .then([]);
}

#[test]
fn a_canton_is_released_only_from_its_network_and_never_the_last() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::ReleaseCanton {
            id: east(),
            canton: canton("TG"),
        })
        .then([NetworkEvent::CantonReleased {
            id: east(),
            canton: canton("TG"),
        }]);
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::ReleaseCanton {
            id: east(),
            canton: canton("ZH"),
        })
        .then_err(NetworkError::CantonNotInNetwork {
            canton: canton("ZH"),
            network: east(),
        });
    let ticino = NetworkEvent::Formed {
        id: west(),
        names: names("IIZ Ticino"),
        cantons: cantons(&["TI"]),
    };
    given::<NetworkRegistry>([ticino])
        .when(NetworkCommand::ReleaseCanton {
            id: west(),
            canton: canton("TI"),
        })
        .then_err(NetworkError::NoCantons);
}

#[test]
fn a_released_canton_may_join_another_network() {
    let released = NetworkEvent::CantonReleased {
        id: east(),
        canton: canton("TG"),
    };
    let west_formed = NetworkEvent::Formed {
        id: west(),
        names: names("IIZ Nordostschweiz"),
        cantons: cantons(&["ZH"]),
    };
    given::<NetworkRegistry>([east_formed(), released, west_formed])
        .when(NetworkCommand::AssignCanton {
            id: west(),
            canton: canton("TG"),
        })
        .then([NetworkEvent::CantonAssigned {
            id: west(),
            canton: canton("TG"),
        }]);
}

#[test]
fn renaming_records_only_real_changes() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::Rename {
            id: east(),
            names: names("IIZ-Netzwerk Ostschweiz"),
            by: None,
        })
        .then([NetworkEvent::Renamed {
            id: east(),
            names: names("IIZ-Netzwerk Ostschweiz"),
        }]);
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::Rename {
            id: east(),
            names: names("IIZ Ostschweiz"),
            by: Some(canton("SG")),
        })
        .then([]);
}

#[test]
fn an_unknown_network_refuses_every_change() {
    for command in [
        NetworkCommand::Rename {
            id: west(),
            names: names("x"),
            by: None,
        },
        NetworkCommand::AssignCanton {
            id: west(),
            canton: canton("ZH"),
        },
        NetworkCommand::ReleaseCanton {
            id: west(),
            canton: canton("SG"),
        },
        NetworkCommand::DelegateCoordinator {
            id: west(),
            person: anna(),
            from: date(2024, 1, 1),
        },
    ] {
        given::<NetworkRegistry>([east_formed()])
            .when(command)
            .then_err(NetworkError::UnknownNetwork(west()));
    }
}

#[test]
fn a_coordinator_is_delegated_and_replaced_forward_in_time() {
    given::<NetworkRegistry>([east_formed()])
        .when(NetworkCommand::DelegateCoordinator {
            id: east(),
            person: anna(),
            from: date(2024, 1, 1),
        })
        .then([anna_delegated()]);
    given::<NetworkRegistry>([east_formed(), anna_delegated()])
        .when(NetworkCommand::DelegateCoordinator {
            id: east(),
            person: bruno(),
            from: date(2026, 1, 1),
        })
        .then([NetworkEvent::CoordinatorDelegated {
            id: east(),
            person: bruno(),
            from: date(2026, 1, 1),
        }]);
    given::<NetworkRegistry>([east_formed(), anna_delegated()])
        .when(NetworkCommand::DelegateCoordinator {
            id: east(),
            person: bruno(),
            from: date(2023, 1, 1),
        })
        .then_err(NetworkError::DelegationBeforeCurrent {
            current_from: date(2024, 1, 1),
            from: date(2023, 1, 1),
        });
    given::<NetworkRegistry>([east_formed(), anna_delegated()])
        .when(NetworkCommand::DelegateCoordinator {
            id: east(),
            person: anna(),
            from: date(2025, 1, 1),
        })
        .then([]);
}

#[test]
fn the_state_lists_networks_and_finds_a_cantons_network() {
    let registry = NetworkRegistry::replay(&[
        east_formed(),
        anna_delegated(),
        NetworkEvent::CantonReleased {
            id: east(),
            canton: canton("TG"),
        },
        NetworkEvent::Formed {
            id: west(),
            names: names("IIZ Westschweiz"),
            cantons: cantons(&["VD"]),
        },
        NetworkEvent::CantonAssigned {
            id: west(),
            canton: canton("GE"),
        },
        NetworkEvent::Renamed {
            id: west(),
            names: names("IIZ Romandie"),
        },
    ]);
    let listed: Vec<_> = registry
        .networks()
        .map(|(id, network)| {
            let name = network.names().best(Language::De).to_owned();
            (id, name, network.cantons().collect::<Vec<_>>())
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                east(),
                "IIZ Ostschweiz".to_owned(),
                cantons(&["AI", "AR", "SG"])
            ),
            (west(), "IIZ Romandie".to_owned(), cantons(&["GE", "VD"])),
        ]
    );
    let coordinator = registry.network(east()).unwrap().coordinator();
    assert_eq!(
        coordinator,
        Some(Delegation {
            person: anna(),
            from: date(2024, 1, 1)
        })
    );
    assert_eq!(registry.network(west()).unwrap().coordinator(), None);
    assert_eq!(registry.network_of(canton("GE")), Some(west()));
    assert_eq!(registry.network_of(canton("TG")), None);
    assert_eq!(NetworkRegistry::default().networks().count(), 0);
}

#[test]
fn errors_are_classified() {
    for (error, kind) in [
        (
            NetworkError::NetworkExists(east()),
            ErrorKind::AlreadyExists,
        ),
        (NetworkError::UnknownNetwork(east()), ErrorKind::NotFound),
        (
            NetworkError::CantonTaken {
                canton: canton("ZH"),
                network: east(),
            },
            ErrorKind::InvalidState,
        ),
        (
            NetworkError::CantonNotInNetwork {
                canton: canton("ZH"),
                network: east(),
            },
            ErrorKind::InvalidState,
        ),
        (
            NetworkError::DuplicateCanton(canton("ZH")),
            ErrorKind::Validation,
        ),
        (NetworkError::NoCantons, ErrorKind::Validation),
        (
            NetworkError::DelegationBeforeCurrent {
                current_from: date(2024, 1, 1),
                from: date(2023, 1, 1),
            },
            ErrorKind::Validation,
        ),
    ] {
        assert_eq!(error.kind(), kind, "{error}");
    }
}

#[test]
fn events_round_trip_through_their_stored_form() {
    for event in [east_formed(), anna_delegated()] {
        let (event_type, payload) = event.encode().unwrap();
        assert_eq!(NetworkEvent::decode(event_type, payload).unwrap(), event);
    }
    let (event_type, payload) = east_formed().encode().unwrap();
    assert_eq!(event_type, "Formed");
    assert_eq!(
        payload["cantons"],
        serde_json::json!(["AI", "AR", "SG", "TG"])
    );
    let bad = serde_json::json!({"id": east(), "canton": "XX"});
    assert!(NetworkEvent::decode("CantonAssigned", bad).is_err());
}
