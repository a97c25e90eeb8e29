//! Given/when/then for the paths of 2.1 beside the regular one: the
//! Fachstelle brings a concern or request straight to the STG; the STG
//! refers a concern to the EKG and decides after its assessment; what an
//! STG decision created is linked on the concern and named in its answer.

use std::collections::BTreeSet;

use super::tests::{accepted, at, decided, proposed, text, via_fachstelle, zh};
use super::*;
use crate::ConceptRule;
use crate::basis::DecisionReference;
use crate::error::Classify;
use crate::follow_up::FollowUpLink;
use crate::ids::{MeetingId, ProjectId, WorkingGroupId};
use crate::testing::given;
use crate::text::Title;

fn stg_item() -> DecisionReference {
    DecisionReference::meeting(
        MeetingId::from_uuid(uuid::Uuid::from_u128(40)),
        3,
        Title::parse("STG-Sitzung 2/2027, Traktandum 3").unwrap(),
    )
}

fn ekg_item() -> DecisionReference {
    DecisionReference::meeting(
        MeetingId::from_uuid(uuid::Uuid::from_u128(41)),
        1,
        Title::parse("EKG-Sitzung 3/2027, Traktandum 1").unwrap(),
    )
}

fn referred() -> ConcernEvent {
    ConcernEvent::ReferredToEkg {
        question: text("Welche Kantone sind betroffen?"),
        decided_by: stg_item(),
    }
}

fn assessed() -> ConcernEvent {
    ConcernEvent::Assessed {
        assessment: text("Alle Kantone mit RAV-Kooperation"),
        decided_by: ekg_item(),
    }
}

fn decided_as(outcome: StgOutcome) -> ConcernEvent {
    ConcernEvent::Decided {
        outcome,
        decision: text("Beschluss"),
        rationale: text(""),
        decided_by: Some(crate::testing::minuted("STG-Sitzung 4/2026, Traktandum 2")),
    }
}

fn group() -> WorkingGroupId {
    WorkingGroupId::from_uuid(uuid::Uuid::from_u128(50))
}

fn group_link() -> FollowUpLink {
    FollowUpLink::WorkingGroup {
        working_group: group(),
    }
}

#[test]
fn the_fachstelle_brings_a_submitted_concern_straight_to_the_stg() {
    given::<Concern>(at(&[via_fachstelle()]))
        .when(ConcernCommand::BringToStg {
            reason: text("Antrag betrifft die Strategie"),
        })
        .then([ConcernEvent::BroughtToStg {
            reason: text("Antrag betrifft die Strategie"),
        }]);
    let mut concern = Concern::default();
    for event in at(&[
        via_fachstelle(),
        ConcernEvent::BroughtToStg {
            reason: text("Strategie"),
        },
    ]) {
        concern = concern.evolve(&event);
    }
    assert_eq!(concern.stage(), Some(ConcernStage::AtStg));
    assert!(concern.allowed_actions().contains(&ConcernAction::Decide));
}

#[test]
fn bringing_to_the_stg_needs_a_reason_and_the_fachstelle_s_intake() {
    let refused = given::<Concern>(at(&[via_fachstelle()]))
        .when(ConcernCommand::BringToStg { reason: text("") });
    let error = ConcernError::RationaleRequired(ConcernAction::BringToStg);
    assert_eq!(error.rule(), Some(ConceptRule::RequestsViaFachstelle));
    refused.then_err(error);
    // Accepted for the EKG: it takes the regular path now.
    let error = ConcernError::NotAllowed {
        action: ConcernAction::BringToStg,
        stage: ConcernStage::AtEkg,
        allowed: allowed_actions(ConcernStage::AtEkg, false),
    };
    assert_eq!(error.rule(), Some(ConceptRule::RequestsViaFachstelle));
    given::<Concern>(at(&[via_fachstelle(), accepted()]))
        .when(ConcernCommand::BringToStg {
            reason: text("eilt"),
        })
        .then_err(error);
}

#[test]
fn the_stg_refers_a_concern_to_the_ekg_with_a_question() {
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed()]))
        .when(ConcernCommand::ReferToEkg {
            question: text("Welche Kantone sind betroffen?"),
            decided_by: stg_item(),
        })
        .then([referred()]);
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed()]))
        .when(ConcernCommand::ReferToEkg {
            question: text(""),
            decided_by: stg_item(),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::ReferToEkg));
}

#[test]
fn while_the_ekg_assesses_the_stg_cannot_decide() {
    let history = at(&[via_fachstelle(), accepted(), proposed(), referred()]);
    let error = ConcernError::NotAllowed {
        action: ConcernAction::Decide,
        stage: ConcernStage::ReferredToEkg,
        allowed: vec![
            ConcernAction::Endorse,
            ConcernAction::Comment,
            ConcernAction::Assess,
        ],
    };
    assert_eq!(error.rule(), Some(ConceptRule::StgConsidersEkgAssessment));
    given::<Concern>(history)
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Project,
            decision: text("Projekt"),
            rationale: text(""),
            decided_by: crate::testing::minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(error);
}

