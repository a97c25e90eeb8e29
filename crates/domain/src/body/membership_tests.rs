use chrono::NaiveDate;

use super::tests::{date, established};
use super::*;
use crate::testing::given;

fn person(n: u8) -> PersonId {
    PersonId::parse(&format!("01930000-0000-7000-8000-0000000000{n:02x}")).unwrap()
}

fn anna() -> PersonId {
    person(0xa1)
}

fn bruno() -> PersonId {
    person(0xb2)
}

fn carla() -> PersonId {
    person(0xc3)
}

fn seco() -> Institution {
    Institution::parse("SECO").unwrap()
}

fn admitted(person: PersonId, role: BodyRole, from: NaiveDate) -> BodyEvent {
    BodyEvent::MemberAdmitted {
        person,
        role,
        institution: seco(),
        from,
    }
}

/// STG chaired by Anna since 2020, with Bruno as a member since 2021.
fn chaired() -> Vec<BodyEvent> {
    vec![
        established(),
        admitted(anna(), BodyRole::Chair, date(2020, 1, 1)),
        admitted(bruno(), BodyRole::Member, date(2021, 1, 1)),
    ]
}

fn dissolved() -> BodyEvent {
    BodyEvent::Dissolved {
        active_to: date(2025, 12, 31),
        reason: FreeText::parse("Mandat erfüllt").unwrap(),
    }
}

#[test]
fn a_member_is_admitted_with_role_and_institution() {
    given::<Body>([established()])
        .when(BodyCommand::AdmitMember {
            person: anna(),
            role: BodyRole::Chair,
            institution: seco(),
            from: date(2017, 1, 1),
        })
        .then([admitted(anna(), BodyRole::Chair, date(2017, 1, 1))]);
}

#[test]
fn only_an_active_body_admits_members() {
    let admit = BodyCommand::AdmitMember {
        person: anna(),
        role: BodyRole::Member,
        institution: seco(),
        from: date(2020, 1, 1),
    };
    given::<Body>([])
        .when(admit.clone())
        .then_err(BodyError::NotEstablished);
    given::<Body>([established(), dissolved()])
        .when(admit)
        .then_err(BodyError::Dissolved(date(2025, 12, 31)));
}

#[test]
fn a_person_is_admitted_only_once() {
    given::<Body>(chaired())
        .when(BodyCommand::AdmitMember {
            person: bruno(),
            role: BodyRole::Deputy,
            institution: seco(),
            from: date(2022, 1, 1),
        })
        .then_err(BodyError::AlreadyMember(bruno()));
}

#[test]
fn no_membership_date_precedes_the_body() {
    let before = date(2016, 12, 31);
    let error = BodyError::MembershipBeforeBody {
        active_from: date(2017, 1, 1),
        date: before,
    };
    for command in [
        BodyCommand::AdmitMember {
            person: carla(),
            role: BodyRole::Guest,
            institution: seco(),
            from: before,
        },
        BodyCommand::HandOverChair {
            to: bruno(),
            on: before,
        },
        BodyCommand::RemoveMember {
            person: bruno(),
            on: before,
        },
    ] {
        given::<Body>(chaired())
            .when(command)
            .then_err(error.clone());
    }
    given::<Body>([
        established(),
        admitted(anna(), BodyRole::Member, date(2017, 1, 1)),
    ])
    .when(BodyCommand::ChangeMemberRole {
        person: anna(),
        role: BodyRole::Deputy,
        from: before,
    })
    .then_err(error);
}

#[test]
fn a_second_chair_is_refused() {
    given::<Body>(chaired())
        .when(BodyCommand::AdmitMember {
            person: carla(),
            role: BodyRole::Chair,
            institution: seco(),
            from: date(2022, 1, 1),
        })
        .then_err(BodyError::ChairOccupied { by: anna() });
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: bruno(),
            role: BodyRole::Chair,
            from: date(2022, 1, 1),
        })
        .then_err(BodyError::ChairOccupied { by: anna() });
}

#[test]
fn a_role_changes_from_a_date_not_before_the_last_change() {
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: bruno(),
            role: BodyRole::Deputy,
            from: date(2022, 1, 1),
        })
        .then([BodyEvent::MemberRoleChanged {
            person: bruno(),
            role: BodyRole::Deputy,
            from: date(2022, 1, 1),
        }]);
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: bruno(),
            role: BodyRole::Deputy,
            from: date(2020, 6, 1),
        })
        .then_err(BodyError::DateBeforeLastChange {
            last_change: date(2021, 1, 1),
            date: date(2020, 6, 1),
        });
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: bruno(),
            role: BodyRole::Member,
            from: date(2022, 1, 1),
        })
        .then([]);
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: carla(),
            role: BodyRole::Member,
            from: date(2022, 1, 1),
        })
        .then_err(BodyError::NotAMember(carla()));
}

#[test]
fn the_chair_may_step_down_to_another_role() {
    let stepped_down = BodyEvent::MemberRoleChanged {
        person: anna(),
        role: BodyRole::Deputy,
        from: date(2022, 1, 1),
    };
    given::<Body>(chaired())
        .when(BodyCommand::ChangeMemberRole {
            person: anna(),
            role: BodyRole::Deputy,
            from: date(2022, 1, 1),
        })
        .then([stepped_down.clone()]);
    let mut history = chaired();
    history.push(stepped_down);
    given::<Body>(history)
        .when(BodyCommand::ChangeMemberRole {
            person: bruno(),
            role: BodyRole::Chair,
            from: date(2022, 1, 1),
        })
        .then([BodyEvent::MemberRoleChanged {
            person: bruno(),
            role: BodyRole::Chair,
            from: date(2022, 1, 1),
        }]);
}

