//! Given/when/then for the way up: consolidation, endorsements, triage,
//! merging, the EKG, the STG and the answer.

use std::collections::BTreeSet;

use super::tests::{
    accepted, at, be, decided, drafted, id, other, proposed, released, text, via_fachstelle, zh,
};
use super::*;
use crate::testing::{given, minuted};

fn skos() -> Party {
    Party::Partner(Partner::Skos)
}

fn network() -> NetworkId {
    NetworkId::from_uuid(uuid::Uuid::from_u128(7))
}

#[test]
fn the_network_consolidates_a_released_concern_once() {
    let command = ConcernCommand::Consolidate {
        network: network(),
        bundle: BTreeSet::from([other()]),
        note: text("gebündelt mit dem Anliegen aus SH"),
    };
    given::<Concern>(released())
        .when(command.clone())
        .then([ConcernEvent::Consolidated {
            network: network(),
            bundle: BTreeSet::from([other()]),
            note: text("gebündelt mit dem Anliegen aus SH"),
        }]);
    let mut twice = released();
    twice.push(ConcernEvent::Consolidated {
        network: network(),
        bundle: BTreeSet::new(),
        note: text(""),
    });
    given::<Concern>(twice)
        .when(command)
        .then_err(ConcernError::AlreadyConsolidated);
    given::<Concern>(released())
        .when(ConcernCommand::Consolidate {
            network: network(),
            bundle: BTreeSet::from([id()]),
            note: text(""),
        })
        .then_err(ConcernError::SelfReference);
}

#[test]
fn other_parties_endorse_once_each_with_a_reason() {
    given::<Concern>(released())
        .when(ConcernCommand::Endorse {
            by: skos(),
            reason: text("betrifft alle Sozialdienste"),
        })
        .then([ConcernEvent::Endorsed {
            by: skos(),
            reason: text("betrifft alle Sozialdienste"),
        }]);
    let endorsed = at(&[ConcernEvent::Endorsed {
        by: be(),
        reason: text("gleiches Problem"),
    }]);
    given::<Concern>(endorsed)
        .when(ConcernCommand::Endorse {
            by: be(),
            reason: text("nochmals"),
        })
        .then_err(ConcernError::AlreadyEndorsed(be()));
    given::<Concern>(released())
        .when(ConcernCommand::Endorse {
            by: Party::Tenant(zh()),
            reason: text("eigenes"),
        })
        .then_err(ConcernError::OwnEndorsement(Party::Tenant(zh())));
    given::<Concern>(released())
        .when(ConcernCommand::Endorse {
            by: be(),
            reason: text(""),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::Endorse));
}

#[test]
fn a_draft_cannot_be_endorsed() {
    given::<Concern>([drafted()])
        .when(ConcernCommand::Endorse {
            by: be(),
            reason: text("x"),
        })
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::Endorse,
            stage: ConcernStage::Draft,
            allowed: vec![
                ConcernAction::Edit,
                ConcernAction::StartRoute,
                ConcernAction::ResolveLocally,
                ConcernAction::Withdraw,
                ConcernAction::Comment,
            ],
        });
}

#[test]
fn submitting_goes_to_the_fachstelle_or_directly_to_the_ekg() {
    given::<Concern>(released())
        .when(ConcernCommand::Submit {
            channel: Channel::ViaFachstelle,
        })
        .then([via_fachstelle()]);
    let direct = at(&[ConcernEvent::Submitted {
        channel: Channel::DirectToEkg,
    }]);
    assert_eq!(Concern::replay(&direct).stage(), Some(ConcernStage::AtEkg));
}

#[test]
fn the_fachstelle_accepts_or_returns_with_a_reason() {
    let submitted = at(&[via_fachstelle()]);
    given::<Concern>(submitted.clone())
        .when(ConcernCommand::Accept { note: text("") })
        .then([accepted()]);
    given::<Concern>(submitted.clone())
        .when(ConcernCommand::Return {
            reason: ReturnReason::CantonalMatter,
            rationale: text(""),
            needed: text(""),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::Triage));
    given::<Concern>(submitted.clone())
        .when(ConcernCommand::Return {
            reason: ReturnReason::NeedsInformation,
            rationale: text("unklar"),
            needed: text(""),
        })
        .then_err(ConcernError::NeededInformationMissing);
    given::<Concern>(submitted)
        .when(ConcernCommand::Return {
            reason: ReturnReason::NeedsInformation,
            rationale: text("unklar"),
            needed: text("Fallzahlen 2025"),
        })
        .then([ConcernEvent::Returned {
            reason: ReturnReason::NeedsInformation,
            rationale: text("unklar"),
            needed: text("Fallzahlen 2025"),
        }]);
}