#[test]
fn the_ekg_s_assessment_returns_the_concern_to_the_stg_which_then_decides() {
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed(), referred()]))
        .when(ConcernCommand::Assess {
            assessment: text("Alle Kantone mit RAV-Kooperation"),
            decided_by: ekg_item(),
        })
        .then([assessed()]);
    given::<Concern>(at(&[
        via_fachstelle(),
        accepted(),
        proposed(),
        referred(),
        assessed(),
    ]))
    .when(ConcernCommand::Decide {
        outcome: StgOutcome::Recommendation,
        decision: text("Empfehlung an alle Kantone"),
        rationale: text(""),
        decided_by: crate::testing::minuted("STG-Sitzung 4/2026, Traktandum 2"),
    })
    .then([decided()]);
}

#[test]
fn the_ekg_assesses_only_what_the_stg_referred() {
    let error = ConcernError::NotAllowed {
        action: ConcernAction::Assess,
        stage: ConcernStage::AtStg,
        allowed: allowed_actions(ConcernStage::AtStg, false),
    };
    assert_eq!(error.rule(), Some(ConceptRule::StgConsidersEkgAssessment));
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed()]))
        .when(ConcernCommand::Assess {
            assessment: text("ungefragt"),
            decided_by: ekg_item(),
        })
        .then_err(error);
}

#[test]
fn a_follow_up_is_linked_once_and_only_to_its_decision() {
    let decided_group = at(&[
        via_fachstelle(),
        accepted(),
        proposed(),
        decided_as(StgOutcome::WorkingGroup),
    ]);
    let link = ConcernCommand::LinkFollowUp {
        link: group_link(),
        title: Title::parse("AG Schnittstelle RAV").unwrap(),
    };
    given::<Concern>(decided_group.clone())
        .when(link.clone())
        .then([ConcernEvent::FollowUpLinked {
            link: group_link(),
            title: Title::parse("AG Schnittstelle RAV").unwrap(),
        }]);
    let mut linked = decided_group.clone();
    linked.push(ConcernEvent::FollowUpLinked {
        link: group_link(),
        title: Title::parse("AG Schnittstelle RAV").unwrap(),
    });
    given::<Concern>(linked).when(link.clone()).then([]);
    let project = ConcernCommand::LinkFollowUp {
        link: FollowUpLink::Project {
            project: ProjectId::from_uuid(uuid::Uuid::from_u128(51)),
        },
        title: Title::parse("Projekt").unwrap(),
    };
    let error = ConcernError::FollowUpDoesNotFit {
        link: "project",
        decided: Some(StgOutcome::WorkingGroup),
    };
    assert_eq!(error.rule(), Some(ConceptRule::StgDecisionEffects));
    given::<Concern>(decided_group)
        .when(project)
        .then_err(error);
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed()]))
        .when(link)
        .then_err(ConcernError::FollowUpBeforeDecision(ConcernStage::AtStg));
}

#[test]
fn the_answer_names_what_the_decision_created() {
    let history = at(&[
        via_fachstelle(),
        accepted(),
        proposed(),
        decided_as(StgOutcome::WorkingGroup),
        ConcernEvent::FollowUpLinked {
            link: group_link(),
            title: Title::parse("AG Schnittstelle RAV").unwrap(),
        },
    ]);
    given::<Concern>(history)
        .when(ConcernCommand::Answer {
            text: text("Die AG Schnittstelle RAV nimmt es auf"),
            recommendation: None,
        })
        .then([ConcernEvent::Answered {
            text: text("Die AG Schnittstelle RAV nimmt es auf"),
            recipients: BTreeSet::from([Party::Tenant(zh())]),
            recommendation: None,
            follow_ups: vec![group_link()],
        }]);
}

#[test]
fn the_ekg_may_give_a_concern_to_an_existing_mandate() {
    let outcome = EkgOutcome::GiveToWorkingGroup {
        working_group: text(""),
        mandate: Some(group()),
    };
    given::<Concern>(at(&[via_fachstelle(), accepted()]))
        .when(ConcernCommand::Examine {
            outcome: outcome.clone(),
            rationale: text(""),
            decided_by: crate::testing::minuted("EKG-Sitzung 4/2026, Traktandum 2"),
        })
        .then([ConcernEvent::Examined {
            outcome,
            rationale: text(""),
            decided_by: Some(crate::testing::minuted("EKG-Sitzung 4/2026, Traktandum 2")),
        }]);
    given::<Concern>(at(&[via_fachstelle(), accepted()]))
        .when(ConcernCommand::Examine {
            outcome: EkgOutcome::GiveToWorkingGroup {
                working_group: text(""),
                mandate: None,
            },
            rationale: text(""),
            decided_by: crate::testing::minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(ConcernError::EmptyText);
}
