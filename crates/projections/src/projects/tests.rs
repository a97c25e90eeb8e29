//! Milestones planned, replanned, reached, noted; late on a given day.

use std::collections::BTreeMap;

use iiz_domain::Party;
use iiz_domain::partner::Partner;
use iiz_domain::project::IizProject;

use super::*;
use crate::testing::{apply, day};

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

const ID: &str = "00000000-0000-0000-0000-000000000001";

fn history() -> Vec<ProjectEvent> {
    vec![
        ProjectEvent::Registered {
            id: ProjectId::parse(ID).unwrap(),
            title: title("Pilot Erstabklärung"),
            focus_area: Some(FocusArea::parse("labour_market_integration").unwrap()),
            kind: ProjectKind::Iiz(Box::new(IizProject {
                lead: Party::Partner(Partner::Bsv),
                funding: BTreeMap::from([(Party::Partner(Partner::Bsv), 100_000)]),
                resources: text("0.5 Stellen"),
                question: text("Frage"),
                goal: text("Ziel"),
                output: text("Bericht"),
                process: text("Pilot"),
                group: text("BSV, SECO"),
                communication: text("Tagung"),
            })),
        },
        ProjectEvent::MilestonePlanned {
            number: 1,
            title: title("Konzept"),
            due: day("2025-03-31"),
        },
        ProjectEvent::MilestonePlanned {
            number: 2,
            title: title("Pilot"),
            due: day("2025-09-30"),
        },
        ProjectEvent::MilestonePlanned {
            number: 3,
            title: title("Evaluation"),
            due: day("2026-06-30"),
        },
        ProjectEvent::MilestoneReached {
            number: 1,
            on: day("2025-04-10"),
        },
        ProjectEvent::MilestoneNoted {
            number: 1,
            note: text("Das EKG nimmt Kenntnis"),
        },
        ProjectEvent::MilestoneReplanned {
            number: 3,
            due: day("2026-12-31"),
            reason: text("Verzögerung"),
        },
    ]
}

#[test]
fn a_milestone_is_late_when_due_before_the_day_and_not_reached() {
    let mut docs = DocSet::complete();
    apply(
        &ProjectRegister,
        &mut docs,
        ("CH", "project", ID),
        &history(),
    );
    let view: ProjectView = get_typed(&docs, &DocKey::new(PROJECTS, ID))
        .unwrap()
        .unwrap();
    assert!(view.steered);
    let on = day("2025-10-01");
    let statuses: Vec<_> = view.milestones.iter().map(|m| m.status_on(on)).collect();
    assert_eq!(
        statuses,
        [
            MilestoneStatus::Reached,
            MilestoneStatus::Late,
            MilestoneStatus::Planned
        ]
    );
    // Due on the day itself is not late yet.
    assert_eq!(
        view.milestones[1].status_on(day("2025-09-30")),
        MilestoneStatus::Planned
    );
    assert_eq!(view.late_on(on).count(), 1);
    assert_eq!(view.milestones[0].notes.len(), 1);
    let replanned = &view.milestones[2];
    assert_eq!(replanned.due, day("2026-12-31"));
    assert_eq!(replanned.replans[0].from, day("2026-06-30"));
    assert_eq!(
        replanned.status_on(day("2026-07-01")),
        MilestoneStatus::Planned
    );
}

#[test]
fn the_accepted_result_closes_the_project() {
    let mut history = history();
    history.push(ProjectEvent::ResultSubmitted {
        summary: text("Bericht"),
        documents: vec![],
    });
    history.push(ProjectEvent::ResultAccepted {
        decision: text("STG 2026/4"),
        decided_by: None,
    });
    let mut docs = DocSet::complete();
    apply(&ProjectRegister, &mut docs, ("CH", "project", ID), &history);
    let view: ProjectView = get_typed(&docs, &DocKey::new(PROJECTS, ID))
        .unwrap()
        .unwrap();
    assert!(view.closed);
    assert_eq!(view.result.unwrap().accepted, Some(text("STG 2026/4")));
}
