//! Given/when/then: every transition of the workflow and every refusal.

use std::collections::BTreeSet;

use super::*;
use crate::focus::{ConcernFocus, FocusArea};
use crate::ids::{BodyId, CantonCode, Language};
use crate::roles::TenantRole;
use crate::testing::{given, minuted};
use crate::text::{FreeText, Link, Title};

pub(super) fn zh() -> TenantId {
    TenantId::Canton(CantonCode::parse("ZH").unwrap())
}

pub(super) fn be() -> Party {
    Party::Tenant(TenantId::Canton(CantonCode::parse("BE").unwrap()))
}

pub(super) fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

pub(super) fn id() -> ConcernId {
    ConcernId::from_uuid(uuid::Uuid::from_u128(1))
}

pub(super) fn other() -> ConcernId {
    ConcernId::from_uuid(uuid::Uuid::from_u128(2))
}

pub(super) fn content() -> ConcernContent {
    ConcernContent {
        title: Title::parse("Abstimmung RAV und Sozialhilfe").unwrap(),
        description: text("Doppelte Abklärungen bei Ausgesteuerten"),
        why_not_cantonal: text("Bundesrecht (AVIG) regelt die Zuständigkeit"),
        institutions: BTreeSet::from([AffectedInstitution::AlvRav, AffectedInstitution::Sh]),
        focus_area: None,
        attachments: vec![Attachment {
            title: Title::parse("Bericht").unwrap(),
            link: Link::parse("https://example.invalid/bericht.pdf").unwrap(),
        }],
        language: Language::De,
    }
}

pub(super) fn two_step_route() -> RouteSnapshot {
    RouteSnapshot {
        version: 3,
        steps: vec![
            RouteStep {
                label: Title::parse("Prüfung Geschäftsstelle").unwrap(),
                actor: StepActor::Role(TenantRole::Office),
                kind: StepKind::Approves,
            },
            RouteStep {
                label: Title::parse("Operativer Ausschuss").unwrap(),
                actor: StepActor::Body(BodyId::from_uuid(uuid::Uuid::from_u128(9))),
                kind: StepKind::Discusses,
            },
        ],
    }
}

fn drafted_on(route: RouteSnapshot) -> ConcernEvent {
    ConcernEvent::Drafted {
        id: id(),
        origin: zh(),
        on_behalf_of: None,
        content: content(),
        route,
    }
}

pub(super) fn drafted() -> ConcernEvent {
    drafted_on(two_step_route())
}

pub(super) fn step(step: usize, outcome: StepOutcome, rationale: &str) -> ConcernEvent {
    ConcernEvent::StepRecorded {
        step,
        outcome,
        rationale: text(rationale),
    }
}

/// A concern the canton has cleared.
pub(super) fn released() -> Vec<ConcernEvent> {
    vec![
        drafted(),
        ConcernEvent::RouteStarted,
        step(0, StepOutcome::Approved, ""),
        step(1, StepOutcome::Discussed, "einverstanden"),
        ConcernEvent::Released,
    ]
}

pub(super) fn at(stage_events: &[ConcernEvent]) -> Vec<ConcernEvent> {
    let mut history = released();
    history.extend_from_slice(stage_events);
    history
}

pub(super) fn via_fachstelle() -> ConcernEvent {
    ConcernEvent::Submitted {
        channel: Channel::ViaFachstelle,
    }
}

pub(super) fn accepted() -> ConcernEvent {
    ConcernEvent::Accepted { note: text("") }
}

pub(super) fn proposed() -> ConcernEvent {
    ConcernEvent::Examined {
        outcome: EkgOutcome::ProposeToStg {
            proposal: StgOutcome::Recommendation,
        },
        rationale: text("breit abgestützt"),
        decided_by: Some(minuted("EKG-Sitzung 4/2026, Traktandum 2")),
    }
}

pub(super) fn decided() -> ConcernEvent {
    ConcernEvent::Decided {
        outcome: StgOutcome::Recommendation,
        decision: text("Empfehlung an alle Kantone"),
        rationale: text(""),
        decided_by: Some(minuted("STG-Sitzung 4/2026, Traktandum 2")),
    }
}

