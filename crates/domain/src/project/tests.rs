//! Given/when/then: IIZ projects with milestones and results, and
//! associated projects that are only listed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::partner::{Partner, Party};
use crate::testing::{given, minuted};
use crate::text::Title;

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn id() -> ProjectId {
    ProjectId::from_uuid(uuid::Uuid::from_u128(1))
}

fn iiz(funding: BTreeMap<Party, u64>) -> ProjectKind {
    ProjectKind::Iiz(Box::new(IizProject {
        lead: Party::Partner(Partner::Bsv),
        funding,
        resources: text("0.5 Stellen Projektleitung"),
        question: text("Wirkt eine gemeinsame Erstabklärung IV–RAV?"),
        goal: text("Pilot in drei Kantonen"),
        output: text("Evaluationsbericht"),
        process: text("Pilot 2027, Evaluation 2028"),
        group: text("BSV, SECO, drei Kantone"),
        communication: text("Tagung 2028"),
    }))
}

fn registered() -> ProjectEvent {
    ProjectEvent::Registered {
        id: id(),
        title: Title::parse("Pilot Gemeinsame Erstabklärung").unwrap(),
        focus_area: None,
        kind: iiz(BTreeMap::from([
            (Party::Partner(Partner::Bsv), 120_000),
            (Party::Partner(Partner::Seco), 80_000),
        ])),
    }
}

fn planned() -> ProjectEvent {
    ProjectEvent::MilestonePlanned {
        number: 1,
        title: Title::parse("Pilotkantone bestimmt").unwrap(),
        due: day("2027-03-31"),
    }
}

#[test]
fn an_iiz_project_needs_its_question_goal_output_and_real_funding() {
    let register = |kind| ProjectCommand::Register {
        id: id(),
        title: Title::parse("Pilot Gemeinsame Erstabklärung").unwrap(),
        focus_area: None,
        kind,
    };
    let ProjectEvent::Registered { kind, .. } = registered() else {
        unreachable!()
    };
    given::<Project>([])
        .when(register(kind))
        .then([registered()]);
    given::<Project>([])
        .when(register(iiz(BTreeMap::from([(
            Party::Partner(Partner::Seco),
            0,
        )]))))
        .then_err(ProjectError::ZeroFunding(Party::Partner(Partner::Seco)));
    given::<Project>([registered()])
        .when(register(iiz(BTreeMap::new())))
        .then_err(ProjectError::AlreadyRegistered);
}

#[test]
fn milestones_are_planned_replanned_reached_and_noted() {
    given::<Project>([registered()])
        .when(ProjectCommand::PlanMilestone {
            title: Title::parse("Pilotkantone bestimmt").unwrap(),
            due: day("2027-03-31"),
        })
        .then([planned()]);
    given::<Project>([registered(), planned()])
        .when(ProjectCommand::NoteMilestone {
            number: 1,
            note: text("zur Kenntnis"),
        })
        .then_err(ProjectError::NotReached(1));
    given::<Project>([registered(), planned()])
        .when(ProjectCommand::Replan {
            number: 1,
            due: day("2027-06-30"),
            reason: FreeText::default(),
        })
        .then_err(ProjectError::Required("reason"));
    let reached = ProjectEvent::MilestoneReached {
        number: 1,
        on: day("2027-04-15"),
    };
    given::<Project>([registered(), planned()])
        .when(ProjectCommand::ReachMilestone {
            number: 1,
            on: day("2027-04-15"),
        })
        .then([reached.clone()]);
    given::<Project>([registered(), planned(), reached.clone()])
        .when(ProjectCommand::Replan {
            number: 1,
            due: day("2027-06-30"),
            reason: text("zu spät"),
        })
        .then_err(ProjectError::AlreadyReached(1));
    given::<Project>([registered(), planned(), reached])
        .when(ProjectCommand::NoteMilestone {
            number: 1,
            note: text("Das EKG nimmt Kenntnis"),
        })
        .then([ProjectEvent::MilestoneNoted {
            number: 1,
            note: text("Das EKG nimmt Kenntnis"),
        }]);
    given::<Project>([registered()])
        .when(ProjectCommand::ReachMilestone {
            number: 4,
            on: day("2027-04-15"),
        })
        .then_err(ProjectError::UnknownMilestone(4));
}

#[test]
fn the_stg_accepts_a_submitted_result_which_closes_the_project() {
    given::<Project>([registered()])
        .when(ProjectCommand::AcceptResult {
            decision: text("STG 2028/2"),
            decided_by: minuted("STG-Sitzung 2/2028, Traktandum 4"),
        })
        .then_err(ProjectError::NoResult);
    let submitted = ProjectEvent::ResultSubmitted {
        summary: text("Erstabklärung wirkt"),
        documents: vec![],
    };
    // The event names the meeting whose decision the acceptance is.
    let accepted = ProjectEvent::ResultAccepted {
        decision: text("STG 2028/2"),
        decided_by: Some(minuted("STG-Sitzung 2/2028, Traktandum 4")),
    };
    given::<Project>([registered(), submitted.clone()])
        .when(ProjectCommand::AcceptResult {
            decision: text("STG 2028/2"),
            decided_by: minuted("STG-Sitzung 2/2028, Traktandum 4"),
        })
        .then([accepted.clone()]);
    given::<Project>([registered(), submitted, accepted])
        .when(ProjectCommand::PlanMilestone {
            title: Title::parse("Nachtrag").unwrap(),
            due: day("2028-12-31"),
        })
        .then_err(ProjectError::Closed);
}

#[test]
fn an_associated_project_is_listed_for_information_only() {
    let associated = ProjectEvent::Registered {
        id: id(),
        title: Title::parse("Integrationsagenda Schweiz").unwrap(),
        focus_area: None,
        kind: ProjectKind::Associated {
            owner: Party::Partner(Partner::Sem),
            summary: text("Programm des Bundes und der Kantone"),
        },
    };
    given::<Project>([associated])
        .when(ProjectCommand::PlanMilestone {
            title: Title::parse("Zwischenbericht").unwrap(),
            due: day("2027-12-31"),
        })
        .then_err(ProjectError::InformationOnly);
}

#[test]
fn the_declared_funding_is_stored_as_a_list() {
    use crate::DomainEvent;
    let (_, payload) = registered().encode().unwrap();
    let funding = &payload["kind"]["funding"];
    assert_eq!(funding[0]["amount"], 120_000);
    assert_eq!(
        ProjectEvent::decode("Registered", payload).unwrap(),
        registered()
    );
}
