//! The iCalendar invitation (RFC 5546 iTIP) an agenda e-mail carries: one
//! event per meeting with the UID the calendar feeds use, so the invitation
//! and the feed update the same entry, and the meeting's SEQUENCE, which
//! grows with every reschedule, cancellation and revision of the sent
//! agenda, so a calendar replaces the entry instead of adding one.
//! A cancelled meeting goes out as METHOD:CANCEL, every other as
//! METHOD:REQUEST.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus, Property};
use iiz_app::meetings::ics::{swiss_to_utc, uid};
use iiz_projections::{CalendarEntry, MeetingStatus, MeetingView};

/// The localized words of an invitation's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationTexts {
    /// "Traktanden".
    pub agenda: String,
    /// Shown when the agenda has no items yet.
    pub none: String,
    /// "Online".
    pub online: String,
    /// The body's name in the reader's language.
    pub body: String,
}

/// The iTIP method of an invitation: what a calendar does with it.
pub fn method(view: &MeetingView) -> &'static str {
    if view.status == MeetingStatus::Cancelled {
        "CANCEL"
    } else {
        "REQUEST"
    }
}

fn description(entry: &CalendarEntry, texts: &InvitationTexts) -> String {
    let mut text = format!("{}\n\n{}:", texts.body, texts.agenda);
    if entry.agenda.is_empty() {
        text.push('\n');
        text.push_str(&texts.none);
    }
    for (number, title) in &entry.agenda {
        text.push_str(&format!("\n{number}. {title}"));
    }
    if let Some(link) = &entry.slot.online {
        text.push_str(&format!("\n\n{}: {}", texts.online, link.as_str()));
    }
    text
}

/// The invitation of `attendee` (an e-mail address) to the meeting, sent by
/// `organizer` (the platform's sender address), stamped `now`.
pub fn invitation(
    view: &MeetingView,
    texts: &InvitationTexts,
    organizer: &str,
    attendee: &str,
    now: DateTime<Utc>,
) -> String {
    let entry = CalendarEntry::of(view);
    let mut event = icalendar::Event::new();
    event
        .uid(&uid(&entry))
        .summary(&entry.title)
        .description(&description(&entry, texts))
        .starts(swiss_to_utc(entry.slot.starts_at))
        .ends(swiss_to_utc(entry.slot.ends_at))
        .sequence(entry.sequence)
        .timestamp(now)
        .last_modified(entry.updated_at)
        .status(if entry.status == MeetingStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .add_property("ORGANIZER", format!("mailto:{organizer}"));
    let mut attendee = Property::new("ATTENDEE", format!("mailto:{attendee}"));
    attendee
        .add_parameter("ROLE", "REQ-PARTICIPANT")
        .add_parameter("PARTSTAT", "NEEDS-ACTION")
        .add_parameter("RSVP", "FALSE");
    event.append_multi_property(attendee);
    if let Some(place) = &entry.slot.place {
        event.location(place.as_str());
    } else if let Some(link) = &entry.slot.online {
        event.location(link.as_str());
    }
    if let Some(link) = &entry.slot.online {
        event.url(link.as_str());
    }
    let mut calendar = Calendar::new();
    calendar
        .append_property(Property::new("METHOD", method(view)))
        .push(event.done());
    calendar.done().to_string()
}