#[test]
fn a_returned_concern_is_completed_and_submitted_again() {
    let returned = at(&[
        via_fachstelle(),
        ConcernEvent::Returned {
            reason: ReturnReason::NeedsInformation,
            rationale: text("unklar"),
            needed: text("Zahlen"),
        },
    ]);
    let mut incomplete = tests::content();
    incomplete.why_not_cantonal = text("");
    given::<Concern>(returned.clone())
        .when(ConcernCommand::Edit {
            content: incomplete,
        })
        .then_err(ConcernError::Missing(MissingField::WhyNotCantonal));
    given::<Concern>(returned)
        .when(ConcernCommand::Submit {
            channel: Channel::ViaFachstelle,
        })
        .then([via_fachstelle()]);
}

#[test]
fn triage_is_only_for_submitted_concerns() {
    given::<Concern>(released())
        .when(ConcernCommand::Accept { note: text("") })
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::Triage,
            stage: ConcernStage::Released,
            allowed: vec![
                ConcernAction::ResolveLocally,
                ConcernAction::Withdraw,
                ConcernAction::Consolidate,
                ConcernAction::Endorse,
                ConcernAction::Submit,
                ConcernAction::Comment,
            ],
        });
}

#[test]
fn merging_needs_another_concern_and_a_rationale() {
    let submitted = at(&[via_fachstelle()]);
    given::<Concern>(submitted.clone())
        .when(ConcernCommand::MergeInto {
            into: other(),
            rationale: text("gleiches Thema wie GE"),
        })
        .then([ConcernEvent::MergedInto {
            into: other(),
            rationale: text("gleiches Thema wie GE"),
        }]);
    given::<Concern>(submitted.clone())
        .when(ConcernCommand::MergeInto {
            into: id(),
            rationale: text("x"),
        })
        .then_err(ConcernError::SelfReference);
    given::<Concern>(submitted)
        .when(ConcernCommand::MergeInto {
            into: other(),
            rationale: text(""),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::Merge));
}

#[test]
fn the_surviving_concern_takes_on_submitters_and_endorsers_once() {
    let ge = Party::Tenant(TenantId::parse("GE").unwrap());
    let absorb = ConcernCommand::Absorb {
        merged: other(),
        submitters: BTreeSet::from([ge]),
        endorsers: BTreeSet::from([skos(), Party::Tenant(zh())]),
    };
    let national = at(&[via_fachstelle(), accepted()]);
    given::<Concern>(national.clone())
        .when(absorb.clone())
        .then([ConcernEvent::Absorbed {
            merged: other(),
            submitters: BTreeSet::from([ge]),
            endorsers: BTreeSet::from([skos(), Party::Tenant(zh())]),
        }]);
    let mut absorbed = national;
    absorbed.push(ConcernEvent::Absorbed {
        merged: other(),
        submitters: BTreeSet::from([ge]),
        endorsers: BTreeSet::from([skos(), Party::Tenant(zh())]),
    });
    let state = Concern::replay(&absorbed);
    assert_eq!(
        state.submitters(),
        BTreeSet::from([Party::Tenant(zh()), ge])
    );
    // ZH submits; it cannot also count as endorsing.
    assert_eq!(state.endorsers(), BTreeSet::from([skos()]));
    given::<Concern>(absorbed)
        .when(absorb.clone())
        .then_err(ConcernError::AlreadyAbsorbed(other()));
    given::<Concern>(released())
        .when(absorb)
        .then_err(ConcernError::CannotAbsorb(ConcernStage::Released));
}

