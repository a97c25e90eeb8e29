//! The resolution register over a short history.

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use iiz_domain::body::ResolutionRules;
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::ResolutionId;
use iiz_domain::resolution::{Outcome, ResolutionEvent, Tally, Vote};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{BodyId, PersonId};
use iiz_store::{DocKey, DocSet};

use super::*;
use crate::testing::apply;

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(uuid::Uuid::from_u128(n))
}

#[test]
fn every_answer_and_the_outcome_are_kept() {
    let id = ResolutionId::from_uuid(uuid::Uuid::from_u128(1));
    let at = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    let events = [
        ResolutionEvent::Proposed {
            id,
            body: BodyId::from_uuid(uuid::Uuid::from_u128(2)),
            label: Title::parse("Zirkularbeschluss STG 1/2026").unwrap(),
            subject: ItemSubject::Free,
            effect: None,
            title: Title::parse("Jahresbericht").unwrap(),
            decision: FreeText::parse("Genehmigt").unwrap(),
            rationale: FreeText::default(),
            deadline: at,
            rules: ResolutionRules::default(),
            voters: BTreeSet::from([person(1), person(2)]),
            proposed_by: person(9),
            proposed_at: at,
        },
        ResolutionEvent::Answered {
            voter: person(1),
            vote: Vote::No,
            comment: None,
            answered_at: at,
        },
        ResolutionEvent::Answered {
            voter: person(1),
            vote: Vote::Yes,
            comment: Some(FreeText::parse("Nach Rückfrage einverstanden").unwrap()),
            answered_at: at,
        },
        ResolutionEvent::Closed {
            outcome: Outcome::NotCarried {
                reason: "1 of 2 voters did not answer".to_owned(),
            },
            tally: Tally {
                yes: 1,
                missing: 1,
                ..Tally::default()
            },
            closed_at: at,
        },
    ];
    let mut docs = DocSet::complete();
    let stream_id = id.to_string();
    apply(
        &ResolutionRegister,
        &mut docs,
        ("CH", "resolution", &stream_id),
        &events[..3],
    );
    let key = DocKey::new(RESOLUTIONS, &stream_id);
    let view: ResolutionView = get_typed(&docs, &key).unwrap().unwrap();
    assert!(view.open);
    assert_eq!(view.awaiting, vec![person(2)]);
    assert_eq!(view.answers.len(), 2);
    assert!(view.answers[0].replaced);
    assert_eq!(view.answer_of(person(1)).unwrap().vote, Vote::Yes);

    let mut docs = DocSet::complete();
    apply(
        &ResolutionRegister,
        &mut docs,
        ("CH", "resolution", &stream_id),
        &events,
    );
    let view: ResolutionView = get_typed(&docs, &key).unwrap().unwrap();
    assert_eq!(view.status, ResolutionStatus::NotCarried);
    assert!(!view.open && view.awaiting.is_empty() && !view.pending_propagation);
    assert_eq!(view.tally.unwrap().missing, 1);
}
