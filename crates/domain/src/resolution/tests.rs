//! Circular resolutions: proposing, answering, closing, withdrawing.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::ConceptRule;
use crate::body::CarriedBy;
use crate::concern::StgOutcome;
use crate::decision::ItemSubject;
use crate::error::Classify;
use crate::ids::ConcernId;
use crate::testing::given;
use crate::text::{FreeText, Title};

pub(super) fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
}

pub(super) fn deadline() -> DateTime<Utc> {
    t0() + Duration::days(7)
}

pub(super) fn person(n: u128) -> PersonId {
    PersonId::parse(&format!("01930000-0000-7000-8000-{n:012}")).unwrap()
}

fn text(s: &str) -> FreeText {
    FreeText::parse(s).unwrap()
}

pub(super) fn proposal(rules: ResolutionRules) -> Proposal {
    let concern = ConcernId::parse("01930000-0000-7000-8000-0000000000c1").unwrap();
    Proposal {
        id: ResolutionId::parse("01930000-0000-7000-8000-0000000000a1").unwrap(),
        body: BodyId::parse("01930000-0000-7000-8000-0000000000b1").unwrap(),
        label: Title::parse("Zirkularbeschluss STG 1/2026").unwrap(),
        subject: ItemSubject::Concern(concern),
        effect: Some(DecisionEffect::Decide {
            outcome: StgOutcome::Recommendation,
            follow_up: None,
        }),
        title: Title::parse("Anliegen Seismograf").unwrap(),
        decision: text("Das STG erarbeitet eine Empfehlung."),
        rationale: text("Mehrere Kantone betroffen."),
        deadline: deadline(),
        rules,
        voters: BTreeSet::from([person(1), person(2), person(3)]),
        proposed_by: person(9),
        now: t0(),
    }
}

pub(super) fn proposed(rules: ResolutionRules) -> ResolutionEvent {
    let p = proposal(rules);
    ResolutionEvent::Proposed {
        id: p.id,
        body: p.body,
        label: p.label,
        subject: p.subject,
        effect: p.effect,
        title: p.title,
        decision: p.decision,
        rationale: p.rationale,
        deadline: p.deadline,
        rules: p.rules,
        voters: p.voters,
        proposed_by: p.proposed_by,
        proposed_at: p.now,
    }
}

pub(super) fn answered(voter: u128, vote: Vote) -> ResolutionEvent {
    ResolutionEvent::Answered {
        voter: person(voter),
        vote,
        comment: None,
        answered_at: t0() + Duration::hours(1),
    }
}

fn answer(voter: u128, vote: Vote, now: DateTime<Utc>) -> ResolutionCommand {
    ResolutionCommand::Answer {
        voter: person(voter),
        vote,
        comment: None,
        now,
    }
}

fn defaults() -> ResolutionRules {
    ResolutionRules::default()
}

#[test]
fn a_resolution_is_proposed_with_the_rules_and_voters_of_its_body() {
    given::<Resolution>([])
        .when(ResolutionCommand::Propose(Box::new(proposal(defaults()))))
        .then([proposed(defaults())]);
}

#[test]
fn the_platform_default_is_consensus_every_answer_and_five_days() {
    let rules = defaults();
    assert!(rules.allowed && rules.every_answer_required);
    assert_eq!(rules.carried_by, CarriedBy::Consensus);
    assert_eq!(rules.minimum_days, 5);
}

#[test]
fn a_deadline_sooner_than_the_body_allows_is_refused_with_the_bodys_rule() {
    let mut short = proposal(defaults());
    short.deadline = t0() + Duration::days(4);
    let error = Resolution::default()
        .decide(ResolutionCommand::Propose(Box::new(short)))
        .unwrap_err();
    assert!(matches!(error, ResolutionError::DeadlineTooSoon { .. }));
    assert_eq!(error.rule(), Some(ConceptRule::CircularResolutionRules));
    // With no minimum, any deadline ahead will do, but not one in the past.
    let none = ResolutionRules {
        minimum_days: 0,
        ..defaults()
    };
    let mut soon = proposal(none);
    soon.deadline = t0() + Duration::seconds(5);
    assert!(
        Resolution::default()
            .decide(ResolutionCommand::Propose(Box::new(soon.clone())))
            .is_ok()
    );
    soon.deadline = t0() - Duration::seconds(5);
    assert!(
        Resolution::default()
            .decide(ResolutionCommand::Propose(Box::new(soon)))
            .is_err()
    );
}

#[test]
fn a_body_that_does_not_decide_by_circular_resolution_cannot_propose_one() {
    let closed = ResolutionRules {
        allowed: false,
        ..defaults()
    };
    let error = Resolution::default()
        .decide(ResolutionCommand::Propose(Box::new(proposal(closed))))
        .unwrap_err();
    assert_eq!(error, ResolutionError::NotAllowed);
    assert_eq!(error.rule(), Some(ConceptRule::CircularResolutionRules));
}

#[test]
fn a_body_without_voters_and_an_effect_that_does_not_fit_are_refused() {
    let mut nobody = proposal(defaults());
    nobody.voters.clear();
    given::<Resolution>([])
        .when(ResolutionCommand::Propose(Box::new(nobody)))
        .then_err(ResolutionError::NoVoters);
    let mut misfit = proposal(defaults());
    misfit.effect = Some(DecisionEffect::Adopt);
    given::<Resolution>([])
        .when(ResolutionCommand::Propose(Box::new(misfit)))
        .then_err(ResolutionError::EffectDoesNotFit {
            effect: "adopt",
            subject: "concern",
        });
}

#[test]
fn a_voter_answers_before_the_deadline() {
    given::<Resolution>([proposed(defaults())])
        .when(answer(1, Vote::Yes, t0() + Duration::hours(1)))
        .then([answered(1, Vote::Yes)]);
}