#[test]
fn a_concern_is_drafted_with_the_route_of_its_tenant() {
    given::<Concern>([])
        .when(ConcernCommand::Draft {
            id: id(),
            origin: zh(),
            on_behalf_of: None,
            content: content(),
            route: two_step_route(),
        })
        .then([drafted()]);
}

#[test]
fn a_draft_needs_a_description_and_at_most_twenty_links() {
    let mut empty = content();
    empty.description = text(" ");
    given::<Concern>([])
        .when(ConcernCommand::Draft {
            id: id(),
            origin: zh(),
            on_behalf_of: None,
            content: empty,
            route: RouteSnapshot::default(),
        })
        .then_err(ConcernError::Missing(MissingField::Description));
    let mut many = content();
    many.attachments = vec![content().attachments[0].clone(); MAX_ATTACHMENTS + 1];
    given::<Concern>([drafted()])
        .when(ConcernCommand::Edit { content: many })
        .then_err(ConcernError::TooManyAttachments {
            max: MAX_ATTACHMENTS,
        });
}

#[test]
fn a_concern_is_drafted_once_and_commands_need_a_draft() {
    given::<Concern>([drafted()])
        .when(ConcernCommand::Draft {
            id: id(),
            origin: zh(),
            on_behalf_of: None,
            content: content(),
            route: RouteSnapshot::default(),
        })
        .then_err(ConcernError::AlreadyDrafted);
    given::<Concern>([])
        .when(ConcernCommand::StartRoute)
        .then_err(ConcernError::NotDrafted);
}

#[test]
fn editing_records_only_changes() {
    let mut changed = content();
    changed.focus_area = Some(ConcernFocus::Area(
        FocusArea::parse("labour_market_integration").unwrap(),
    ));
    given::<Concern>([drafted()])
        .when(ConcernCommand::Edit {
            content: changed.clone(),
        })
        .then([ConcernEvent::Edited { content: changed }]);
    given::<Concern>([drafted()])
        .when(ConcernCommand::Edit { content: content() })
        .then([]);
}

#[test]
fn the_route_starts_only_with_a_complete_concern() {
    given::<Concern>([drafted()])
        .when(ConcernCommand::StartRoute)
        .then([ConcernEvent::RouteStarted]);
    let mut incomplete = content();
    incomplete.institutions.clear();
    given::<Concern>([
        drafted(),
        ConcernEvent::Edited {
            content: incomplete,
        },
    ])
    .when(ConcernCommand::StartRoute)
    .then_err(ConcernError::Missing(MissingField::Institutions));
    let mut no_reason = content();
    no_reason.why_not_cantonal = text("");
    given::<Concern>([drafted(), ConcernEvent::Edited { content: no_reason }])
        .when(ConcernCommand::StartRoute)
        .then_err(ConcernError::Missing(MissingField::WhyNotCantonal));
}

#[test]
fn a_direct_route_releases_at_once_and_allows_submitting_a_draft() {
    let direct = drafted_on(RouteSnapshot::default());
    given::<Concern>([direct.clone()])
        .when(ConcernCommand::StartRoute)
        .then([ConcernEvent::RouteStarted, ConcernEvent::Released]);
    given::<Concern>([direct])
        .when(ConcernCommand::Submit {
            channel: Channel::ViaFachstelle,
        })
        .then([
            ConcernEvent::RouteStarted,
            ConcernEvent::Released,
            via_fachstelle(),
        ]);
}

