//! Given/when/then: a work programme from adoption to its final report.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::testing::{given, minuted};
use crate::text::Title;

pub(super) fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

pub(super) fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

pub(super) fn id(n: u128) -> ProgrammeId {
    ProgrammeId::from_uuid(uuid::Uuid::from_u128(n))
}

pub(super) fn project(n: u128) -> ProjectId {
    ProjectId::from_uuid(uuid::Uuid::from_u128(100 + n))
}

fn consultation(on: &str) -> Box<EkgConsultation> {
    Box::new(EkgConsultation {
        on: day(on),
        reference: Title::parse("EKG 2024/4").unwrap(),
        statement: text("Das EKG unterstützt die Schwerpunkte"),
    })
}

pub(super) fn area(key: &str) -> FocusArea {
    FocusArea::parse(key).unwrap()
}

pub(super) fn professionalisation() -> FocusArea {
    area("professionalisation")
}

pub(super) fn key_actors() -> FocusArea {
    area("key_actors")
}

pub(super) fn definition(title: &str) -> FocusAreaDefinition {
    FocusAreaDefinition {
        title: Title::parse(title).unwrap(),
        description: text("Beschreibung"),
        goal: text("Ziel für die Periode"),
    }
}

/// The first programme's content: the three focus areas of 2017.
pub(super) fn areas() -> BTreeMap<FocusArea, FocusAreaDefinition> {
    [
        "professionalisation",
        "labour_market_integration",
        "key_actors",
    ]
    .into_iter()
    .map(|key| (area(key), definition(key)))
    .collect()
}

pub(super) fn field(area: FocusArea, title: &str) -> ActionField {
    ActionField {
        focus_area: area,
        title: Title::parse(title).unwrap(),
        description: text("Beschreibung"),
    }
}

pub(super) fn adopt(n: u128, from: &str, consulted: &str) -> ProgrammeCommand {
    ProgrammeCommand::Adopt {
        id: id(n),
        from: day(from),
        adopted_on: day("2024-11-20"),
        decision: text("STG 2024/4"),
        consultation: consultation(consulted),
        focus_areas: areas(),
        action_fields: vec![field(professionalisation(), "Fallführung")],
        decided_by: minuted("STG-Sitzung 4/2024, Traktandum 2"),
    }
}

pub(super) fn adopted(n: u128, from: &str, until: &str) -> Vec<ProgrammeEvent> {
    vec![
        ProgrammeEvent::Adopted {
            id: id(n),
            from: day(from),
            until: day(until),
            adopted_on: day("2024-11-20"),
            decision: text("STG 2024/4"),
            consultation: consultation("2024-10-15"),
            focus_areas: areas(),
            decided_by: Some(minuted("STG-Sitzung 4/2024, Traktandum 2")),
        },
        ProgrammeEvent::ActionFieldAdded {
            programme: id(n),
            number: 1,
            field: field(professionalisation(), "Fallführung"),
        },
    ]
}

#[test]
fn the_stg_adopts_a_two_year_programme_after_consulting_the_ekg() {
    given::<WorkProgrammes>([])
        .when(adopt(1, "2025-01-01", "2024-10-15"))
        .then(adopted(1, "2025-01-01", "2026-12-31"));
    given::<WorkProgrammes>([])
        .when(adopt(1, "2025-01-01", "2024-12-01"))
        .then_err(ProgrammeError::ConsultedAfterAdoption);
    let ProgrammeCommand::Adopt {
        id,
        from,
        adopted_on,
        decision,
        consultation,
        ..
    } = adopt(1, "2025-01-01", "2024-10-15")
    else {
        unreachable!()
    };
    given::<WorkProgrammes>([])
        .when(ProgrammeCommand::Adopt {
            id,
            from,
            adopted_on,
            decision,
            consultation,
            focus_areas: BTreeMap::from([(key_actors(), definition("Zentrale Akteure"))]),
            action_fields: vec![field(professionalisation(), "Fallführung")],
            decided_by: minuted("STG-Sitzung 4/2024, Traktandum 2"),
        })
        .then_err(ProgrammeError::FocusAreaNotInProgramme {
            focus_area: professionalisation(),
            known: vec![key_actors()],
        });
}

