//! Who hears what: the rules of issue 13 as data, in one table.
//!
//! Each rule names an event (aggregate and event type), the kind of
//! notification it is (the kind a person sets a delivery preference for) and
//! the audience that hears it. [`crate::audience`] finds the people of an
//! audience, [`crate::messages`] words it, [`crate::handler`] writes it.
//! Reminders of due answers and reports come from a scheduler, not from an
//! event: see [`crate::reminders`].
//!
//! Two rules apply to every row:
//! - the actor never hears of their own step;
//! - a person who falls under several rules of one event hears once, under
//!   the first rule of the table (the unique key is event and recipient).

use iiz_app::outbound::NotificationKind;
use iiz_domain::DomainEvent;
use iiz_domain::meeting::{ItemSubject, MeetingEvent};

use crate::contract::PublishedEvent;

/// Who hears of an event. The parties of a concern and the addressees of a
/// recommendation are tenants or partners; their people are:
/// - a canton's (or the national tenant's): those holding the Coordinator
///   role in that tenant;
/// - a conference's or other partner's: its delegates, those whose current
///   seat in the national STG or EKG names the partner's institution (as
///   `app::authz::concern` finds the partners a person represents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The Fachstelle: the people with the Office role in the national
    /// tenant `CH`.
    Fachstelle,
    /// The coordinators of every party that submitted or endorsed the
    /// event's concern.
    ConcernParties,
    /// The coordinators of every party that submitted or endorsed a concern
    /// of the basis of the event's recommendation.
    BasisParties,
    /// The addressee that answered or reported on the event's
    /// recommendation, when it submitted or endorsed a concern of its basis:
    /// its own people hear that it reported on what their concern led to.
    ReportingBasisParty,
    /// The coordinators of each addressee of the event's recommendation.
    Addressees,
    /// The current members of the body of the event's meeting and of the
    /// body it meets jointly with.
    MeetingBodies,
    /// The voters of the event's circular resolution (the members with a
    /// voting seat when it was proposed).
    ResolutionVoters,
    /// The secretariat of the resolution's body: the people with the
    /// Office role in the body's tenant (the Fachstelle for the national
    /// bodies).
    ResolutionSecretariat,
}

/// A further condition on the event, beyond its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Always,
    /// The agenda item added is about a concern or a recommendation.
    ItemOnConcernOrRecommendation,
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stream type (`concern`, `recommendation`, `meeting`).
    pub aggregate: &'static str,
    /// The domain event type (`Decided`).
    pub event_type: &'static str,
    pub when: When,
    pub kind: NotificationKind,
    pub audience: Audience,
    /// Whether the e-mail carries an iCalendar invitation to the meeting.
    pub invitation: bool,
}

const fn rule(
    aggregate: &'static str,
    event_type: &'static str,
    kind: NotificationKind,
    audience: Audience,
) -> Rule {
    Rule {
        aggregate,
        event_type,
        when: When::Always,
        kind,
        audience,
        invitation: false,
    }
}

const fn meeting_rule(event_type: &'static str, when: When, kind: NotificationKind) -> Rule {
    Rule {
        aggregate: "meeting",
        event_type,
        when,
        kind,
        audience: Audience::MeetingBodies,
        invitation: matches!(kind, NotificationKind::Agenda),
    }
}

use Audience::{Addressees, BasisParties, ConcernParties, Fachstelle, ReportingBasisParty};
use NotificationKind as Kind;

