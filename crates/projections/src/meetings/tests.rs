//! The meeting register over a short history, and the yearly overview.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use iiz_domain::concern::EkgOutcome;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{
    AgendaItem, Approval, Decision, DecisionEffect, ItemPurpose, ItemSubject, MeetingEvent,
    Propagation, Resolution, Slot,
};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{BodyId, ConcernId, DomainEvent, PersonId};
use iiz_store::{DocKey, DocSet, EventMetadata, LogCursor, RecordedEvent, StreamRef};

use super::*;

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn local(value: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M").unwrap()
}

fn at(value: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&local(value))
}

fn body(n: u128) -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(n))
}

fn meeting(n: u128) -> MeetingId {
    MeetingId::from_uuid(uuid::Uuid::from_u128(n))
}

fn slot(day: &str) -> Slot {
    Slot {
        starts_at: local(&format!("{day} 09:30")),
        ends_at: local(&format!("{day} 12:00")),
        place: Some(Title::parse("Bern").unwrap()),
        online: None,
    }
}

fn item(title: &str, purpose: ItemPurpose) -> AgendaItem {
    AgendaItem {
        title: Title::parse(title).unwrap(),
        purpose,
        subject: ItemSubject::Concern(ConcernId::from_uuid(uuid::Uuid::from_u128(7))),
        note: FreeText::default(),
        documents: vec![],
    }
}

/// Applies `history` (event, recorded at) of meeting `id` to `docs`.
fn project(docs: &mut DocSet, id: MeetingId, history: &[(MeetingEvent, &str)]) {
    let key = DocKey::new(MEETINGS, id.to_string());
    let start = get_typed::<MeetingView>(docs, &key)
        .unwrap()
        .map_or(0, |view| view.version);
    for (number, (change, on)) in history.iter().enumerate() {
        let (event_type, payload) = change.encode().unwrap();
        let version = start + u64::try_from(number).unwrap() + 1;
        let position = i64::try_from(version).unwrap();
        let event = RecordedEvent {
            position,
            cursor: LogCursor { tx: 0, position },
            event_id: uuid::Uuid::now_v7(),
            stream: StreamRef::new("CH", "meeting", id.to_string()),
            stream_version: version,
            event_type: event_type.to_owned(),
            schema_version: 1,
            payload,
            metadata: EventMetadata::new("person:office"),
            recorded_at: at(on),
        };
        MeetingRegister.apply(docs, &event).unwrap();
    }
}

fn scheduled(id: MeetingId, day: &str, joint_with: Option<BodyId>) -> MeetingEvent {
    MeetingEvent::Scheduled {
        id,
        body: body(1),
        joint_with,
        title: Title::parse("EKG-Sitzung").unwrap(),
        slot: slot(day),
    }
}

fn decision() -> Decision {
    Decision {
        outcome: text("Dem STG vorschlagen"),
        rationale: text("Alle Kantone"),
        resolution: Resolution::Consensus,
        present: BTreeSet::from([PersonId::from_uuid(uuid::Uuid::from_u128(9))]),
        effect: Some(DecisionEffect::Examine {
            outcome: EkgOutcome::HandleInEkg,
        }),
    }
}

fn view(docs: &DocSet, id: MeetingId) -> MeetingView {
    get_typed(docs, &DocKey::new(MEETINGS, id.to_string()))
        .unwrap()
        .unwrap()
}

