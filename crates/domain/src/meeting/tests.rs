//! Given/when/then: scheduling, the agenda and its revisions, minutes,
//! decisions, approval and the record of what decisions caused.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use super::*;
use crate::concern::{EkgOutcome, StgOutcome};
use crate::ids::{ConcernId, PersonId};
use crate::testing::given;

pub(super) fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn at(value: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M").unwrap()
}

fn id() -> MeetingId {
    MeetingId::from_uuid(uuid::Uuid::from_u128(1))
}

fn ekg() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(2))
}

fn stg() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(3))
}

fn slot() -> Slot {
    Slot {
        starts_at: at("2027-03-10 09:30"),
        ends_at: at("2027-03-10 12:00"),
        place: Some(Title::parse("Bern, Effingerstrasse 20").unwrap()),
        online: None,
    }
}

fn scheduled() -> MeetingEvent {
    MeetingEvent::Scheduled {
        id: id(),
        body: ekg(),
        joint_with: None,
        title: Title::parse("EKG-Sitzung 1/2027").unwrap(),
        slot: slot(),
    }
}

fn concern_item() -> AgendaItem {
    AgendaItem {
        title: Title::parse("Anliegen ZH: Aussteuerung").unwrap(),
        purpose: ItemPurpose::Decision,
        subject: ItemSubject::Concern(ConcernId::from_uuid(uuid::Uuid::from_u128(7))),
        note: text("Antrag: dem STG eine Empfehlung vorschlagen"),
        documents: vec![],
    }
}

fn info_item() -> AgendaItem {
    AgendaItem {
        title: Title::parse("Mitteilungen").unwrap(),
        purpose: ItemPurpose::Information,
        subject: ItemSubject::Free,
        note: FreeText::default(),
        documents: vec![],
    }
}

fn added(number: u32, item: AgendaItem) -> MeetingEvent {
    MeetingEvent::ItemAdded {
        number,
        item,
        revision: None,
    }
}

fn sent(version: u32) -> MeetingEvent {
    MeetingEvent::AgendaSent { version }
}

pub(super) fn prepared() -> Vec<MeetingEvent> {
    vec![
        scheduled(),
        added(1, info_item()),
        added(2, concern_item()),
        sent(1),
    ]
}

pub(super) fn decision() -> Decision {
    Decision {
        outcome: text("Dem STG eine Empfehlung an alle Kantone vorschlagen"),
        rationale: text("Betrifft alle Kantone"),
        resolution: Resolution::Vote {
            yes: 2,
            no: 0,
            abstain: 1,
        },
        present: (1..=3)
            .map(|n| PersonId::from_uuid(uuid::Uuid::from_u128(100 + n)))
            .collect::<BTreeSet<_>>(),
        effect: Some(DecisionEffect::Examine {
            outcome: EkgOutcome::ProposeToStg {
                proposal: StgOutcome::Recommendation,
            },
        }),
    }
}

pub(super) fn minuted(number: u32, note: &str, decision: Option<Decision>) -> MeetingEvent {
    MeetingEvent::MinutesRecorded {
        number,
        note: text(note),
        decision,
    }
}

#[test]
fn a_body_schedules_a_meeting_possibly_jointly_with_another() {
    let schedule = |joint_with, slot| MeetingCommand::Schedule {
        id: id(),
        body: ekg(),
        joint_with,
        title: Title::parse("EKG-Sitzung 1/2027").unwrap(),
        slot,
    };
    given::<Meeting>([])
        .when(schedule(None, slot()))
        .then([scheduled()]);
    given::<Meeting>([])
        .when(schedule(Some(ekg()), slot()))
        .then_err(MeetingError::JointWithItself);
    let mut backwards = slot();
    backwards.ends_at = at("2027-03-10 08:00");
    given::<Meeting>([])
        .when(schedule(Some(stg()), backwards))
        .then_err(MeetingError::EndsBeforeStart);
    given::<Meeting>([scheduled()])
        .when(schedule(None, slot()))
        .then_err(MeetingError::AlreadyScheduled);
    given::<Meeting>([])
        .when(MeetingCommand::SendAgenda)
        .then_err(MeetingError::NotScheduled);
}

#[test]
fn items_are_numbered_and_an_empty_agenda_is_not_sent() {
    given::<Meeting>([scheduled()])
        .when(MeetingCommand::SendAgenda)
        .then_err(MeetingError::EmptyAgenda);
    given::<Meeting>([scheduled(), added(1, info_item())])
        .when(MeetingCommand::AddItem {
            item: concern_item(),
            reason: FreeText::default(),
        })
        .then([added(2, concern_item())]);
    given::<Meeting>([scheduled(), added(1, info_item())])
        .when(MeetingCommand::SendAgenda)
        .then([sent(1)]);
    given::<Meeting>(prepared())
        .when(MeetingCommand::SendAgenda)
        .then([]);
}

#[test]
fn a_sent_agenda_is_revised_visibly_with_a_reason_and_sent_again() {
    given::<Meeting>(prepared())
        .when(MeetingCommand::AddItem {
            item: info_item(),
            reason: FreeText::default(),
        })
        .then_err(MeetingError::Required(
            "reason for revising the sent agenda",
        ));
    let revised = MeetingEvent::ItemWithdrawn {
        number: 1,
        revision: Some(text("Mitteilungen schriftlich")),
    };
    given::<Meeting>(prepared())
        .when(MeetingCommand::WithdrawItem {
            number: 1,
            reason: text("Mitteilungen schriftlich"),
        })
        .then([revised.clone()]);
    let mut history = prepared();
    history.push(revised);
    given::<Meeting>(history.clone())
        .when(MeetingCommand::SendAgenda)
        .then([sent(2)]);
    given::<Meeting>(history)
        .when(MeetingCommand::ChangeItem {
            number: 1,
            item: info_item(),
            reason: text("doch"),
        })
        .then_err(MeetingError::UnknownItem(1));
}