#[test]
fn a_guest_cannot_answer() {
    // The guest (person 7) has a seat, but no vote: not among the voters.
    let error = Resolution::replay(&[proposed(defaults())])
        .decide(answer(7, Vote::Yes, t0() + Duration::hours(1)))
        .unwrap_err();
    assert_eq!(error, ResolutionError::NotAVoter(person(7)));
    assert_eq!(error.rule(), Some(ConceptRule::OnlyVotingMembersDecide));
}

#[test]
fn answering_after_the_deadline_is_refused() {
    let error = Resolution::replay(&[proposed(defaults())])
        .decide(answer(1, Vote::Yes, deadline()))
        .unwrap_err();
    assert_eq!(error, ResolutionError::DeadlinePassed(deadline()));
    assert_eq!(error.rule(), Some(ConceptRule::CircularResolutionRules));
}

#[test]
fn a_voter_corrects_the_answer_before_the_deadline_and_the_last_counts() {
    let history = [
        proposed(defaults()),
        answered(1, Vote::No),
        answered(1, Vote::Yes),
        answered(2, Vote::Yes),
        answered(3, Vote::Yes),
    ];
    given::<Resolution>(history)
        .when(ResolutionCommand::Close {
            now: t0() + Duration::hours(2),
        })
        .then([ResolutionEvent::Closed {
            outcome: Outcome::Carried,
            tally: Tally {
                yes: 3,
                ..Tally::default()
            },
            closed_at: t0() + Duration::hours(2),
        }]);
}

#[test]
fn it_closes_early_only_once_every_voter_answered() {
    let error = Resolution::replay(&[proposed(defaults()), answered(1, Vote::Yes)])
        .decide(ResolutionCommand::Close {
            now: t0() + Duration::hours(2),
        })
        .unwrap_err();
    assert_eq!(
        error,
        ResolutionError::StillOpen {
            missing: 2,
            deadline: deadline()
        }
    );
    assert_eq!(error.rule(), Some(ConceptRule::CircularResolutionRules));
}

#[test]
fn a_circular_resolution_with_a_missing_answer_past_its_deadline_is_not_carried() {
    let history = [
        proposed(defaults()),
        answered(1, Vote::Yes),
        answered(2, Vote::Yes),
    ];
    let events = Resolution::replay(&history)
        .decide(ResolutionCommand::Close { now: deadline() })
        .unwrap();
    let [ResolutionEvent::Closed { outcome, tally, .. }] = events.as_slice() else {
        panic!("expected a close, got {events:?}");
    };
    assert!(!outcome.carried(), "{outcome:?}");
    assert_eq!(tally.missing, 1);
}

#[test]
fn a_closed_or_withdrawn_resolution_takes_no_answer() {
    let closed = ResolutionEvent::Closed {
        outcome: Outcome::NotCarried {
            reason: "x".to_owned(),
        },
        tally: Tally::default(),
        closed_at: deadline(),
    };
    given::<Resolution>([proposed(defaults()), closed])
        .when(answer(1, Vote::Yes, t0()))
        .then_err(ResolutionError::Closed);
    let withdrawn = ResolutionEvent::Withdrawn {
        reason: text("Traktandiert an der Sitzung"),
        withdrawn_at: t0() + Duration::hours(3),
    };
    given::<Resolution>([proposed(defaults()), withdrawn])
        .when(answer(1, Vote::Yes, t0()))
        .then_err(ResolutionError::Withdrawn);
}

#[test]
fn a_resolution_is_withdrawn_with_a_reason_before_it_closes() {
    let now = t0() + Duration::hours(3);
    given::<Resolution>([proposed(defaults())])
        .when(ResolutionCommand::Withdraw {
            reason: FreeText::default(),
            now,
        })
        .then_err(ResolutionError::Required("reason"));
    given::<Resolution>([proposed(defaults())])
        .when(ResolutionCommand::Withdraw {
            reason: text("Wird an der Sitzung behandelt"),
            now,
        })
        .then([ResolutionEvent::Withdrawn {
            reason: text("Wird an der Sitzung behandelt"),
            withdrawn_at: now,
        }]);
}

#[test]
fn the_propagation_of_a_carried_effect_is_recorded_once() {
    let carried = ResolutionEvent::Closed {
        outcome: Outcome::Carried,
        tally: Tally {
            yes: 3,
            ..Tally::default()
        },
        closed_at: deadline(),
    };
    let history = [proposed(defaults()), carried];
    let state = Resolution::replay(&history);
    assert!(state.awaits_propagation());
    given::<Resolution>(history.clone())
        .when(ResolutionCommand::RecordPropagation {
            propagation: Propagation::Applied,
        })
        .then([ResolutionEvent::PropagationRecorded {
            propagation: Propagation::Applied,
        }]);
    let recorded = ResolutionEvent::PropagationRecorded {
        propagation: Propagation::Applied,
    };
    let history = [history[0].clone(), history[1].clone(), recorded];
    given::<Resolution>(history.clone())
        .when(ResolutionCommand::RecordPropagation {
            propagation: Propagation::Applied,
        })
        .then([]);
    given::<Resolution>(history)
        .when(ResolutionCommand::RecordPropagation {
            propagation: Propagation::Refused {
                reason: "x".to_owned(),
            },
        })
        .then_err(ResolutionError::AlreadyCarriedOut);
    // Nothing to carry out while open.
    given::<Resolution>([proposed(defaults())])
        .when(ResolutionCommand::RecordPropagation {
            propagation: Propagation::Applied,
        })
        .then_err(ResolutionError::NothingToPropagate);
}
