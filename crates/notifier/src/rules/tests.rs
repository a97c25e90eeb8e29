use chrono::Utc;
use iiz_domain::ConcernId;
use iiz_domain::meeting::{AgendaItem, ItemPurpose};
use iiz_domain::text::{FreeText, Title};
use serde_json::Value;
use uuid::Uuid;

use super::*;
use crate::contract::AggregateRef;

fn event(aggregate: &str, event_type: &str, data: Value) -> PublishedEvent {
    PublishedEvent {
        id: Uuid::now_v7(),
        event_type: format!("{aggregate}.{event_type}"),
        version: 1,
        tenant: "CH".to_owned(),
        aggregate: AggregateRef {
            stream_type: aggregate.to_owned(),
            id: Uuid::now_v7().to_string(),
            version: 3,
        },
        recorded_at: Utc::now(),
        actor: "person:0190a5b2-0000-7000-8000-000000000001".to_owned(),
        correlation_id: Uuid::now_v7(),
        causation_id: None,
        data,
    }
}

/// Kind, audience and invitation of each rule that applies.
fn applied(event: &PublishedEvent) -> Vec<(NotificationKind, Audience, bool)> {
    rules_for(event)
        .into_iter()
        .map(|rule| (rule.kind, rule.audience, rule.invitation))
        .collect()
}

fn item_added(subject: ItemSubject) -> PublishedEvent {
    let change = MeetingEvent::ItemAdded {
        number: 1,
        item: AgendaItem {
            title: Title::parse("Anliegen ZH").expect("title"),
            purpose: ItemPurpose::Decision,
            subject,
            note: FreeText::parse("Antrag der Fachstelle").expect("note"),
            documents: Vec::new(),
        },
        revision: None,
    };
    let (event_type, data) = change.encode().expect("encode");
    event("meeting", event_type, data)
}

#[test]
fn a_concern_submitted_nationally_reaches_the_fachstelle() {
    let submitted = event("concern", "Submitted", Value::Null);
    assert_eq!(
        applied(&submitted),
        [(Kind::ConcernSubmitted, Fachstelle, false)]
    );
}

#[test]
fn the_fachstelle_is_informed_of_networks_formed_and_coordinators_delegated() {
    for event_type in ["Formed", "CoordinatorDelegated"] {
        let change = event("network_registry", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [(Kind::NetworkChanged, Fachstelle, false)],
            "{event_type}"
        );
    }
    // The cantons' proposals and answers are theirs alone.
    for event_type in ["Proposed", "ProposalAnswered", "CoordinatorProposed"] {
        let change = event("network_registry", event_type, Value::Null);
        assert!(applied(&change).is_empty(), "{event_type}");
    }
}

#[test]
fn triage_examination_decision_and_answer_reach_the_concerns_parties() {
    for (event_type, kind) in [
        ("Accepted", Kind::ConcernTriaged),
        ("Returned", Kind::ConcernTriaged),
        ("MergedInto", Kind::ConcernTriaged),
        ("Examined", Kind::ConcernExamined),
        ("Decided", Kind::ConcernDecided),
        ("Answered", Kind::ConcernAnswered),
        ("BroughtToStg", Kind::ConcernTriaged),
        ("ReferredToEkg", Kind::ConcernDecided),
        ("Assessed", Kind::ConcernExamined),
    ] {
        let change = event("concern", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [(kind, ConcernParties, false)],
            "{event_type}"
        );
    }
}

#[test]
fn a_published_or_amended_recommendation_reaches_addressees_first_then_the_basis() {
    for event_type in ["Published", "Amended"] {
        let change = event("recommendation", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [
                (Kind::RecommendationPublished, Addressees, false),
                (Kind::ConcernOutcome, BasisParties, false),
            ],
            "{event_type}"
        );
    }
}

#[test]
fn downstream_outcomes_reach_the_submitters_and_endorsers_of_the_basis() {
    for event_type in ["Adopted", "Closed"] {
        let change = event("recommendation", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [(Kind::ConcernOutcome, BasisParties, false)],
            "{event_type}"
        );
    }
    for event_type in ["Answered", "Reported"] {
        let change = event("recommendation", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [(Kind::ConcernOutcome, ReportingBasisParty, false)],
            "{event_type}"
        );
    }
}

#[test]
fn agendas_reach_the_bodies_with_an_invitation() {
    for subject in [
        ItemSubject::Concern(ConcernId::new()),
        ItemSubject::Recommendation(iiz_domain::RecommendationId::new()),
    ] {
        assert_eq!(
            applied(&item_added(subject)),
            [(Kind::Agenda, Audience::MeetingBodies, true)]
        );
    }
    assert!(applied(&item_added(ItemSubject::Free)).is_empty());
    for event_type in ["AgendaSent", "Rescheduled", "Cancelled"] {
        let change = event("meeting", event_type, Value::Null);
        assert_eq!(
            applied(&change),
            [(Kind::Agenda, Audience::MeetingBodies, true)],
            "{event_type}"
        );
    }
}

#[test]
fn approved_minutes_reach_the_bodies_without_an_invitation() {
    let approved = event("meeting", "MinutesApproved", Value::Null);
    assert_eq!(
        applied(&approved),
        [(Kind::MinutesApproved, Audience::MeetingBodies, false)]
    );
}

#[test]
fn a_proposed_resolution_reaches_its_voters_and_the_outcome_the_secretariat() {
    let proposed = event("resolution", "Proposed", Value::Null);
    assert_eq!(
        applied(&proposed),
        [(
            Kind::ResolutionAwaitingAnswer,
            Audience::ResolutionVoters,
            false
        )]
    );
    let closed = event("resolution", "Closed", Value::Null);
    assert_eq!(
        applied(&closed),
        [(
            Kind::ResolutionOutcome,
            Audience::ResolutionSecretariat,
            false
        )]
    );
}

#[test]
fn other_events_notify_nobody() {
    for (aggregate, event_type) in [
        ("concern", "Drafted"),
        ("concern", "Endorsed"),
        ("concern", "Commented"),
        ("recommendation", "Flagged"),
        ("meeting", "MinutesRecorded"),
        ("meeting", "Scheduled"),
        ("resolution", "Answered"),
        ("resolution", "Withdrawn"),
        ("resolution", "PropagationRecorded"),
        ("body", "ResolutionRulesSet"),
        ("person", "Registered"),
        ("body", "Submitted"),
    ] {
        assert!(applied(&event(aggregate, event_type, Value::Null)).is_empty());
    }
}

#[test]
fn the_actor_is_the_person_who_acted() {
    let change = event("concern", "Submitted", Value::Null);
    assert_eq!(
        acting_person(&change),
        Some("0190a5b2-0000-7000-8000-000000000001")
    );
    let demo = PublishedEvent {
        actor: "system:demo".to_owned(),
        ..change
    };
    assert_eq!(acting_person(&demo), None);
}