/// The rules, in the order they win when one person falls under several.
pub const RULES: &[Rule] = &[
    // "A concern submitted nationally → the Fachstelle."
    rule("concern", "Submitted", Kind::ConcernSubmitted, Fachstelle),
    // "Triage (accepted, returned with reason, merged), EKG outcome, STG
    // decision, answer → the coordinators of every submitting and endorsing
    // canton or conference."
    rule("concern", "Accepted", Kind::ConcernTriaged, ConcernParties),
    rule("concern", "Returned", Kind::ConcernTriaged, ConcernParties),
    rule(
        "concern",
        "MergedInto",
        Kind::ConcernTriaged,
        ConcernParties,
    ),
    rule("concern", "Examined", Kind::ConcernExamined, ConcernParties),
    rule("concern", "Decided", Kind::ConcernDecided, ConcernParties),
    // The paths of IIZ 3.0, 2.1: brought straight to the STG, referred by
    // the STG to the EKG, the EKG's assessment back to the STG.
    rule(
        "concern",
        "BroughtToStg",
        Kind::ConcernTriaged,
        ConcernParties,
    ),
    rule(
        "concern",
        "ReferredToEkg",
        Kind::ConcernDecided,
        ConcernParties,
    ),
    rule("concern", "Assessed", Kind::ConcernExamined, ConcernParties),
    rule("concern", "Answered", Kind::ConcernAnswered, ConcernParties),
    // "A recommendation published or amended → the coordinators of each
    // addressee." First, so an addressee that also submitted a concern of
    // the basis hears what it is asked to do.
    rule(
        "recommendation",
        "Published",
        Kind::RecommendationPublished,
        Addressees,
    ),
    rule(
        "recommendation",
        "Amended",
        Kind::RecommendationPublished,
        Addressees,
    ),
    // "Downstream outcomes: when a concern's STG decision leads to a
    // recommendation, its submitters and endorsers hear when that
    // recommendation is adopted, published, amended and closed, and when
    // their own canton reports on it."
    rule(
        "recommendation",
        "Adopted",
        Kind::ConcernOutcome,
        BasisParties,
    ),
    rule(
        "recommendation",
        "Published",
        Kind::ConcernOutcome,
        BasisParties,
    ),
    rule(
        "recommendation",
        "Amended",
        Kind::ConcernOutcome,
        BasisParties,
    ),
    rule(
        "recommendation",
        "Closed",
        Kind::ConcernOutcome,
        BasisParties,
    ),
    rule(
        "recommendation",
        "Answered",
        Kind::ConcernOutcome,
        ReportingBasisParty,
    ),
    rule(
        "recommendation",
        "Reported",
        Kind::ConcernOutcome,
        ReportingBasisParty,
    ),
    // "A concern or recommendation put on an agenda, an agenda sent or
    // revised → the members of that body, with an iCalendar invitation."
    // A revised agenda goes out as its next sending; moving or cancelling
    // the meeting is a revision too (the invitation's SEQUENCE grows).
    meeting_rule(
        "ItemAdded",
        When::ItemOnConcernOrRecommendation,
        Kind::Agenda,
    ),
    meeting_rule("AgendaSent", When::Always, Kind::Agenda),
    meeting_rule("Rescheduled", When::Always, Kind::Agenda),
    meeting_rule("Cancelled", When::Always, Kind::Agenda),
    // "Minutes approved → the body's members."
    meeting_rule("MinutesApproved", When::Always, Kind::MinutesApproved),
    // A circular resolution proposed → its voters, who answer by the
    // deadline; closed → the body's secretariat hears the outcome.
    rule(
        "resolution",
        "Proposed",
        Kind::ResolutionAwaitingAnswer,
        Audience::ResolutionVoters,
    ),
    rule(
        "resolution",
        "Closed",
        Kind::ResolutionOutcome,
        Audience::ResolutionSecretariat,
    ),
    // The cantons run their networks; the Fachstelle is informed of each
    // network formed and each coordinator delegated to the EKG (IIZ 3.0,
    // chapter 5, point 3).
    rule(
        "network_registry",
        "Formed",
        Kind::NetworkChanged,
        Fachstelle,
    ),
    rule(
        "network_registry",
        "CoordinatorDelegated",
        Kind::NetworkChanged,
        Fachstelle,
    ),
];

impl When {
    fn holds(self, event: &PublishedEvent) -> bool {
        match self {
            Self::Always => true,
            Self::ItemOnConcernOrRecommendation => {
                match MeetingEvent::decode_ref(event.domain_event_type(), &event.data) {
                    Ok(MeetingEvent::ItemAdded { item, .. }) => matches!(
                        item.subject,
                        ItemSubject::Concern(_) | ItemSubject::Recommendation(_)
                    ),
                    _ => false,
                }
            }
        }
    }
}

/// The rules that apply to an event, in table order.
pub fn rules_for(event: &PublishedEvent) -> Vec<&'static Rule> {
    RULES
        .iter()
        .filter(|rule| {
            rule.aggregate == event.aggregate.stream_type
                && rule.event_type == event.domain_event_type()
                && rule.when.holds(event)
        })
        .collect()
}

/// The person id of the actor of an event (`person:<id>`), if a person acted.
pub fn acting_person(event: &PublishedEvent) -> Option<&str> {
    event.actor.strip_prefix("person:")
}

#[cfg(test)]
mod tests;
