//! Given/when/then: focus areas are the programme's own data; the STG
//! revises them during the term; old events still read.

use std::collections::BTreeMap;

use super::tests::{
    adopt, adopted, area, areas, definition, field, id, key_actors, professionalisation, project,
};
use super::*;
use crate::focus::ConcernFocus;
use crate::testing::given;
use crate::text::Title;

#[test]
fn a_programme_has_its_own_focus_areas() {
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
    let own = BTreeMap::from([(
        area("digital_transformation"),
        definition("Digitalisierung"),
    )]);
    given::<WorkProgrammes>([])
        .when(ProgrammeCommand::Adopt {
            id,
            from,
            adopted_on,
            decision,
            consultation,
            focus_areas: own.clone(),
            action_fields: vec![field(area("digital_transformation"), "Datenaustausch")],
            decided_by: crate::testing::minuted("STG-Sitzung 4/2024, Traktandum 2"),
        })
        .then([
            ProgrammeEvent::Adopted {
                id,
                from,
                until: "2026-12-31".parse().unwrap(),
                adopted_on,
                decision: FreeText::parse("STG 2024/4").unwrap(),
                consultation: adopt_consultation(),
                focus_areas: own,
                decided_by: Some(crate::testing::minuted("STG-Sitzung 4/2024, Traktandum 2")),
            },
            ProgrammeEvent::ActionFieldAdded {
                programme: id,
                number: 1,
                field: field(area("digital_transformation"), "Datenaustausch"),
            },
        ]);
}

fn adopt_consultation() -> Box<EkgConsultation> {
    let ProgrammeCommand::Adopt { consultation, .. } = adopt(1, "2025-01-01", "2024-10-15") else {
        unreachable!()
    };
    consultation
}

#[test]
fn an_action_field_or_project_under_an_unknown_focus_area_is_refused() {
    let history = adopted(1, "2025-01-01", "2026-12-31");
    let known = areas().into_keys().collect::<Vec<_>>();
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::AddActionField {
            programme: id(1),
            field: field(area("housing"), "Wohnen"),
        })
        .then_err(ProgrammeError::FocusAreaNotInProgramme {
            focus_area: area("housing"),
            known: known.clone(),
        });
    given::<WorkProgrammes>(history)
        .when(ProgrammeCommand::LinkProject {
            programme: id(1),
            project: project(1),
            focus_area: area("housing"),
            action_field: None,
        })
        .then_err(ProgrammeError::FocusAreaNotInProgramme {
            focus_area: area("housing"),
            known,
        });
    let refusal = ProgrammeError::FocusAreaNotInProgramme {
        focus_area: area("housing"),
        known: vec![key_actors()],
    };
    assert_eq!(
        crate::error::Classify::rule(&refusal),
        Some(crate::ConceptRule::WorkProgrammeByStg)
    );
    assert!(refusal.to_string().contains("key_actors"));
}

#[test]
fn the_stg_revises_the_focus_areas_of_a_running_programme() {
    let history = adopted(1, "2025-01-01", "2026-12-31");
    // Renames one, drops one without action fields, adds one.
    let revised = BTreeMap::from([
        (
            professionalisation(),
            definition("Zusammenarbeit professionalisieren"),
        ),
        (key_actors(), definition("Zentrale Akteure")),
        (area("housing"), definition("Wohnen")),
    ]);
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::ReviseFocusAreas {
            programme: id(1),
            focus_areas: revised.clone(),
            decided_by: crate::testing::minuted("STG-Sitzung 2/2025, Traktandum 2"),
        })
        .then([ProgrammeEvent::FocusAreasRevised {
            programme: id(1),
            focus_areas: revised.clone(),
            decided_by: Some(crate::testing::minuted("STG-Sitzung 2/2025, Traktandum 2")),
        }]);
    let mut after = history.clone();
    after.push(ProgrammeEvent::FocusAreasRevised {
        programme: id(1),
        focus_areas: revised,
        decided_by: Some(crate::testing::minuted("STG-Sitzung 2/2025, Traktandum 2")),
    });
    given::<WorkProgrammes>(after.clone())
        .when(ProgrammeCommand::AddActionField {
            programme: id(1),
            field: field(area("housing"), "Wohnen"),
        })
        .then([ProgrammeEvent::ActionFieldAdded {
            programme: id(1),
            number: 2,
            field: field(area("housing"), "Wohnen"),
        }]);
    given::<WorkProgrammes>(after)
        .when(ProgrammeCommand::AddActionField {
            programme: id(1),
            field: field(area("labour_market_integration"), "Übergänge"),
        })
        .then_err(ProgrammeError::FocusAreaNotInProgramme {
            focus_area: area("labour_market_integration"),
            known: vec![area("housing"), key_actors(), professionalisation()],
        });
    // Action field 1 is under professionalisation: it cannot be dropped.
    given::<WorkProgrammes>(history.clone())
        .when(ProgrammeCommand::ReviseFocusAreas {
            programme: id(1),
            focus_areas: BTreeMap::from([(key_actors(), definition("Zentrale Akteure"))]),
            decided_by: crate::testing::minuted("STG-Sitzung 2/2025, Traktandum 2"),
        })
        .then_err(ProgrammeError::FocusAreaInUse {
            focus_area: professionalisation(),
            action_fields: vec![1],
        });
    given::<WorkProgrammes>(history)
        .when(ProgrammeCommand::ReviseFocusAreas {
            programme: id(1),
            focus_areas: BTreeMap::new(),
            decided_by: crate::testing::minuted("STG-Sitzung 2/2025, Traktandum 2"),
        })
        .then_err(ProgrammeError::Required("focus areas"));
}

#[test]
fn programmes_adopted_before_focus_areas_were_data_still_read() {
    let stored = serde_json::json!({
        "type": "Adopted",
        "data": {
            "id": id(1),
            "from": "2025-01-01",
            "until": "2026-12-31",
            "adopted_on": "2024-11-20",
            "decision": "STG 2024/4",
            "consultation": { "on": "2024-10-15", "reference": "EKG 2024/4", "statement": "Ja" },
            "focus_areas": { "key_actors": "Arbeitgebende kennen eine Anlaufstelle" }
        }
    });
    let event: ProgrammeEvent = serde_json::from_value(stored).unwrap();
    let ProgrammeEvent::Adopted { focus_areas, .. } = event else {
        panic!("not an adoption")
    };
    let read = &focus_areas[&key_actors()];
    assert_eq!(read.title.as_str(), "Zusammenarbeit mit zentralen Akteuren");
    assert_eq!(read.goal.as_str(), "Arbeitgebende kennen eine Anlaufstelle");
}

#[test]
fn a_concerns_free_text_focus_area_reads_as_a_key_or_a_note() {
    let read =
        |text: &str| -> ConcernFocus { serde_json::from_value(serde_json::json!(text)).unwrap() };
    assert_eq!(read("key_actors"), ConcernFocus::Area(key_actors()));
    assert_eq!(
        read("Professionalisierung der Koordination und Zusammenarbeit"),
        ConcernFocus::Area(professionalisation())
    );
    assert_eq!(
        read("Übergänge zwischen den Sicherungssystemen"),
        ConcernFocus::Note {
            note: Title::parse("Übergänge zwischen den Sicherungssystemen").unwrap()
        }
    );
    // What is written now reads back as it was.
    let note = ConcernFocus::Note {
        note: Title::parse("Datenaustausch").unwrap(),
    };
    let again: ConcernFocus = serde_json::from_value(serde_json::to_value(&note).unwrap()).unwrap();
    assert_eq!(again, note);
    assert!(FocusArea::parse("Key Actors").is_err());
}
