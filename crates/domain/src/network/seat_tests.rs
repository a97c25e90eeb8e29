//! Given/when/then: the EKG seat follows the network's delegation; a
//! replaced delegate's seat ends, and so does the seat of a network whose
//! cantons all left.

use super::agreement_tests::{
    anna, anna_delegated, anna_proposed, bruno, canton, coordinator_agreed, date, formed_history,
    north,
};
use super::*;
use crate::testing::given;

#[test]
fn the_ekg_seat_follows_the_delegation() {
    let mut history = formed_history();
    history.extend([
        anna_proposed(),
        coordinator_agreed("AG"),
        coordinator_agreed("BL"),
        anna_delegated(),
    ]);
    let registry = NetworkRegistry::replay(&history);
    let network = registry.network(north()).unwrap();
    assert_eq!(
        network.pending_seat_change(),
        Some(SeatChange {
            sequence: 0,
            end: None,
            admit: Some(Delegation {
                person: anna(),
                from: date("2026-01-01"),
            }),
        })
    );
    let seated = NetworkEvent::EkgSeatRecorded {
        id: north(),
        delegate: Some(anna()),
        admitted: true,
    };
    given::<NetworkRegistry>(history.clone())
        .when(NetworkCommand::RecordEkgSeat {
            id: north(),
            delegate: Some(anna()),
            admitted: true,
        })
        .then([seated.clone()]);
    given::<NetworkRegistry>(history.clone())
        .when(NetworkCommand::RecordEkgSeat {
            id: north(),
            delegate: Some(bruno()),
            admitted: true,
        })
        .then_err(NetworkError::SeatOutdated(north()));
    // A replaced delegate's seat ends the day the successor's begins.
    history.extend([
        seated,
        NetworkEvent::CoordinatorDelegated {
            id: north(),
            person: bruno(),
            from: date("2028-01-01"),
        },
    ]);
    let registry = NetworkRegistry::replay(&history);
    assert_eq!(
        registry.network(north()).unwrap().pending_seat_change(),
        Some(SeatChange {
            sequence: 1,
            end: Some((anna(), date("2028-01-01"))),
            admit: Some(Delegation {
                person: bruno(),
                from: date("2028-01-01"),
            }),
        })
    );
    // A network whose cantons all left ends its delegate's seat.
    history.extend(["AG", "BL", "BS"].map(|code| NetworkEvent::CantonLeft {
        id: north(),
        canton: canton(code),
        on: date("2027-06-30"),
    }));
    let registry = NetworkRegistry::replay(&history);
    assert_eq!(
        registry.network(north()).unwrap().pending_seat_change(),
        Some(SeatChange {
            sequence: 1,
            end: Some((anna(), date("2027-06-30"))),
            admit: None,
        })
    );
}
