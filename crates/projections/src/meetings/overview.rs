//! A body's year at a glance: meetings planned and held per quarter, so the
//! cadence the concept asks for (STG and EKG about four times a year) is
//! visible, and whether the year's last meeting is joint with another
//! body. Computed at reading time from the calendar entries: a reschedule
//! moves a meeting between quarters or years, which a stored count would
//! have to chase.

use chrono::Datelike;
use iiz_domain::BodyId;
use iiz_domain::ids::MeetingId;
use serde::{Deserialize, Serialize};

use super::view::{CalendarEntry, MeetingStatus};

/// Counts of one quarter (or of the whole year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingCounts {
    /// Not cancelled: still to come or held.
    pub planned: u32,
    /// With minutes (drafted or approved).
    pub held: u32,
    pub cancelled: u32,
}

impl MeetingCounts {
    fn count(&mut self, status: MeetingStatus) {
        match status {
            MeetingStatus::Planned => self.planned += 1,
            MeetingStatus::Held | MeetingStatus::Approved => {
                self.planned += 1;
                self.held += 1;
            }
            MeetingStatus::Cancelled => self.cancelled += 1,
        }
    }
}

/// One body's meetings in one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingYear {
    pub body: BodyId,
    pub year: i32,
    pub total: MeetingCounts,
    /// Quarters 1 to 4.
    pub quarters: [MeetingCounts; 4],
    /// The year's last meeting that is not cancelled, and the body it is
    /// joint with.
    pub last_meeting: Option<MeetingId>,
    pub last_joint_with: Option<BodyId>,
    /// The year's meetings, in time order (cancelled ones included).
    pub meetings: Vec<CalendarEntry>,
}

/// The overview of `body` in `year` from its calendar entries (any order;
/// entries of other years and bodies are ignored).
pub fn meeting_year(body: BodyId, year: i32, entries: &[CalendarEntry]) -> MeetingYear {
    let mut meetings: Vec<CalendarEntry> = entries
        .iter()
        .filter(|entry| entry.bodies.contains(&body) && entry.slot.starts_at.year() == year)
        .cloned()
        .collect();
    meetings.sort_by(|a, b| (&a.starts_at, a.id).cmp(&(&b.starts_at, b.id)));
    let mut total = MeetingCounts::default();
    let mut quarters = [MeetingCounts::default(); 4];
    for entry in &meetings {
        total.count(entry.status);
        let quarter = usize::try_from(entry.slot.starts_at.month0() / 3).unwrap_or(0);
        if let Some(counts) = quarters.get_mut(quarter) {
            counts.count(entry.status);
        }
    }
    let last = meetings
        .iter()
        .rev()
        .find(|entry| entry.status != MeetingStatus::Cancelled);
    MeetingYear {
        body,
        year,
        total,
        quarters,
        last_meeting: last.map(|entry| entry.id),
        // Joint with the other body of the meeting, whichever hosted it.
        last_joint_with: last
            .and_then(|entry| entry.bodies.iter().copied().find(|other| *other != body)),
        meetings,
    }
}
