//! Given/when/then: the life of a recommendation, from draft to closing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::*;
use crate::ids::{CantonCode, ConcernId, Language, TenantId};
use crate::partner::Partner;
use crate::testing::{given, minuted};
use crate::text::{FreeText, Title};

pub(super) fn canton(code: &str) -> Party {
    Party::Tenant(TenantId::Canton(CantonCode::parse(code).unwrap()))
}

pub(super) fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

pub(super) fn date(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

pub(super) fn id() -> RecommendationId {
    RecommendationId::from_uuid(uuid::Uuid::from_u128(1))
}

pub(super) fn content() -> RecommendationContent {
    RecommendationContent {
        title: Title::parse("Gemeinsame Fallführung RAV und Sozialhilfe").unwrap(),
        text: text("Die Kantone regeln die gemeinsame Fallführung verbindlich."),
        language: Language::De,
        translations: BTreeMap::from([(
            Language::Fr,
            Translation {
                title: Title::parse("Gestion commune des cas ORP et aide sociale").unwrap(),
                text: text("Les cantons règlent la gestion commune des cas."),
            },
        )]),
        rationale: text("Doppelte Abklärungen bei Ausgesteuerten (Anliegen ZH)"),
        source: RecommendationSource::StgDecisionOnConcern,
        basis: Basis {
            concerns: BTreeSet::from([ConcernId::from_uuid(uuid::Uuid::from_u128(7))]),
            projects: vec![],
            documents: vec![],
        },
        focus_area: Some(FocusArea::parse("labour_market_integration").unwrap()),
    }
}

pub(super) fn addressees() -> BTreeSet<Party> {
    BTreeSet::from([canton("ZH"), canton("BE"), Party::Partner(Partner::Sodk)])
}

pub(super) fn schedule() -> Schedule {
    Schedule {
        answer_due: date("2027-03-31"),
        rhythm: ReportingRhythm::Yearly,
    }
}

pub(super) fn drafted() -> RecommendationEvent {
    RecommendationEvent::Drafted {
        id: id(),
        content: content(),
        addressees: addressees(),
        schedule: schedule(),
    }
}

pub(super) fn adopted() -> RecommendationEvent {
    RecommendationEvent::Adopted {
        decision: text("STG 2026/4, Traktandum 3"),
        on: date("2026-11-20"),
        decided_by: Some(minuted("STG-Sitzung 4/2026, Traktandum 3")),
    }
}

pub(super) fn published() -> RecommendationEvent {
    RecommendationEvent::Published {
        on: date("2026-12-01"),
        addressees: addressees(),
    }
}

fn not_allowed(action: RecommendationAction, stage: RecommendationStage) -> RecommendationError {
    RecommendationError::NotAllowed {
        action,
        stage,
        allowed: allowed_actions(stage),
    }
}

#[test]
fn a_draft_needs_text_rationale_and_addressees() {
    let draft = |content, addressees| RecommendationCommand::Draft {
        id: id(),
        content,
        addressees,
        schedule: schedule(),
    };
    given::<Recommendation>([])
        .when(draft(content(), addressees()))
        .then([drafted()]);
    given::<Recommendation>([])
        .when(draft(content(), BTreeSet::new()))
        .then_err(RecommendationError::NoAddressees);
    let mut without_rationale = content();
    without_rationale.rationale = FreeText::default();
    given::<Recommendation>([])
        .when(draft(without_rationale, addressees()))
        .then_err(RecommendationError::Required("rationale"));
    let mut without_text = content();
    without_text.text = FreeText::default();
    given::<Recommendation>([])
        .when(draft(without_text, addressees()))
        .then_err(RecommendationError::Required("text"));
    let mut doubled = content();
    doubled.translations.insert(
        Language::De,
        Translation {
            title: content().title,
            text: content().text,
        },
    );
    given::<Recommendation>([])
        .when(draft(doubled, addressees()))
        .then_err(RecommendationError::TranslationInOriginalLanguage(
            Language::De,
        ));
    let mut long = content();
    long.basis.projects = vec![Title::parse("Projekt").unwrap(); MAX_BASIS_ENTRIES + 1];
    given::<Recommendation>([])
        .when(draft(long, addressees()))
        .then_err(RecommendationError::BasisTooLong {
            max: MAX_BASIS_ENTRIES,
        });
    given::<Recommendation>([drafted()])
        .when(draft(content(), addressees()))
        .then_err(RecommendationError::AlreadyDrafted);
}

#[test]
fn nothing_but_drafting_happens_to_a_recommendation_that_does_not_exist() {
    given::<Recommendation>([])
        .when(RecommendationCommand::Publish {
            on: date("2026-12-01"),
        })
        .then_err(RecommendationError::NotDrafted);
}

#[test]
fn a_draft_is_edited_and_an_unchanged_edit_records_nothing() {
    let mut changed = content();
    changed.text = text("Die Kantone regeln die Fallführung in einer Vereinbarung.");
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Edit {
            content: changed.clone(),
            addressees: addressees(),
            schedule: schedule(),
        })
        .then([RecommendationEvent::Edited {
            content: changed,
            addressees: addressees(),
            schedule: schedule(),
        }]);
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Edit {
            content: content(),
            addressees: addressees(),
            schedule: schedule(),
        })
        .then([]);
}

