//! Given/when/then: the EKG chooses its chair itself, every two years, with
//! the deputy from the STG chair's area where the chairs differ in area;
//! past terms are recorded as they happened.

use chrono::NaiveDate;

use super::*;
use crate::ConceptRule;
use crate::error::Classify;
use crate::ids::MeetingId;
use crate::partner::Partner;
use crate::testing::given;
use crate::text::Title;

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn ekg() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(2))
}

fn office(partner: Partner) -> Party {
    Party::Partner(partner)
}

fn decision() -> DecisionReference {
    DecisionReference::meeting(
        MeetingId::from_uuid(uuid::Uuid::from_u128(7)),
        3,
        Title::parse("EKG-Sitzung 2/2026, Traktandum 3").unwrap(),
    )
}

fn holders(chair: Partner, deputy: Option<Partner>) -> TermHolders {
    TermHolders {
        office: office(chair),
        person: None,
        deputy: deputy.map(office),
        deputy_person: None,
    }
}

fn areas(chair: &str, deputy: Option<&str>, stg: Option<&str>) -> TermAreas {
    TermAreas {
        chair: Some(chair.to_owned()),
        deputy: deputy.map(str::to_owned),
        stg_chair: stg.map(str::to_owned),
    }
}

fn established() -> ChairEvent {
    ChairEvent::Established {
        body: ekg(),
        rule: ChairRule::ekg(),
    }
}

fn choose(held: TermHolders, from: &str, until: &str, areas: TermAreas) -> ChairCommand {
    ChairCommand::ChooseTerm {
        holders: held,
        from: day(from),
        until: day(until),
        decided_by: decision(),
        areas,
    }
}

fn chosen(number: u32, held: TermHolders, from: &str, until: &str) -> ChairEvent {
    ChairEvent::TermChosen {
        number,
        holders: held,
        from: day(from),
        until: day(until),
        decided_by: decision(),
    }
}

#[test]
fn the_ekg_chooses_its_chair_for_two_years_by_its_decision() {
    let vsaa = holders(Partner::Vsaa, None);
    given::<Chair>([established()])
        .when(choose(
            vsaa.clone(),
            "2025-01-01",
            "2026-12-31",
            areas("labour", None, Some("labour")),
        ))
        .then([chosen(1, vsaa.clone(), "2025-01-01", "2026-12-31")]);
    given::<Chair>([established()])
        .when(choose(
            vsaa.clone(),
            "2025-01-01",
            "2027-12-31",
            areas("labour", None, Some("labour")),
        ))
        .then_err(ChairError::ChosenTermLength {
            expected: day("2026-12-31"),
            got: day("2027-12-31"),
        });
    given::<Chair>([established()])
        .when(ChairCommand::RecordTerm {
            office: office(Partner::Vsaa),
            person: None,
            from: day("2025-01-01"),
            until: day("2026-12-31"),
        })
        .then_err(ChairError::ChosenByBody);
    given::<Chair>([
        established(),
        chosen(1, vsaa.clone(), "2025-01-01", "2026-12-31"),
    ])
    .when(choose(
        holders(Partner::Skos, None),
        "2026-06-01",
        "2028-05-31",
        areas("social", None, Some("social")),
    ))
    .then_err(ChairError::Overlaps {
        previous_until: day("2026-12-31"),
    });
    let stg = ChairEvent::Established {
        body: ekg(),
        rule: ChairRule::stg(),
    };
    given::<Chair>([stg])
        .when(choose(
            vsaa,
            "2025-01-01",
            "2026-12-31",
            TermAreas::default(),
        ))
        .then_err(ChairError::NotChosenByBody);
}