#[test]
fn a_draft_on_a_route_with_steps_cannot_skip_it() {
    given::<Concern>([drafted()])
        .when(ConcernCommand::Submit {
            channel: Channel::ViaFachstelle,
        })
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::Submit,
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
fn each_step_records_its_outcome_and_the_last_one_releases() {
    let started = [drafted(), ConcernEvent::RouteStarted];
    given::<Concern>(started.clone())
        .when(ConcernCommand::RecordStep {
            step: 0,
            outcome: StepOutcome::Approved,
            rationale: text("relevant"),
        })
        .then([step(0, StepOutcome::Approved, "relevant")]);
    let mut second = started.to_vec();
    second.push(step(0, StepOutcome::Approved, ""));
    given::<Concern>(second.clone())
        .when(ConcernCommand::RecordStep {
            step: 1,
            outcome: StepOutcome::Discussed,
            rationale: text("besprochen"),
        })
        .then([
            step(1, StepOutcome::Discussed, "besprochen"),
            ConcernEvent::Released,
        ]);
    given::<Concern>(second)
        .when(ConcernCommand::RecordStep {
            step: 0,
            outcome: StepOutcome::Approved,
            rationale: text(""),
        })
        .then_err(ConcernError::WrongStep {
            current: 1,
            given: 0,
        });
}

#[test]
fn a_step_records_only_the_outcomes_of_its_kind() {
    given::<Concern>([drafted(), ConcernEvent::RouteStarted])
        .when(ConcernCommand::RecordStep {
            step: 0,
            outcome: StepOutcome::Noted,
            rationale: text(""),
        })
        .then_err(ConcernError::OutcomeNotForStep {
            kind: StepKind::Approves,
            outcome: StepOutcome::Noted,
            allowed: StepKind::Approves.outcomes(),
        });
}

#[test]
fn returning_to_the_author_needs_a_reason_and_makes_it_a_draft_again() {
    let started = [drafted(), ConcernEvent::RouteStarted];
    given::<Concern>(started.clone())
        .when(ConcernCommand::RecordStep {
            step: 0,
            outcome: StepOutcome::Returned,
            rationale: text(""),
        })
        .then_err(ConcernError::RationaleRequired(ConcernAction::RecordStep));
    let mut returned = started.to_vec();
    returned.push(step(0, StepOutcome::Returned, "Bitte Zahlen ergänzen"));
    let state = Concern::replay(&returned);
    assert_eq!(state.stage(), Some(ConcernStage::Draft));
    given::<Concern>(returned)
        .when(ConcernCommand::StartRoute)
        .then([ConcernEvent::RouteStarted]);
}

#[test]
fn a_concern_ends_locally_only_with_a_reason() {
    for history in [vec![drafted()], released()] {
        given::<Concern>(history.clone())
            .when(ConcernCommand::ResolveLocally {
                rationale: text("im Kanton gelöst"),
            })
            .then([ConcernEvent::ResolvedLocally {
                rationale: text("im Kanton gelöst"),
            }]);
        given::<Concern>(history.clone())
            .when(ConcernCommand::Withdraw {
                rationale: text(""),
            })
            .then_err(ConcernError::RationaleRequired(ConcernAction::Withdraw));
        given::<Concern>(history)
            .when(ConcernCommand::ResolveLocally {
                rationale: text(""),
            })
            .then_err(ConcernError::RationaleRequired(
                ConcernAction::ResolveLocally,
            ));
    }
    given::<Concern>(at(&[via_fachstelle()]))
        .when(ConcernCommand::Withdraw {
            rationale: text("hat sich erledigt"),
        })
        .then([ConcernEvent::Withdrawn {
            rationale: text("hat sich erledigt"),
        }]);
}

#[test]
fn a_final_concern_allows_only_comments() {
    let ended = [
        drafted(),
        ConcernEvent::Withdrawn {
            rationale: text("x"),
        },
    ];
    given::<Concern>(ended.clone())
        .when(ConcernCommand::StartRoute)
        .then_err(ConcernError::NotAllowed {
            action: ConcernAction::StartRoute,
            stage: ConcernStage::Withdrawn,
            allowed: vec![ConcernAction::Comment],
        });
    given::<Concern>(ended)
        .when(ConcernCommand::Comment {
            tenant: zh(),
            text: text("zur Kenntnis"),
            visibility: CommentVisibility::Internal,
        })
        .then([ConcernEvent::Commented {
            tenant: zh(),
            text: text("zur Kenntnis"),
            visibility: CommentVisibility::Internal,
        }]);
}