#[test]
fn a_new_programme_may_not_overlap_one_adopted_before() {
    let history = adopted(1, "2025-01-01", "2026-12-31");
    given::<WorkProgrammes>(history.clone())
        .when(adopt(2, "2026-07-01", "2024-10-15"))
        .then_err(ProgrammeError::Overlaps {
            from: day("2026-07-01"),
            other: id(1),
            other_from: day("2025-01-01"),
            other_until: day("2026-12-31"),
        });
    given::<WorkProgrammes>(history.clone())
        .when(adopt(2, "2023-01-02", "2024-10-15"))
        .then_err(ProgrammeError::Overlaps {
            from: day("2023-01-02"),
            other: id(1),
            other_from: day("2025-01-01"),
            other_until: day("2026-12-31"),
        });
    given::<WorkProgrammes>(history.clone())
        .when(adopt(2, "2027-01-01", "2024-10-15"))
        .then(adopted(2, "2027-01-01", "2028-12-31"));
    given::<WorkProgrammes>(history)
        .when(adopt(1, "2027-01-01", "2024-10-15"))
        .then_err(ProgrammeError::AlreadyAdopted);
}

#[test]
fn action_fields_and_projects_are_added_during_the_term() {
    let history = adopted(1, "2025-01-01", "2026-12-31");
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::AddActionField {
            programme: id(1),
            field: field(key_actors(), "Arbeitgebende"),
        })
        .then([ProgrammeEvent::ActionFieldAdded {
            programme: id(1),
            number: 2,
            field: field(key_actors(), "Arbeitgebende"),
        }]);
    let link = |focus_area, action_field| ProgrammeCommand::LinkProject {
        programme: id(1),
        project: project(1),
        focus_area,
        action_field,
    };
    given::<WorkProgrammes>(history.clone())
        .when(link(professionalisation(), Some(1)))
        .then([ProgrammeEvent::ProjectLinked {
            programme: id(1),
            project: project(1),
            focus_area: professionalisation(),
            action_field: Some(1),
        }]);
    given::<WorkProgrammes>(history.clone())
        .when(link(key_actors(), Some(1)))
        .then_err(ProgrammeError::ActionFieldElsewhere {
            number: 1,
            focus_area: professionalisation(),
        });
    given::<WorkProgrammes>(history.clone())
        .when(link(key_actors(), Some(7)))
        .then_err(ProgrammeError::UnknownActionField(7));
    let mut linked = history.clone();
    linked.push(ProgrammeEvent::ProjectLinked {
        programme: id(1),
        project: project(1),
        focus_area: key_actors(),
        action_field: None,
    });
    given::<WorkProgrammes>(linked.clone())
        .when(link(key_actors(), None))
        .then_err(ProgrammeError::AlreadyLinked(project(1)));
    given::<WorkProgrammes>(linked)
        .when(ProgrammeCommand::UnlinkProject {
            programme: id(1),
            project: project(1),
            reason: text("Projekt abgebrochen"),
        })
        .then([ProgrammeEvent::ProjectUnlinked {
            programme: id(1),
            project: project(1),
            reason: text("Projekt abgebrochen"),
        }]);
    given::<WorkProgrammes>(history)
        .when(ProgrammeCommand::UnlinkProject {
            programme: id(1),
            project: project(2),
            reason: text("x"),
        })
        .then_err(ProgrammeError::NotLinked(project(2)));
}

#[test]
fn a_closed_programme_takes_no_further_step() {
    let mut history = adopted(1, "2025-01-01", "2026-12-31");
    let closed = ProgrammeEvent::Closed {
        programme: id(1),
        on: day("2026-12-15"),
        report: text("Schlussbericht"),
    };
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::Close {
            programme: id(1),
            on: day("2026-12-15"),
            report: text("Schlussbericht"),
        })
        .then([closed.clone()]);
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::Close {
            programme: id(1),
            on: day("2026-12-15"),
            report: FreeText::default(),
        })
        .then_err(ProgrammeError::Required("final report"));
    history.push(closed);
    given::<WorkProgrammes>(history)
        .when(ProgrammeCommand::AddActionField {
            programme: id(1),
            field: field(key_actors(), "Arbeitgebende"),
        })
        .then_err(ProgrammeError::Closed);
    given::<WorkProgrammes>([])
        .when(ProgrammeCommand::AddActionField {
            programme: id(3),
            field: field(key_actors(), "Arbeitgebende"),
        })
        .then_err(ProgrammeError::UnknownProgramme(id(3)));
}