#[test]
fn minutes_follow_the_agenda_and_decisions_belong_to_decision_items() {
    given::<Meeting>([scheduled(), added(1, info_item())])
        .when(MeetingCommand::RecordMinutes {
            number: 1,
            note: text("zur Kenntnis genommen"),
            decision: None,
        })
        .then_err(MeetingError::AgendaNotSent);
    given::<Meeting>(prepared())
        .when(MeetingCommand::RecordMinutes {
            number: 1,
            note: text("zur Kenntnis genommen"),
            decision: Some(decision()),
        })
        .then_err(MeetingError::NotADecisionItem(1));
    given::<Meeting>(prepared())
        .when(MeetingCommand::RecordMinutes {
            number: 2,
            note: text("Diskussion"),
            decision: Some(decision()),
        })
        .then([minuted(2, "Diskussion", Some(decision()))]);
    let mut crowded = decision();
    crowded.resolution = Resolution::Vote {
        yes: 3,
        no: 1,
        abstain: 0,
    };
    given::<Meeting>(prepared())
        .when(MeetingCommand::RecordMinutes {
            number: 2,
            note: FreeText::default(),
            decision: Some(crowded),
        })
        .then_err(MeetingError::MoreVotesThanPresent {
            votes: 4,
            present: 3,
        });
    let mut empty = decision();
    empty.present.clear();
    given::<Meeting>(prepared())
        .when(MeetingCommand::RecordMinutes {
            number: 2,
            note: FreeText::default(),
            decision: Some(empty),
        })
        .then_err(MeetingError::NobodyPresent);
    given::<Meeting>(prepared())
        .when(MeetingCommand::RecordMinutes {
            number: 9,
            note: text("x"),
            decision: None,
        })
        .then_err(MeetingError::UnknownItem(9));
}

#[test]
fn minutes_are_approved_once_every_decision_item_has_its_decision() {
    let mut history = prepared();
    history.push(minuted(1, "zur Kenntnis genommen", None));
    given::<Meeting>(history.clone())
        .when(MeetingCommand::ApproveMinutes {
            approval: Approval::ByChair,
        })
        .then_err(MeetingError::DecisionMissing(2));
    history.push(minuted(2, "Diskussion", Some(decision())));
    given::<Meeting>(history.clone())
        .when(MeetingCommand::ApproveMinutes {
            approval: Approval::AtMeeting(id()),
        })
        .then_err(MeetingError::SelfApproval);
    let next = MeetingId::from_uuid(uuid::Uuid::from_u128(9));
    let approved = MeetingEvent::MinutesApproved {
        approval: Approval::AtMeeting(next),
    };
    given::<Meeting>(history.clone())
        .when(MeetingCommand::ApproveMinutes {
            approval: Approval::AtMeeting(next),
        })
        .then([approved.clone()]);
    history.push(approved);
    given::<Meeting>(history.clone())
        .when(MeetingCommand::RecordMinutes {
            number: 1,
            note: text("ergänzt"),
            decision: None,
        })
        .then_err(MeetingError::MinutesApproved);
    // A held meeting is neither moved nor cancelled.
    given::<Meeting>(history[..history.len() - 1].to_vec())
        .when(MeetingCommand::Cancel {
            reason: text("zu spät"),
        })
        .then_err(MeetingError::AlreadyHeld);
    // The process records what the referenced concern made of the decision,
    // also after approval.
    given::<Meeting>(history.clone())
        .when(MeetingCommand::RecordPropagation {
            number: 2,
            propagation: Propagation::Refused {
                reason: "a concern that is answered cannot examine".to_owned(),
            },
        })
        .then([MeetingEvent::PropagationRecorded {
            number: 2,
            propagation: Propagation::Refused {
                reason: "a concern that is answered cannot examine".to_owned(),
            },
        }]);
    given::<Meeting>(history)
        .when(MeetingCommand::RecordPropagation {
            number: 1,
            propagation: Propagation::Applied,
        })
        .then_err(MeetingError::NothingToPropagate(1));
}

#[test]
fn a_cancelled_meeting_takes_no_further_step() {
    let cancelled = MeetingEvent::Cancelled {
        reason: text("Beschlussunfähig"),
    };
    given::<Meeting>([scheduled()])
        .when(MeetingCommand::Cancel {
            reason: text("Beschlussunfähig"),
        })
        .then([cancelled.clone()]);
    given::<Meeting>([scheduled(), cancelled])
        .when(MeetingCommand::AddItem {
            item: info_item(),
            reason: FreeText::default(),
        })
        .then_err(MeetingError::Cancelled);
    let mut later = slot();
    later.starts_at = at("2027-03-17 09:30");
    later.ends_at = at("2027-03-17 12:00");
    given::<Meeting>([scheduled()])
        .when(MeetingCommand::Reschedule {
            slot: later.clone(),
            reason: FreeText::default(),
        })
        .then_err(MeetingError::Required("reason"));
    given::<Meeting>([scheduled()])
        .when(MeetingCommand::Reschedule {
            slot: later.clone(),
            reason: text("Ferien"),
        })
        .then([MeetingEvent::Rescheduled {
            slot: later,
            reason: text("Ferien"),
        }]);
}