#[test]
fn handing_over_the_chair_makes_the_previous_chair_a_member() {
    given::<Body>(chaired())
        .when(BodyCommand::HandOverChair {
            to: bruno(),
            on: date(2022, 1, 1),
        })
        .then([
            BodyEvent::MemberRoleChanged {
                person: anna(),
                role: BodyRole::Member,
                from: date(2022, 1, 1),
            },
            BodyEvent::MemberRoleChanged {
                person: bruno(),
                role: BodyRole::Chair,
                from: date(2022, 1, 1),
            },
        ]);
}

#[test]
fn handing_over_an_empty_chair_only_seats_the_new_chair() {
    given::<Body>([
        established(),
        admitted(bruno(), BodyRole::Deputy, date(2018, 1, 1)),
    ])
    .when(BodyCommand::HandOverChair {
        to: bruno(),
        on: date(2018, 1, 1),
    })
    .then([BodyEvent::MemberRoleChanged {
        person: bruno(),
        role: BodyRole::Chair,
        from: date(2018, 1, 1),
    }]);
}

#[test]
fn the_chair_goes_only_to_a_member_who_does_not_hold_it() {
    given::<Body>(chaired())
        .when(BodyCommand::HandOverChair {
            to: carla(),
            on: date(2022, 1, 1),
        })
        .then_err(BodyError::NotAMember(carla()));
    given::<Body>(chaired())
        .when(BodyCommand::HandOverChair {
            to: anna(),
            on: date(2022, 1, 1),
        })
        .then_err(BodyError::AlreadyChair(anna()));
}

#[test]
fn a_hand_over_cannot_predate_either_seat() {
    let mut history = chaired();
    history.push(admitted(carla(), BodyRole::Member, date(2019, 1, 1)));
    given::<Body>(history)
        .when(BodyCommand::HandOverChair {
            to: carla(),
            on: date(2019, 6, 1),
        })
        .then_err(BodyError::DateBeforeLastChange {
            last_change: date(2020, 1, 1),
            date: date(2019, 6, 1),
        });
    given::<Body>(chaired())
        .when(BodyCommand::HandOverChair {
            to: bruno(),
            on: date(2020, 6, 1),
        })
        .then_err(BodyError::DateBeforeLastChange {
            last_change: date(2021, 1, 1),
            date: date(2020, 6, 1),
        });
}

#[test]
fn a_member_is_removed_not_before_their_last_change() {
    given::<Body>(chaired())
        .when(BodyCommand::RemoveMember {
            person: bruno(),
            on: date(2023, 6, 30),
        })
        .then([BodyEvent::MemberRemoved {
            person: bruno(),
            on: date(2023, 6, 30),
        }]);
    given::<Body>(chaired())
        .when(BodyCommand::RemoveMember {
            person: bruno(),
            on: date(2020, 12, 31),
        })
        .then_err(BodyError::DateBeforeLastChange {
            last_change: date(2021, 1, 1),
            date: date(2020, 12, 31),
        });
    given::<Body>(chaired())
        .when(BodyCommand::RemoveMember {
            person: carla(),
            on: date(2023, 6, 30),
        })
        .then_err(BodyError::NotAMember(carla()));
}

#[test]
fn removing_the_chair_leaves_the_chair_empty() {
    let mut history = chaired();
    history.push(BodyEvent::MemberRemoved {
        person: anna(),
        on: date(2023, 6, 30),
    });
    assert_eq!(Body::replay(&history).chair(), None);
    given::<Body>(history)
        .when(BodyCommand::AdmitMember {
            person: carla(),
            role: BodyRole::Chair,
            institution: seco(),
            from: date(2023, 7, 1),
        })
        .then([admitted(carla(), BodyRole::Chair, date(2023, 7, 1))]);
}

#[test]
fn a_former_member_returns_but_not_before_leaving() {
    let mut history = chaired();
    history.push(BodyEvent::MemberRemoved {
        person: bruno(),
        on: date(2023, 6, 30),
    });
    let readmit = |from| BodyCommand::AdmitMember {
        person: bruno(),
        role: BodyRole::Guest,
        institution: seco(),
        from,
    };
    given::<Body>(history.clone())
        .when(readmit(date(2023, 1, 1)))
        .then_err(BodyError::DateBeforeLastChange {
            last_change: date(2023, 6, 30),
            date: date(2023, 1, 1),
        });
    given::<Body>(history)
        .when(readmit(date(2024, 1, 1)))
        .then([admitted(bruno(), BodyRole::Guest, date(2024, 1, 1))]);
}

#[test]
fn the_state_lists_members_and_the_chair() {
    assert_eq!(Body::default().members().count(), 0);
    assert_eq!(Body::default().tenant(), None);
    let mut history = chaired();
    history.push(admitted(carla(), BodyRole::Guest, date(2022, 1, 1)));
    history.push(BodyEvent::MemberRoleChanged {
        person: anna(),
        role: BodyRole::Member,
        from: date(2022, 1, 1),
    });
    history.push(BodyEvent::MemberRoleChanged {
        person: bruno(),
        role: BodyRole::Chair,
        from: date(2022, 1, 1),
    });
    let body = Body::replay(&history);
    assert_eq!(body.tenant(), Some(TenantId::National));
    assert_eq!(body.chair(), Some(bruno()));
    assert_eq!(
        body.members().collect::<Vec<_>>(),
        [
            (anna(), BodyRole::Member),
            (bruno(), BodyRole::Chair),
            (carla(), BodyRole::Guest),
        ]
    );
    assert_eq!(body.role_of(carla()), Some(BodyRole::Guest));
    assert_eq!(body.institution_of(carla()), Some(&seco()));
    assert_eq!(body.role_of(person(0x01)), None);
}
