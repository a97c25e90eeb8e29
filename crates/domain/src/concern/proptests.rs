//! Random command sequences: whatever callers send, no invalid state is
//! reachable, refusals match the workflow graph, and replaying the recorded
//! events, as stored (encoded, written as JSON text, read and decoded),
//! rebuilds the same state.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::tests::{be, content, id, other, text, two_step_route, zh};
use super::*;
use crate::aggregate::DomainEvent;
use crate::ids::{BodyId, Language};
use crate::roles::TenantRole;
use crate::testing::minuted;
use crate::text::{FreeText, Title};

fn routes() -> impl Strategy<Value = RouteSnapshot> {
    prop_oneof![
        Just(RouteSnapshot::default()),
        Just(two_step_route()),
        Just(RouteSnapshot {
            version: 1,
            steps: vec![RouteStep {
                label: Title::parse("Kenntnisnahme Leitung").unwrap(),
                actor: StepActor::Body(BodyId::from_uuid(uuid::Uuid::from_u128(5))),
                kind: StepKind::TakesNote,
            }],
        }),
        Just(RouteSnapshot {
            version: 2,
            steps: vec![RouteStep {
                label: Title::parse("Koordinator").unwrap(),
                actor: StepActor::Role(TenantRole::Coordinator),
                kind: StepKind::Approves,
            }],
        }),
    ]
}

fn maybe_text() -> impl Strategy<Value = FreeText> {
    prop_oneof![Just(text("")), Just(text("Begründung"))]
}

fn parties() -> impl Strategy<Value = Party> {
    prop_oneof![
        Just(Party::Tenant(zh())),
        Just(be()),
        Just(Party::Partner(Partner::Skos)),
        Just(Party::Tenant(TenantId::National)),
    ]
}

fn concerns() -> impl Strategy<Value = ConcernId> {
    prop_oneof![Just(id()), Just(other())]
}

fn contents() -> impl Strategy<Value = ConcernContent> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(reason, institutions, french)| {
        let mut content = content();
        if !reason {
            content.why_not_cantonal = text("");
        }
        if !institutions {
            content.institutions.clear();
        }
        if french {
            content.language = Language::Fr;
        }
        content
    })
}

fn commands() -> impl Strategy<Value = ConcernCommand> {
    let outcome = prop_oneof![
        Just(StepOutcome::Approved),
        Just(StepOutcome::Discussed),
        Just(StepOutcome::Noted),
        Just(StepOutcome::Returned),
    ];
    let stg = prop_oneof![
        Just(StgOutcome::Recommendation),
        Just(StgOutcome::Project),
        Just(StgOutcome::Declined),
    ];
    let ekg = prop_oneof![
        Just(EkgOutcome::HandleInEkg),
        maybe_text().prop_map(|working_group| EkgOutcome::GiveToWorkingGroup {
            working_group,
            mandate: None,
        }),
        stg.clone()
            .prop_map(|proposal| EkgOutcome::ProposeToStg { proposal }),
        maybe_text().prop_map(|answer| EkgOutcome::CloseWithAnswer { answer }),
    ];
    let channel = prop_oneof![Just(Channel::ViaFachstelle), Just(Channel::DirectToEkg)];
    prop_oneof![
        contents().prop_map(|content| ConcernCommand::Edit { content }),
        Just(ConcernCommand::StartRoute),
        (0usize..3, outcome, maybe_text()).prop_map(|(step, outcome, rationale)| {
            ConcernCommand::RecordStep {
                step,
                outcome,
                rationale,
            }
        }),
        maybe_text().prop_map(|rationale| ConcernCommand::ResolveLocally { rationale }),
        maybe_text().prop_map(|rationale| ConcernCommand::Withdraw { rationale }),
        concerns().prop_map(|other| ConcernCommand::Consolidate {
            network: NetworkId::from_uuid(uuid::Uuid::from_u128(7)),
            bundle: BTreeSet::from([other]),
            note: text(""),
        }),
        (parties(), maybe_text()).prop_map(|(by, reason)| ConcernCommand::Endorse { by, reason }),
        channel.prop_map(|channel| ConcernCommand::Submit { channel }),
        maybe_text().prop_map(|note| ConcernCommand::Accept { note }),
        (maybe_text(), maybe_text()).prop_map(|(rationale, needed)| ConcernCommand::Return {
            reason: ReturnReason::NeedsInformation,
            rationale,
            needed,
        }),
        (concerns(), maybe_text())
            .prop_map(|(into, rationale)| ConcernCommand::MergeInto { into, rationale }),
        (concerns(), parties()).prop_map(|(merged, party)| ConcernCommand::Absorb {
            merged,
            submitters: BTreeSet::from([party]),
            endorsers: BTreeSet::from([Party::Partner(Partner::Kid)]),
        }),
        (ekg, maybe_text()).prop_map(|(outcome, rationale)| ConcernCommand::Examine {
            outcome,
            rationale,
            decided_by: minuted("EKG-Sitzung 4/2026, Traktandum 2")
        }),
        (stg, maybe_text(), maybe_text()).prop_map(|(outcome, decision, rationale)| {
            ConcernCommand::Decide {
                outcome,
                decision,
                rationale,
                decided_by: minuted("STG-Sitzung 4/2026, Traktandum 2"),
            }
        }),
        maybe_text().prop_map(|text| ConcernCommand::Answer {
            text,
            recommendation: None,
        }),
        (any::<bool>(), maybe_text()).prop_map(|(internal, text)| ConcernCommand::Comment {
            tenant: if internal { zh() } else { TenantId::National },
            text,
            visibility: CommentVisibility::Internal,
        }),
        maybe_text().prop_map(|reason| ConcernCommand::BringToStg { reason }),
        maybe_text().prop_map(|question| ConcernCommand::ReferToEkg {
            question,
            decided_by: basis(),
        }),
        maybe_text().prop_map(|assessment| ConcernCommand::Assess {
            assessment,
            decided_by: basis(),
        }),
    ]
}

