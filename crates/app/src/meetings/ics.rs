//! Meeting calendars as iCalendar (RFC 5545) feeds, for the calendar
//! programs of the members. Times are stored as local Swiss times and go
//! out in UTC (converted with the Europe/Zurich rules), which every client
//! reads the same way; each meeting keeps its UID for good, and its
//! SEQUENCE grows with every reschedule, cancellation and revision of the
//! sent agenda, so clients replace the event instead of adding another.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Zurich;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use iiz_projections::{CalendarEntry, MeetingStatus};

/// The UID of a meeting's event: stable across every change.
pub fn uid(entry: &CalendarEntry) -> String {
    format!("meeting-{}@iiz.platform", entry.id)
}

/// A local Swiss time in UTC. A time in the spring gap (which does not
/// exist) is read as the same wall time one hour later; a time in the
/// autumn overlap as its first occurrence.
pub fn swiss_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    Zurich
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            Zurich
                .from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map_or_else(
            || Utc.from_utc_datetime(&local),
            |at| at.with_timezone(&Utc),
        )
}

fn description(entry: &CalendarEntry) -> String {
    let mut text = String::from("Traktanden:");
    if entry.agenda.is_empty() {
        text.push_str("\n(noch keine)");
    }
    for (number, title) in &entry.agenda {
        text.push_str(&format!("\n{number}. {title}"));
    }
    if let Some(link) = &entry.slot.online {
        text.push_str(&format!("\n\nOnline: {}", link.as_str()));
    }
    text
}

fn event(entry: &CalendarEntry) -> Event {
    let mut event = Event::new();
    event
        .uid(&uid(entry))
        .summary(&entry.title)
        .description(&description(entry))
        .starts(swiss_to_utc(entry.slot.starts_at))
        .ends(swiss_to_utc(entry.slot.ends_at))
        .sequence(entry.sequence)
        .timestamp(entry.updated_at)
        .status(if entry.status == MeetingStatus::Cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if let Some(place) = &entry.slot.place {
        event.location(place.as_str());
    } else if let Some(link) = &entry.slot.online {
        event.location(link.as_str());
    }
    if let Some(link) = &entry.slot.online {
        event.url(link.as_str());
    }
    event.done()
}

/// The feed named `name` with the given meetings.
pub fn calendar(name: &str, entries: &[CalendarEntry]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for entry in entries {
        calendar.push(event(entry));
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(value: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(value, "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    #[test]
    fn swiss_times_go_out_in_utc_in_winter_summer_and_at_the_changes() {
        let utc = |value: &str| {
            swiss_to_utc(local(value))
                .format("%Y-%m-%d %H:%M")
                .to_string()
        };
        assert_eq!(utc("2026-11-26 09:30"), "2026-11-26 08:30");
        assert_eq!(utc("2026-06-10 09:30"), "2026-06-10 07:30");
        // 29 March 2026: 02:00 jumps to 03:00.
        assert_eq!(utc("2026-03-29 02:30"), "2026-03-29 01:30");
        // 25 October 2026: 02:30 happens twice; the first one is taken.
        assert_eq!(utc("2026-10-25 02:30"), "2026-10-25 00:30");
    }
}