#[test]
fn a_draft_is_discarded_with_a_rationale_and_then_allows_nothing() {
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Discard {
            rationale: FreeText::default(),
        })
        .then_err(RecommendationError::Required("rationale"));
    let discarded = RecommendationEvent::Discarded {
        rationale: text("Durch Projekt abgedeckt"),
    };
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Discard {
            rationale: text("Durch Projekt abgedeckt"),
        })
        .then([discarded.clone()]);
    given::<Recommendation>([drafted(), discarded])
        .when(RecommendationCommand::Adopt {
            decision: text("STG 2026/4"),
            on: date("2026-11-20"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(not_allowed(
            RecommendationAction::Adopt,
            RecommendationStage::Discarded,
        ));
}

#[test]
fn the_stg_adopts_with_a_decision_reference() {
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Adopt {
            decision: text("STG 2026/4, Traktandum 3"),
            on: date("2026-11-20"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then([adopted()]);
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Adopt {
            decision: FreeText::default(),
            on: date("2026-11-20"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(RecommendationError::Required("decision reference"));
    given::<Recommendation>([drafted(), adopted()])
        .when(RecommendationCommand::Edit {
            content: content(),
            addressees: addressees(),
            schedule: schedule(),
        })
        .then_err(not_allowed(
            RecommendationAction::Edit,
            RecommendationStage::Adopted,
        ));
}

#[test]
fn publishing_opens_one_item_per_addressee_and_needs_a_later_answer_date() {
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Publish {
            on: date("2026-12-01"),
        })
        .then_err(not_allowed(
            RecommendationAction::Publish,
            RecommendationStage::Draft,
        ));
    given::<Recommendation>([drafted(), adopted()])
        .when(RecommendationCommand::Publish {
            on: date("2026-12-01"),
        })
        .then([published()]);
    given::<Recommendation>([drafted(), adopted()])
        .when(RecommendationCommand::Publish {
            on: date("2027-03-31"),
        })
        .then_err(RecommendationError::AnswerDueTooEarly {
            due: date("2027-03-31"),
            published: date("2027-03-31"),
        });
    let state = Recommendation::replay(&[drafted(), adopted(), published()]);
    assert_eq!(state.stage(), Some(RecommendationStage::Published));
    assert_eq!(state.addressees(), addressees());
    assert_eq!(state.acceptance(canton("ZH")), None);
}

fn amend(addressees: BTreeSet<Party>) -> RecommendationCommand {
    let mut content = content();
    content.text = text("Die Kantone regeln die gemeinsame Fallführung bis 2028.");
    RecommendationCommand::Amend {
        content,
        addressees,
        schedule: schedule(),
        decision: text("STG 2027/1, Traktandum 2"),
        summary: text("Frist bis 2028 ergänzt; SKOS neu Adressatin"),
        decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
    }
}

#[test]
fn an_amendment_is_a_new_version_that_may_add_but_never_remove_addressees() {
    let mut more = addressees();
    more.insert(Party::Partner(Partner::Skos));
    let mut changed = content();
    changed.text = text("Die Kantone regeln die gemeinsame Fallführung bis 2028.");
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(amend(more))
        .then([RecommendationEvent::Amended {
            version: 2,
            content: changed,
            schedule: schedule(),
            added: BTreeSet::from([Party::Partner(Partner::Skos)]),
            decision: text("STG 2027/1, Traktandum 2"),
            summary: text("Frist bis 2028 ergänzt; SKOS neu Adressatin"),
            decided_by: Some(minuted("STG-Sitzung 4/2026, Traktandum 3")),
        }]);
    let mut fewer = addressees();
    fewer.remove(&canton("BE"));
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(amend(fewer))
        .then_err(RecommendationError::AddresseeRemoved(canton("BE")));
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Amend {
            content: content(),
            addressees: addressees(),
            schedule: schedule(),
            decision: text("STG 2027/1"),
            summary: text("nichts"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then([]);
    given::<Recommendation>([drafted(), adopted()])
        .when(amend(addressees()))
        .then_err(not_allowed(
            RecommendationAction::Amend,
            RecommendationStage::Adopted,
        ));
}

#[test]
fn an_amendment_needs_a_decision_a_summary_and_an_answer_date_after_publication() {
    let RecommendationCommand::Amend {
        content, schedule, ..
    } = amend(addressees())
    else {
        unreachable!()
    };
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Amend {
            content: content.clone(),
            addressees: addressees(),
            schedule,
            decision: text("STG 2027/1"),
            summary: FreeText::default(),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(RecommendationError::Required("summary of the changes"));
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Amend {
            content,
            addressees: addressees(),
            schedule: Schedule {
                answer_due: date("2026-11-30"),
                rhythm: ReportingRhythm::Yearly,
            },
            decision: text("STG 2027/1"),
            summary: text("Frist"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(RecommendationError::AnswerDueTooEarly {
            due: date("2026-11-30"),
            published: date("2026-12-01"),
        });
}

#[test]
fn a_published_recommendation_is_superseded_or_closed_and_then_only_shared() {
    let other = RecommendationId::from_uuid(uuid::Uuid::from_u128(2));
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Supersede {
            by: id(),
            rationale: text("neu"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(RecommendationError::SelfReference);
    let superseded = RecommendationEvent::Superseded {
        by: other,
        rationale: text("Ersetzt durch die Empfehlung 2027/2"),
        decided_by: Some(minuted("STG-Sitzung 4/2026, Traktandum 3")),
    };
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Supersede {
            by: other,
            rationale: text("Ersetzt durch die Empfehlung 2027/2"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then([superseded.clone()]);
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Close {
            assessment: FreeText::default(),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then_err(RecommendationError::Required("final assessment"));
    let closed = RecommendationEvent::Closed {
        assessment: text("In 24 Kantonen umgesetzt"),
        decided_by: Some(minuted("STG-Sitzung 4/2026, Traktandum 3")),
    };
    given::<Recommendation>([drafted(), adopted(), published()])
        .when(RecommendationCommand::Close {
            assessment: text("In 24 Kantonen umgesetzt"),
            decided_by: minuted("STG-Sitzung 4/2026, Traktandum 3"),
        })
        .then([closed.clone()]);
    for end in [superseded, closed] {
        let stage = Recommendation::replay(&[drafted(), adopted(), published(), end.clone()])
            .stage()
            .unwrap();
        given::<Recommendation>([drafted(), adopted(), published(), end.clone()])
            .when(RecommendationCommand::Answer {
                addressee: canton("ZH"),
                acceptance: Acceptance::Accepted,
                justification: FreeText::default(),
            })
            .then_err(not_allowed(RecommendationAction::Answer, stage));
        given::<Recommendation>([drafted(), adopted(), published(), end])
            .when(RecommendationCommand::Share {
                addressee: canton("ZH"),
                shareable: true,
            })
            .then([RecommendationEvent::SharingChanged {
                addressee: canton("ZH"),
                shareable: true,
            }]);
    }
}

#[test]
fn every_stage_allows_exactly_its_actions() {
    use RecommendationAction as A;
    assert_eq!(
        allowed_actions(RecommendationStage::Draft),
        [A::Edit, A::Discard, A::Adopt]
    );
    assert_eq!(allowed_actions(RecommendationStage::Adopted), [A::Publish]);
    assert!(allowed_actions(RecommendationStage::Discarded).is_empty());
    for stage in RecommendationStage::ALL {
        let allowed = allowed_actions(stage);
        assert_eq!(
            allowed.contains(&A::Report),
            stage == RecommendationStage::Published,
            "{stage}"
        );
    }
}

#[test]
fn refusals_name_the_stage_and_what_it_allows() {
    let error = not_allowed(RecommendationAction::Report, RecommendationStage::Draft);
    assert_eq!(
        error.to_string(),
        "a recommendation that is draft cannot report; allowed now: edit, discard, adopt"
    );
    let details = crate::error::Classify::details(&error).unwrap();
    assert_eq!(details["state"], "draft");
    assert_eq!(details["allowed"][2], "adopt");
}