#[test]
fn where_the_chairs_differ_in_area_the_deputy_comes_from_the_stg_chairs_area() {
    // The STG is chaired by SECO (labour market), the EKG by SKOS (social):
    // the deputy must come from the labour market, VSAA.
    let with_vsaa = holders(Partner::Skos, Some(Partner::Vsaa));
    given::<Chair>([established()])
        .when(choose(
            with_vsaa.clone(),
            "2025-01-01",
            "2026-12-31",
            areas("social", Some("labour"), Some("labour")),
        ))
        .then([chosen(1, with_vsaa, "2025-01-01", "2026-12-31")]);
    given::<Chair>([established()])
        .when(choose(
            holders(Partner::Skos, Some(Partner::Kid)),
            "2025-01-01",
            "2026-12-31",
            areas("social", Some("integration"), Some("labour")),
        ))
        .then_err(ChairError::DeputyArea {
            stg_area: "labour".to_owned(),
        });
    given::<Chair>([established()])
        .when(choose(
            holders(Partner::Skos, None),
            "2025-01-01",
            "2026-12-31",
            areas("social", None, Some("labour")),
        ))
        .then_err(ChairError::DeputyArea {
            stg_area: "labour".to_owned(),
        });
    // Analogous chairs leave the deputy free.
    let analogous = holders(Partner::Vsaa, Some(Partner::Kid));
    given::<Chair>([established()])
        .when(choose(
            analogous.clone(),
            "2025-01-01",
            "2026-12-31",
            areas("labour", Some("integration"), Some("labour")),
        ))
        .then([chosen(1, analogous, "2025-01-01", "2026-12-31")]);
    given::<Chair>([established()])
        .when(choose(
            holders(Partner::Vsaa, None),
            "2025-01-01",
            "2026-12-31",
            areas("labour", None, None),
        ))
        .then_err(ChairError::StgChairUnknown {
            on: day("2025-01-01"),
        });
}

#[test]
fn past_terms_are_recorded_as_they_happened_but_never_overlap() {
    let past = |partner, from: &str, until: &str| ChairCommand::RecordPastTerm {
        holders: holders(partner, None),
        from: day(from),
        until: day(until),
    };
    let recorded = |number, partner, from: &str, until: &str| ChairEvent::PastTermRecorded {
        number,
        holders: holders(partner, None),
        from: day(from),
        until: day(until),
    };
    let stg = ChairEvent::Established {
        body: ekg(),
        rule: ChairRule::stg(),
    };
    // SEM twice in a row and a three-year term: as it happened.
    let history = [
        stg.clone(),
        recorded(1, Partner::Sem, "2019-01-01", "2020-12-31"),
    ];
    given::<Chair>(history.clone())
        .when(past(Partner::Sem, "2021-01-01", "2023-12-31"))
        .then([recorded(2, Partner::Sem, "2021-01-01", "2023-12-31")]);
    given::<Chair>(history.clone())
        .when(past(Partner::Bsv, "2020-07-01", "2022-06-30"))
        .then_err(ChairError::Overlaps {
            previous_until: day("2020-12-31"),
        });
    given::<Chair>([established()])
        .when(past(Partner::Skos, "2021-01-01", "2023-12-31"))
        .then([recorded(1, Partner::Skos, "2021-01-01", "2023-12-31")]);
    // The rotation continues after the history.
    given::<Chair>(history)
        .when(ChairCommand::RecordTerm {
            office: office(Partner::Sem),
            person: None,
            from: day("2021-01-01"),
            until: day("2022-12-31"),
        })
        .then_err(ChairError::RepeatsOffice(office(Partner::Sem)));
}

#[test]
fn refusals_name_the_concepts_chair_rules() {
    for (error, rule) in [
        (
            ChairError::RepeatsOffice(office(Partner::Bsv)),
            Some(ConceptRule::StgChairRotation),
        ),
        (
            ChairError::NotInRotation(office(Partner::Skos)),
            Some(ConceptRule::StgChairRotation),
        ),
        (
            ChairError::ChosenByBody,
            Some(ConceptRule::EkgChairEveryTwoYears),
        ),
        (
            ChairError::DeputyArea {
                stg_area: "labour".to_owned(),
            },
            Some(ConceptRule::EkgDeputyArea),
        ),
        (
            ChairError::Overlaps {
                previous_until: day("2020-12-31"),
            },
            None,
        ),
    ] {
        assert_eq!(error.rule(), rule, "{error}");
    }
}
