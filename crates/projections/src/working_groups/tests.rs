//! The register over a group's whole life.

use iiz_domain::text::Title;
use iiz_domain::{CantonCode, DomainEvent};

use super::*;
use crate::testing::{apply, day};

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(uuid::Uuid::from_u128(100 + n))
}

fn history() -> Vec<WorkingGroupEvent> {
    let so = TenantId::Canton(CantonCode::parse("SO").unwrap());
    vec![
        WorkingGroupEvent::Mandated {
            id: WorkingGroupId::from_uuid(uuid::Uuid::from_u128(1)),
            mandated_by: BodyId::from_uuid(uuid::Uuid::from_u128(2)),
            approved_by: Some(BodyId::from_uuid(uuid::Uuid::from_u128(3))),
            mandate: Box::new(Mandate {
                title: Title::parse("Fachgruppe Schnittstellen").unwrap(),
                question: text("Frage"),
                goal: text("Ziel"),
                output: text("Bericht"),
                composition: text("RAV, SD"),
                communication: text("EKG"),
                financing: text("keine"),
                resources: text("2 Tage"),
                until: day("2026-12-31"),
                concerns: std::collections::BTreeSet::new(),
            }),
            on: day("2025-02-01"),
        },
        WorkingGroupEvent::Joined {
            person: person(1),
            tenant: so,
            role: GroupRole::Lead,
        },
        WorkingGroupEvent::Joined {
            person: person(2),
            tenant: TenantId::National,
            role: GroupRole::Member,
        },
        WorkingGroupEvent::Left { person: person(2) },
        WorkingGroupEvent::ProgressReported {
            text: text("Zwei Sitzungen"),
            on: day("2025-06-30"),
        },
        WorkingGroupEvent::ResultSubmitted {
            summary: text("Leitfaden"),
            documents: vec![],
            on: day("2026-10-01"),
            concerns: std::collections::BTreeSet::new(),
        },
        WorkingGroupEvent::ResultNoted {
            decision: text("Zur Kenntnis"),
            next_steps: text("Umsetzung"),
            concerns: std::collections::BTreeSet::new(),
            decided_by: None,
        },
        WorkingGroupEvent::Dissolved {
            reason: text("Mandat erfüllt"),
            on: day("2026-12-31"),
        },
    ]
}

#[test]
fn a_group_is_shown_with_members_progress_result_and_end() {
    let mut docs = DocSet::complete();
    let history = history();
    let id = "00000000-0000-0000-0000-000000000001";
    apply(
        &WorkingGroupRegister,
        &mut docs,
        ("SO", "working_group", id),
        &history[..5],
    );
    let key = DocKey::new(WORKING_GROUPS, id);
    let view: WorkingGroupView = get_typed(&docs, &key).unwrap().unwrap();
    assert_eq!(view.members.len(), 1);
    assert_eq!(view.lead(), Some(person(1)));
    assert_eq!(view.progress.len(), 1);
    assert!(view.active);
    assert_eq!(view.tenant.as_str(), "SO");
    apply(
        &WorkingGroupRegister,
        &mut docs,
        ("SO", "working_group", id),
        &history[5..],
    );
    let view: WorkingGroupView = get_typed(&docs, &key).unwrap().unwrap();
    let result = view.result.unwrap();
    assert_eq!(result.decision, Some(text("Zur Kenntnis")));
    assert!(!view.active);
    assert_eq!(view.dissolution.unwrap().on, day("2026-12-31"));
    assert_eq!(history[0].event_type(), "Mandated");
}