#[test]
fn the_view_shows_revisions_minutes_refusals_and_approval() {
    let id = meeting(10);
    let mut docs = DocSet::complete();
    project(
        &mut docs,
        id,
        &[
            (scheduled(id, "2026-02-10", None), "2026-01-05 08:00"),
            (
                MeetingEvent::ItemAdded {
                    number: 1,
                    item: item("Mitteilungen", ItemPurpose::Information),
                    revision: None,
                },
                "2026-01-06 08:00",
            ),
            (
                MeetingEvent::ItemAdded {
                    number: 2,
                    item: item("Anliegen ZH", ItemPurpose::Decision),
                    revision: None,
                },
                "2026-01-06 08:01",
            ),
            (MeetingEvent::AgendaSent { version: 1 }, "2026-01-20 08:00"),
            (
                MeetingEvent::ItemWithdrawn {
                    number: 1,
                    revision: Some(text("schriftlich")),
                },
                "2026-01-25 08:00",
            ),
        ],
    );
    let revised = view(&docs, id);
    assert!(revised.revised_since_sent);
    assert_eq!(revised.sequence, 1);
    assert_eq!(revised.revisions.len(), 1);
    let revision = &revised.revisions[0];
    assert_eq!(revision.kind, RevisionKind::ItemWithdrawn);
    assert_eq!(revision.item, Some(1));
    assert_eq!(revision.title.as_deref(), Some("Mitteilungen"));
    assert_eq!(revision.reason, "schriftlich");
    assert_eq!(revision.revises_version, 1);
    assert_eq!(revised.current_items().count(), 1);

    let mut docs = DocSet::complete();
    let refused = Propagation::Refused {
        reason: "not before the EKG".to_owned(),
    };
    project(
        &mut docs,
        id,
        &[
            (scheduled(id, "2026-02-10", None), "2026-01-05 08:00"),
            (
                MeetingEvent::ItemAdded {
                    number: 1,
                    item: item("Anliegen ZH", ItemPurpose::Decision),
                    revision: None,
                },
                "2026-01-06 08:00",
            ),
            (MeetingEvent::AgendaSent { version: 1 }, "2026-01-20 08:00"),
            (
                MeetingEvent::MinutesRecorded {
                    number: 1,
                    note: text("Diskussion"),
                    decision: Some(decision()),
                },
                "2026-02-11 08:00",
            ),
        ],
    );
    let held = view(&docs, id);
    assert_eq!(held.status, MeetingStatus::Held);
    assert!(held.pending_propagation);
    assert_eq!(held.items[0].minutes.as_ref().unwrap().version, 4);
    project(
        &mut docs,
        id,
        &[
            (
                MeetingEvent::PropagationRecorded {
                    number: 1,
                    propagation: refused.clone(),
                },
                "2026-02-11 08:00",
            ),
            (
                MeetingEvent::MinutesApproved {
                    approval: Approval::ByChair,
                },
                "2026-02-20 08:00",
            ),
        ],
    );
    let approved = view(&docs, id);
    assert!(!approved.pending_propagation);
    assert_eq!(approved.items[0].propagation, Some(refused));
    assert_eq!(approved.status, MeetingStatus::Approved);
    assert_eq!(
        approved.approval.as_ref().map(|a| a.approval),
        Some(Approval::ByChair)
    );
}

#[test]
fn the_year_counts_quarters_and_names_the_last_joint_body() {
    let mut docs = DocSet::complete();
    let days = ["2026-02-10", "2026-05-12", "2026-08-25", "2026-11-24"];
    for (n, day) in (1..).zip(days) {
        let id = meeting(n);
        let joint = (n == 4).then(|| body(2));
        let mut history = vec![(scheduled(id, day, joint), "2026-01-01 08:00")];
        // The first is cancelled, the third moved into October.
        if n == 1 {
            let reason = text("Beschlussunfähig");
            history.push((MeetingEvent::Cancelled { reason }, "2026-02-01 08:00"));
        }
        if n == 3 {
            let moved = MeetingEvent::Rescheduled {
                slot: slot("2026-10-06"),
                reason: text("Ferien"),
            };
            history.push((moved, "2026-06-01 08:00"));
        }
        project(&mut docs, id, &history);
    }
    let entries: Vec<CalendarEntry> = (1..=4)
        .map(|n| {
            get_typed(
                &docs,
                &DocKey::new(MEETING_CALENDAR, meeting(n).to_string()),
            )
            .unwrap()
            .unwrap()
        })
        .collect();
    assert_eq!(entries[2].sequence, 1);
    let year = meeting_year(body(1), 2026, &entries);
    assert_eq!(year.total.planned, 3);
    assert_eq!(year.total.cancelled, 1);
    assert_eq!(year.quarters[0].cancelled, 1);
    assert_eq!(year.quarters[1].planned, 1);
    assert_eq!(year.quarters[2].planned, 0);
    assert_eq!(year.quarters[3].planned, 2);
    assert_eq!(year.last_meeting, Some(meeting(4)));
    assert_eq!(year.last_joint_with, Some(body(2)));
    // The joint body sees the joint meeting, and it is joint with body 1.
    let joint = meeting_year(body(2), 2026, &entries);
    assert_eq!(joint.total.planned, 1);
    assert_eq!(joint.last_joint_with, Some(body(1)));
    assert_eq!(meeting_year(body(1), 2027, &entries).total.planned, 0);
}
