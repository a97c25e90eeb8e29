//! Programmes, chairs and budgets over short histories.

use std::collections::BTreeMap;

use iiz_domain::budget::BudgetEvent;
use iiz_domain::chair::{ChairEvent, ChairRule};
use iiz_domain::ids::{BudgetId, ProgrammeId, ProjectId};
use iiz_domain::partner::Partner;
use iiz_domain::programme::{ActionField, EkgConsultation, ProgrammeEvent};
use iiz_domain::recommendation::FocusArea;
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{BodyId, Party, PersonId};
use iiz_store::{DocKey, DocSet};

use super::*;
use crate::get_typed;
use crate::testing::{apply, day};

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn uuid(n: u128) -> uuid::Uuid {
    uuid::Uuid::from_u128(n)
}

#[test]
fn programmes_of_one_stream_get_a_document_each() {
    let adopted = |n, from: &str, until: &str| ProgrammeEvent::Adopted {
        id: ProgrammeId::from_uuid(uuid(n)),
        from: day(from),
        until: day(until),
        adopted_on: day("2024-11-20"),
        decision: text("STG"),
        consultation: Box::new(EkgConsultation {
            on: day("2024-10-01"),
            reference: Title::parse("EKG 2024/4").unwrap(),
            statement: text("einverstanden"),
        }),
        focus_areas: BTreeMap::from([(
            FocusArea::parse("key_actors").unwrap(),
            iiz_domain::programme::FocusAreaDefinition {
                title: Title::parse("Zentrale Akteure").unwrap(),
                description: text("Zusammenarbeit"),
                goal: text("Ziel"),
            },
        )]),
        decided_by: None,
    };
    let project = ProjectId::from_uuid(uuid(9));
    let history = vec![
        adopted(1, "2023-01-01", "2024-12-31"),
        adopted(2, "2025-01-01", "2026-12-31"),
        ProgrammeEvent::ActionFieldAdded {
            programme: ProgrammeId::from_uuid(uuid(2)),
            number: 1,
            field: ActionField {
                focus_area: FocusArea::parse("key_actors").unwrap(),
                title: Title::parse("Arbeitgebende").unwrap(),
                description: text("x"),
            },
        },
        ProgrammeEvent::ProjectLinked {
            programme: ProgrammeId::from_uuid(uuid(2)),
            project,
            focus_area: FocusArea::parse("key_actors").unwrap(),
            action_field: Some(1),
        },
        ProgrammeEvent::ProjectUnlinked {
            programme: ProgrammeId::from_uuid(uuid(2)),
            project,
            reason: text("abgebrochen"),
        },
        ProgrammeEvent::Closed {
            programme: ProgrammeId::from_uuid(uuid(1)),
            on: day("2024-12-31"),
            report: text("Schlussbericht"),
        },
    ];
    let mut docs = DocSet::complete();
    apply(
        &ProgrammeRegister,
        &mut docs,
        ("CH", "work_programme", "CH"),
        &history,
    );
    let first: ProgrammeView = get_typed(&docs, &DocKey::new(PROGRAMMES, uuid(1).to_string()))
        .unwrap()
        .unwrap();
    let second: ProgrammeView = get_typed(&docs, &DocKey::new(PROGRAMMES, uuid(2).to_string()))
        .unwrap()
        .unwrap();
    assert!(first.closure.is_some());
    assert!(second.closure.is_none());
    assert!(second.runs_on(day("2026-12-31")));
    assert!(!second.runs_on(day("2027-01-01")));
    assert_eq!(second.action_fields.len(), 1);
    assert_eq!(second.projects.len(), 1);
    assert_eq!(second.linked().count(), 0);
}

#[test]
fn the_current_chair_and_the_past_ones_on_a_day() {
    let body = BodyId::from_uuid(uuid(1));
    let term = |number, partner, from: &str, until: &str| ChairEvent::TermRecorded {
        number,
        office: Party::Partner(partner),
        person: None,
        from: day(from),
        until: day(until),
    };
    let person = PersonId::from_uuid(uuid(5));
    let history = vec![
        ChairEvent::Established {
            body,
            rule: ChairRule::stg(),
        },
        term(1, Partner::Seco, "2021-01-01", "2022-12-31"),
        term(2, Partner::Sem, "2023-01-01", "2024-12-31"),
        term(3, Partner::Bsv, "2025-01-01", "2026-12-31"),
        ChairEvent::PersonNamed { number: 3, person },
    ];
    let mut docs = DocSet::complete();
    apply(
        &ChairRegister,
        &mut docs,
        ("CH", "chair", &body.to_string()),
        &history,
    );
    let view: ChairView = get_typed(&docs, &DocKey::new(CHAIRS, body.to_string()))
        .unwrap()
        .unwrap();
    let current = view.current_on(day("2025-06-01")).unwrap();
    assert_eq!(current.office, Party::Partner(Partner::Bsv));
    assert_eq!(current.person, Some(person));
    let past: Vec<u32> = view.past_on(day("2025-06-01")).map(|t| t.number).collect();
    assert_eq!(past, [2, 1]);
    assert!(view.current_on(day("2027-01-01")).is_none());
}

#[test]
fn a_budget_with_its_yearly_reports_and_notes() {
    let id = BudgetId::from_uuid(uuid(1));
    let history = vec![
        BudgetEvent::Planned {
            id,
            first_year: 2025,
            last_year: 2028,
            total: 2_000_000,
            share: 500_000,
            offices: vec![Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem],
            purpose: text("Betrieb"),
        },
        BudgetEvent::YearReported {
            budget: id,
            year: 2026,
            spent: 480_000,
            narrative: text("2026"),
        },
        BudgetEvent::YearReported {
            budget: id,
            year: 2025,
            spent: 450_000,
            narrative: text("2025"),
        },
        BudgetEvent::ReportNoted {
            budget: id,
            year: 2025,
            note: text("zur Kenntnis"),
        },
    ];
    let mut docs = DocSet::complete();
    apply(&BudgetRegister, &mut docs, ("CH", "budget", "CH"), &history);
    let view: BudgetView = get_typed(&docs, &DocKey::new(BUDGETS, id.to_string()))
        .unwrap()
        .unwrap();
    let years: Vec<i32> = view.reports.iter().map(|r| r.year).collect();
    assert_eq!(years, [2025, 2026]);
    assert_eq!(view.spent(), 930_000);
    assert!(view.reports[0].note.is_some());
    assert!(view.covers(2028) && !view.covers(2029));
}