fn basis() -> crate::basis::DecisionReference {
    crate::basis::DecisionReference::resolution(
        crate::ids::ResolutionId::from_uuid(uuid::Uuid::from_u128(30)),
        Title::parse("Zirkularbeschluss 1/2027").unwrap(),
    )
}

/// What must hold in every reachable state.
fn check_invariants(concern: &Concern) -> Result<(), String> {
    let Some(state) = concern.drafted.as_ref() else {
        return Ok(());
    };
    if !state.submitters.contains(&state.originator()) {
        return Err("the originator is not a submitter".into());
    }
    if !state.submitters.is_disjoint(&state.endorsers) {
        return Err("a submitter also counts as endorser".into());
    }
    let answered = state.stage == ConcernStage::Answered;
    if answered == state.recipients.is_empty() {
        return Err(format!(
            "stage {} with recipients {:?}",
            state.stage, state.recipients
        ));
    }
    if answered && !state.recipients.is_superset(&state.submitters) {
        return Err("a submitter got no answer".into());
    }
    if (state.stage == ConcernStage::Merged) != state.merged_into.is_some() {
        return Err("merged without a target, or a target without merging".into());
    }
    match state.stage {
        ConcernStage::InCantonalRoute if state.step >= state.route.steps.len() => {
            return Err(format!("step {} beyond the route", state.step));
        }
        ConcernStage::Draft if state.step != 0 => return Err("a draft inside the route".into()),
        stage if stage.is_national() && state.content.check_complete().is_err() => {
            return Err(format!("{stage} with an incomplete concern"));
        }
        _ => {}
    }
    if state.absorbed.contains(&state.id) || state.merged_into == Some(state.id) {
        return Err("the concern refers to itself".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_invalid_state_is_reachable_and_replay_rebuilds_it(
        route in routes(),
        commands in proptest::collection::vec(commands(), 1..40),
    ) {
        let mut state = Concern::default();
        let mut history = Vec::new();
        let draft = ConcernCommand::Draft {
            id: id(),
            origin: zh(),
            on_behalf_of: None,
            content: content(),
            route,
        };
        for command in std::iter::once(draft).chain(commands) {
            let before = state.clone();
            let action = command.action();
            let allowed = state.allowed_actions();
            match state.decide(command) {
                Ok(events) => {
                    if let Some(action) = action {
                        prop_assert!(allowed.contains(&action), "{action} ran though not allowed");
                    }
                    if before.stage().is_some_and(|stage| stage.is_final()) {
                        let only_comments = events.iter().all(|event| matches!(event, ConcernEvent::Commented { .. }));
                        prop_assert!(only_comments, "a final concern changed");
                    }
                    for event in &events {
                        state = state.evolve(event);
                    }
                    history.extend(events);
                }
                Err(ConcernError::NotAllowed { action: refused, stage, allowed: listed }) => {
                    prop_assert_eq!(Some(refused), action);
                    prop_assert_eq!(Some(stage), before.stage());
                    prop_assert_eq!(&listed, &allowed);
                    prop_assert!(!allowed.contains(&refused));
                }
                Err(_) => {}
            }
            // A refusal changes nothing: decide is pure and the state is
            // only ever changed by recorded events.
            if let Err(reason) = check_invariants(&state) {
                prop_assert!(false, "{}", reason);
            }
        }
        // Replay reads the log: every event goes through the stored form
        // (its type and its payload as JSON text) and back before the fold,
        // so an event whose encoding loses a field fails here.
        let mut stored = Vec::new();
        for event in &history {
            let (event_type, payload) = event.encode().map_err(|e| TestCaseError::fail(e.to_string()))?;
            stored.push((event_type, payload.to_string()));
        }
        let mut read = Vec::new();
        for (event_type, text) in &stored {
            let payload: serde_json::Value = serde_json::from_str(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            read.push(ConcernEvent::decode(event_type, payload).map_err(|e| TestCaseError::fail(e.to_string()))?);
        }
        prop_assert_eq!(Concern::replay(&read), state);
    }
}

/// The random walks above only prove something if they reach every stage:
/// this runs the same generator and checks that they do.
#[test]
fn random_walks_reach_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let walks = (routes(), proptest::collection::vec(commands(), 1..40));
    let mut reached = BTreeSet::new();
    for _ in 0..1024 {
        let (route, commands) = walks.new_tree(&mut runner).unwrap().current();
        let mut state = Concern::default();
        let draft = ConcernCommand::Draft {
            id: id(),
            origin: zh(),
            on_behalf_of: None,
            content: content(),
            route,
        };
        for command in std::iter::once(draft).chain(commands) {
            if let Ok(events) = state.decide(command) {
                for event in &events {
                    state = state.evolve(event);
                }
            }
            reached.extend(state.stage());
        }
    }
    let missing: Vec<_> = ConcernStage::ALL
        .into_iter()
        .filter(|stage| !reached.contains(stage))
        .collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
