//! A body's year of meetings in GraphQL: counts per quarter against the
//! planned cadence, and the meetings on its calendar.

use async_graphql::{ID, SimpleObject};
use chrono::NaiveDateTime;
use iiz_app::meetings::YearlyOverview;
use iiz_projections::{CalendarEntry, MeetingCounts};

use super::meeting_enums::MeetingStatusValue;
use super::shared_types::id;

/// Meetings counted (planned includes held; cancelled apart).
#[derive(Debug, Clone, SimpleObject)]
pub struct MeetingCountsInfo {
    /// 0 for the whole year, else 1 to 4.
    pub quarter: u32,
    pub planned: u32,
    pub held: u32,
    pub cancelled: u32,
}

fn counts(quarter: u32, counts: &MeetingCounts) -> MeetingCountsInfo {
    MeetingCountsInfo {
        quarter,
        planned: counts.planned,
        held: counts.held,
        cancelled: counts.cancelled,
    }
}

/// A meeting on a calendar.
#[derive(Debug, Clone, SimpleObject)]
pub struct CalendarMeeting {
    pub id: ID,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub status: MeetingStatusValue,
    pub joint_with: Option<ID>,
}

impl From<&CalendarEntry> for CalendarMeeting {
    fn from(entry: &CalendarEntry) -> Self {
        Self {
            id: id(entry.id),
            title: entry.title.clone(),
            starts_at: entry.slot.starts_at,
            ends_at: entry.slot.ends_at,
            status: entry.status.into(),
            joint_with: entry.joint_with.map(id),
        }
    }
}

/// A body's year: meetings per quarter against the planned cadence.
#[derive(Debug, Clone, SimpleObject)]
pub struct MeetingYearInfo {
    pub body: ID,
    pub year: i32,
    /// Meetings a year the concept plans for the body, when it says.
    pub expected: Option<u32>,
    pub total: MeetingCountsInfo,
    pub quarters: Vec<MeetingCountsInfo>,
    pub last_meeting: Option<ID>,
    /// The body the year's last meeting is joint with.
    pub last_joint_with: Option<ID>,
    /// The national STG's year does not end jointly with the EKG.
    pub year_end_not_joint: bool,
    pub meetings: Vec<CalendarMeeting>,
}

impl From<YearlyOverview> for MeetingYearInfo {
    fn from(overview: YearlyOverview) -> Self {
        let year = overview.year;
        Self {
            body: id(year.body),
            year: year.year,
            expected: overview.expected,
            total: counts(0, &year.total),
            quarters: (1..)
                .zip(&year.quarters)
                .map(|(q, c)| counts(q, c))
                .collect(),
            last_meeting: year.last_meeting.map(id),
            last_joint_with: year.last_joint_with.map(id),
            year_end_not_joint: overview.year_end_not_joint,
            meetings: year.meetings.iter().map(Into::into).collect(),
        }
    }
}
