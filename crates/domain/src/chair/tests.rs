//! Given/when/then: the STG's rotation, and the free choice stored
//! records of the EKG still hold.

use chrono::NaiveDate;

use super::*;
use crate::ids::PersonId;
use crate::partner::Partner;
use crate::testing::given;

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn stg() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(1))
}

fn office(partner: Partner) -> Party {
    Party::Partner(partner)
}

fn established(rule: ChairRule) -> ChairEvent {
    ChairEvent::Established { body: stg(), rule }
}

fn term(number: u32, partner: Partner, from: &str, until: &str) -> ChairEvent {
    ChairEvent::TermRecorded {
        number,
        office: office(partner),
        person: None,
        from: day(from),
        until: day(until),
    }
}

fn record(partner: Partner, from: &str, until: &str) -> ChairCommand {
    ChairCommand::RecordTerm {
        office: office(partner),
        person: None,
        from: day(from),
        until: day(until),
    }
}

#[test]
fn the_stg_chair_changes_every_two_years_among_the_four_offices_in_any_order() {
    given::<Chair>([])
        .when(ChairCommand::Establish {
            body: stg(),
            rule: ChairRule::stg(),
        })
        .then([established(ChairRule::stg())]);
    let history = [
        established(ChairRule::stg()),
        term(1, Partner::Sem, "2023-01-01", "2024-12-31"),
    ];
    given::<Chair>(history.clone())
        .when(record(Partner::Bsv, "2025-01-01", "2026-12-31"))
        .then([term(2, Partner::Bsv, "2025-01-01", "2026-12-31")]);
    // The concept names no order: any office but the current one.
    given::<Chair>(history.clone())
        .when(record(Partner::Seco, "2025-01-01", "2026-12-31"))
        .then([term(2, Partner::Seco, "2025-01-01", "2026-12-31")]);
    given::<Chair>(history.clone())
        .when(record(Partner::Sem, "2025-01-01", "2026-12-31"))
        .then_err(ChairError::RepeatsOffice(office(Partner::Sem)));
    given::<Chair>(history.clone())
        .when(record(Partner::Bsv, "2025-01-01", "2027-12-31"))
        .then_err(ChairError::TermLength {
            expected: day("2026-12-31"),
            got: day("2027-12-31"),
        });
    given::<Chair>(history)
        .when(record(Partner::Bsv, "2025-03-01", "2027-02-28"))
        .then_err(ChairError::NotContiguous {
            expected: day("2025-01-01"),
        });
    given::<Chair>([established(ChairRule::stg())])
        .when(record(Partner::Skos, "2025-01-01", "2026-12-31"))
        .then_err(ChairError::NotInRotation(office(Partner::Skos)));
}

#[test]
fn a_rotation_names_each_office_once_and_lasts_at_least_a_year() {
    let twice = ChairRule::Rotation {
        offices: vec![office(Partner::Bsv), office(Partner::Bsv)],
        years: 2,
    };
    given::<Chair>([])
        .when(ChairCommand::Establish {
            body: stg(),
            rule: twice,
        })
        .then_err(ChairError::InvalidRule);
    given::<Chair>([established(ChairRule::stg())])
        .when(ChairCommand::Establish {
            body: stg(),
            rule: ChairRule::stg(),
        })
        .then_err(ChairError::AlreadyEstablished);
    given::<Chair>([])
        .when(record(Partner::Bsv, "2025-01-01", "2026-12-31"))
        .then_err(ChairError::NotEstablished);
}

#[test]
fn the_ekg_chooses_freely_without_overlapping_terms() {
    let free = ChairRule::Free { max_years: Some(4) };
    let history = [
        established(free.clone()),
        term(1, Partner::Skos, "2022-07-01", "2024-06-30"),
    ];
    given::<Chair>(history.clone())
        .when(record(Partner::Vsaa, "2024-07-01", "2026-06-30"))
        .then([term(2, Partner::Vsaa, "2024-07-01", "2026-06-30")]);
    given::<Chair>(history.clone())
        .when(record(Partner::Vsaa, "2024-06-01", "2026-06-30"))
        .then_err(ChairError::Overlaps {
            previous_until: day("2024-06-30"),
        });
    given::<Chair>(history.clone())
        .when(record(Partner::Vsaa, "2024-07-01", "2029-06-30"))
        .then_err(ChairError::LongerThanAllowed {
            longest: day("2028-06-30"),
            got: day("2029-06-30"),
        });
    given::<Chair>(history)
        .when(record(Partner::Vsaa, "2024-07-01", "2024-06-30"))
        .then_err(ChairError::EndsBeforeStart);
}

#[test]
fn the_person_of_a_term_is_named_later() {
    let person = PersonId::from_uuid(uuid::Uuid::from_u128(9));
    let history = [
        established(ChairRule::stg()),
        term(1, Partner::Bsv, "2025-01-01", "2026-12-31"),
    ];
    given::<Chair>(history.clone())
        .when(ChairCommand::NamePerson { number: 1, person })
        .then([ChairEvent::PersonNamed { number: 1, person }]);
    given::<Chair>(history)
        .when(ChairCommand::NamePerson { number: 2, person })
        .then_err(ChairError::UnknownTerm(2));
}

#[test]
fn a_term_ends_the_day_before_its_anniversary() {
    assert_eq!(term_end(day("2025-01-01"), 2), Some(day("2026-12-31")));
    assert_eq!(term_end(day("2024-03-01"), 2), Some(day("2026-02-28")));
}