#[test]
fn the_ekg_handles_gives_proposes_or_closes() {
    let at_ekg = at(&[via_fachstelle(), accepted()]);
    for (outcome, stage) in [
        (EkgOutcome::HandleInEkg, ConcernStage::HandledInEkg),
        (
            EkgOutcome::GiveToWorkingGroup {
                working_group: text("AG Schnittstellen"),
                mandate: None,
            },
            ConcernStage::WithWorkingGroup,
        ),
        (
            EkgOutcome::ProposeToStg {
                proposal: StgOutcome::Project,
            },
            ConcernStage::AtStg,
        ),
    ] {
        let event = ConcernEvent::Examined {
            outcome: outcome.clone(),
            rationale: text("r"),
            decided_by: Some(minuted("EKG-Sitzung 4/2026, Traktandum 2")),
        };
        given::<Concern>(at_ekg.clone())
            .when(ConcernCommand::Examine {
                outcome,
                rationale: text("r"),
                decided_by: minuted("EKG-Sitzung 4/2026, Traktandum 2"),
            })
            .then([event.clone()]);
        let mut after = at_ekg.clone();
        after.push(event);
        assert_eq!(Concern::replay(&after).stage(), Some(stage));
    }
    given::<Concern>(at_ekg.clone())
        .when(ConcernCommand::Examine {
            outcome: EkgOutcome::GiveToWorkingGroup {
                working_group: text(""),
                mandate: None,
            },
            rationale: text(""),
            decided_by: minuted("EKG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(ConcernError::EmptyText);
    given::<Concern>(at_ekg)
        .when(ConcernCommand::Examine {
            outcome: EkgOutcome::CloseWithAnswer {
                answer: text("Wird im RAV-Handbuch geklärt"),
            },
            rationale: text(""),
            decided_by: minuted("EKG-Sitzung 4/2026, Traktandum 2"),
        })
        .then([
            ConcernEvent::Examined {
                outcome: EkgOutcome::CloseWithAnswer {
                    answer: text("Wird im RAV-Handbuch geklärt"),
                },
                rationale: text(""),
                decided_by: Some(minuted("EKG-Sitzung 4/2026, Traktandum 2")),
            },
            ConcernEvent::Answered {
                text: text("Wird im RAV-Handbuch geklärt"),
                recipients: BTreeSet::from([Party::Tenant(zh())]),
                recommendation: None,
                follow_ups: Vec::new(),
            },
        ]);
}

#[test]
fn the_stg_decides_with_a_rationale_when_declining() {
    let at_stg = at(&[via_fachstelle(), accepted(), proposed()]);
    given::<Concern>(at_stg.clone())
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Recommendation,
            decision: text("Empfehlung an alle Kantone"),
            rationale: text(""),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then([decided()]);
    given::<Concern>(at_stg.clone())
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Declined,
            decision: text("abgelehnt"),
            rationale: text(""),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::Decide));
    given::<Concern>(at_stg)
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Project,
            decision: text(""),
            rationale: text(""),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(ConcernError::EmptyText);
    given::<Concern>(at(&[via_fachstelle(), accepted()]))
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Project,
            decision: text("x"),
            rationale: text(""),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 2"),
        })
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::Decide,
            stage: ConcernStage::AtEkg,
            allowed: vec![
                ConcernAction::Endorse,
                ConcernAction::Examine,
                ConcernAction::Comment,
            ],
        });
}

#[test]
fn the_answer_goes_to_every_submitter_and_endorser() {
    let decided_concern = at(&[
        ConcernEvent::Endorsed {
            by: be(),
            reason: text("auch bei uns"),
        },
        ConcernEvent::Endorsed {
            by: skos(),
            reason: text("alle Sozialdienste"),
        },
        via_fachstelle(),
        accepted(),
        proposed(),
        decided(),
    ]);
    let recommendation = crate::ids::RecommendationId::from_uuid(uuid::Uuid::from_u128(5));
    given::<Concern>(decided_concern.clone())
        .when(ConcernCommand::Answer {
            text: text("Die STG empfiehlt …"),
            recommendation: Some(recommendation),
        })
        .then([ConcernEvent::Answered {
            text: text("Die STG empfiehlt …"),
            recipients: BTreeSet::from([Party::Tenant(zh()), be(), skos()]),
            recommendation: Some(recommendation),
            follow_ups: Vec::new(),
        }]);
    // The decision was a recommendation: the answer names it.
    given::<Concern>(decided_concern.clone())
        .when(ConcernCommand::Answer {
            text: text("Die STG empfiehlt …"),
            recommendation: None,
        })
        .then_err(ConcernError::RecommendationReferenceRequired);
    given::<Concern>(decided_concern)
        .when(ConcernCommand::Answer {
            text: text(" "),
            recommendation: None,
        })
        .then_err(ConcernError::EmptyText);
    given::<Concern>(at(&[via_fachstelle(), accepted(), proposed()]))
        .when(ConcernCommand::Answer {
            text: text("x"),
            recommendation: None,
        })
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::Answer,
            stage: ConcernStage::AtStg,
            allowed: vec![
                ConcernAction::Endorse,
                ConcernAction::Decide,
                ConcernAction::Comment,
                ConcernAction::ReferToEkg,
            ],
        });
}

#[test]
fn internal_comments_come_only_from_the_originating_tenant() {
    given::<Concern>(at(&[via_fachstelle()]))
        .when(ConcernCommand::Comment {
            tenant: TenantId::National,
            text: text("intern"),
            visibility: CommentVisibility::Internal,
        })
        .then_err(ConcernError::InternalCommentElsewhere);
    given::<Concern>(at(&[via_fachstelle()]))
        .when(ConcernCommand::Comment {
            tenant: TenantId::National,
            text: text(""),
            visibility: CommentVisibility::Shared,
        })
        .then_err(ConcernError::EmptyText);
}

#[test]
fn refusals_carry_the_state_and_the_allowed_steps() {
    use crate::error::Classify;
    let error = Concern::replay(&[drafted()])
        .decide(ConcernCommand::Answer {
            text: text("x"),
            recommendation: None,
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "a concern that is draft cannot answer; allowed now: edit, start_route, resolve_locally, withdraw, comment"
    );
    let details = error.details().unwrap();
    assert_eq!(details["state"], "draft");
    assert_eq!(details["allowed"][1], "start_route");
}

#[test]
fn after_handling_or_a_working_group_the_ekg_answers_or_examines_again() {
    for outcome in [
        EkgOutcome::HandleInEkg,
        EkgOutcome::GiveToWorkingGroup {
            working_group: text("AG Schnittstellen"),
            mandate: None,
        },
    ] {
        let handled = at(&[
            via_fachstelle(),
            accepted(),
            ConcernEvent::Examined {
                outcome,
                rationale: text(""),
                decided_by: Some(minuted("EKG-Sitzung 4/2026, Traktandum 2")),
            },
        ]);
        given::<Concern>(handled.clone())
            .when(ConcernCommand::Answer {
                text: text("Geklärt im RAV-Handbuch"),
                recommendation: None,
            })
            .then([ConcernEvent::Answered {
                text: text("Geklärt im RAV-Handbuch"),
                recipients: BTreeSet::from([Party::Tenant(zh())]),
                recommendation: None,
                follow_ups: Vec::new(),
            }]);
        given::<Concern>(handled.clone())
            .when(ConcernCommand::Answer {
                text: text("Geklärt"),
                recommendation: Some(crate::ids::RecommendationId::from_uuid(
                    uuid::Uuid::from_u128(5),
                )),
            })
            .then_err(ConcernError::RecommendationReferenceUnexpected);
        given::<Concern>(handled)
            .when(ConcernCommand::Examine {
                outcome: EkgOutcome::ProposeToStg {
                    proposal: StgOutcome::Project,
                },
                rationale: text("Ergebnis der Arbeitsgruppe"),
                decided_by: minuted("EKG-Sitzung 4/2026, Traktandum 2"),
            })
            .then([ConcernEvent::Examined {
                outcome: EkgOutcome::ProposeToStg {
                    proposal: StgOutcome::Project,
                },
                rationale: text("Ergebnis der Arbeitsgruppe"),
                decided_by: Some(minuted("EKG-Sitzung 4/2026, Traktandum 2")),
            }]);
    }
}

#[test]
fn the_ekg_and_the_stg_steps_record_the_decision_they_were_taken_in() {
    // A step that is a body's decision cannot be commanded without naming
    // where the body decided (the command's `decided_by` is required), and
    // its event keeps that reference for the concern's timeline.
    let at_ekg = at(&[via_fachstelle(), accepted()]);
    let ekg = minuted("EKG-Sitzung 2/2027, Traktandum 3");
    let examined = ConcernEvent::Examined {
        outcome: EkgOutcome::ProposeToStg {
            proposal: StgOutcome::Project,
        },
        rationale: text("Betrifft mehrere Kantone"),
        decided_by: Some(ekg.clone()),
    };
    given::<Concern>(at_ekg.clone())
        .when(ConcernCommand::Examine {
            outcome: EkgOutcome::ProposeToStg {
                proposal: StgOutcome::Project,
            },
            rationale: text("Betrifft mehrere Kantone"),
            decided_by: ekg,
        })
        .then([examined.clone()]);
    let mut at_stg = at_ekg;
    at_stg.push(examined);
    let stg = minuted("STG-Sitzung 2/2027, Traktandum 4");
    given::<Concern>(at_stg)
        .when(ConcernCommand::Decide {
            outcome: StgOutcome::Project,
            decision: text("Projekt «Erstabklärung»"),
            rationale: text(""),
            decided_by: stg.clone(),
        })
        .then([ConcernEvent::Decided {
            outcome: StgOutcome::Project,
            decision: text("Projekt «Erstabklärung»"),
            rationale: text(""),
            decided_by: Some(stg),
        }]);
}
